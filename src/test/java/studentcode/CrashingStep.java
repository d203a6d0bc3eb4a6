package studentcode;

/** Stands in for a student's class in tests: outside the autograder's packages, so its frame is the one quoted. */
public final class CrashingStep {
    /** @throws IllegalStateException always, like a student's bug */
    public void crash() {
        throw new IllegalStateException("s_prev was null");
    }
}
