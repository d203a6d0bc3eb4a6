package org.rnnautograder.assignment;

/**
 * Thrown by every method of the student template until the student implements it. The grader
 * reports such a method as "not implemented yet" (one line, no stack trace) and awards it no points.
 */
public final class NotImplementedYetException extends UnsupportedOperationException {
    private static final long serialVersionUID = 1L;

    private final String method;

    /** @param method the method, as {@code Class.method}, e.g. {@code "RnnCell.backward"} */
    public NotImplementedYetException(String method) {
        super(method + " — not implemented yet");
        this.method = method;
    }

    /** @return the method that is not implemented, as {@code Class.method} */
    public String method() {
        return method;
    }
}
