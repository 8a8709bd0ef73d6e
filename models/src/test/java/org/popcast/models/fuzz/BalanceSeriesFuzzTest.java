package org.popcast.models.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

import org.popcast.models.balance.BalanceJumpsCsv;
import org.popcast.models.balance.BalanceSeriesCsv;

/** The balance series and jumps CSV readers; the first byte chooses which. */
class BalanceSeriesFuzzTest {

    @FuzzTest(maxDuration = "2m")
    void balanceCsv(byte[] data) throws Exception {
        if (data.length == 0) {
            return;
        }
        String text = ReaderContract.text(java.util.Arrays.copyOfRange(data, 1, data.length));
        if ((data[0] & 1) == 0) {
            ReaderContract.holds("series.csv", () -> BalanceSeriesCsv.parse("series.csv", text));
        } else {
            ReaderContract.holds("jumps.csv", () -> BalanceJumpsCsv.parse("jumps.csv", text));
        }
    }
}
