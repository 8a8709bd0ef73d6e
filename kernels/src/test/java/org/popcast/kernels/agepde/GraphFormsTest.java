package org.popcast.kernels.agepde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.DoubleUnaryOperator;

import org.junit.jupiter.api.Test;
import org.popcast.kernels.graph.Constants;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat64;

/** The graph forms of mortality and initial densities against their plain Java forms. */
class GraphFormsTest {

    private static final double[] AGES = {-3, 0, 0.7, 5, 19.99, 20, 33.3, 59.999, 60, 60.001, 77.7, 100, 130};

    private static void assertSame(DoubleUnaryOperator java, BiFunction<Ops, Operand<TFloat64>, Operand<TFloat64>> graph) {
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            Operand<TFloat64> ages = Constants.column(tf, AGES, TFloat64.class);
            Operand<TFloat64> out = graph.apply(tf, ages);
            Operand<TFloat64> sum = tf.reduceSum(out, tf.constant(new int[] {0, 1}));
            var grad = tf.gradients(sum, List.of(ages));
            try (Result r = s.runner().fetch(out).fetch(grad.dy(0)).run()) {
                double[][] values = StdArrays.array2dCopyOf((TFloat64) r.get(0));
                double[][] slopes = StdArrays.array2dCopyOf((TFloat64) r.get(1));
                for (int i = 0; i < AGES.length; i++) {
                    double expected = java.applyAsDouble(AGES[i]);
                    assertEquals(expected, values[i][0], 1e-13 * Math.max(1, Math.abs(expected)), "at age " + AGES[i]);
                    assertTrue(Double.isFinite(slopes[i][0]), "finite gradient at age " + AGES[i]);
                }
            }
        }
    }

    @Test
    void seedMortality() {
        Mortality mu = PaperProblems.MORTALITY;
        assertSame(mu::hazard, mu::hazard);
    }

    @Test
    void tabulatedMortalityAsHinges() {
        Mortality mu = Mortality.table(new double[] {0, 1, 5, 60, 100}, new double[] {0.02, 0.002, 0.0005, 0.01, 0.3});
        assertSame(mu::hazard, mu::hazard);
    }

    @Test
    void seedAndTabulatedInitialDensity() {
        GraphAgeFunction seed = InitialDensity.seed(9.54e6, 0.02, 0.3, 0.2);
        assertSame(seed::value, seed::graph);
        GraphAgeFunction table = InitialDensity.table(new double[] {0, 10, 50, 100}, new double[] {9e6, 8e6, 5e6, 1e6});
        assertSame(table::value, table::graph);
    }

    @Test
    void fertilityWithStepsAndCapInsideTheWindow() {
        Fertility tabled = new Fertility(Fertility.table(new double[] {15, 25, 45}, new double[] {0, 0.12, 0}),
                new double[] {2030, 2040}, new double[] {0.5, 0.5}, 0.2);
        for (Fertility f : new Fertility[] {PaperProblems.threeChild(), PaperProblems.twoChild(), tabled}) {
            double[] ages = new double[40], times = new double[40];
            for (int i = 0; i < ages.length; i++) {
                ages[i] = f.minAge() + (f.maxAge() - f.minAge()) * (i % 8) / 7.0;
                times[i] = 2000 + 1.5 * i;
            }
            try (Graph g = new Graph(); Session s = new Session(g)) {
                Ops tf = Ops.create(g);
                Operand<TFloat64> rate = f.graphInside(tf, Constants.column(tf, ages, TFloat64.class), Constants.column(tf, times, TFloat64.class));
                try (Result r = s.runner().fetch(rate).run()) {
                    double[][] values = StdArrays.array2dCopyOf((TFloat64) r.get(0));
                    for (int i = 0; i < ages.length; i++) {
                        assertEquals(f.rate(ages[i], times[i]), values[i][0], 1e-15, "b(" + ages[i] + ", " + times[i] + ")");
                    }
                }
            }
        }
    }
}
