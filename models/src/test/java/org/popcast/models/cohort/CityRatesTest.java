package org.popcast.models.cohort;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
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
import org.popcast.kernels.cohort.LifeTable;
import org.popcast.kernels.cohort.Sex;

/** rates: city on a fixture worked by hand: two cities of a province with a life expectancy, one of a province without. */
class CityRatesTest {

    @TempDir
    Path dir;

    static final double[] MX = {0.01, 0.001, 0.001, 0.001, 0.002, 0.002, 0.003, 0.004, 0.006, 0.009, 0.015, 0.025, 0.08};

    Map<String, String> filesFor(String yaml) {
        return files(yaml);
    }

    private Map<String, String> files(String rates) {
        Map<String, String> f = new TreeMap<>();
        f.put("projection.yaml", "base_year: 2010\nstep: 5\nhorizon: 10\n" + rates);
        f.put("regions.csv", "region,name,parent,level,cap\nN,N,,nation,\nP,P,N,province,\nQ,Q,N,province,\nA,A,P,city,\nB,B,P,city,\nC,C,Q,city,\n");
        StringBuilder pop = new StringBuilder("region,sex,age,population\n");
        // children 0-4: A 200 + 200, B 100 + 100, C 150 + 150; women 15-49: 7 x 100 everywhere
        Map<String, Integer> young = Map.of("A", 200, "B", 100, "C", 150);
        for (String city : new String[] {"A", "B", "C"}) {
            for (String sex : new String[] {"F", "M"}) {
                for (int a = 0; a <= 60; a += 5) {
                    pop.append(city).append(',').append(sex).append(',').append(a).append(',').append(a == 0 ? young.get(city) : 100).append('\n');
                }
            }
        }
        f.put("population.csv", pop.toString());
        StringBuilder fert = new StringBuilder("region,year,age,rate\n");
        for (int a = 15; a < 50; a += 5) {
            fert.append("*,2010,").append(a).append(",0.02\n");
        }
        f.put("fertility.csv", fert.toString());
        StringBuilder mort = new StringBuilder("region,year,sex,age,mx\n");
        for (String sex : new String[] {"F", "M"}) {
            for (int x = 0; x < MX.length; x++) {
                mort.append("*,2010,").append(sex).append(',').append(5 * x).append(',').append(MX[x] * (sex.equals("M") ? 1.2 : 1)).append('\n');
            }
        }
        f.put("mortality.csv", mort.toString());
        f.put("e0.csv", "region,year,sex,e0\nN,2000,F,70\nN,2000,M,66\nP,2000,F,77\nP,2000,M,69.3\nP,2020,F,90\nP,2020,M,90\n");
        return f;
    }

    private CohortInput read(Map<String, String> f) throws IOException {
        for (Map.Entry<String, String> e : f.entrySet()) {
            Files.writeString(dir.resolve(e.getKey()), e.getValue());
        }
        return CohortInputReader.read(InputFolder.of(dir), CohortInputReader.ProjectionOverrides.NONE);
    }

    @Test
    void fertilityFollowsTheChildWomanRatioAndKeepsTotalBirths() throws IOException {
        CohortInput in = read(files("rates: city\nlife_expectancy: e0.csv\n"));
        // CWR 400/700, 200/700, 300/700; pooled 900/2100; equal women and births, so k = 4/3, 2/3, 1
        assertEquals(0.02 * 4 / 3, in.fertility().at("A", 2010)[3], 1e-15);
        assertEquals(0.02 * 2 / 3, in.fertility().at("B", 2010)[3], 1e-15);
        assertEquals(0.02, in.fertility().at("C", 2010)[3], 1e-15);
        assertEquals("national", read(files("")).estimates().get("rates"));
        assertEquals(0.02, read(files("")).fertility().at("A", 2010)[3], 0);
    }

    @Test
    void mortalityMovesToTheProvincesLifeExpectancyRatioAndCFallsBack() throws IOException {
        CohortInput in = read(files("rates: city\nlife_expectancy: e0.csv\n"));
        double[] ages = in.ages();
        for (Sex sex : Sex.values()) {
            LifeTable std = LifeTable.fromMx(ages, in.mortality().at("C", sex, 2010), sex);
            double ratio = sex == Sex.F ? 77.0 / 70 : 69.3 / 66; // the 2000 rows: the 2020 rows are after the base year
            LifeTable a = LifeTable.fromMx(ages, in.mortality().at("A", sex, 2010), sex);
            assertEquals(std.e0() * ratio, a.e0(), 1e-8, sex.toString());
            assertSame(in.mortality().at("A", sex, 2010), in.mortality().at("B", sex, 2010), "cities of one province share one table");
        }
        assertArrayEquals(MX, in.mortality().at("C", Sex.F, 2010), 1e-15);
        assertEquals("input rates (no life expectancy for the region or an ancestor): C", in.estimates().get("mortality_fallback"));
        assertEquals("none", in.estimates().get("fertility_fallback"));
        assertTrue(in.estimates().get("mortality_method").contains("year 2000"));
    }

    @Test
    void badLifeExpectancyRowsNameFileLineAndColumn() throws IOException {
        Map<String, String> f = files("rates: city\nlife_expectancy: e0.csv\n");
        f.put("e0.csv", f.get("e0.csv").replace("P,2000,M,69.3", "X,2000,M,69.3"));
        String message = assertThrows(InputException.class, () -> read(f)).getMessage();
        assertTrue(message.contains("e0.csv:5") && message.contains("unknown region 'X'"), message);
        Map<String, String> g = files("rates: city\nlife_expectancy: e0.csv\n");
        g.put("e0.csv", "region,year,sex,e0\nP,2000,F,77\n");
        assertTrue(assertThrows(InputException.class, () -> read(g)).getMessage().contains("no row for the nation N"));
        Map<String, String> h = files("rates: city\n");
        assertTrue(assertThrows(InputException.class, () -> read(h)).getMessage().contains("rates: city needs life_expectancy"));
        Map<String, String> k = files("rates: local\n");
        String bad = assertThrows(InputException.class, () -> read(k)).getMessage();
        assertTrue(bad.contains("projection.yaml") && bad.contains("national or city"), bad);
    }
}
