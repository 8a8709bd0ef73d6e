package org.popcast.models.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.popcast.data.input.AgeTableCsv;
import org.popcast.data.input.CsvTable;
import org.popcast.models.balance.BalanceInput;
import org.popcast.models.balance.BalanceSeries;
import org.popcast.models.mobility.FeatureTable;
import org.popcast.models.mobility.FeatureTableReader;

/**
 * Every CSV reader of popcast takes files as pandas ({@code to_csv(quoting=1)}: every field quoted,
 * no index) and R ({@code write.csv}: row names as an unnamed first column, strings quoted,
 * numbers bare, {@code NA} for missing) write them. The texts below are what those calls print.
 */
class CsvConventionsTest {

    @TempDir
    Path dir;

    @Test
    void cohortInputTablesFromPandasAndR() {
        String pandas = "\"region\",\"sex\",\"age\",\"population\"\n\"CN\",\"F\",\"0\",\"6325235\"\n\"Beijing, \"\"the capital\"\"\",\"M\",\"1\",\"7.5e3\"\n";
        String r = "\"\",\"region\",\"sex\",\"age\",\"population\"\n\"1\",\"CN\",\"F\",0,6325235\n\"2\",\"Beijing, \"\"the capital\"\"\",\"M\",1,7500\n";
        for (String text : List.of(pandas, r, pandas.replace("\n", "\r\n"))) {
            CsvTable t = CsvTable.parse("population.csv", text).require("region", "sex", "age", "population");
            assertEquals(List.of("region", "sex", "age", "population"), t.header());
            assertEquals(2, t.rows().size());
            assertEquals("Beijing, \"the capital\"", t.rows().get(1).text("region"));
            assertEquals(1, t.rows().get(1).integer("age", 0, 120));
            assertEquals(7500, t.rows().get(1).number("population", 0, 1e11));
            assertEquals(3, t.rows().get(1).line());
        }
    }

    @Test
    void balanceSeriesFromRWithNaAndFromPandas() throws Exception {
        Path rFile = Files.writeString(dir.resolve("r.csv"), "\"\",\"year\",\"population\",\"births\",\"deaths\",\"arrivals\",\"departures\"\n"
                + "\"1\",2000,1000000,12000,7000,30000,25000\n\"2\",2001,NA,12100,7100,NA,25500\n\"3\",2002,1015000,12200,7200,31000,26000\n");
        Path pandasFile = Files.writeString(dir.resolve("p.csv"), "\"year\",\"population\",\"births\",\"deaths\",\"arrivals\",\"departures\"\n"
                + "\"2000\",\"1000000\",\"12000\",\"7000\",\"30000\",\"25000\"\n\"2001\",\"\",\"12100\",\"7100\",\"\",\"25500\"\n"
                + "\"2002\",\"1015000\",\"12200\",\"7200\",\"31000\",\"26000\"\n");
        BalanceSeries fromR = BalanceInput.read(rFile, null).series(), fromPandas = BalanceInput.read(pandasFile, null).series();
        for (BalanceSeries s : List.of(fromR, fromPandas)) {
            assertEquals(2000, s.firstYear());
            assertArrayEquals(new double[] {1000000, Double.NaN, 1015000}, s.population());
            assertArrayEquals(new double[] {30000, Double.NaN, 31000}, s.arrivals());
            assertArrayEquals(new double[] {7000, 7100, 7200}, s.deaths());
        }
    }

    @Test
    void mobilityTableFromPandasWithACommaAndALineBreakInACityName() {
        String pandas = "\"Cityid\",\"city\",\"year\",\"x1\",\"rate\"\n\"1\",\"Xi'an, Shaanxi\",\"2015\",\"0.5\",\"0.25\"\n"
                + "\"2\",\"two\nlines\",\"2016\",\"\",\"0.125\"\n\"3\",\"c\",\"2017\",\"1e-3\",\"NA\"\n";
        FeatureTable t = FeatureTableReader.parseCsv("t.csv", pandas);
        assertEquals(List.of("Cityid", "city", "year", "x1", "rate"), t.columns());
        assertArrayEquals(new String[] {"Xi'an, Shaanxi", "two\nlines", "c"}, t.labels("city"));
        assertArrayEquals(new double[] {0.5, Double.NaN, 1e-3}, t.numbers("x1"));
        assertEquals(3, t.rowCount());
        assertTrue(t.where(2).endsWith(":5"), "the third record starts on line 5 (the second spans 3-4): " + t.where(2));
        String r = "\"\",\"Cityid\",\"year\",\"rate\"\n\"1\",1,2015,0.25\n\"2\",2,2016,NA\n";
        FeatureTable fromR = FeatureTableReader.parseCsv("r.csv", r);
        assertEquals(List.of("Cityid", "year", "rate"), fromR.columns());
        assertArrayEquals(new double[] {0.25, Double.NaN}, fromR.numbers("rate"));
    }

    @Test
    void scenarioAgeTablesQuotedAsPandasWritesThem() throws Exception {
        Path f = Files.writeString(dir.resolve("fx.csv"), "\"age\",\"rate\"\n\"15\",\"0.01\"\n\"20\",\"0.1\"\n");
        double[][] t = AgeTableCsv.read(f, "rate");
        assertArrayEquals(new double[] {15, 20}, t[0]);
        assertArrayEquals(new double[] {0.01, 0.1}, t[1]);
    }
}
