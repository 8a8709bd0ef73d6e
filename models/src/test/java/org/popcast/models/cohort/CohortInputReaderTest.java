package org.popcast.models.cohort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.popcast.data.input.InputException;
import org.popcast.data.input.InputFolder;
import org.popcast.kernels.cohort.Sex;

/** Every kind of bad input row is rejected with the file, line and column. */
class CohortInputReaderTest {

    @TempDir
    Path dir;

    private Map<String, String> valid() {
        Map<String, String> f = new TreeMap<>();
        f.put("projection.yaml", "base_year: 2000\nstep: 1\nhorizon: 3\nmigration_timing: start\n");
        f.put("population.csv", "region,sex,age,population\nA,F,0,10\nA,F,1,10\nA,F,2,5\nA,M,0,10\nA,M,1,10\nA,M,2,10\n");
        f.put("fertility.csv", "region,year,age,rate\n*,2000,1,0.1\n");
        f.put("mortality.csv", "region,year,sex,age,qx\n*,2000,F,0,0.01\n*,2000,F,1,0.01\n*,2000,F,2,1\n"
                + "*,2000,M,0,0.01\n*,2000,M,1,0.01\n*,2000,M,2,1\n");
        f.put("migration.csv", "region,year,sex,age,net_count\nA,2000,F,1,2\n");
        f.put("srb.csv", "region,year,srb\n*,2000,1.06\n");
        return f;
    }

    private String error(Map<String, String> files) throws IOException {
        for (Map.Entry<String, String> e : files.entrySet()) {
            Files.writeString(dir.resolve(e.getKey()), e.getValue());
        }
        return assertThrows(InputException.class,
                () -> CohortInputReader.read(InputFolder.of(dir), CohortInputReader.ProjectionOverrides.NONE)).getMessage();
    }

    private void expect(String file, String from, String to, String message) throws IOException {
        Map<String, String> f = valid();
        f.put(file, f.get(file).replace(from, to));
        String got = error(f);
        assertTrue(got.contains(message), "expected '" + message + "' in: " + got);
    }

    @Test
    void validInputReads() throws IOException {
        for (Map.Entry<String, String> e : valid().entrySet()) {
            Files.writeString(dir.resolve(e.getKey()), e.getValue());
        }
        CohortInput in = CohortInputReader.read(InputFolder.of(dir), CohortInputReader.ProjectionOverrides.NONE);
        assertEquals(1, in.leafCount());
        assertEquals(3, in.ageCount());
        assertEquals(2, in.migration().at("A", Sex.F, 2001)[1]);
    }

    @Test
    void rejectsBadRows() throws IOException {
        expect("population.csv", "A,F,2,5", "A,F,2,five", "population.csv:4:4: expected a number, got 'five'");
        expect("population.csv", "A,F,2,5", "A,X,2,5", "population.csv:4:2: sex must be F or M, got 'X'");
        expect("population.csv", "A,F,2,5", "A,F,1,5", "population.csv:4:3: duplicate row for region A, sex F, age 1");
        expect("population.csv", "A,M,2,10\n", "", "no row for region A, sex M, age 2");
        expect("fertility.csv", "*,2000,1,0.1", "B,2000,1,0.1", "fertility.csv:2:1: unknown region 'B'");
        expect("fertility.csv", "*,2000,1,0.1", "*,2000,1.5,0.1", "fertility.csv:2:3: age 1.5 is not the start of an age group");
        expect("fertility.csv", "*,2000,1,0.1", "*,2000,1,1.5", "fertility.csv:2:4: rate must be a finite number in [0.0, 1.0]");
        expect("fertility.csv", "*,2000,1,0.1", "*,2005,1,0.1", "no fertility for region A in the base year 2000");
        expect("mortality.csv", "*,2000,M,1,0.01\n", "", "mortality.csv: no row for *|M, year 2000, age 1");
        expect("mortality.csv", "region,year,sex,age,qx", "region,year,sex,age,q", "expected exactly one of the columns mx, qx, Lx, found none");
        expect("migration.csv", "A,2000,F,1,2", "A,2000,F,1,2\nA,2000,F,1,3", "migration.csv:3:2: duplicate row for A|F, year 2000, age 1");
        expect("srb.csv", "1.06", "3", "srb.csv:2:3: srb must be a finite number in [0.5, 2.0]");
        expect("srb.csv", "*,2000,1.06", "*,2000,1.06\n\n*,2000,1.05", "srb.csv:4:2: duplicate row for *, year 2000");
        expect("projection.yaml", "step: 1", "step: 2", "projection.yaml:2:7 (step): step must be 1 or 5, got 2");
        expect("projection.yaml", "migration_timing: start", "migration_timing: middle", "migration timing must be start, end or even");
        expect("projection.yaml", "horizon: 3", "horizon: 3\nhorizn: 4", "unknown key 'horizn'");
    }
}
