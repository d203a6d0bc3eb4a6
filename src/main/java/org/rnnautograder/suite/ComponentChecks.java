package org.rnnautograder.suite;

import org.rnnautograder.i18n.Messages;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rnnautograder.assignment.Submission;

/**
 * Base class of the graded suite: one subclass per component, named {@code <Component>Checks}, each test
 * method a {@link Check}.
 *
 * <p>Every check runs in a separate thread with a deadline (JUnit's SEPARATE_THREAD mode), so a student's
 * infinite loop fails that one check instead of hanging the build, and every exception is turned into a
 * student-facing {@link CheckFailure} by {@link StudentFacingFailures}.
 */
@ExtendWith(StudentFacingFailures.class)
@DisplayNameGeneration(CheckTitles.class)
@Timeout(value = ComponentChecks.DEADLINE_SECONDS, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
public abstract class ComponentChecks {
    /** The components, in the order a student implements them (and the score table lists them). */
    public static final java.util.List<String> COMPONENTS = java.util.List.of("Tokenizer", "Vocabulary", "OneHot",
            "Activation", "CrossEntropy", "RnnCell", "Rnn", "Sgd", "LanguageModel");

    /** @return the position of {@code component} in {@link #COMPONENTS}, or the size of the list if absent */
    public static int componentIndex(String component) {
        int i = COMPONENTS.indexOf(component);
        return i < 0 ? COMPONENTS.size() : i;
    }

    /** Deadline of one check, in seconds. */
    public static final long DEADLINE_SECONDS = 20;

    /**
     * @return the component a check class grades: its simple name without "Checks", e.g. RnnCellChecks →
     *         "RnnCell" (a contract interface's simple name)
     */
    public static String componentOf(Class<?> checks) {
        String n = checks.getSimpleName();
        return n.endsWith("Checks") ? n.substring(0, n.length() - "Checks".length()) : n;
    }

    /** @return the submission under test */
    protected static Submission student() {
        return SuiteContext.submission();
    }

    /** @return the reference solution; skips the check as "graded by your instructor" where there is none */
    protected static Submission reference() {
        Assumptions.assumeTrue(SuiteContext.reference().isPresent(), () -> Messages.text("skip.by-instructor"));
        return SuiteContext.reference().orElseThrow();
    }


    /** The reason shown for checks skipped in student mode, in English (catalogue key skip.by-instructor). */
    public static final String GRADED_BY_INSTRUCTOR = Messages.text(org.rnnautograder.i18n.Language.EN,
            "skip.by-instructor");

    /** @return the seed of this run, mixed with a check-specific salt so checks draw independent inputs */
    protected static long seed(String salt) {
        return SuiteContext.seed() * 31 + salt.hashCode();
    }
}
