package org.popcast.data.input;

/** Bad input data: the message names the file, the line and column where known, and what was expected. */
public class InputException extends RuntimeException {

    public InputException(String message) {
        super(message);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
    }
}
