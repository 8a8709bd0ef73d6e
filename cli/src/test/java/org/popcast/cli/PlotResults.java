package org.popcast.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** One small real result of every product that popcast plot draws, made by the real commands on tiny settings (plot tests). */
public final class PlotResults {

    private PlotResults() {
    }

    /** Product name to file, written into {@code dir}; the runs take a few seconds in all. */
    public static Map<String, Path> make(Path dir) throws IOException {
        Map<String, Path> files = new LinkedHashMap<>();
        files.put("agepde_exact", run(dir.resolve("exact.h5"), "pde", "solve", "--policy", "two-child", "--age-step", "1", "--time-step", "0.5"));
        String[] train = new String[PdeTrainCommandTest.TINY.length + 6];
        System.arraycopy(new String[] {"pde", "train", "--model", "pinn", "--ic", "soft"}, 0, train, 0, 6);
        System.arraycopy(PdeTrainCommandTest.TINY, 0, train, 6, PdeTrainCommandTest.TINY.length);
        files.put("agepde_pinn", run(dir.resolve("pinn.h5"), train));
        files.put("agepde_pinn_prediction", run(dir.resolve("grid.h5"), "pde", "predict", "--model", dir.resolve("pinn.model").toString(),
                "--age-step", "5", "--time-step", "1"));
        files.put("cohort_projection", run(dir.resolve("cn.h5"), "cohort", "project", "--builtin", "china-national", "--horizon", "20",
                "--step", "5"));
        Path observed = Files.writeString(dir.resolve("observed.csv"), "region,population\nCN,1409778724\n");
        files.put("cohort_validation", run(dir.resolve("v.h5"), "cohort", "validate", "--projection", dir.resolve("cn.h5").toString(),
                "--observed", observed.toString(), "--year", "2020"));
        files.put("balance_forecast", run(dir.resolve("forecast.h5"), "balance", "forecast", "--until", "2035"));
        files.put("balance_backtest", run(dir.resolve("backtest.h5"), "balance", "backtest", "--holdout", "5"));
        files.put("balance_groups", run(dir.resolve("groups.h5"), "balance", "groups", "--series", BalanceCliTest.series(dir).toString(),
                "--groups", BalanceCliTest.groups(dir).toString()));
        Path table = MobilityCliTest.table(dir, "mobility.csv", true);
        CliRun eval = CliRun.popcast(MobilityCliTest.args(new String[] {"mobility", "evaluate", "--table", table.toString(), "--out",
                dir.resolve("eval").toString()}, "--folds", "3", "--time-origins", "2017,2018", "-q"));
        check(eval);
        files.put("mobility_evaluation", dir.resolve("eval/evaluation.h5"));
        return files;
    }

    private static Path run(Path out, String... args) {
        java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of(args));
        all.addAll(java.util.List.of("--out", out.toString()));
        if (!all.contains("-q")) {
            all.add("-q");
        }
        check(CliRun.popcast(all.toArray(String[]::new)));
        return out;
    }

    private static void check(CliRun run) {
        if (run.exit() != 0) {
            throw new IllegalStateException("making a plot test result failed: " + run.err());
        }
    }
}
