package org.popcast.models.pinn;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.popcast.data.io.NetcdfWriter;
import org.popcast.engine.provenance.Provenance;
import org.popcast.engine.runtime.Device;
import org.popcast.engine.train.Progress;
import org.popcast.models.agepde.ExactSolveRun;
import org.popcast.models.agepde.PdeScenario;

/**
 * {@code popcast pde compare}: PINN and LSTM-PINN, each with popcast's default and the seed's
 * preset, trained with the same seed on each policy and measured against the exact solution.
 * Every run keeps its own result file and model directory under the output directory.
 */
public final class PdeComparison {

    /** One configuration to train: a label and its settings. */
    public record Config(String label, PinnSettings settings) {
    }

    /** The measured outcome of one configuration on one policy. */
    public record Row(String config, String policy, String architecture, int parameters, double relL2, double relLinf,
                      double relL2OffJump, double[] birthYears, double[] birthErrors, double wallSeconds, double stepsPerSecond,
                      long adamSteps, int lbfgsIterations) {
    }

    private PdeComparison() {
    }

    /** The four configurations with steps scaled by {@code scale} (1: as the presets say) and the given seed. */
    public static List<Config> configs(double scale, long seed) {
        List<Config> list = new ArrayList<>();
        list.add(new Config("pinn default", scaled(PinnSettings.defaults(), scale, seed)));
        list.add(new Config("pinn seed", scaled(PinnSettings.seedPreset(), scale, seed)));
        list.add(new Config("lstm-pinn default", scaled(PinnSettings.lstmDefaults(), scale, seed)));
        list.add(new Config("lstm-pinn seed", scaled(PinnSettings.lstmSeedPreset(), scale, seed)));
        return list;
    }

    private static PinnSettings scaled(PinnSettings s, double scale, long seed) {
        Map<String, String> m = new java.util.LinkedHashMap<>(s.toMap());
        m.put("adam_steps", Long.toString(Math.max(1, Math.round(s.adamSteps() * scale))));
        m.put("lbfgs_iterations", Long.toString(Math.round(s.lbfgsIterations() * scale)));
        m.put("seed", Long.toString(seed));
        return PinnSettings.fromMap(m);
    }

    public static Row run(Config c, PdeScenario scenario, ExactSolveRun.Grid grid, Device device, Path outDir,
                          Provenance provenance, Progress progress) throws IOException {
        String stem = (c.label() + "-" + scenario.name()).replace(' ', '-');
        PinnTrainRun.Outcome o = PinnTrainRun.run(scenario,
                new PinnTrainRun.Options(c.settings(), grid, device, outDir.resolve(stem + ".model"), false, 1000), provenance, progress);
        NetcdfWriter.write(outDir.resolve(stem + ".h5"), o.dataset());
        ExactComparison cmp = o.comparison();
        return new Row(c.label(), scenario.name(), c.settings().architecture(scenario.problem()),
                c.settings().parameterCount(scenario.problem()), cmp.relL2(), cmp.relLinf(), cmp.relL2OffJump(), cmp.birthYears(),
                cmp.birthErrors(), o.adamSeconds() + o.lbfgsSeconds(), o.adamStepsThisRun() / Math.max(o.adamSeconds(), 1e-9),
                o.adamStepsThisRun(), o.lbfgsIterations());
    }

    /** The table as CSV (one row per configuration and policy). */
    public static String csv(List<Row> rows) {
        StringBuilder b = new StringBuilder("config,policy,architecture,parameters,rel_l2,rel_linf,rel_l2_off_jump,"
                + "births_error_1,births_error_2,births_error_3,wall_time_s,steps_per_s,adam_steps,lbfgs_iterations\n");
        for (Row r : rows) {
            b.append(String.format(Locale.ROOT, "%s,%s,\"%s\",%d,%.4e,%.4e,%.4e,%s,%.1f,%.1f,%d,%d%n", r.config(), r.policy(),
                    r.architecture(), r.parameters(), r.relL2(), r.relLinf(), r.relL2OffJump(), births(r, ","), r.wallSeconds(),
                    r.stepsPerSecond(), r.adamSteps(), r.lbfgsIterations()));
        }
        return b.toString();
    }

    /** The table as Markdown. */
    public static String markdown(List<Row> rows) {
        StringBuilder b = new StringBuilder("| configuration | policy | network | parameters | rel L2 off jump | rel L2 | rel Linf "
                + "| births error (t0+10, +20, +30) | wall time | steps/s |\n|---|---|---|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            b.append(String.format(Locale.ROOT, "| %s | %s | %s | %,d | %.2e | %.2e | %.2e | %s | %.0f s | %.1f |%n", r.config(),
                    r.policy(), r.architecture(), r.parameters(), r.relL2OffJump(), r.relL2(), r.relLinf(), births(r, " / "),
                    r.wallSeconds(), r.stepsPerSecond()));
        }
        return b.toString();
    }

    private static String births(Row r, String separator) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            parts.add(i < r.birthErrors().length ? String.format(Locale.ROOT, "%.2e", r.birthErrors()[i]) : "");
        }
        return String.join(separator, parts);
    }
}
