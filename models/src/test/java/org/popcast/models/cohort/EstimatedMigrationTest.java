package org.popcast.models.cohort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.popcast.data.input.InputException;
import org.popcast.data.input.InputFolder;

/** migration: estimated on the CityRatesTest fixture (every city: 100 per five-year group 15-59 and 60+ per sex). */
class EstimatedMigrationTest {

    @TempDir
    Path dir;

    private CohortInput read(String yaml) throws IOException {
        Map<String, String> f = new CityRatesTest().filesFor(yaml);
        StringBuilder profile = new StringBuilder("sex,age,weight\n");
        for (String sex : new String[] {"F", "M"}) {
            for (int a = 0; a <= 60; a += 5) {
                profile.append(sex).append(',').append(a).append(",1\n");
            }
        }
        f.put("profile.csv", profile.toString());
        f.put("population.csv", f.get("population.csv").replace("A,F,60,100", "A,F,60,300").replace("A,M,60,100", "A,M,60,300"));
        f.put("rates.csv", "region,rate\nA,0\nB,0\nC,0\n");
        for (Map.Entry<String, String> e : f.entrySet()) {
            Files.writeString(dir.resolve(e.getKey()), e.getValue());
        }
        return CohortInputReader.read(InputFolder.of(dir), CohortInputReader.ProjectionOverrides.NONE);
    }

    @Test
    void ratesByHand() throws IOException {
        CohortInput in = read("migration: estimated\nmigrant_stock: [[2000, 60], [2010, 100]]\n"
                + "internal_migration:\n  rates: rates.csv\n  age_profile: profile.csv\n");
        // adults 15+: A 2 x (900 + 300) = 2400 with w = 0.75; B and C 2000 with w = 0.9; w_ref = 5400 / 6400 = 0.84375
        // stocks: A 2400 (0.75 - 0.84375) / 0.15625 = -1440, B and C 2000 x 0.36 = 720; flow (100 - 60) / (10 x 100) = 0.04
        // populations: A 400 + 400 + 2400 = 3200, B 200 + 400 + 2000 = 2600, C 300 + 400 + 2000 = 2700
        assertEquals(0.04 * -1440 / 3200, in.leafRate()[0], 1e-15);
        assertEquals(0.04 * 720 / 2600, in.leafRate()[1], 1e-15);
        assertEquals(0.04 * 720 / 2700, in.leafRate()[2], 1e-15);
        assertEquals("estimated", in.estimates().get("migration"));
        assertTrue(in.estimates().get("migration_method").contains("0.04000 a year per unit of stock"));
        assertEquals("none", in.estimates().get("migration_fallback"));
    }

    @Test
    void estimatedNeedsTheMigrantStock() throws IOException {
        String message = assertThrows(InputException.class, () -> read("migration: estimated\n"
                + "internal_migration:\n  rates: rates.csv\n  age_profile: profile.csv\n")).getMessage();
        assertTrue(message.contains("migration: estimated needs migrant_stock"), message);
        String late = assertThrows(InputException.class, () -> read("migration: estimated\nmigrant_stock: [[2000, 6], [2015, 9]]\n"
                + "internal_migration:\n  rates: rates.csv\n  age_profile: profile.csv\n")).getMessage();
        assertTrue(late.contains("projection.yaml") && late.contains("none after the base year 2010"), late);
    }
}
