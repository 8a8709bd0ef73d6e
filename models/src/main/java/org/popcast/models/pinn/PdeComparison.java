package org.popcast.models.pinn;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.popcast.data.input.InputException;
import org.popcast.data.io.CsvText;
import org.popcast.data.io.NetcdfDataset;
import org.popcast.data.io.NetcdfReader;
import org.popcast.data.io.NetcdfWriter;
import org.popcast.engine.provenance.Provenance;
import org.popcast.engine.runtime.Device;
import org.popcast.engine.train.Progress;
import org.popcast.models.agepde.ExactSolveRun;
import org.popcast.models.agepde.PdeScenario;

/**
 * {@code popcast pde compare}: PINN and LSTM-PINN, each with popcast's default and the source
 * paper's preset, trained with the same seed on each policy and measured against the exact solution.
 * Every run keeps its own result file and model directory under the output directory.
 */
public final class PdeComparison {

    /** One configuration to train: a label and its settings. */
    public record Config(String label, PinnSettings settings) {
    }

    /** The measured outcome of one configuration on one policy, as its result file records it. */
    public record Row(String config, String policy, String architecture, long parameters, double relL2, double relLinf,
                      double relL2OffJump, double[] birthYears, double[] birthErrors, double wallSeconds, double stepsPerSecond,
                      long adamStepsDone, long adamStepsPlanned, long lbfgsDone, long lbfgsPlanned, boolean timeLimited) {

        /** The row of a PINN result file (attributes written by {@link PinnTrainRun}). */
        public static Row of(String config, String policy, NetcdfDataset result) {
            Map<String, Object> a = result.attributes();
            TreeMap<Double, Double> births = new TreeMap<>();
            a.forEach((k, v) -> {
                if (k.startsWith("births_rel_error_")) {
                    births.put(Double.parseDouble(k.substring("births_rel_error_".length())), ((Number) v).doubleValue());
                }
            });
            return new Row(config, policy, (String) a.get("architecture"), number(a, "parameter_count").longValue(),
                    number(a, "rel_l2").doubleValue(), number(a, "rel_linf").doubleValue(), number(a, "rel_l2_off_jump").doubleValue(),
                    births.keySet().stream().mapToDouble(Double::doubleValue).toArray(),
                    births.values().stream().mapToDouble(Double::doubleValue).toArray(), number(a, "wall_time_s").doubleValue(),
                    number(a, "steps_per_s").doubleValue(), number(a, "adam_steps_done").longValue(),
                    number(a, "adam_steps").longValue(), number(a, "lbfgs_iterations_done").longValue(),
                    number(a, "lbfgs_iterations").longValue(), String.valueOf(a.get("stopped_by_time_limit")).startsWith("yes"));
        }

        private static Number number(Map<String, Object> a, String key) {
            if (!(a.get(key) instanceof Number n)) {
                throw new InputException("the result file has no numeric attribute '" + key + "'");
            }
            return n;
        }

        /** "10,000" or "3,120 of 10,000 (time limit)". */
        String adamSteps() {
            return adamStepsDone == adamStepsPlanned ? String.format(Locale.ROOT, "%,d", adamStepsDone)
                    : String.format(Locale.ROOT, "%,d of %,d", adamStepsDone, adamStepsPlanned);
        }
    }

    private PdeComparison() {
    }

    /** The four configurations with steps scaled by {@code scale} (1: as the presets say) and the given seed. */
    public static List<Config> configs(double scale, long seed) {
        List<Config> list = new ArrayList<>();
        list.add(new Config("pinn default", scaled(PinnSettings.defaults(), scale, seed)));
        list.add(new Config("pinn paper", scaled(PinnSettings.paperPreset(), scale, seed)));
        list.add(new Config("lstm-pinn default", scaled(PinnSettings.lstmDefaults(), scale, seed)));
        list.add(new Config("lstm-pinn paper", scaled(PinnSettings.lstmPaperPreset(), scale, seed)));
        return list;
    }

    private static PinnSettings scaled(PinnSettings s, double scale, long seed) {
        PinnSettings.Optimisation o = s.optimisation();
        return s.toBuilder().seed(seed).optimisation(new PinnSettings.Optimisation(o.schedule(),
                (int) Math.max(1, Math.round(o.adamSteps() * scale)), (int) Math.round(o.lbfgsIterations() * scale), o.lbfgsPoints())).build();
    }

    /**
     * Trains one configuration on one policy and writes its result file and model directory under
     * {@code outDir}, or, with {@code reuse}, takes an earlier result file there when it was made
     * with the same settings, grid and time limit (so an interrupted comparison goes on where it stopped).
     */
    public static Row run(Config c, PdeScenario scenario, ExactSolveRun.Grid grid, Device device, Duration timeLimit,
                          boolean reuse, Path outDir, Provenance provenance, Progress progress) throws IOException {
        String stem = (c.label() + "-" + scenario.name()).replace(' ', '-');
        Path file = outDir.resolve(stem + ".h5");
        // comparisons started before the paper presets were renamed wrote pinn-seed-*.h5
        Path earlierFile = Files.exists(file) ? file : outDir.resolve(stem.replace("-paper-", "-seed-") + ".h5");
        if (reuse && Files.exists(earlierFile)) {
            NetcdfDataset earlier = NetcdfReader.read(earlierFile);
            if (sameRun(earlier, c.settings(), scenario, grid, timeLimit)) {
                progress.message("reusing " + earlierFile + " (same settings)");
                return Row.of(c.label(), scenario.name(), earlier);
            }
            progress.message(file + " was made with other settings: training again");
        }
        PinnTrainRun.Result o = PinnTrainRun.run(scenario, new PinnTrainRun.RunSettings(c.settings(), grid, device,
                outDir.resolve(stem + ".model"), false, 1000, timeLimit), provenance, progress);
        NetcdfWriter.write(file, o.dataset());
        return Row.of(c.label(), scenario.name(), o.dataset());
    }

    private static boolean sameRun(NetcdfDataset earlier, PinnSettings settings, PdeScenario scenario, ExactSolveRun.Grid grid,
                                   Duration timeLimit) {
        Map<String, Object> a = earlier.attributes();
        for (Map.Entry<String, String> e : settings.toMap().entrySet()) {
            // results written before a setting existed lack it and were made with it off
            String absent = PinnSettings.ABSENT_MEANS.get(e.getKey());
            Object was = a.containsKey(e.getKey()) || absent == null ? a.get(e.getKey()) : PinnOutputs.typed(absent);
            if (!PinnOutputs.typed(e.getValue()).equals(was)) {
                return false;
            }
        }
        return scenario.source().equals(a.get("scenario_yaml")) && Double.valueOf(grid.ageStep()).equals(a.get("age_step"))
                && Double.valueOf(grid.timeStep()).equals(a.get("time_step"))
                && (timeLimit == null ? "none" : PinnTrainRun.format(timeLimit)).equals(a.get("time_limit"));
    }

    /** The table as CSV (one row per configuration and policy; RFC 4180, numbers in their shortest round-trip text). */
    public static String csv(List<Row> rows) {
        StringBuilder b = new StringBuilder("config,policy,architecture,parameters,rel_l2,rel_linf,rel_l2_off_jump,"
                + "births_error_1,births_error_2,births_error_3,wall_time_s,steps_per_s,adam_steps_done,adam_steps,lbfgs_iterations_done,"
                + "lbfgs_iterations,stopped_by_time_limit\n");
        for (Row r : rows) {
            List<Object> cells = new ArrayList<>(List.of(r.config(), r.policy(), r.architecture(), r.parameters(), r.relL2(), r.relLinf(),
                    r.relL2OffJump()));
            for (int i = 0; i < 3; i++) {
                cells.add(i < r.birthErrors().length ? r.birthErrors()[i] : "");
            }
            cells.addAll(List.of(r.wallSeconds(), r.stepsPerSecond(), r.adamStepsDone(), r.adamStepsPlanned(), r.lbfgsDone(), r.lbfgsPlanned(),
                    r.timeLimited()));
            CsvText.appendRow(b, cells.toArray());
        }
        return b.toString();
    }

    /** The table as Markdown. */
    public static String markdown(List<Row> rows) {
        StringBuilder b = new StringBuilder("| configuration | policy | network | parameters | rel L2 off jump | rel L2 | rel Linf "
                + "| births error (t0+10, +20, +30) | wall time | steps/s | Adam steps | L-BFGS |\n|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            b.append(String.format(Locale.ROOT, "| %s | %s | %s | %,d | %.2e | %.2e | %.2e | %s | %.0f s | %.1f | %s | %,d |%n", r.config(),
                    r.policy(), r.architecture(), r.parameters(), r.relL2OffJump(), r.relL2(), r.relLinf(), births(r, " / "),
                    r.wallSeconds(), r.stepsPerSecond(), r.adamSteps() + (r.timeLimited() ? " (time limit)" : ""), r.lbfgsDone()));
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
