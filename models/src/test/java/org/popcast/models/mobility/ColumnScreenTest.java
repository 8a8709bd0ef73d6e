package org.popcast.models.mobility;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** The screen drops definition columns, proxies and ratio identities, and keeps honest features. */
class ColumnScreenTest {

    /** rate = (res - reg) / reg; gdp / gdp_per_head = res; area x density = reg; wages is unrelated. */
    private static FeatureTable table() {
        Random r = new Random(4);
        StringBuilder b = new StringBuilder("id,year,name,res,reg,reg_copy,gdp,gdp_per_head,area,density,wages,rate\n");
        for (int i = 0; i < 80; i++) {
            double reg = Math.exp(4 + r.nextGaussian()), res = reg * (1 + 0.3 * r.nextGaussian() * r.nextGaussian());
            double gdp = res * Math.exp(10 + 0.5 * r.nextGaussian()), area = Math.exp(8 + r.nextGaussian());
            b.append(String.format(Locale.ROOT, "%d,2020,c%d,%.10g,%.10g,%.10g,%.10g,%.10g,%.10g,%.10g,%.10g,%.10g%n", i, i, res, reg,
                    reg * (1 + 0.001 * r.nextGaussian()), gdp, gdp / res, area, reg / area, Math.exp(r.nextGaussian()), (res - reg) / reg));
        }
        return FeatureTableReader.parseCsv("t.csv", b.toString());
    }

    @Test
    void dropsIdentitiesKeepsTheRest() {
        ColumnScreen.Settings s = new ColumnScreen.Settings("rate", "id", "year", List.of("res", "reg"), List.of("res", "reg"), 0.99);
        ColumnScreen.Result r = ColumnScreen.screen(table(), s, null);
        Map<String, String> why = r.dropped().stream().collect(Collectors.toMap(ColumnScreen.Dropped::column, ColumnScreen.Dropped::reason));
        assertEquals("text column", why.get("name"));
        assertTrue(why.get("res").contains("named exclusion"));
        assertTrue(why.get("reg_copy").startsWith("proxy of reg"), why.toString());
        // one column of each identity pair goes, the fewest that break every pair
        assertTrue(why.containsKey("gdp") ^ why.containsKey("gdp_per_head"), why.toString());
        assertTrue(why.containsKey("area") ^ why.containsKey("density"), why.toString());
        assertEquals(3, r.features().size(), r.features().toString());
        assertTrue(r.features().contains("wages"));
    }

    @Test
    void masksRowsOut() {
        ColumnScreen.Settings s = new ColumnScreen.Settings("rate", "id", "year", List.of(), List.of("res", "reg"), 0.99);
        boolean[] none = new boolean[80];
        for (int i = 0; i < 10; i++) {
            none[i] = true; // 10 rows: below the 30 needed to trust a correlation, so no data-driven drop
        }
        ColumnScreen.Result r = ColumnScreen.screen(table(), s, none);
        assertTrue(r.dropped().stream().allMatch(d -> d.column().equals("name")), r.dropped().toString());
    }
}
