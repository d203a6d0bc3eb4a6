package org.rnnautograder.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.rnnautograder.assignment.Submission;
import org.rnnautograder.grading.CheckResult;
import org.rnnautograder.grading.Rubric;
import org.rnnautograder.grading.SuiteRunner;
import org.rnnautograder.sandbox.CompilationResult;
import org.rnnautograder.sandbox.SandboxLimits;
import org.rnnautograder.sandbox.SandboxedSubmission;
import org.rnnautograder.sandbox.SubmissionCompiler;
import submission.RnnSubmission;

/**
 * Runs check classes of the graded suite (or the whole suite) in grading mode through {@link SuiteRunner} — the
 * production runner, with auto-registered listeners off — against an in-test submission, usually a
 * {@link SubmissionWrapper} of the reference with a planted bug, and asserts on the results.
 */
final class SuiteHarness {
    /** The seed of a single run (the student-mode default). */
    static final long SEED = SuiteContext.DEFAULT_SEED;

    private SuiteHarness() {}

    /**
     * Runs {@code checkClasses} (none: the whole suite) against {@code student}, comparing with {@code reference}
     * (null: none, as in student mode), with every random input drawn from {@code seed}.
     *
     * @return everything the run produced: results, evidence, per-check wall times
     */
    static SuiteRunner.Run runFull(Submission student, Submission reference, long seed, Class<?>... checkClasses) {
        SuiteContext.install(student, reference, seed);
        try {
            return SuiteRunner.run(Rubric.DEFAULTS, null, checkClasses);
        } finally {
            SuiteContext.reset();
        }
    }

    /** @return check id → result, in suite order */
    static Map<String, CheckResult> run(Submission student, Submission reference, long seed, Class<?>... checkClasses) {
        return byId(runFull(student, reference, seed, checkClasses).checks());
    }

    /** Runs {@code checkClasses} against {@code student} with the reference installed and {@link #SEED}. */
    static Map<String, CheckResult> run(Submission student, Class<?>... checkClasses) {
        return run(student, new RnnSubmission(), SEED, checkClasses);
    }

    static Map<String, CheckResult> byId(List<CheckResult> results) {
        Map<String, CheckResult> out = new LinkedHashMap<>();
        results.forEach(r -> out.put(r.id(), r));
        return out;
    }

    /**
     * Grading mode for real: compiles reference-solutions/ like a student submission, starts it in a sandboxed
     * child JVM and hands {@code body} the proxy to it.
     */
    static <T> T withSandboxedReference(Path tmp, Function<Submission, T> body) {
        CompilationResult compiled = new SubmissionCompiler().compile(Path.of("reference-solutions"), tmp.resolve("classes"));
        assertTrue(compiled.success(), compiled::summary);
        try (SandboxedSubmission sandbox = SandboxedSubmission.start(compiled.outputDir(), SandboxLimits.defaults())) {
            return body.apply(sandbox.submission());
        }
    }

    /** Grades the sandboxed reference with {@code checkClasses}, the in-process reference as the reference. */
    static Map<String, CheckResult> runSandboxed(Path tmp, long seed, Class<?>... checkClasses) {
        return withSandboxedReference(tmp, sandboxed -> run(sandboxed, new RnnSubmission(), seed, checkClasses));
    }

    // ------------------------------------------------------------------ assertions

    static CheckResult result(Map<String, CheckResult> results, String id) {
        CheckResult r = results.get(id);
        assertNotNull(r, "no result for check " + id + " in " + results.keySet());
        return r;
    }

    /**
     * Asserts that check {@code id} failed (earning nothing) and its message contains every one of {@code words},
     * without a stack trace. {@code -Drnn.checks.print=true} prints the messages a student would read.
     */
    static CheckResult assertFails(Map<String, CheckResult> results, String id, String... words) {
        CheckResult r = result(results, id);
        if (Boolean.getBoolean("rnn.checks.print")) {
            System.out.println(id + ": " + r.message() + "\n");
        }
        assertEquals(CheckResult.Status.FAILED, r.status(), id + " should fail, but: " + r);
        assertEquals(0, r.earned(), id);
        for (String w : words) {
            assertTrue(r.message().contains(w), id + ": message should contain \"" + w + "\", but was: " + r.message());
        }
        assertTrue(!r.message().contains("\tat ") && !r.message().contains("Exception:\n"),
                id + ": no stack trace in the message: " + r.message());
        return r;
    }

    static void assertPasses(Map<String, CheckResult> results, String... ids) {
        for (String id : ids) {
            CheckResult r = result(results, id);
            assertEquals(CheckResult.Status.PASSED, r.status(), id + " should pass, but: " + r.message());
        }
    }

    /** There are {@code checks} results, every one passed with full points, and they earned {@code points}. */
    static void assertAllPass(Map<String, CheckResult> results, int checks, int points, String context) {
        for (CheckResult r : results.values()) {
            assertEquals(CheckResult.Status.PASSED, r.status(), context + ": " + r.id() + " " + r.status() + ": " + r.message());
            assertEquals(r.points(), r.earned(), context + ": " + r.id());
        }
        assertEquals(checks, results.size(), context + ": checks " + results.keySet());
        assertEquals(points, earned(results), context + ": total");
    }

    /** Every result is NOT_IMPLEMENTED, earns nothing, and its message is one line ending "not implemented yet". */
    static void assertAllNotImplemented(Map<String, CheckResult> results, int checks) {
        assertEquals(checks, results.size(), "checks " + results.keySet());
        for (CheckResult r : results.values()) {
            assertEquals(CheckResult.Status.NOT_IMPLEMENTED, r.status(), r.id() + ": " + r.message());
            assertTrue(r.message().endsWith("not implemented yet"), r.id() + ": " + r.message());
            assertFalse(r.message().contains("\n"), r.id() + ": one line: " + r.message());
            assertEquals(0, r.earned(), r.id());
        }
    }

    static int earned(Map<String, CheckResult> results) {
        return results.values().stream().mapToInt(CheckResult::earned).sum();
    }
}
