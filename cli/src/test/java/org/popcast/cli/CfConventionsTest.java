package org.popcast.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Node;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.popcast.data.io.CfUnits;

/**
 * Every HDF5 product popcast writes, made by the real commands on small settings, checked against
 * the CF 1.10 rules of formats.md ("CF conventions"), one test per rule. No CF checker installs
 * here (cfchecker is on PyPI only, not in Debian); where Debian's udunits-bin is installed its
 * {@code udunits2} confirms that every unit parses, and where python3 has xarray and netCDF4 they
 * open every file.
 */
class CfConventionsTest {

    @TempDir
    static Path dir;

    /** Product name to file. */
    static Map<String, Path> products;

    @BeforeAll
    static void makeEveryProduct() throws IOException {
        products = new LinkedHashMap<>(PlotResults.make(dir));
        products.put("agepde_pinn_model", dir.resolve("pinn.model/model.h5"));
        products.put("cohort_hindcast", run("hindcast.h5", "cohort", "hindcast", "--engine", "loop"));
        products.put("cohort_projection_cities", run("cities.h5", "cohort", "project", "--builtin", "china-cities", "--horizon", "10",
                "--step", "5"));
        Path observed = Files.writeString(dir.resolve("observed-cities.csv"), "region,population\nCN,1409778724\n110000,21893095\n");
        products.put("cohort_validation_cities", run("validation-cities.h5", "cohort", "validate", "--projection",
                dir.resolve("cities.h5").toString(), "--observed", observed.toString(), "--year", "2020"));
        products.put("cohort_projection_trajectories", run("trajectories.h5", "cohort", "project", "--builtin", "china-national",
                "--horizon", "10", "--step", "5", "--trajectories", "5", "--seed", "1"));
        // PlotResults already made balance_backtest (backtest.h5)
        // ages born after the start, so the births (and the fertility scale) shape them
        Path density = Files.writeString(dir.resolve("density.csv"), "year,age,density\n2030,0,9000000\n2040,5,8000000\n"
                + "2050,0,7000000\n2050,10,8500000\n");
        products.put("agepde_inverse", run("inverse.h5", "pde", "infer", "--policy", "three-child", "--observed", density.toString(),
                "--unknown", "fertility_scale", "--method", "exact", "--age-step", "5", "--time-step", "5"));
    }

    private static Path run(String file, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--out", dir.resolve(file).toString(), "-q"));
        CliRun r = CliRun.popcast(all.toArray(String[]::new));
        assertEquals(0, r.exit(), String.join(" ", args) + ": " + r.err());
        return dir.resolve(file);
    }

    /** Calls {@code check} with every dataset (coordinates and variables) of every product. */
    private static void eachDataset(BiConsumer<String, Dataset> check) {
        products.forEach((product, file) -> {
            try (HdfFile hdf = new HdfFile(file)) {
                for (Node n : hdf.getChildren().values()) {
                    if (n instanceof Dataset d) {
                        check.accept(product + ": " + d.getName(), d);
                    }
                }
            }
        });
    }

    private static String text(Node n, String attribute) {
        Attribute a = n.getAttribute(attribute);
        return a == null ? null : String.valueOf(a.getData());
    }

    @Test
    void everyFileDeclaresCf110AndFormat11() {
        products.forEach((product, file) -> {
            try (HdfFile hdf = new HdfFile(file)) {
                assertEquals("CF-1.10", hdf.getAttribute("Conventions").getData(), product);
                if (!product.equals("agepde_pinn_model")) {
                    assertEquals("1.1", hdf.getAttribute("format_version").getData(), product);
                }
            }
        });
    }

    /** UDUNITS' "year" is a duration: calendar years carry no units; nothing says "since" (xarray cannot decode years since). */
    @Test
    void calendarYearsHaveNoDurationUnits() {
        List<String> calendar = new ArrayList<>();
        eachDataset((what, d) -> {
            String units = text(d, "units"), longName = text(d, "long_name");
            assertFalse(units != null && units.contains("since"), what + ": units " + units);
            boolean isCalendar = List.of("year", "time", "quantile_year", "observation_year").contains(d.getName())
                    || longName != null && longName.contains("calendar year");
            if (isCalendar) {
                calendar.add(what);
                assertNull(units, what + " is a calendar year, yet has units " + units);
                assertNull(d.getAttribute("standard_name"), what);
                assertTrue(longName.contains("calendar year"), what + ": long_name " + longName);
            }
        });
        assertTrue(calendar.size() >= 8, "calendar-year coordinates found: " + calendar);
    }

    /** CF 3.5: flags are integers with flag_values of the same type, one per blank-separated word of flag_meanings. */
    @Test
    void flagsAreIntegersWithMatchingValuesAndMeanings() {
        List<String> flags = new ArrayList<>();
        eachDataset((what, d) -> {
            String name = d.getName();
            boolean flagLike = name.equals("region_level") || name.startsWith("status_") || name.equals("parameter_free")
                    || name.equals("split");
            String meanings = text(d, "flag_meanings");
            if (flagLike) {
                assertNotNull(meanings, what + " is a flag without flag_meanings");
            }
            if (meanings == null) {
                return;
            }
            flags.add(what);
            assertEquals(byte.class, d.getJavaType(), what);
            Object values = d.getAttribute("flag_values").getData();
            assertTrue(values instanceof byte[], what + ": flag_values of the variable's type (int8), got " + values.getClass());
            String[] words = meanings.split(" ");
            assertEquals(words.length, ((byte[]) values).length, what + ": one flag value per meaning");
            assertTrue(Arrays.stream(words).allMatch(w -> w.matches("[A-Za-z0-9_.+\\-@]+")), what + ": " + meanings);
            assertNull(d.getAttribute("units"), what + ": flags have no units");
            Attribute fill = d.getAttribute("_FillValue");
            List<Byte> allowed = new ArrayList<>();
            for (byte v : (byte[]) values) {
                allowed.add(v);
            }
            if (fill != null) {
                assertEquals((byte) -1, fill.getData(), what + ": _FillValue");
                allowed.add((byte) -1);
            }
            Object data = d.getDataFlat();
            for (int i = 0; i < Array.getLength(data); i++) {
                assertTrue(allowed.contains((Byte) Array.get(data, i)), what + "[" + i + "] = " + Array.get(data, i));
            }
        });
        assertTrue(flags.size() >= 6, "flag variables found: " + flags);
    }

    /** Names and codes of regions (cities in a hindcast) are text variables over their dimension; region_parent is int32. */
    @Test
    void regionNamesCodesLevelsAndParentsAreVariables() {
        products.forEach((product, file) -> {
            String dim = product.equals("cohort_hindcast") ? "city" : "region";
            if (!product.startsWith("cohort_")) {
                return;
            }
            try (HdfFile hdf = new HdfFile(file)) {
                String[] codes = (String[]) hdf.getDatasetByPath(dim).getData();
                String[] names = (String[]) hdf.getDatasetByPath(dim + "_name").getData();
                assertArrayEquals(codes, (String[]) hdf.getDatasetByPath(dim + "_code").getData(), product);
                assertEquals(codes.length, names.length, product);
                assertTrue(Arrays.stream(names).noneMatch(String::isEmpty), product);
                if (dim.equals("region")) {
                    assertEquals(codes.length, hdf.getDatasetByPath("region_level").getDimensions()[0], product);
                }
                if (product.startsWith("cohort_projection")) {
                    Dataset parent = hdf.getDatasetByPath("region_parent");
                    assertEquals(int.class, parent.getJavaType(), product);
                    assertEquals(-1, parent.getAttribute("_FillValue").getData(), product);
                    // format 1.0's attribute stays for one version
                    assertNotNull(hdf.getAttribute("region_names"), product);
                }
            }
        });
        try (HdfFile hdf = new HdfFile(products.get("cohort_validation_cities"))) {
            assertEquals(List.of("China", "北京市"), List.of((String[]) hdf.getDatasetByPath("region_name").getData()));
        }
    }

    /** One rule: units are UDUNITS-2 from popcast's set, the readable unit beside them in display_units. */
    @Test
    void everyUnitIsUdunitsAndPersonsAreInDisplayUnits() throws Exception {
        TreeSet<String> units = new TreeSet<>();
        eachDataset((what, d) -> {
            String u = text(d, "units");
            if (u != null) {
                units.add(u);
                assertTrue(CfUnits.UDUNITS.contains(u), what + ": units '" + u + "' not in " + CfUnits.UDUNITS);
            }
            String display = text(d, CfUnits.DISPLAY_UNITS);
            if (display != null) {
                assertNotNull(u, what + ": display_units without units");
                assertTrue(display.startsWith("persons") || display.startsWith("per mille"), what + ": " + display);
            }
            if (d.getJavaType() == double.class && !what.startsWith("agepde_pinn_model") && text(d, "long_name") == null) {
                throw new AssertionError(what + ": no long_name");
            }
        });
        Path udunits = Path.of("/usr/bin/udunits2");
        assumeTrue(Files.isExecutable(udunits), "udunits2 (Debian udunits-bin) is not installed");
        for (String u : units) {
            String out = run(List.of(udunits.toString(), "-H", u, "-W", ""));
            assertFalse(out.startsWith("exit") || out.contains("Don't recognize"), "udunits2 cannot parse '" + u + "': " + out);
        }
    }

    /** xarray (h5netcdf) and netCDF-C (python3's netCDF4) open every product as CF says. */
    @Test
    void xarrayAndNetcdfCReadEveryProduct() throws Exception {
        Path python = Path.of("/usr/bin/python3");
        assumeTrue(Files.isExecutable(python) && run(List.of(python.toString(), "-c", "import xarray, h5netcdf, netCDF4")).isEmpty(),
                "/usr/bin/python3 with xarray, h5netcdf and netCDF4 is not available");
        String script = String.join("\n",
                "import sys, numpy as np, xarray as xr, netCDF4",
                "for f in sys.argv[1:]:",
                "    ds = xr.open_dataset(f, engine='h5netcdf')",
                "    netCDF4.Dataset(f).close()",
                "    for c in ('year', 'time', 'quantile_year'):",
                "        if c in ds.coords:",
                "            assert ds[c].dtype.kind in 'if', (f, c, ds[c].dtype)",  // numbers, not decoded dates or durations
                "    if 'region_level' in ds:",
                "        assert ds.region_level.dtype == np.int8, (f, ds.region_level.dtype)",
                "    if 'region_name' in ds:",
                "        assert all(isinstance(v, str) for v in ds.region_name.values), f",
                "    if 'region_parent' in ds:",
                "        raw = xr.open_dataset(f, engine='h5netcdf', mask_and_scale=False)",
                "        assert raw.region_parent.dtype == np.int32 and np.isnan(ds.region_parent.values).sum() == 1, f",
                "print('ok')");
        List<String> command = new ArrayList<>(List.of(python.toString(), "-c", script));
        products.values().forEach(p -> command.add(p.toString()));
        String out = run(command);
        assertEquals("ok", out.strip().lines().reduce((a, b) -> b).orElse(""), out);
    }

    /** Runs a program; its output (stdout and stderr). */
    private static String run(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "timed out";
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
        String text = new String(out, StandardCharsets.UTF_8);
        return p.exitValue() == 0 ? text.lines().filter(l -> !l.contains("Warning")).reduce("", (a, b) -> a + b + "\n") : "exit "
                + p.exitValue() + ": " + text;
    }
}
