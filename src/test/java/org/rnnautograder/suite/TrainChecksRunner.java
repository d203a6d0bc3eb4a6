package org.rnnautograder.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.rnnautograder.assignment.Submission;
import org.rnnautograder.grading.CheckResult;
import org.rnnautograder.grading.ScoreCollector;

/** Runs one check class against a submission (and optionally a reference) and returns its results by id. */
final class TrainChecksRunner {
    private TrainChecksRunner() {}

    static Map<String, CheckResult> run(Class<?> checks, Submission student, Submission reference, long seed) {
        SuiteContext.install(student, reference, seed);
        try {
            LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                    .selectors(DiscoverySelectors.selectClass(checks))
                    .configurationParameter("junit.platform.execution.listeners.deactivate",
                            "org.rnnautograder.grading.StudentModeListener")
                    .build();
            ScoreCollector collector = new ScoreCollector();
            // the request's configuration parameter alone does not stop the auto-registered StudentModeListener
            // (listeners are registered when the launcher is created), so auto-registration is switched off too
            Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                    .enableTestExecutionListenerAutoRegistration(false).build());
            launcher.execute(request, collector);
            return collector.results().stream().collect(Collectors.toMap(CheckResult::id, r -> r));
        } finally {
            SuiteContext.reset();
        }
    }

    /** Asserts that check {@code id} failed and its message contains every one of {@code words} (case-insensitive). */
    static CheckResult assertFails(Map<String, CheckResult> results, String id, String... words) {
        CheckResult r = results.get(id);
        assertTrue(r != null, "no result for " + id + " in " + results.keySet());
        assertEquals(CheckResult.Status.FAILED, r.status(), id + ": " + r.message());
        for (String w : words) {
            assertTrue(r.message().toLowerCase().contains(w.toLowerCase()), id + " message lacks '" + w + "': " + r.message());
        }
        return r;
    }

    /**
     * Grading mode for real: compiles reference-solutions/ like a student submission, runs it in a sandboxed child
     * JVM, and grades that proxy with {@code checks}, the in-process reference as the reference.
     */
    static Map<String, CheckResult> runSandboxed(Class<?> checks, java.nio.file.Path tmp, long seed) {
        org.rnnautograder.sandbox.CompilationResult compiled = new org.rnnautograder.sandbox.SubmissionCompiler()
                .compile(java.nio.file.Path.of("reference-solutions"), tmp.resolve("classes"));
        assertTrue(compiled.success(), compiled::summary);
        try (org.rnnautograder.sandbox.SandboxedSubmission sandbox = org.rnnautograder.sandbox.SandboxedSubmission
                .start(compiled.outputDir(), org.rnnautograder.sandbox.SandboxLimits.defaults())) {
            return run(checks, sandbox.submission(), new submission.RnnSubmission(), seed);
        }
    }

    /** The reference solution with one component replaced. */
    static Submission with(Submission base, org.rnnautograder.assignment.Sgd sgd,
            org.rnnautograder.assignment.LanguageModel lm) {
        return new Submission() {
            @Override
            public org.rnnautograder.assignment.Tokenizer tokenizer(org.rnnautograder.assignment.TokenizerKind kind) {
                return base.tokenizer(kind);
            }

            @Override
            public org.rnnautograder.assignment.Vocabulary vocabulary(List<List<String>> sentences, int minCount) {
                return base.vocabulary(sentences, minCount);
            }

            @Override
            public org.rnnautograder.assignment.OneHot oneHot() {
                return base.oneHot();
            }

            @Override
            public org.rnnautograder.assignment.Activation activation(org.rnnautograder.assignment.ActivationKind kind) {
                return base.activation(kind);
            }

            @Override
            public org.rnnautograder.assignment.CrossEntropy crossEntropy() {
                return base.crossEntropy();
            }

            @Override
            public org.rnnautograder.assignment.RnnCell rnnCell(org.rnnautograder.assignment.ActivationKind g1) {
                return base.rnnCell(g1);
            }

            @Override
            public org.rnnautograder.assignment.Rnn rnn(org.rnnautograder.assignment.ActivationKind g1) {
                return base.rnn(g1);
            }

            @Override
            public org.rnnautograder.assignment.Sgd sgd() {
                return sgd != null ? sgd : base.sgd();
            }

            @Override
            public org.rnnautograder.assignment.LanguageModel languageModel() {
                return lm != null ? lm : base.languageModel();
            }
        };
    }

    static void assertAllPassed(Map<String, CheckResult> results, int expectedChecks, int expectedPoints) {
        List<String> bad = results.values().stream().filter(r -> r.status() != CheckResult.Status.PASSED)
                .map(r -> r.id() + " " + r.status() + ": " + r.message()).toList();
        assertTrue(bad.isEmpty(), String.join("\n", bad));
        assertEquals(expectedChecks, results.size(), "checks " + results.keySet());
        assertEquals(expectedPoints, results.values().stream().mapToInt(CheckResult::earned).sum());
    }
}
