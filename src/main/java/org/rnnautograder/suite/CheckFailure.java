package org.rnnautograder.suite;

import org.opentest4j.AssertionFailedError;

/**
 * A failed check, explained for the student: what was expected, what came, where, and the likely cause.
 * It carries no stack trace — the message is the whole story.
 */
public final class CheckFailure extends AssertionFailedError {
    private static final long serialVersionUID = 1L;

    /** Why the check failed, for the score table and reports. */
    public enum Kind {
        /** the method under test throws NotImplementedYetException */
        NOT_IMPLEMENTED,
        /** the submission could not be loaded or compiled */
        NOT_LOADED,
        /** the student's code threw an exception */
        EXCEPTION,
        /** the check ran past its deadline */
        TIMEOUT,
        /** the sandbox lost the student's process (exit, crash, out of memory) */
        SANDBOX,
        /** a wrong value */
        WRONG
    }

    private final Kind kind;

    public CheckFailure(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public CheckFailure(String message) {
        this(Kind.WRONG, message);
    }

    public Kind kind() {
        return kind;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this; // no stack trace: the message says everything a student needs
    }
}
