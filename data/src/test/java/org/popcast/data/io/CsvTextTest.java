package org.popcast.data.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class CsvTextTest {

    @Test
    void numbersArePlainShortestAndWholeNumbersHaveNoFraction() {
        assertEquals("32495811.170170024", CsvText.number(3.2495811170170024E7));
        assertEquals("0", CsvText.number(0.0));
        assertEquals("-0", CsvText.number(-0.0));
        assertEquals("85", CsvText.number(85.0));
        assertEquals("-3", CsvText.number(-3.0));
        assertEquals("1400000000", CsvText.number(1.4e9));
        assertEquals("0.1", CsvText.number(0.1));
        assertEquals("0.30000000000000004", CsvText.number(0.1 + 0.2));
        assertEquals("0.000123", CsvText.number(1.23e-4));
        assertEquals("1.5e-10", CsvText.number(1.5e-10));
        assertEquals("1e-300", CsvText.number(1e-300));
        assertEquals("1.7976931348623157e308", CsvText.number(Double.MAX_VALUE));
        assertEquals("4.9e-324", CsvText.number(Double.MIN_VALUE));
        assertEquals("1e21", CsvText.number(1e21));
        assertEquals("2e23", CsvText.number(2e23));
        // Java 17's Double.toString gives 18 digits here (JDK-4511638); the shortest has 15
        assertEquals("282879384806159000", CsvText.number(2.82879384806159E17));
        assertEquals("NaN", CsvText.number(Double.NaN));
        assertEquals("-Infinity", CsvText.number(Double.NEGATIVE_INFINITY));
    }

    @Test
    void randomDoublesReadBackExactlyInTheFewestDigits() {
        SplittableRandom random = new SplittableRandom(20);
        for (int i = 0; i < 20_000; i++) {
            double v = i % 2 == 0 ? Double.longBitsToDouble(random.nextLong()) : random.nextDouble() * Math.pow(10, random.nextInt(-12, 22));
            if (!Double.isFinite(v)) {
                continue;
            }
            String s = CsvText.number(v);
            assertEquals(v, Double.parseDouble(s), s);
            assertFalse(s.contains("E"), s);
            assertEquals(shortestDigits(v), significantDigits(s), () -> v + " -> " + s);
        }
    }

    @Test
    void cellsAreQuotedOnlyWhereNeeded() {
        assertEquals("split,\"train<=2020,test=2021\",\"say \"\"hi\"\"\",\"a\nb\",12,0.5",
                CsvText.row("split", "train<=2020,test=2021", "say \"hi\"", "a\nb", 12L, 0.5));
        assertTrue(CsvText.row("北京市", 2020, 1.0).equals("北京市,2020,1"));
    }

    /** The fewest significant digits that read back to v, by brute force. */
    private static int shortestDigits(double v) {
        for (int p = 1; p <= 17; p++) {
            if (new BigDecimal(v).round(new MathContext(p, RoundingMode.HALF_EVEN)).doubleValue() == v) {
                return p;
            }
        }
        return 17;
    }

    private static int significantDigits(String s) {
        String m = s.replace("-", "");
        int e = m.indexOf('e');
        if (e >= 0) {
            m = m.substring(0, e);
        }
        String digits = m.replace(".", "").replaceFirst("^0+", "");
        return m.contains(".") ? digits.length() : digits.replaceFirst("0+$", "").length();
    }
}
