package org.rnnautograder.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import java.util.function.Function;
import org.ejml.simple.SimpleMatrix;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
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

/** Runs a check class through the JUnit Platform Launcher against a submission, for the Activation and CrossEntropy check tests. */
final class MathChecksHarness {
    static final long SEED = 20261126L;

    private MathChecksHarness() {}

    /** @return one result per check of {@code checks}, run against {@code student} (and {@code reference}, may be null) */
    static List<CheckResult> run(Class<?> checks, Submission student, Submission reference, long seed) {
        SuiteContext.install(student, reference, seed);
        try {
            ScoreCollector collector = new ScoreCollector();
            LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectClass(checks))
                    .configurationParameter("junit.platform.execution.listeners.deactivate",
                            "org.rnnautograder.grading.StudentModeListener")
                    .build();
            // the deactivate parameter above is read when a launcher is created, not from the request: turning off
            // auto-registration is what actually keeps StudentModeListener from printing a score table here
            LauncherFactory.create(LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false).build())
                    .execute(request, collector);
            return collector.results();
        } finally {
            SuiteContext.reset();
        }
    }

    /** Runs {@code checks} against {@code student} with the reference installed too. */
    static List<CheckResult> run(Class<?> checks, Submission student) {
        return run(checks, student, new RnnSubmission(), SEED);
    }

    static CheckResult result(List<CheckResult> results, String id) {
        return results.stream().filter(r -> r.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no result for check " + id + " in " + results));
    }

    /** Asserts that check {@code id} failed and its message contains every one of {@code words}. */
    static CheckResult assertFails(List<CheckResult> results, String id, String... words) {
        CheckResult r = result(results, id);
        if (Boolean.getBoolean("rnn.checks.print")) { // -Drnn.checks.print=true shows the messages a student would read
            System.out.println(id + ": " + r.message() + "\n");
        }
        assertEquals(CheckResult.Status.FAILED, r.status(), id + " should fail, but: " + r);
        for (String w : words) {
            assertTrue(r.message().contains(w), id + ": message should contain \"" + w + "\", but was: " + r.message());
        }
        return r;
    }

    static void assertPasses(List<CheckResult> results, String id) {
        CheckResult r = result(results, id);
        assertEquals(CheckResult.Status.PASSED, r.status(), id + " should pass, but: " + r.message());
    }

    /** Every check passed with full points. */
    static void assertAllPass(List<CheckResult> results, int totalPoints, String context) {
        for (CheckResult r : results) {
            assertEquals(CheckResult.Status.PASSED, r.status(), context + ": " + r.id() + " — " + r.message());
            assertEquals(r.points(), r.earned(), context + ": " + r.id());
        }
        assertEquals(totalPoints, results.stream().mapToInt(CheckResult::earned).sum(), context + ": total");
    }

    /** A submission that delegates everything to the reference; override one method to plant a bug. */
    static class Delegating implements Submission {
        final Submission ref = new RnnSubmission();

        @Override
        public Tokenizer tokenizer(TokenizerKind kind) {
            return ref.tokenizer(kind);
        }

        @Override
        public Vocabulary vocabulary(List<List<String>> sentences, int minCount) {
            return ref.vocabulary(sentences, minCount);
        }

        @Override
        public OneHot oneHot() {
            return ref.oneHot();
        }

        @Override
        public Activation activation(ActivationKind kind) {
            return ref.activation(kind);
        }

        @Override
        public CrossEntropy crossEntropy() {
            return ref.crossEntropy();
        }

        @Override
        public RnnCell rnnCell(ActivationKind g1) {
            return ref.rnnCell(g1);
        }

        @Override
        public Rnn rnn(ActivationKind g1) {
            return ref.rnn(g1);
        }

        @Override
        public Sgd sgd() {
            return ref.sgd();
        }

        @Override
        public LanguageModel languageModel() {
            return ref.languageModel();
        }
    }

    /** An activation from two functions. */
    static Activation activation(Function<SimpleMatrix, SimpleMatrix> value, Function<SimpleMatrix, SimpleMatrix> derivative) {
        return new Activation() {
            @Override
            public SimpleMatrix value(SimpleMatrix z) {
                return value.apply(z);
            }

            @Override
            public SimpleMatrix derivative(SimpleMatrix z) {
                return derivative.apply(z);
            }
        };
    }

    /** The reference's activation with its value or derivative replaced. */
    static Submission withActivation(ActivationKind buggyKind, Function<Activation, Activation> bug) {
        return new Delegating() {
            @Override
            public Activation activation(ActivationKind kind) {
                Activation a = ref.activation(kind);
                return kind == buggyKind ? bug.apply(a) : a;
            }
        };
    }

    /** The reference's cross-entropy with one method replaced (by overriding it in a subclass of {@link CeDelegate}). */
    static Submission withCrossEntropy(CrossEntropy ce) {
        return new Delegating() {
            @Override
            public CrossEntropy crossEntropy() {
                return ce;
            }
        };
    }

    /** Delegates to the reference's CrossEntropy. */
    static class CeDelegate implements CrossEntropy {
        final CrossEntropy ref = new RnnSubmission().crossEntropy();

        @Override
        public SimpleMatrix softmax(SimpleMatrix logits) {
            return ref.softmax(logits);
        }

        @Override
        public double loss(SimpleMatrix o, int target) {
            return ref.loss(o, target);
        }

        @Override
        public SimpleMatrix gradient(SimpleMatrix o, int target) {
            return ref.gradient(o, target);
        }

        @Override
        public double sequenceLoss(List<SimpleMatrix> outputs, int[] targets) {
            return ref.sequenceLoss(outputs, targets);
        }
    }

    /** Applies {@code f} to every entry, into a new matrix. */
    static SimpleMatrix map(SimpleMatrix z, java.util.function.DoubleUnaryOperator f) {
        SimpleMatrix out = new SimpleMatrix(z.getNumRows(), z.getNumCols());
        for (int r = 0; r < z.getNumRows(); r++) {
            for (int c = 0; c < z.getNumCols(); c++) {
                out.set(r, c, f.applyAsDouble(z.get(r, c)));
            }
        }
        return out;
    }
}
