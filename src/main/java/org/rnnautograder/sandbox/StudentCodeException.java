package org.rnnautograder.sandbox;

/**
 * Student code in the child JVM threw an exception or error the parent does not re-create as its own
 * type (anything but NotImplementedYetException and the common JDK runtime exceptions). Carries the
 * original class name and message; its stack trace starts with the student's frames.
 */
public final class StudentCodeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String originalClassName;
    private final String originalMessage;

    /**
     * @param originalClassName the class of what student code threw, e.g. {@code java.lang.StackOverflowError}
     * @param originalMessage   its message (may be null)
     * @param explanation       a student-readable sentence put before the original, or null
     */
    public StudentCodeException(String originalClassName, String originalMessage, String explanation) {
        super((explanation == null ? "" : explanation + " ") + originalClassName
                + (originalMessage == null ? "" : ": " + originalMessage));
        this.originalClassName = originalClassName;
        this.originalMessage = originalMessage;
    }

    /** @return the fully qualified class name of what student code threw */
    public String originalClassName() {
        return originalClassName;
    }

    /** @return the original message, or null */
    public String originalMessage() {
        return originalMessage;
    }
}
