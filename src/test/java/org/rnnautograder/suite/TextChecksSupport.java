package org.rnnautograder.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import java.util.Locale;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherFactory;
import org.rnnautograder.assignment.Activation;
import org.rnnautograder.assignment.ActivationKind;
import org.rnnautograder.assignment.CrossEntropy;
import org.rnnautograder.assignment.LanguageModel;
import org.rnnautograder.assignment.OneHot;
import org.rnnautograder.assignment.Rnn;
import org.rnnautograder.assignment.RnnCell;
import org.rnnautograder.assignment.Sgd;
import org.rnnautograder.assignment.Submission;
import org.rnnautograder.assignment.Tokenizer;
import org.rnnautograder.assignment.TokenizerKind;
import org.rnnautograder.assignment.Vocabulary;
import org.rnnautograder.grading.CheckResult;
import org.rnnautograder.grading.ScoreCollector;
import submission.RnnSubmission;

/** Shared by the Tokenizer and Vocabulary check tests: run check classes, find a result, wrap the reference. */
final class TextChecksSupport {
    private TextChecksSupport() {}

    /** Runs {@code checkClasses} with the JUnit Platform launcher against {@code student} (grading-mode install). */
    static List<CheckResult> run(Submission student, Submission reference, long seed, Class<?>... checkClasses) {
        SuiteContext.install(student, reference, seed);
        try {
            LauncherDiscoveryRequestBuilder b = LauncherDiscoveryRequestBuilder.request().configurationParameter(
                    "junit.platform.execution.listeners.deactivate", "org.rnnautograder.grading.StudentModeListener");
            for (Class<?> c : checkClasses) {
                b.selectors(selectClass(c));
            }
            // the request's parameter deactivates the student-mode listener for the engines' view; the launcher's
            // own listener auto-registration reads launcher-level parameters, so switch it off here as well
            Launcher launcher = LauncherFactory.create(
                    LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false).build());
            ScoreCollector collector = new ScoreCollector();
            launcher.execute(b.build(), collector);
            return collector.results();
        } finally {
            SuiteContext.reset();
        }
    }

    static CheckResult result(List<CheckResult> results, String id) {
        return results.stream().filter(r -> r.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no result for check " + id + " in " + results));
    }

    /** Asserts that check {@code id} failed and that its message names every one of {@code keywords}. */
    static void assertFailsNaming(Submission buggy, Class<?> checks, String id, String... keywords) {
        CheckResult r = result(run(buggy, new RnnSubmission(), 20261126L, checks), id);
        if (Boolean.getBoolean("rnn.show")) System.out.println("### " + buggy + " / " + id + ":\n" + r.message());
        assertEquals(CheckResult.Status.FAILED, r.status(), id + " should fail for " + buggy + ": " + r.message());
        assertEquals(0, r.earned());
        for (String k : keywords) {
            assertTrue(r.message().toLowerCase(Locale.ROOT).contains(k.toLowerCase(Locale.ROOT)),
                    id + " message should mention '" + k + "': " + r.message());
        }
        assertTrue(!r.message().contains("\tat ") && !r.message().contains("Exception:\n"),
                "no stack trace in the message: " + r.message());
    }

    /** The reference solution, one component at a time: subclasses replace a component with a buggy one. */
    static class Delegating implements Submission {
        final Submission reference = new RnnSubmission();
        private final String name;

        Delegating(String name) {
            this.name = name;
        }

        @Override
        public String toString() {
            return "variant '" + name + "'";
        }

        @Override
        public Tokenizer tokenizer(TokenizerKind kind) {
            return reference.tokenizer(kind);
        }

        @Override
        public Vocabulary vocabulary(List<List<String>> sentences, int minCount) {
            return reference.vocabulary(sentences, minCount);
        }

        @Override
        public OneHot oneHot() {
            return reference.oneHot();
        }

        @Override
        public Activation activation(ActivationKind kind) {
            return reference.activation(kind);
        }

        @Override
        public CrossEntropy crossEntropy() {
            return reference.crossEntropy();
        }

        @Override
        public RnnCell rnnCell(ActivationKind g1) {
            return reference.rnnCell(g1);
        }

        @Override
        public Rnn rnn(ActivationKind g1) {
            return reference.rnn(g1);
        }

        @Override
        public Sgd sgd() {
            return reference.sgd();
        }

        @Override
        public LanguageModel languageModel() {
            return reference.languageModel();
        }
    }
}
