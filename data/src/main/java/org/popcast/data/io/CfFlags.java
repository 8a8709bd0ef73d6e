package org.popcast.data.io;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The meanings of a CF flag variable (CF 1.10 section 3.5): values 0, 1, 2... stored as bytes, each
 * named by one word in {@code flag_meanings}; {@code flag_values} has the variable's own type, so
 * a byte variable gets byte flag values. With {@code missing}, {@link #MISSING} (-1) marks a value
 * that does not exist (a year without an observation) and is the variable's {@code _FillValue}:
 * xarray shows it as NaN, as the float flags of format 1.0 were.
 */
public record CfFlags(List<String> meanings, boolean missing) {

    /** The fill value of flags that may be missing; never a flag value. */
    public static final byte MISSING = -1;

    /** CF allows letters, digits and a few marks in a meaning; blanks separate meanings. */
    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9_.+\\-@]+");

    public CfFlags {
        meanings = List.copyOf(meanings);
        if (meanings.isEmpty() || meanings.size() > Byte.MAX_VALUE) {
            throw new IllegalArgumentException("flags need 1 to " + Byte.MAX_VALUE + " meanings, got " + meanings.size());
        }
        for (String m : meanings) {
            if (!WORD.matcher(m).matches()) {
                throw new IllegalArgumentException("flag meaning '" + m + "' is not one word of letters, digits and _ . + - @");
            }
        }
    }

    public static CfFlags of(String... meanings) {
        return new CfFlags(List.of(meanings), false);
    }

    public static CfFlags of(List<String> meanings) {
        return new CfFlags(meanings, false);
    }

    /** These flags where {@link #MISSING} may stand for no value. */
    public CfFlags withMissing() {
        return new CfFlags(meanings, true);
    }

    /** 0 .. n-1, the value of each meaning. */
    public byte[] values() {
        byte[] v = new byte[meanings.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (byte) i;
        }
        return v;
    }

    /** The {@code flag_meanings} attribute: the words in value order, blank-separated. */
    public String text() {
        return String.join(" ", meanings);
    }

    /** Whether a variable of these flags may hold {@code value}: a flag value, or MISSING if allowed. */
    public boolean allows(int value) {
        return value >= 0 && value < meanings.size() || missing && value == MISSING;
    }
}
