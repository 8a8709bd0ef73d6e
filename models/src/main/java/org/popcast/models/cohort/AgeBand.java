package org.popcast.models.cohort;

/** The census's broad age groups, as shares of the total population (percent). */
public enum AgeBand {
    AGE_0_14("age_0_14", "0-14", 0, 15),
    AGE_15_59("age_15_59", "15-59", 15, 60),
    AGE_60_PLUS("age_60_plus", "60+", 60, Double.POSITIVE_INFINITY),
    AGE_65_PLUS("age_65_plus", "65+", 65, Double.POSITIVE_INFINITY);

    private final String column;
    private final String label;
    private final double from;
    private final double below;

    AgeBand(String column, String label, double from, double below) {
        this.column = column;
        this.label = label;
        this.from = from;
        this.below = below;
    }

    /** The column of observed-YEAR-ages.csv. */
    public String column() {
        return column;
    }

    public String label() {
        return label;
    }

    /** Whether the age group starting at {@code age} belongs to the band (groups never straddle 15, 60 or 65 on a 1- or 5-year grid). */
    public boolean contains(double age) {
        return age >= from && age < below;
    }

    /**
     * Shares in percent of each band in one region's population.
     *
     * @param population [sex][age] flattened, {@code ages.length} ages per sex
     */
    public static double[] shares(double[] population, double[] ages) {
        double[] out = new double[values().length];
        double total = 0;
        for (int i = 0; i < population.length; i++) {
            total += population[i];
            for (AgeBand b : values()) {
                out[b.ordinal()] += b.contains(ages[i % ages.length]) ? population[i] : 0;
            }
        }
        for (int b = 0; b < out.length; b++) {
            out[b] = 100 * out[b] / total;
        }
        return out;
    }
}
