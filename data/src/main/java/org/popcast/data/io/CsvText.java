package org.popcast.data.io;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.QuoteMode;

import com.fasterxml.jackson.core.io.schubfach.DoubleToDecimal;

/**
 * How popcast writes CSV cells (formats.md), for every CSV it writes: RFC 4180 through Apache
 * Commons CSV (a cell holding a comma, a double quote or a line break is quoted, quotes doubled;
 * other cells bare), header row, {@code \n} line ends, UTF-8. Numbers in the shortest text that
 * reads back to the same double, without an exponent between 1e-7 and 1e21 ({@code 32495811.170170024},
 * not {@code 3.2495811170170024E7}), whole numbers without a fraction ({@code 0}, not {@code 0.0}),
 * {@code NaN}, {@code Infinity}, {@code -Infinity} (pandas, R and Java read these).
 */
public final class CsvText {

    /** RFC 4180 with {@code \n} record ends (as pandas and R write) and minimal quoting. */
    public static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator('\n').setQuoteMode(QuoteMode.MINIMAL).get();

    private CsvText() {
    }

    /**
     * The shortest decimal text that parses back to {@code v} (Schubfach, as Java 19+'s
     * {@code Double.toString}; Java 17's is sometimes a digit longer), written out in plain
     * notation for 1e-7 <= |v| < 1e21, else as {@code 1.5e-10}; a whole number has no ".0".
     */
    public static String number(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        if (v == 0) {
            return (1 / v < 0) ? "-0" : "0";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = DoubleToDecimal.toString(v);
        // s is [-]d.ddd or [-]d.dddE[-]x with at least one digit after the point
        boolean negative = s.charAt(0) == '-';
        int e = s.indexOf('E');
        int exp = e < 0 ? 0 : Integer.parseInt(s.substring(e + 1));
        String mantissa = s.substring(negative ? 1 : 0, e < 0 ? s.length() : e);
        int point = mantissa.indexOf('.');
        String digits = mantissa.substring(0, point) + mantissa.substring(point + 1);
        int decimalPoint = point + exp; // digits before the decimal point
        // strip leading zeros (0.00123 -> digits 000123) and trailing zeros
        int lead = 0;
        while (lead < digits.length() - 1 && digits.charAt(lead) == '0') {
            lead++;
        }
        digits = digits.substring(lead);
        decimalPoint -= lead;
        int end = digits.length();
        while (end > 1 && digits.charAt(end - 1) == '0') {
            end--;
        }
        digits = digits.substring(0, end);
        StringBuilder b = new StringBuilder(24);
        if (negative) {
            b.append('-');
        }
        double a = Math.abs(v);
        if (a >= 1e-7 && a < 1e21) {
            if (decimalPoint <= 0) {
                b.append("0.");
                b.append("0".repeat(-decimalPoint)).append(digits);
            } else if (decimalPoint >= digits.length()) {
                b.append(digits).append("0".repeat(decimalPoint - digits.length()));
            } else {
                b.append(digits, 0, decimalPoint).append('.').append(digits, decimalPoint, digits.length());
            }
        } else {
            b.append(digits.charAt(0));
            if (digits.length() > 1) {
                b.append('.').append(digits, 1, digits.length());
            }
            b.append('e').append(decimalPoint - 1);
        }
        return b.toString();
    }

    /** One cell's text: numbers as {@link #number}, whole numbers (int, long) as they are, anything else by toString. */
    public static String text(Object cell) {
        if (cell == null) {
            return "";
        }
        if (cell instanceof Double d) {
            return number(d);
        }
        if (cell instanceof Float f) {
            return number(f);
        }
        return cell.toString();
    }

    /** A record (without its line end) of the given cells, quoted where needed. */
    public static String row(Object... cells) {
        String[] texts = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            texts[i] = text(cells[i]);
        }
        return FORMAT.format((Object[]) texts);
    }

    /** Appends a record and its line end to {@code out}. */
    public static void appendRow(Appendable out, Object... cells) {
        try {
            out.append(row(cells)).append('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
