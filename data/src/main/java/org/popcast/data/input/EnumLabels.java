package org.popcast.data.input;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The words users type for enum choices: the constant's name in lower case with dashes
 * ({@code SOFT_RELATIVE} is {@code soft-relative}), so a choice needs no label field of its own.
 */
public final class EnumLabels {

    private EnumLabels() {
    }

    public static String label(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The labels of a type, in declaration order. */
    public static List<String> labels(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(EnumLabels::label).toList();
    }

    /** "a, b or c". */
    public static String choices(Class<? extends Enum<?>> type) {
        List<String> l = labels(type);
        return l.size() == 1 ? l.get(0) : String.join(", ", l.subList(0, l.size() - 1)) + " or " + l.get(l.size() - 1);
    }

    /** The constant with this label; IllegalArgumentException "must be a, b or c, got 'x'" otherwise. */
    public static <E extends Enum<E>> E parse(Class<E> type, String text) {
        String t = text == null ? "" : text.trim();
        for (E e : type.getEnumConstants()) {
            if (label(e).equals(t)) {
                return e;
            }
        }
        throw new IllegalArgumentException("must be " + choices(type) + ", got '" + text + "'");
    }
}
