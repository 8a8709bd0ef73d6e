package org.popcast.models.common;

import org.popcast.data.io.NetcdfDataset;
import org.popcast.engine.provenance.Provenance;

/**
 * The header every popcast result and model file starts with, in this order: {@code title},
 * {@code Conventions} (CF-1.10), the provenance ({@code source}, {@code history}, versions,
 * {@code created}), {@code format_version} and {@code product} (formats.md). Products add their
 * own attributes after it.
 */
public final class ResultHeader {

    /** CF 1.10: calendar years without a duration unit, integer flags, UDUNITS-2 units (formats.md). */
    public static final String CONVENTIONS = "CF-1.10";

    private ResultHeader() {
    }

    /** A dataset builder holding the header. */
    public static NetcdfDataset.Builder start(String title, Provenance provenance, String formatVersion, String product) {
        NetcdfDataset.Builder b = NetcdfDataset.builder().attribute("title", title).attribute("Conventions", CONVENTIONS);
        provenance.attributes().forEach(b::attribute);
        return b.attribute("format_version", formatVersion).attribute("product", product);
    }
}
