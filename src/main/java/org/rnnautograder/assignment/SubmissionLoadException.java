package org.rnnautograder.assignment;

/**
 * The submission's entry point could not be found or built. The message is written for the student:
 * what was expected, what was found, and what to fix.
 */
public final class SubmissionLoadException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SubmissionLoadException(String message, Throwable cause) {
        super(message, cause);
    }

    public SubmissionLoadException(String message) {
        super(message);
    }
}
