package org.popcast.data.io;

/**
 * Rounds float64 values to a number of significant mantissa bits, round to nearest with ties to
 * even, and zeroes the bits below them: the "BitRound" of Klöwer et al. (2021, Nature Computational
 * Science 1, 713-724) that netCDF-C 4.9 applies for {@code nc_def_var_quantize(NC_QUANTIZE_BITROUND)}.
 * The zeroed bits make the shuffled bytes compress well while every value stays a float64 that
 * any reader reads without knowing about it. NaN and infinities pass unchanged.
 */
public final class BitRound {

    /** Explicit mantissa bits of a float64. */
    public static final int MANTISSA_BITS = 52;

    private final int keep;
    private final long mask;
    private final long halfMinusOne;

    /** @param significantBits mantissa bits kept, 1 .. 52 (52 keeps every value) */
    public BitRound(int significantBits) {
        if (significantBits < 1 || significantBits > MANTISSA_BITS) {
            throw new IllegalArgumentException("significant bits must be 1 .. " + MANTISSA_BITS + ", not " + significantBits);
        }
        this.keep = significantBits;
        int drop = MANTISSA_BITS - significantBits;
        this.mask = -1L << drop;
        this.halfMinusOne = drop == 0 ? 0 : (1L << (drop - 1)) - 1;
    }

    /**
     * The bits that keep {@code digits} significant decimal digits: ceil(digits x log2 10), so that
     * the relative error, at most 2^-(bits + 1), is at most half a unit in the last kept digit.
     */
    public static int bitsForDigits(int digits) {
        if (digits < 1 || digits > 15) {
            throw new IllegalArgumentException("significant digits must be 1 .. 15, not " + digits);
        }
        return (int) Math.ceil(digits * (Math.log(10) / Math.log(2)) - 1e-9);
    }

    public int significantBits() {
        return keep;
    }

    /** The largest relative change this rounding makes to a finite value: 2^-(bits + 1). */
    public double maxRelativeError() {
        return Math.scalb(1.0, -(keep + 1));
    }

    public double round(double x) {
        long bits = Double.doubleToRawLongBits(x);
        if ((bits & 0x7ff0_0000_0000_0000L) == 0x7ff0_0000_0000_0000L || mask == -1L) {
            return x; // NaN or infinite, or nothing dropped
        }
        // adding half an ulp less one, plus the kept last bit, rounds to nearest with ties to even;
        // a carry into the exponent is the correct next binade (or infinity past the largest value)
        long lastKept = (bits >>> (MANTISSA_BITS - keep)) & 1L;
        return Double.longBitsToDouble((bits + halfMinusOne + lastKept) & mask);
    }

    /** Rounds {@code values[from .. from + length - 1]} in place. */
    public void roundInPlace(double[] values, int from, int length) {
        for (int i = from; i < from + length; i++) {
            values[i] = round(values[i]);
        }
    }
}
