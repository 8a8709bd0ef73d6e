package org.popcast.models.mobility;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.popcast.data.input.InputException;
import org.popcast.models.pinn.PinnBody;

/** Tables and models beyond the named limits are refused in one line before their cells are allocated. */
class TableSizeLimitsTest {

    @Test
    void tenMillionColumnsAreRefusedAtTheHeader() {
        String header = "c,".repeat(10_000_000) + "c\n";
        InputException e = assertThrows(InputException.class, () -> FeatureTableReader.parseCsv("t.csv", header + "1\n"));
        assertEquals("t.csv:1: more than " + FeatureTableReader.MAX_COLUMNS + " columns (the limit)", e.getMessage());
    }

    @Test
    void tooManyRowsOrCellsAreRefusedBeforeParsing() {
        String rows = "x\n" + "1\n".repeat(FeatureTableReader.MAX_ROWS + 1);
        assertEquals("r.csv: " + (FeatureTableReader.MAX_ROWS + 1) + " rows, more than the limit of " + FeatureTableReader.MAX_ROWS,
                assertThrows(InputException.class, () -> FeatureTableReader.parseCsv("r.csv", rows)).getMessage());
        String wide = "c,".repeat(999) + "c\n" + "\n".repeat(50_001);
        assertEquals("w.csv: 50001 rows x 1000 columns, more than the limit of " + FeatureTableReader.MAX_CELLS + " cells",
                assertThrows(InputException.class, () -> FeatureTableReader.parseCsv("w.csv", wide)).getMessage());
    }

    @Test
    void aRowLongerThanTheHeaderStopsAtTheHeader() {
        InputException e = assertThrows(InputException.class, () -> FeatureTableReader.parseCsv("l.csv", "a,b\n" + "1,".repeat(1_000_000) + "\n"));
        assertEquals("l.csv:2: more than 2 cells, expected one per column (2)", e.getMessage());
    }

    @Test
    void aPinnClaimingHugeLayersIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PinnBody.Mlp(new int[] {PinnBody.Mlp.MAX_WIDTH + 1}));
        assertThrows(IllegalArgumentException.class, () -> new PinnBody.Mlp(java.util.stream.IntStream.generate(() -> 1).limit(PinnBody.Mlp.MAX_LAYERS + 1).toArray()));
        new PinnBody.Mlp(new int[] {PinnBody.Mlp.MAX_WIDTH, 1});
    }
}
