package org.popcast.models.cohort;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.popcast.data.input.CsvTable;
import org.popcast.data.input.InputException;
import org.popcast.kernels.cohort.Sex;

/** Rate tables keyed by region and sex: a region's own rows before '*', years carried forward. */
class RateTableTest {

    static final double[] AGES = {0, 1, 2};

    @Test
    void aRegionsOwnRowsComeBeforeEveryRegionsAndYearsCarryForward() {
        RateTable t = RateTable.read(CsvTable.parse("m.csv", "region,year,sex,age,v\n*,2000,F,1,1\n*,2000,M,1,2\nA,2005,F,1,3\n"),
                true, "v", 0, 10, AGES, false, Set.of("A", "B"));
        assertArrayEquals(new double[] {0, 1, 0}, t.at("A", Sex.F, 2004));
        assertArrayEquals(new double[] {0, 3, 0}, t.at("A", Sex.F, 2007));
        assertArrayEquals(new double[] {0, 2, 0}, t.at("A", Sex.M, 2007));
        assertArrayEquals(new double[] {0, 1, 0}, t.at("B", Sex.F, 2007));
        assertNull(t.at("A", Sex.F, 1999));
    }

    @Test
    void tablesWithoutSexesAreKeyedByRegionAlone() {
        RateTable t = RateTable.read(CsvTable.parse("f.csv", "region,year,age,v\nB,2000,2,0.5\n"), false, "v", 0, 1, AGES, false,
                Set.of("B"));
        assertArrayEquals(new double[] {0, 0, 0.5}, t.at("B", 2000));
        assertNull(t.at("C", 2000));
        assertEquals("B", new RegionSex("B", null).toString());
        assertEquals("*|M", new RegionSex("B", Sex.M).everyRegion().toString());
        String message = assertThrows(InputException.class, () -> RateTable.read(CsvTable.parse("f.csv",
                "region,year,age,v\nB,2000,2,0.5\nB,2000,2,0.6\n"), false, "v", 0, 1, AGES, false, Set.of("B"))).getMessage();
        assertTrue(message.contains("duplicate row for B, year 2000, age 2"), message);
    }
}
