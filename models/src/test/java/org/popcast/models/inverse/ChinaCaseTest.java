package org.popcast.models.inverse;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresBuilder;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.util.Pair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.popcast.engine.optim.LearningRateSchedule;
import org.popcast.engine.runtime.Device;
import org.popcast.engine.train.Progress;
import org.popcast.kernels.agepde.AgePdeProblem;
import org.popcast.kernels.agepde.ExactSolverSettings;
import org.popcast.models.agepde.PdeScenarioReader;
import org.popcast.models.pinn.PinnSettings;

/**
 * The China case of docs/inverse.md (1990 census projected to the 2000 and 2010 censuses), run on
 * purpose: {@code -Dpinn.china=true}. Prints the objectives the two methods minimise, through the
 * exact solver, and the PINN's fit (-Dsteps, -Dwarmup, -Dlr, -DdataWeight, -Dic=TRANSPORTED). Figures in
 * docs/inverse.md, "The PINN on the China case".
 */
@EnabledIfSystemProperty(named = "pinn.china", matches = "true")
class ChinaCaseTest {

    static final Path DIR = Path.of("..", "docs", "inverse-china");
    static final AgePdeProblem PROBLEM = PdeScenarioReader.read(DIR.resolve("china-1990.yaml")).problem();
    static final List<UnknownParameter> BOTH = ExactInferenceTest.BOTH;
    static final Observations OBS = ObservationsReader.read(DIR.resolve("census-2000-2010.csv"), PROBLEM, 2);
    static final PrintStream OUT = System.out;

    private static double[] exactDensities(double m, double f) {
        return new LogScaleModel(PROBLEM, BOTH, OBS, ExactSolverSettings.DEFAULT, 1e-4).densities(new double[] {Math.log(m), Math.log(f)});
    }

    private static String objectives(String label, double m, double f) {
        double[] p = exactDensities(m, f);
        return String.format(Locale.ROOT, "%s: scales %.4f %.4f: exact solver's rms log misfit %.4f, relative L2 misfit %.4f,"
                + " rms relative misfit %.4f", label, m, f, PinnInference.rmsLogMisfit(OBS, p), PinnInference.relativeL2(OBS, p),
                rmsRelative(p));
    }

    private static double rmsRelative(double[] p) {
        double s = 0;
        for (int i = 0; i < p.length; i++) {
            s += Math.pow(p[i] / OBS.density(i) - 1, 2);
        }
        return Math.sqrt(s / p.length);
    }

    /** The exact solver's minimiser of the PINN's relative L2 data term (Levenberg-Marquardt on (P - obs) / |obs|). */
    @Test
    void objectivesThroughTheExactSolver() {
        InferenceResult exact = ExactInference.fit(PROBLEM, BOTH, OBS, ExactInference.Settings.DEFAULT, ExactInference.Listener.NONE);
        OUT.println(objectives("exact method (log LSQ)", exact.estimates()[0], exact.estimates()[1]));
        OUT.println(objectives("PINN, session 8", 0.599, 0.828));
        OUT.println(objectives("start", 1, 1));
        double norm = 0;
        for (double d : OBS.densities()) {
            norm += d * d;
        }
        double scale = Math.sqrt(norm);
        double[] target = OBS.densities();
        for (int i = 0; i < target.length; i++) {
            target[i] /= scale;
        }
        var optimum = new LevenbergMarquardtOptimizer().withCostRelativeTolerance(1e-10).withParameterRelativeTolerance(1e-10).optimize(
                new LeastSquaresBuilder().start(new double[2]).target(target).maxEvaluations(200).maxIterations(200).model(point -> {
                    double[] x = point.toArray(), value = linear(x, scale);
                    RealMatrix j = new Array2DRowRealMatrix(value.length, 2);
                    for (int k = 0; k < 2; k++) {
                        double[] up = x.clone(), down = x.clone();
                        up[k] += 1e-4;
                        down[k] -= 1e-4;
                        double[] a = linear(up, scale), b = linear(down, scale);
                        for (int i = 0; i < value.length; i++) {
                            j.setEntry(i, k, (a[i] - b[i]) / 2e-4);
                        }
                    }
                    return new Pair<>(new ArrayRealVector(value, false), j);
                }).build());
        double[] x = optimum.getPoint().toArray();
        OUT.println(objectives("minimiser of the relative L2 misfit", Math.exp(x[0]), Math.exp(x[1])));
        for (double m : new double[] {0.6, 0.7, 0.82, 0.9}) {
            for (double f : new double[] {0.83, 0.865}) {
                OUT.println(objectives("grid", m, f));
            }
        }
    }

    private static double[] linear(double[] x, double scale) {
        double[] p = new LogScaleModel(PROBLEM, BOTH, OBS, ExactSolverSettings.DEFAULT, 1e-4).densities(x);
        for (int i = 0; i < p.length; i++) {
            p[i] /= scale;
        }
        return p;
    }

    @Test
    void pinnFit() throws Exception {
        int steps = Integer.getInteger("steps", 20000);
        long warmup = Long.getLong("warmup", PinnInference.DEFAULT_WARMUP);
        double lr = Double.parseDouble(System.getProperty("lr", "3e-3"));
        double weight = Double.parseDouble(System.getProperty("dataWeight", "1"));
        PinnSettings pinn = PinnInference.defaults().toBuilder().optimisation(new PinnSettings.Optimisation(new LearningRateSchedule(lr, 0.9, 1000),
                steps, 0, 512)).seed(42)
                .initialCondition(PinnSettings.InitialCondition.valueOf(System.getProperty("ic", PinnInference.defaults().initialCondition().name()))).build();
        PinnInference.Settings s = new PinnInference.Settings(pinn, weight, warmup, Device.CPU, null, false, 1000, null);
        InferenceResult r = PinnInference.fit(PROBLEM, BOTH, OBS, s, new Progress(OUT, false, 15));
        OUT.println(String.format(Locale.ROOT, "PINN: %s initial condition, %d steps, warm-up %d, lr %.0e, data weight %g, %.1f s",
                pinn.initialCondition(), steps, warmup, lr, weight, r.seconds()));
        OUT.println(objectives("PINN", r.estimates()[0], r.estimates()[1]));
    }
}
