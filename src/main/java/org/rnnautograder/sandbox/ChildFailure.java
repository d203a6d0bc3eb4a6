package org.rnnautograder.sandbox;

/**
 * Internal: why a child could not answer a call. {@link SandboxedSubmission} turns it into a
 * student-readable {@link SandboxException}.
 */
final class ChildFailure extends Exception {
    private static final long serialVersionUID = 1L;

    private final SandboxException.Kind kind;
    private final Integer exitCode;
    private final String detail;

    /**
     * @param kind     what happened
     * @param exitCode the child's exit code if it ended, else null
     * @param detail   technical detail (JVM stderr tail, garbage excerpt), possibly empty
     */
    ChildFailure(SandboxException.Kind kind, Integer exitCode, String detail) {
        super(kind + (exitCode == null ? "" : " (exit code " + exitCode + ")") + (detail.isEmpty() ? "" : ": " + detail));
        this.kind = kind;
        this.exitCode = exitCode;
        this.detail = detail;
    }

    SandboxException.Kind kind() {
        return kind;
    }

    Integer exitCode() {
        return exitCode;
    }

    String detail() {
        return detail;
    }
}
