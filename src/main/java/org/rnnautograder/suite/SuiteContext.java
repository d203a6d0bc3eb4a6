package org.rnnautograder.suite;

import java.util.Optional;
import org.rnnautograder.assignment.Submission;
import org.rnnautograder.assignment.Submissions;

/**
 * What the graded suite runs against. In student mode ({@code mvn test} in a student repo) the submission is
 * the one on the class path and there is no reference. In grading mode the trusted runner
 * {@link #install installs} a proxy to the sandboxed submission, the reference solution and a fresh seed
 * before it launches the suite.
 */
public final class SuiteContext {
    /** System property that fixes the seed of the property and reference checks in student mode. */
    public static final String SEED_PROPERTY = "rnn.seed";
    /** The student-mode seed when {@value #SEED_PROPERTY} is not set. */
    public static final long DEFAULT_SEED = 20261126L;

    private static volatile Submission installed;
    private static volatile Submission reference;
    private static volatile Long installedSeed;
    private static volatile Submission loaded;

    private SuiteContext() {}

    /**
     * Grading mode: run the suite against {@code student}, comparing with {@code reference} (may be null), with
     * every random input drawn from {@code seed}.
     */
    public static synchronized void install(Submission student, Submission reference, long seed) {
        installed = student;
        SuiteContext.reference = reference;
        installedSeed = seed;
    }

    /** Back to student mode. */
    public static synchronized void reset() {
        installed = null;
        reference = null;
        installedSeed = null;
        loaded = null;
    }

    /**
     * @return the submission under test
     * @throws org.rnnautograder.assignment.SubmissionLoadException if none can be loaded (each check then fails
     *                                                               with that message)
     */
    public static Submission submission() {
        Submission s = installed;
        if (s != null) {
            return s;
        }
        synchronized (SuiteContext.class) {
            if (loaded == null) {
                loaded = Submissions.load(SuiteContext.class.getClassLoader());
            }
            return loaded;
        }
    }

    /** @return the reference solution, present only in grading mode */
    public static Optional<Submission> reference() {
        return Optional.ofNullable(reference);
    }

    /** @return the seed of this run's random inputs */
    public static long seed() {
        Long s = installedSeed;
        if (s != null) {
            return s;
        }
        String p = System.getProperty(SEED_PROPERTY);
        if (p == null || p.isBlank()) {
            return DEFAULT_SEED;
        }
        try {
            return Long.parseLong(p.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + SEED_PROPERTY + " must be a whole number, but was '" + p + "'");
        }
    }

    /** @return true in grading mode */
    public static boolean gradingMode() {
        return installed != null;
    }
}
