package org.popcast.models.balance;

/**
 * How many of a log-logistic curve's parameters the fit moves. Four free parameters need years
 * of data; short series get simpler members of the same family instead of an unidentifiable fit.
 */
public enum CurveForm {
    /** The zero curve (departures when only net migration is known). */
    ZERO(0),
    /** a = b: a constant level. */
    CONSTANT(1),
    /** a and b free, c = 1 and d fixed at the middle of the data: a smooth move between two levels. */
    LEVELS(2),
    /** a, b, c and d all free (c and d through their logarithms, which keeps them positive). */
    FULL(4);

    private final int free;

    CurveForm(int free) {
        this.free = free;
    }

    public int free() {
        return free;
    }

    /** The automatic choice: about two observations per free parameter. */
    public static CurveForm forObservations(int n) {
        return n >= 8 ? FULL : n >= 4 ? LEVELS : CONSTANT;
    }
}
