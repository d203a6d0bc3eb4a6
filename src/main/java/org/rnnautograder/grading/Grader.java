package org.rnnautograder.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.rnnautograder.assignment.Submission;
import org.rnnautograder.assignment.SubmissionLoadException;
import org.rnnautograder.fixtures.FixtureFiles;
import org.rnnautograder.i18n.Messages;
import org.rnnautograder.sandbox.CompilationResult;
import org.rnnautograder.sandbox.Folders;
import org.rnnautograder.sandbox.SandboxLimits;
import org.rnnautograder.sandbox.SandboxedSubmission;
import org.rnnautograder.sandbox.SubmissionCompiler;
import org.rnnautograder.suite.ComponentChecks;
import org.rnnautograder.suite.SuiteContext;

/**
 * Grading mode for one submission: compile it ({@code -proc:none}), start it in a sandboxed child JVM, run the
 * graded suite here — in the trusted JVM that alone holds the reference, the rubric and the expected values — and
 * return the result. Never throws for anything the submission does. Its messages are in {@link Messages#language()}.
 */
public final class Grader {
    private final Submission reference;
    private final Rubric rubric;
    private final SandboxLimits limits;

    /**
     * @param reference the reference solution (trusted, in-process), or null to skip the reference checks
     * @param rubric    point overrides
     * @param limits    the child JVM's limits
     */
    public Grader(Submission reference, Rubric rubric, SandboxLimits limits) {
        this.reference = reference;
        this.rubric = rubric;
        this.limits = limits;
    }

    /** The default limits of grading mode: the per-call deadline of the sandbox, longer for training. */
    public static SandboxLimits defaultLimits() {
        return SandboxLimits.defaults().withMethodTimeouts(Map.of("LanguageModel.train", Duration.ofSeconds(15)));
    }

    /** @return the fixtures hash recorded in every report */
    public static String fixturesHash() {
        return FixtureFiles.hash(ComponentChecks.COMPONENTS);
    }

    /**
     * Grades the submission in {@code dir}.
     *
     * @param name the submission's name in reports
     * @param seed the seed of every random input
     */
    public SubmissionResult grade(String name, Path dir, long seed) {
        long start = System.nanoTime();
        Path work;
        try {
            work = Files.createTempDirectory("rnn-grade-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            CompilationResult compiled = new SubmissionCompiler().compile(dir, work.resolve("classes"));
            if (!compiled.success()) {
                List<String> errors = compiled.errors().stream().map(Object::toString).toList();
                String message = errors.isEmpty() ? Messages.text("grader.not-compiled", compiled.summary())
                        : Messages.text("grader.not-compiled.first-error", compiled.summary(), errors.get(0));
                return result(name, SubmissionResult.Status.COMPILE_ERROR, SuiteRunner.allFailed(rubric, message),
                        Map.of(), Map.of(), errors, message, start, seed, Messages.text("grader.isolation.none"));
            }
            try (SandboxedSubmission sandbox = SandboxedSubmission.start(compiled.outputDir(), limits)) {
                String isolation = sandbox.isolation().description();
                SuiteContext.install(sandbox.submission(), reference, seed);
                try {
                    SuiteRunner.Run run = SuiteRunner.run(rubric, sandbox::takeOutput);
                    return result(name, SubmissionResult.Status.GRADED, run.checks(), run.outputs(), run.evidence(),
                            List.of(), "", start, seed, isolation);
                } finally {
                    SuiteContext.reset();
                }
            } catch (SubmissionLoadException e) {
                String message = Messages.text("grader.not-loaded", e.getMessage());
                return result(name, SubmissionResult.Status.NOT_LOADED, SuiteRunner.allFailed(rubric, message), Map.of(),
                        Map.of(), List.of(), message, start, seed, Messages.text("grader.isolation.none"));
            } catch (org.rnnautograder.sandbox.SandboxException e) {
                String message = Messages.text("grader.not-started", e.getMessage());
                return result(name, SubmissionResult.Status.NOT_LOADED, SuiteRunner.allFailed(rubric, message), Map.of(),
                        Map.of(), List.of(), message, start, seed, Messages.text("grader.isolation.none"));
            }
        } finally {
            Folders.deleteRecursively(work);
        }
    }

    private static SubmissionResult result(String name, SubmissionResult.Status status, List<CheckResult> checks,
            Map<String, String> outputs, Map<String, Map<String, double[]>> evidence, List<String> compileErrors,
            String message, long start, long seed, String isolation) {
        int score = checks.stream().mapToInt(CheckResult::earned).sum();
        int max = checks.stream().mapToInt(CheckResult::points).sum();
        return new SubmissionResult(name, status, checks, outputs, evidence, compileErrors, message, score, max,
                (System.nanoTime() - start) / 1e9, seed, AutograderVersion.current(), fixturesHash(), isolation);
    }
}
