package org.rnnautograder.sandbox;

/**
 * A call into sandboxed student code did not complete because the child JVM running it hung, died,
 * ran out of memory or broke the protocol. The message is written for the student: what happened, in
 * which method, and the most likely cause. Only that one call fails; the next call starts a new child.
 */
public final class SandboxException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Kind {
        /** The call did not return within its deadline; the child was killed. */
        TIMEOUT,
        /** The child ended by itself (System.exit / Runtime.halt in student code). */
        EXITED,
        /** The child ran out of heap memory and was stopped. */
        OUT_OF_MEMORY,
        /** The child died for another reason (JVM crash, killed from outside). */
        CRASHED,
        /** The child answered something that is not a protocol message (e.g. student code wrote to the raw stdout). */
        PROTOCOL,
        /** The child could not be started at all (environment problem, not the student's). */
        START_FAILED,
        /** An object from an earlier child (killed after a failure) was used; it no longer exists. */
        STALE_HANDLE,
        /** The sandbox was closed. */
        CLOSED
    }

    private final Kind kind;
    private final String method;

    /**
     * @param kind    what went wrong
     * @param method  the method that was being called, as "Iface.method", or null
     * @param message the student-readable explanation
     */
    public SandboxException(Kind kind, String method, String message) {
        super(message);
        this.kind = kind;
        this.method = method;
    }

    /** @return what went wrong */
    public Kind kind() {
        return kind;
    }

    /** @return the method being called when it happened, as "Iface.method" (null if none) */
    public String method() {
        return method;
    }
}
