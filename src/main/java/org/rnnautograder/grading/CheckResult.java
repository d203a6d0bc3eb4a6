package org.rnnautograder.grading;

/**
 * The outcome of one graded check.
 *
 * @param id             the check's stable id
 * @param component      the component it grades, e.g. "RnnCell"
 * @param title          what it checks, for a student
 * @param points         points possible (after the rubric)
 * @param earned         points earned: {@code points} when passed, else 0
 * @param status         passed, failed, not implemented, or skipped
 * @param message        the failure paragraph or the skip reason; empty when passed
 * @param needsReference true for checks graded against the reference (instructor-graded in student mode)
 * @param seconds        how long the check ran, wall clock (0 when it did not run); the one field that differs
 *                       between two gradings of the same submission with the same seed
 */
public record CheckResult(String id, String component, String title, int points, int earned, Status status,
        String message, boolean needsReference, double seconds) {

    /** A result with no recorded duration (a check that did not run). */
    public CheckResult(String id, String component, String title, int points, int earned, Status status,
            String message, boolean needsReference) {
        this(id, component, title, points, earned, status, message, needsReference, 0);
    }

    /** @return this result with {@code seconds} replaced */
    public CheckResult withSeconds(double seconds) {
        return new CheckResult(id, component, title, points, earned, status, message, needsReference, seconds);
    }

    /** How a check ended. */
    public enum Status {
        PASSED, FAILED, NOT_IMPLEMENTED, SKIPPED
    }

    /** @return true when the check ran to a verdict (not skipped) */
    public boolean graded() {
        return status != Status.SKIPPED;
    }
}
