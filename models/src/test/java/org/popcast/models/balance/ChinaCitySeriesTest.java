package org.popcast.models.balance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import org.popcast.data.input.InputException;

class ChinaCitySeriesTest {

    @Test
    void beijingAsPublished() {
        ChinaCitySeries table = ChinaCitySeries.builtin();
        assertEquals(356, table.cities().size());
        BalanceSeries s = table.series(table.city("北京"));
        assertEquals(2009, s.firstYear());
        assertEquals(2023, s.lastYear(), "the end-2022 population is the one of 1 January 2023");
        // end of 2017: 1,359 x 10^4 registered residents, so 1 January 2018
        assertEquals(1359e4, s.population()[s.index(2018)], 1e-6);
        assertTrue(Double.isNaN(s.population()[s.index(2021)]), "the end-2020 value is missing in the file");
        assertTrue(Double.isNaN(s.population()[s.index(2009)]), "nothing is known of the end of 2008");
        assertEquals(156_625, s.births()[s.index(2018)]);
        assertEquals(100_698, s.deaths()[s.index(2018)]);
        // 4.07 per mille of a mean population of 1,368 x 10^4; births - deaths = 55,927 agrees to 0.5 %
        assertEquals(4.07 * 1368 * 10, s.naturalIncrease()[s.index(2018)], 1e-6);
        assertTrue(Double.isNaN(s.arrivals()[0]) && Double.isNaN(s.netMigration()[0]));
        assertEquals(table.city("110000"), table.city("北京"));
    }

    @Test
    void theDefaultCityIsChongqing() {
        ChinaCitySeries table = ChinaCitySeries.builtin();
        BalanceSeries s = table.series(table.city(ChinaCitySeries.DEFAULT_CITY));
        assertTrue(s.source().contains("重庆"), s.source());
        assertEquals(13, BalanceSeries.known(s.population()));
    }

    @Test
    void unknownAndBadCitiesAndCells() {
        InputException e = assertThrows(InputException.class, () -> ChinaCitySeries.builtin().city("Atlantis"));
        assertTrue(e.getMessage().contains("no city with id or name 'Atlantis'"), e.getMessage());
        String header = "year,Cityid,地区,户籍人口万人,出生人口人,死亡人口人,自然增长率,年平均人口万人\n";
        e = assertThrows(InputException.class, () -> ChinaCitySeries.parse("w.csv", header + "2017,1,A,12,-3,1,1,1\n"));
        assertTrue(e.getMessage().startsWith("w.csv:2:5: 出生人口人 is a count"), e.getMessage());
        e = assertThrows(InputException.class, () -> ChinaCitySeries.parse("w.csv", "year,Cityid\n"));
        assertTrue(e.getMessage().contains("missing column '地区'"), e.getMessage());
    }
}
