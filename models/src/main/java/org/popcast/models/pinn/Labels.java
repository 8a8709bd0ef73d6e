package org.popcast.models.pinn;

import java.util.Arrays;
import java.util.function.Function;

/** Parses the label of an enum constant, with an error listing the labels it knows. */
final class Labels {

    private Labels() {
    }

    static <E> E parse(E[] values, Function<E, String> label, String text, String what) {
        String t = text.trim();
        for (E v : values) {
            if (label.apply(v).equals(t)) {
                return v;
            }
        }
        throw new IllegalArgumentException(what + " must be one of " + String.join(", ", Arrays.stream(values).map(label).toList())
                + ", got '" + text + "'");
    }
}
