package org.popcast.models.cohort.stochastic;

import org.popcast.data.input.ConfigNode;
import org.popcast.data.input.InputFolder;
import org.popcast.data.input.YamlConfig;
import org.popcast.kernels.stochastic.Ar1;

/**
 * What a probabilistic projection needs besides the projection's own input: {@code stochastic.yaml}
 * in the input folder (formats.md, docs/probabilistic.md).
 *
 * @param tfr            AR(1) of the TFR's departure from the scenario path, on the TFR scale, per {@code period} years
 * @param tfrSource      where the AR(1) parameters come from (written to every result)
 * @param e0History      file of e_0 by sex and period ({@code sex,year,e0}; year = the period's first year), or null
 * @param e0From         first period of that history to use (gains before it are left out)
 * @param migrationCheck file of regions with a known net migrant stock ({@code region,year,registered}), or null
 */
public record StochasticSettings(Ar1 tfr, String tfrSource, String e0History, int e0From, String migrationCheck) {

    public static final String FILE = "stochastic.yaml";

    public static StochasticSettings read(InputFolder folder) {
        if (!folder.exists(FILE)) {
            throw new org.popcast.data.input.InputException(folder.name(FILE) + ": not found; a probabilistic projection (--trajectories)"
                    + " needs it (docs/probabilistic.md)");
        }
        ConfigNode root = YamlConfig.parse(folder.name(FILE), folder.text(FILE)).allowOnly("tfr", "e0_history", "e0_from",
                "migration_check");
        ConfigNode t = root.get("tfr").allowOnly("rho", "sigma", "period", "source");
        double rho = t.number("rho"), sigma = t.number("sigma"), period = t.number("period");
        if (!(rho > 0 && rho <= 1)) {
            throw t.get("rho").error("expected 0 < rho <= 1, got " + rho);
        }
        if (!(sigma >= 0 && sigma < 2)) {
            throw t.get("sigma").error("expected a standard deviation in [0, 2) children per woman, got " + sigma);
        }
        if (!(period >= 1 && period <= 10)) {
            throw t.get("period").error("expected a period of 1 to 10 years, got " + period);
        }
        double from = root.number("e0_from", 0);
        if (from != Math.rint(from)) {
            throw root.get("e0_from").error("expected a year, got " + from);
        }
        return new StochasticSettings(new Ar1(rho, sigma, period), t.text("source"), root.text("e0_history", null), (int) from,
                root.text("migration_check", null));
    }
}
