package org.popcast.data.input;

/**
 * Bad input data: the message names the file, the line and column where known, and what was expected.
 * The message is always one line: control characters quoted from the input (a YAML key or scalar
 * holding a line break, SnakeYAML's "found \\n") are shown escaped, a fuzzing finding
 * (docs/reliability.md).
 */
public class InputException extends RuntimeException {

    public InputException(String message) {
        super(oneLine(message));
    }

    public InputException(String message, Throwable cause) {
        super(oneLine(message), cause);
    }

    /** {@code s} with line breaks and other control characters escaped ({@code \\n}, {@code \\r}, {@code \\u0000}). */
    public static String oneLine(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean control = Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
            if (control && b == null) {
                b = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (b != null) {
                if (c == '\n') {
                    b.append("\\n");
                } else if (c == '\r') {
                    b.append("\\r");
                } else if (control) {
                    b.append(String.format("\\u%04x", (int) c));
                } else {
                    b.append(c);
                }
            }
        }
        return b == null ? s : b.toString();
    }
}
