package org.popcast.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.popcast.cli.PopcastCli;

import io.jhdf.HdfFile;
import picocli.CommandLine;

/** cohort project --engine spark --master local[2] writes the file the local engine writes (quantiles bit for bit). */
class SparkCliTest {

    @TempDir
    Path dir;

    static String[] run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cl = PopcastCli.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new String[] {Integer.toString(exit), out.toString(), err.toString()};
    }

    @Test
    void sparkAndLocalWriteTheSameQuantiles() throws Exception {
        Path local = dir.resolve("local.h5"), spark = dir.resolve("spark.h5");
        List<String> common = List.of("cohort", "project", "--builtin", "china-cities", "--horizon", "12", "--scenarios",
                "builtin:paper-fertility", "--trajectories", "6",
                "--seed", "7", "--keep-trajectories");
        String[] a = run(concat(common, "--out", local.toString()));
        assertEquals("0", a[0], a[2]);
        String[] b = run(concat(common, "--engine", "spark", "--master", "local[2]", "--partitions", "4", "--out", spark.toString()));
        assertEquals("0", b[0], b[2]);
        // the same printed figures, the deterministic part ran on the stream engine beside Spark
        assertEquals(a[1].lines().skip(1).toList(), b[1].lines().skip(1).toList());
        try (HdfFile l = new HdfFile(local); HdfFile s = new HdfFile(spark)) {
            for (String v : List.of("population_total_quantile", "population_quantile", "population_total_trajectory", "population")) {
                assertArrayEquals(flat(l.getDatasetByPath(v).getData()), flat(s.getDatasetByPath(v).getData()), 0, v);
            }
            assertEquals("java-stream", s.getAttribute("engine").getData());
            assertTrue(((String) s.getAttribute("trajectory_engine").getData()).startsWith("spark local[2]"));
        }
    }

    @Test
    void sparkOptionsNeedTheSparkEngine() {
        String[] r = run("cohort", "project", "--builtin", "china-national", "--master", "local[2]", "--out", dir.resolve("x.h5").toString());
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("--master needs --engine spark"), r[2]);
        r = run("cohort", "project", "--builtin", "china-national", "--engine", "spark", "--out", dir.resolve("x.h5").toString());
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("give --trajectories N"), r[2]);
    }

    @Test
    void anUnreachableMasterIsOneLineWithinSecondsAndNoFile() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        long started = System.nanoTime();
        String[] r = run("cohort", "project", "-q", "--builtin", "china-cities", "--horizon", "12", "--trajectories", "4", "--engine", "spark",
                "--master", "spark://127.0.0.1:" + port, "--out", dir.resolve("x.h5").toString());
        double seconds = (System.nanoTime() - started) / 1e9;
        assertEquals("1", r[0], r[2]);
        assertEquals(1, r[2].strip().lines().count(), r[2]);
        assertTrue(r[2].contains("cannot reach the Spark master spark://127.0.0.1:" + port), r[2]);
        assertTrue(seconds < 10, seconds + " s");
        try (java.util.stream.Stream<Path> left = java.nio.file.Files.list(dir)) {
            assertEquals(List.of(), left.toList());
        }
    }

    private static String[] concat(List<String> a, String... b) {
        List<String> all = new java.util.ArrayList<>(a);
        all.addAll(List.of(b));
        return all.toArray(String[]::new);
    }

    /** Any jHDF array (double[]...[]) flattened in row-major order. */
    static double[] flat(Object data) {
        java.util.stream.DoubleStream.Builder b = java.util.stream.DoubleStream.builder();
        flatten(data, b);
        return b.build().toArray();
    }

    private static void flatten(Object data, java.util.stream.DoubleStream.Builder b) {
        if (data instanceof double[] d) {
            for (double v : d) {
                b.add(v);
            }
        } else if (data instanceof float[] f) {
            for (float v : f) {
                b.add(v);
            }
        } else {
            for (Object o : (Object[]) data) {
                flatten(o, b);
            }
        }
    }
}
