package org.popcast.data.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** RFC 4180 input as R's write.csv and pandas' to_csv(quoting=1) write it, with lines named in errors. */
class CsvTableTest {

    @Test
    void quotedFieldsAsRAndPandasWriteThem() {
        // R write.csv quotes every string, including the header; a region name with a comma stays one cell
        String text = "\uFEFF\"region\",\"name\",\"population\"\n\"110000\",\"Beijing, city\",21893095\n"
                + "\n\"310000\",\"say \"\"Shanghai\"\"\",24870895\n";
        CsvTable t = CsvTable.parse("cities.csv", text);
        assertEquals(List.of("region", "name", "population"), t.header());
        assertEquals(2, t.rows().size(), "the blank line is skipped");
        assertEquals("Beijing, city", t.rows().get(0).text("name"));
        assertEquals("say \"Shanghai\"", t.rows().get(1).text("name"));
        assertEquals(24870895, t.rows().get(1).number("population", 0, 1e10), 0);
        assertEquals(2, t.rows().get(0).line());
        assertEquals(4, t.rows().get(1).line(), "line numbers count the blank line");
    }

    @Test
    void aLineBreakInsideQuotesKeepsLaterLineNumbersRight() {
        String text = "region,note\nA,\"two\nlines\"\nB,x,extra\n";
        InputException e = assertThrows(InputException.class, () -> CsvTable.parse("n.csv", text));
        assertTrue(e.getMessage().startsWith("n.csv:4: expected 2 cells"), e.getMessage());
    }

    @Test
    void anUnclosedQuoteIsOneLine() {
        InputException e = assertThrows(InputException.class, () -> CsvTable.parse("q.csv", "region,name\nA,\"open\n"));
        assertTrue(e.getMessage().startsWith("q.csv:2: not valid CSV (RFC 4180): EOF reached") && e.getMessage().lines().count() == 1,
                e.getMessage());
    }
}
