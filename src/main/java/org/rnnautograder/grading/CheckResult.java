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
 */
public record CheckResult(String id, String component, String title, int points, int earned, Status status,
        String message, boolean needsReference) {

    /** How a check ended. */
    public enum Status {
        PASSED, FAILED, NOT_IMPLEMENTED, SKIPPED
    }

    /** @return true when the check ran to a verdict (not skipped) */
    public boolean graded() {
        return status != Status.SKIPPED;
    }
}
