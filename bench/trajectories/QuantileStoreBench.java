// Times the quantiles of N trajectories both ways in one process (docs/probabilistic.md, "Speed and memory"):
// in memory (ProjectionQuantiles.of, the reference) and through the scratch file (TrajectoryStore: rows
// written, then quantiles block by block with its 64 MiB buffer), on the default city run's summary shape
// (388 regions x 91 years, 2 sexes x 21 groups x 19 kept years: 1.38 MB a trajectory) filled with
// synthetic values, and checks that both give the same bits.
//   javac -cp cli/target/popcast.jar -d /tmp/qsb bench/trajectories/*.java
//   java -Xmx4g -cp /tmp/qsb:cli/target/popcast.jar org.popcast.models.cohort.stochastic.QuantileStoreBench 1000 [DIR]
package org.popcast.models.cohort.stochastic;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import org.popcast.data.input.InputFolder;
import org.popcast.data.io.ScratchFile;
import org.popcast.models.cohort.CohortInputReader;
import org.popcast.models.cohort.ProjectionPlan;
import org.popcast.models.cohort.ScenarioSet;

public class QuantileStoreBench {
    public static void main(String[] a) throws Exception {
        int n = Integer.parseInt(a[0]);
        Path dir = Path.of(a.length > 1 ? a[1] : System.getProperty("java.io.tmpdir"));
        ScenarioSet set = ScenarioSet.builtin("paper-5x3");
        ProjectionPlan plan = new ProjectionPlan(CohortInputReader.read(InputFolder.builtin("cohort/china-cities"),
                CohortInputReader.ProjectionOverrides.NONE), List.of(set.scenarios().get(ScenarioSet.central(set.names()))));
        SummaryShape shape = SummaryShape.of(plan, 5);
        SplittableRandom random = new SplittableRandom(1);
        TrajectorySummary[] s = new TrajectorySummary[n];
        for (int j = 0; j < n; j++) {
            float[] t = new float[shape.totalSize()], b = new float[shape.byAgeSize()];
            for (int i = 0; i < t.length; i++) {
                t[i] = (float) (1e6 * (1 + 0.1 * random.nextGaussian()));
            }
            for (int i = 0; i < b.length; i++) {
                b[i] = (float) (1e4 * (1 + 0.1 * random.nextGaussian()));
            }
            s[j] = new TrajectorySummary(t, b);
        }
        double[] p = ProbabilisticProjection.DEFAULT_QUANTILES;
        System.out.printf("N = %d, %d + %d cells a trajectory (%.2f MB)%n", n, shape.totalSize(), shape.byAgeSize(),
                (shape.totalSize() + shape.byAgeSize()) * 4 / 1e6);
        for (int rep = 0; rep < 3; rep++) {
            String load = Files.readString(Path.of("/proc/loadavg")).trim();
            long t0 = System.nanoTime();
            ProjectionQuantiles memory = ProjectionQuantiles.of(s, shape, p);
            long t1 = System.nanoTime();
            ProjectionQuantiles stored;
            long t2, t3;
            try (TrajectoryStore store = new TrajectoryStore(ScratchFile.beside(dir.resolve("bench.h5")), shape, n)) {
                t2 = System.nanoTime();
                for (int j = 0; j < n; j++) {
                    store.accept(j, s[j]);
                }
                t3 = System.nanoTime();
                stored = store.quantiles(p, TrajectoryStore.BUDGET_DEFAULT);
            }
            long t4 = System.nanoTime();
            boolean same = java.util.Arrays.equals(memory.totals(), stored.totals()) && java.util.Arrays.equals(memory.byAge(), stored.byAge());
            System.out.printf("in memory %.2f s | store: write %.2f s, quantiles %.2f s | same bits: %s | load %s%n",
                    (t1 - t0) / 1e9, (t3 - t2) / 1e9, (t4 - t3) / 1e9, same, load);
        }
    }
}
