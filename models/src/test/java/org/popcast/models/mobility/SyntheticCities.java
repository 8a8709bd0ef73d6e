package org.popcast.models.mobility;

import java.util.Locale;
import java.util.Random;


/**
 * Small city-year tables with a known linear signal, target = 0.5 x1 - 0.3 x2 + 0.1 x3 + 0.2
 * (x4 is noise), for tests: {@code cities} cities over {@code years} years from 2011.
 */
final class SyntheticCities {

    static final double[] BETA = {0.5, -0.3, 0.1, 0};
    static final double INTERCEPT = 0.2;

    private SyntheticCities() {
    }

    /** Features are a city level plus a yearly wobble; {@code missingShare} of feature cells are left empty. */
    static String csv(int cities, int years, double missingShare, long seed) {
        Random r = new Random(seed);
        StringBuilder b = new StringBuilder("Cityid,year,name,x1,x2,x3,x4,target\n");
        for (int c = 0; c < cities; c++) {
            double[] level = {r.nextGaussian(), r.nextGaussian(), r.nextGaussian(), r.nextGaussian()};
            for (int y = 0; y < years; y++) {
                double[] x = new double[4];
                double target = INTERCEPT;
                b.append(1000 + c).append(',').append(2011 + y).append(",city").append(c);
                for (int j = 0; j < 4; j++) {
                    x[j] = level[j] + 0.5 * r.nextGaussian();
                    target += BETA[j] * x[j];
                }
                for (int j = 0; j < 4; j++) {
                    b.append(',');
                    if (r.nextDouble() >= missingShare) {
                        b.append(String.format(Locale.ROOT, "%.17g", x[j]));
                    }
                }
                b.append(',').append(String.format(Locale.ROOT, "%.17g", target)).append('\n');
            }
        }
        return b.toString();
    }

    static FeatureTable table(int cities, int years, double missingShare, long seed) {
        return FeatureTableReader.parseCsv("synthetic.csv", csv(cities, years, missingShare, seed));
    }

    /** Defaults with this table's columns and no named exclusions. */
    static MobilitySettings settings() {
        return MobilitySettings.defaults().withColumns(new ColumnScreen.Settings("target", "Cityid", "year", java.util.List.of(),
                java.util.List.of(), ColumnScreen.THRESHOLD_DEFAULT));
    }
}
