package org.popcast.models.balance;

import java.nio.file.Path;
import java.util.List;

/**
 * What the balance model is fitted to: a city's yearly series and the jumps (planned or known
 * one-off changes) to add to it. Read from {@code series.csv} and {@code jumps.csv}
 * ({@link BalanceSeriesCsv}, {@link BalanceJumpsCsv}) or taken from the embedded Chinese table
 * ({@link ChinaCitySeries}).
 */
public record BalanceInput(BalanceSeries series, List<BalanceJump> jumps) {

    public BalanceInput {
        jumps = List.copyOf(jumps);
    }

    /** A series file and an optional jumps file (null: none). */
    public static BalanceInput read(Path series, Path jumps) {
        return new BalanceInput(BalanceSeriesCsv.read(series), jumps == null ? List.of() : BalanceJumpsCsv.read(jumps));
    }

    /** A city of the embedded table by id or name, with jumps from a file (null: none). */
    public static BalanceInput builtinCity(String idOrName, Path jumps) {
        ChinaCitySeries table = ChinaCitySeries.builtin();
        return new BalanceInput(table.series(table.city(idOrName)), jumps == null ? List.of() : BalanceJumpsCsv.read(jumps));
    }
}
