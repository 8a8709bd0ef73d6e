package org.popcast.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.popcast.data.io.NetcdfDataset;
import org.popcast.data.io.NetcdfReader;
import org.popcast.kernels.agepde.AgePdeSolution;
import org.popcast.kernels.agepde.ExactSolverSettings;
import org.popcast.models.agepde.ExactSolveOutputs;
import org.popcast.models.agepde.ExactSolveRun;
import org.popcast.models.agepde.PdeScenarioReader;
import org.popcast.models.balance.BalanceForecast;
import org.popcast.models.balance.BalanceInput;
import org.popcast.models.balance.BalanceModel;
import org.popcast.models.balance.BalanceSettings;
import org.popcast.models.balance.ChinaCitySeries;
import org.popcast.models.balance.Indicator;
import org.popcast.models.pinn.PinnModelFile;
import org.popcast.models.pinn.PinnPredictor;

/**
 * Files written by popcast before the issue-14 redesign (format 1.0, test resources format-1.0/)
 * still open, and today's code reproduces their numbers: the exact solver's density, a saved
 * PINN's predictions from its weights, the balance model's fitted path.
 */
class PreviousFormatTest {

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(PreviousFormatTest.class.getResource("/org/popcast/models/format-1.0/" + name).toURI());
    }

    private static void assertClose(double[] expected, double[] actual, double relative, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        double scale = 0;
        for (double v : expected) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], relative * scale, what + "[" + i + "]");
        }
    }

    @Test
    void anExactSolutionOfFormat10ReadsAndMatchesTodaysSolver() throws Exception {
        NetcdfDataset old = NetcdfReader.read(resource("pde-1.0.h5"));
        assertEquals("agepde_exact", old.attributes().get("product"));
        assertEquals("1.0", old.attributes().get("format_version"));
        ExactSolveRun.Grid grid = new ExactSolveRun.Grid(10, 5);
        AgePdeSolution now = ExactSolveRun.solve(PdeScenarioReader.builtin("three-child"), grid, ExactSolverSettings.DEFAULT);
        NetcdfDataset today = ExactSolveOutputs.dataset(PdeScenarioReader.builtin("three-child"), grid, ExactSolverSettings.DEFAULT, now,
                org.popcast.engine.provenance.Provenance.of("test"));
        for (String v : new String[] {"density", "births", "population"}) {
            assertClose(old.variable(v).data(), today.variable(v).data(), 1e-12, v);
        }
    }

    @Test
    void aPinnModelOfFormat10LoadsAndPredictsItsOwnResult() throws Exception {
        PinnModelFile.Loaded m = PinnModelFile.read(resource("pinn-model-1.0.h5"));
        NetcdfDataset result = NetcdfReader.read(resource("pinn-1.0.h5"));
        assertEquals("three-child", m.scenario().name());
        double[] times = result.dimension("time").doubleValues(), ages = result.dimension("age").doubleValues();
        try (PinnPredictor p = new PinnPredictor(m.scenario().problem(), m.settings(), m.weights())) {
            double[][] grid = p.grid(times, ages);
            double[] flat = new double[times.length * ages.length];
            for (int i = 0; i < times.length; i++) {
                System.arraycopy(grid[i], 0, flat, i * ages.length, ages.length);
            }
            assertClose(result.variable("density").data(), flat, 1e-9, "density");
        }
    }

    @Test
    void aBalanceFitOfFormat10MatchesTodaysFit() throws IOException, URISyntaxException {
        NetcdfDataset old = NetcdfReader.read(resource("balance-fit-1.0.h5"));
        assertEquals("balance_fit", old.attributes().get("product"));
        BalanceInput input = BalanceInput.builtinCity(ChinaCitySeries.DEFAULT_CITY, null);
        BalanceForecast now = BalanceModel.run(BalanceSettings.DEFAULT, input, input.series().lastYear());
        double[] population = now.values(Indicator.POPULATION)[BalanceForecast.MODEL];
        assertClose(old.variable("population").data(), population, 1e-9, "population");
        assertTrue(old.attributes().containsKey("curve_forms"));
    }
}
