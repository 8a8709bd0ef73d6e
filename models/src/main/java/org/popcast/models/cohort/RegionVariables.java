package org.popcast.models.cohort;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.popcast.data.io.CfFlags;
import org.popcast.data.io.NetcdfDataset;

/**
 * The region (or city) metadata of cohort files as CF variables (format 1.1, formats.md): names and
 * codes as text variables over the region dimension, the level as an int8 flag variable. Shared by
 * the projection, its validation and the hindcast so the three name them alike.
 */
public final class RegionVariables {

    /** city, province, nation, region: the values 0..3 of {@code region_level}. */
    public static final CfFlags LEVELS = CfFlags.of(Region.LEVELS);

    private RegionVariables() {
    }

    /**
     * {@code <dim>_name(dim)} and {@code <dim>_code(dim)}; the code repeats the coordinate so that
     * tools which drop coordinates (a variable's {@code to_dataframe()}, CSV exports) keep it.
     */
    public static void namesAndCodes(NetcdfDataset.Builder b, String dim, List<String> codes, List<String> names) {
        b.stringVariable(dim + "_name", List.of(dim), names.toArray(String[]::new), "name of the " + dim + " (regions.csv)")
                .stringVariable(dim + "_code", List.of(dim), codes.toArray(String[]::new), "code of the " + dim + " (regions.csv)");
    }

    /** {@code region_level(dim)}: the level of each region as a CF flag. */
    public static void levels(NetcdfDataset.Builder b, String dim, List<String> levels) {
        byte[] flags = new byte[levels.size()];
        for (int r = 0; r < flags.length; r++) {
            flags[r] = (byte) Region.LEVELS.indexOf(levels.get(r));
        }
        b.flagVariable("region_level", List.of(dim), flags, LEVELS, "level of the region");
    }

    /**
     * Code to name from the {@code region_names} attribute of format 1.0 ("code,name" lines),
     * which 1.1 files still carry for readers that know only it.
     */
    public static Map<String, String> legacyNames(String attribute) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : attribute.split("\n")) {
            int comma = line.indexOf(',');
            if (comma > 0) {
                out.put(line.substring(0, comma), line.substring(comma + 1));
            }
        }
        return out;
    }
}
