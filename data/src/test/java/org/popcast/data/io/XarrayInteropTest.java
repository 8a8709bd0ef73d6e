package org.popcast.data.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens a written file the way users do, with xarray + h5netcdf. Skipped where Debian's python3
 * lacks them (CI); fails if they are there and the file does not read as expected.
 */
class XarrayInteropTest {

    private static final Path PYTHON = Path.of("/usr/bin/python3");

    private static final String CHECK = String.join("\n",
            "import sys, math, xarray as xr",
            "ds = xr.open_dataset(sys.argv[1], engine='h5netcdf')",
            "assert ds.density.dims == ('time', 'age'), ds.density.dims",
            "assert list(ds.time.values) == [2000.0, 2000.5, 2001.0], ds.time.values",
            "assert list(ds.age.values) == [0.0, 1.0, 2.0, 3.0], ds.age.values",
            "assert ds.year.dtype == 'int64' and list(ds.year.values) == [2020, 2025], ds.year.values",
            "assert [type(v) for v in ds.region.values] == [str] * 3, ds.region.values",
            "assert list(ds.region.values) == ['Nord', 'S\\u00fcd', 'Ost'], ds.region.values",
            "assert ds.population.dims == ('region',)",
            "assert math.isnan(float(ds.population.sel(region='S\\u00fcd')))",
            "assert float(ds.density.sel(time=2000.5, age=3.0)) == 13.25",
            "assert ds.births.dims == ('region', 'year') and float(ds.births.sel(region='Ost', year=2025)) == 6.0",
            "assert ds.total.dims == () and float(ds.total) == 42.0",
            "assert ds.density.attrs['units'] == 'year-1', ds.density.attrs",
            "assert ds.density.attrs['display_units'] == 'persons per year of age', ds.density.attrs",
            // calendar years: numbers without units, which xarray leaves undecoded (no 'years since')
            "assert 'units' not in ds.time.attrs and 'units' not in ds.year.attrs, (ds.time.attrs, ds.year.attrs)",
            "assert ds.time.dtype == 'float64' and ds.year.attrs['long_name'] == 'calendar year'",
            // CF flags: int8 values, int8 flag_values, one word per meaning
            "assert ds.level.dtype == 'int8' and list(ds.level.values) == [0, 2, 1], ds.level",
            "assert list(ds.level.attrs['flag_values']) == [0, 1, 2] and ds.level.attrs['flag_values'].dtype == 'int8'",
            "assert ds.level.attrs['flag_meanings'] == 'city province nation'",
            // an int32 index whose -1 is its _FillValue: xarray masks it (NaN), raw it stays -1
            "assert math.isnan(float(ds.parent.sel(region='S\u00fcd'))) and float(ds.parent.sel(region='Ost')) == 1.0",
            "raw = xr.open_dataset(sys.argv[1], engine='h5netcdf', mask_and_scale=False)",
            "assert raw.parent.dtype == 'int32' and list(raw.parent.values) == [2, -1, 1], raw.parent",
            "assert list(ds.name.values) == ['Nordstadt', 'S\u00fcden, Land', ''], ds.name.values",
            "assert ds.name.dims == ('region',)",
            "assert ds.density.attrs['long_name'] == 'population density'",
            "assert ds.density.attrs['rel_l2'] == 0.0125",
            "assert ds.age.attrs['units'] == 'year'",
            "assert ds.attrs['title'] == 'test run \\u00fc' and ds.attrs['format_version'] == 1, ds.attrs",
            "print('ok')");

    @TempDir
    Path dir;

    @Test
    void xarrayReadsDimensionsCoordinatesAndUnits() throws Exception {
        assumeTrue(Files.isExecutable(PYTHON) && run(List.of(PYTHON.toString(), "-c", "import xarray, h5netcdf")).exit == 0,
                "/usr/bin/python3 with xarray and h5netcdf is not available");
        Path file = dir.resolve("out.h5");
        NetcdfWriter.write(file, NetcdfWriterTest.sample());

        Result r = run(List.of(PYTHON.toString(), "-c", CHECK, file.toString()));
        assertEquals(0, r.exit, r.output);
        assertEquals("ok", r.output.strip().lines().reduce((a, b) -> b).orElse(""), r.output);
    }

    private record Result(int exit, String output) {
    }

    private static Result run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Result(-1, "timed out");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
