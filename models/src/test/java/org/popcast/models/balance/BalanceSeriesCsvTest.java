package org.popcast.models.balance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import org.popcast.data.input.InputException;

class BalanceSeriesCsvTest {

    private static final String HEADER = "year,population,births,deaths,arrivals,departures\n";

    @Test
    void readsEmptyCellsAndMissingYearsAsMissing() {
        BalanceSeries s = BalanceSeriesCsv.parse("s.csv", "\uFEFF" + HEADER
                + "2000,1000000,12000,11000,20000,18000\n"
                + "2001,1003000,,11500,,\n"
                + "2003,1010000,12500,11200,21000,17000\n");
        assertEquals(2000, s.firstYear());
        assertEquals(4, s.years());
        assertEquals(1_003_000, s.population()[1]);
        assertTrue(Double.isNaN(s.births()[1]) && Double.isNaN(s.population()[2]), "gaps are NaN");
        assertEquals(17_000, s.departures()[3]);
        assertTrue(Double.isNaN(s.netMigration()[0]) && Double.isNaN(s.naturalIncrease()[0]), "optional columns absent");
        assertEquals(2, BalanceSeries.known(s.births()));
    }

    @Test
    void acceptsNetMigrationAndNaturalIncreaseAlone() {
        BalanceSeries s = BalanceSeriesCsv.parse("s.csv", "year,population,births,deaths,net_migration,natural_increase\n"
                + "2010,500000,,,-1200,350\n2011,499150,,,,\n");
        assertEquals(-1200, s.netMigration()[0]);
        assertEquals(350, s.naturalIncrease()[0]);
        assertTrue(Double.isNaN(s.arrivals()[0]));
    }

    private static void rejects(String text, String expected) {
        InputException e = assertThrows(InputException.class, () -> BalanceSeriesCsv.parse("s.csv", text));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().startsWith("s.csv"), e.getMessage());
    }

    @Test
    void badInputNamesTheFileLineAndColumn() {
        rejects("", "the file is empty");
        rejects("year,population,births\n", "missing column 'deaths'");
        rejects("year,population,births,deaths,births\n", "s.csv:1:5: duplicate column 'births'");
        rejects("year,population,births,deaths,arivals\n", "s.csv:1:5: unknown column 'arivals'");
        rejects(HEADER + "2000,1000000,12000,11000,20000,18000\n2001,1e6,x12,1,1,1\n", "s.csv:3:3: births must be a number or empty, got 'x12'");
        rejects(HEADER + "2000,1000000,12000,-5,20000,18000\n", "s.csv:2:4: deaths is a count and must be >= 0");
        rejects(HEADER + "2000,1000000,12000,11000,20000,18000\n2000,1,1,1,1,1\n", "s.csv:3:1: year 2000 appears again (first on line 2)");
        rejects(HEADER + "2000,1000000,12000\n", "s.csv:2: expected 6 cells");
        rejects(HEADER + "20x0,1,1,1,1,1\n", "s.csv:2:1: year must be a four-digit calendar year");
        rejects(HEADER + "2000,NaN,1,1,1,1\n", "s.csv:2:2: population must be a number");
        rejects("year,population,births,deaths,arrivals,departures,net_migration\n2000,1,1,1,100,40,50\n",
                "s.csv:2:7: net_migration 50.0 differs from arrivals - departures = 60.0");
        rejects(HEADER, "no data rows");
    }
}
