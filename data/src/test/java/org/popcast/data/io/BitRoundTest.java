package org.popcast.data.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Random;

import org.junit.jupiter.api.Test;

class BitRoundTest {

    /**
     * The reference in exact decimal arithmetic: the two neighbours of x with {@code bits} mantissa
     * bits (multiples of 2^(exponent - bits)), the nearer one, the even one on a tie.
     */
    private static double reference(double x, int bits) {
        if (!Double.isFinite(x) || x == 0) {
            return x;
        }
        int exponent = Math.getExponent(x); // subnormals report -1023: their spacing is then 2^-1074 x 2^(52 - bits)
        int e = Math.max(exponent, Double.MIN_EXPONENT);
        BigDecimal step = new BigDecimal(Math.scalb(1.0, e - bits));
        BigDecimal value = new BigDecimal(x).abs();
        BigDecimal[] qr = value.divideAndRemainder(step);
        BigDecimal down = qr[0].multiply(step), up = down.add(step);
        int cmp = value.subtract(down).compareTo(up.subtract(value));
        boolean evenDown = qr[0].toBigInteger().testBit(0) == false;
        BigDecimal chosen = cmp < 0 ? down : cmp > 0 ? up : (evenDown ? down : up);
        double r = chosen.doubleValue();
        return Math.copySign(r, x);
    }

    @Test
    void everyBitCountMatchesExactDecimalRounding() {
        Random random = new Random(11);
        for (int bits = 1; bits <= 52; bits++) {
            BitRound round = new BitRound(bits);
            for (int k = 0; k < 400; k++) {
                double x = switch (k % 4) {
                    case 0 -> random.nextDouble() * 1e9;
                    case 1 -> -random.nextDouble() * Math.pow(10, random.nextInt(40) - 20);
                    case 2 -> Math.rint(random.nextDouble() * 1e7); // counts, as populations are
                    // any mantissa, exponents -64 .. 63 (exact decimals of far exponents make the reference slow)
                    default -> Math.scalb(1 + random.nextDouble(), random.nextInt(128) - 64);
                };
                assertEquals(reference(x, bits), round.round(x), bits + " bits of " + x);
            }
        }
    }

    @Test
    void extremeMagnitudesMatchToo() {
        double[] xs = {Double.MIN_VALUE, 3 * Double.MIN_VALUE, Double.MIN_NORMAL * 0.75, Double.MIN_NORMAL, Math.nextDown(Double.MIN_NORMAL),
            1e-300, 1e300, Double.MAX_VALUE / 3};
        for (int bits : new int[] {1, 7, 23, 51}) {
            for (double x : xs) {
                assertEquals(reference(x, bits), new BitRound(bits).round(x), bits + " bits of " + x);
            }
        }
    }

    @Test
    void tiesGoToTheEvenNeighbour() {
        BitRound two = new BitRound(2); // keeps 1.00, 1.25, 1.50, 1.75 (x 2^e)
        assertEquals(1.0, two.round(1.125));  // between 1.00 (even) and 1.25
        assertEquals(1.5, two.round(1.375));  // between 1.25 and 1.50 (even)
        assertEquals(2.0, two.round(1.875));  // carries into the next binade
        assertEquals(-1.5, two.round(-1.375));
    }

    @Test
    void specialValuesPassAndTheErrorBoundHolds() {
        BitRound r = new BitRound(20);
        assertTrue(Double.isNaN(r.round(Double.NaN)));
        assertEquals(Double.POSITIVE_INFINITY, r.round(Double.POSITIVE_INFINITY));
        assertEquals(-0.0, r.round(-0.0));
        assertEquals(1234.5, new BitRound(52).round(1234.5));
        Random random = new Random(5);
        for (int k = 0; k < 10_000; k++) {
            double x = random.nextDouble() * 1e8 + 1;
            assertTrue(Math.abs(r.round(x) - x) <= x * r.maxRelativeError(), "" + x);
        }
        // 6 digits need 20 bits: 2^-21 = 4.8e-7 <= 0.5e-6
        assertEquals(20, BitRound.bitsForDigits(6));
        assertEquals(4, BitRound.bitsForDigits(1));
        assertEquals(50, BitRound.bitsForDigits(15));
        for (int d = 1; d <= 15; d++) {
            assertTrue(new BitRound(BitRound.bitsForDigits(d)).maxRelativeError() <= 0.5 * Math.pow(10, -d), "digits " + d);
            assertTrue(d == 15 || BitRound.bitsForDigits(d) < 52);
        }
        assertThrows(IllegalArgumentException.class, () -> new BitRound(0));
        assertThrows(IllegalArgumentException.class, () -> BitRound.bitsForDigits(16));
    }
}
