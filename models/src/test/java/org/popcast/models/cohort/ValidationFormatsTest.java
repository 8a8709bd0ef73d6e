package org.popcast.models.cohort;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.popcast.data.input.CsvTable;
import org.popcast.data.io.NetcdfDataset;
import org.popcast.data.io.NetcdfReader;
import org.popcast.data.io.NetcdfWriter;
import org.popcast.engine.provenance.Provenance;

/**
 * {@code cohort validate} reads projections of both formats: 1.0 (region_level as doubles, names
 * in the region_names attribute) and 1.1 (int8 flags, region_name variable), and its own file
 * carries the names, codes and levels as variables.
 */
class ValidationFormatsTest {

    @TempDir
    Path dir;

    private static NetcdfDataset.Builder projection(String formatVersion) {
        return NetcdfDataset.builder().attribute("format_version", formatVersion)
                .dimension("scenario", new String[] {"medium"}, "projection scenario")
                .dimension("region", new String[] {"CN", "110000"}, "region code")
                .dimension("year", new long[] {2010, 2020}, "year", "calendar year")
                .variable("population_total", List.of("scenario", "region", "year"), new double[] {1.3e9, 1.4e9, 1.9e7, 2.1e7},
                        "persons", "total population");
    }

    private Validation validate(NetcdfDataset projection) throws IOException {
        Path file = dir.resolve(projection.attributes().get("format_version") + ".h5");
        NetcdfWriter.write(file, projection);
        return Validation.run(file, null, 2020, CsvTable.parse("observed.csv", "region,population\nCN,1.41e9\n110000,2.2e7\n"));
    }

    @Test
    void aFormat10ProjectionStillValidates() throws IOException {
        NetcdfDataset old = projection("1.0")
                .variable("region_level", List.of("region"), new double[] {2, 0}, "1", "level of the region: 0 city, 1 province, 2 nation")
                .attribute("region_names", "CN,China\n110000,Beijing")
                .build();
        Validation v = validate(old);
        assertEquals(List.of("nation", "city"), v.errors().stream().map(Validation.RegionError::level).toList());
        assertEquals(List.of("China", "Beijing"), v.errors().stream().map(Validation.RegionError::name).toList());
    }

    @Test
    void aFormat11ProjectionValidatesAndTheResultCarriesNamesCodesAndLevels() throws IOException {
        NetcdfDataset.Builder b = projection("1.1");
        RegionVariables.levels(b, "region", List.of("nation", "city"));
        RegionVariables.namesAndCodes(b, "region", List.of("CN", "110000"), List.of("China", "北京市"));
        Validation v = validate(b.build());
        assertEquals(List.of("China", "北京市"), v.errors().stream().map(Validation.RegionError::name).toList());

        Path out = dir.resolve("validation.h5");
        NetcdfWriter.write(out, v.dataset(Provenance.of("test"), "observed.csv"));
        NetcdfDataset back = NetcdfReader.read(out);
        assertEquals(List.of("China", "北京市"), List.of(back.variable("region_name").strings()));
        assertEquals(List.of("CN", "110000"), List.of(back.variable("region_code").strings()));
        assertEquals(NetcdfDataset.Variable.Type.INT8, back.variable("region_level").type());
        assertEquals(List.of(2, 0), java.util.Arrays.stream(back.variable("region_level").ints()).boxed().toList());
        assertEquals("city province nation region", back.variable("region_level").attributes().get("flag_meanings"));
    }
}
