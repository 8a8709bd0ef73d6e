package org.popcast.models.cohort;

/**
 * A region of the hierarchy (regions.csv): code, name, parent code ("" for a root), level (city,
 * province, nation or region) and population ceiling (+infinity for none).
 */
public record Region(String code, String name, String parent, String level, double cap) {

    public static final java.util.List<String> LEVELS = java.util.List.of("city", "province", "nation", "region");

    public boolean capped() {
        return cap < Double.POSITIVE_INFINITY;
    }
}
