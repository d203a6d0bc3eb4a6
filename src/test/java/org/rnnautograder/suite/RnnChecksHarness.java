package org.rnnautograder.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.simple.SimpleMatrix;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.rnnautograder.assignment.Activation;
import org.rnnautograder.assignment.ActivationKind;
import org.rnnautograder.assignment.CellGradients;
import org.rnnautograder.assignment.CellOutput;
import org.rnnautograder.assignment.CrossEntropy;
import org.rnnautograder.assignment.LanguageModel;
import org.rnnautograder.assignment.NotImplementedYetException;
import org.rnnautograder.assignment.OneHot;
import org.rnnautograder.assignment.Rnn;
import org.rnnautograder.assignment.RnnCell;
import org.rnnautograder.assignment.RnnGradients;
import org.rnnautograder.assignment.RnnParameters;
import org.rnnautograder.assignment.RnnTrace;
import org.rnnautograder.assignment.Sgd;
import org.rnnautograder.assignment.Submission;
import org.rnnautograder.assignment.Tokenizer;
import org.rnnautograder.assignment.TokenizerKind;
import org.rnnautograder.assignment.Vocabulary;
import org.rnnautograder.grading.CheckResult;
import org.rnnautograder.grading.ScoreCollector;
import submission.RnnSubmission;

/**
 * Runs the RnnCell and Rnn check classes through the JUnit Platform Launcher against in-test submissions: the
 * reference, and copies of it with one typical student bug planted in the cell, the unrolled RNN or the loss.
 */
final class RnnChecksHarness {
    static final long SEED = 20261126L;

    private RnnChecksHarness() {}

    /** What one run produced: the results, the evidence per check id and each check's wall time in ms. */
    record Run(List<CheckResult> results, Map<String, Map<String, double[]>> evidence, Map<String, Long> millis) {
        CheckResult result(String id) {
            return results.stream().filter(r -> r.id().equals(id)).findFirst()
                    .orElseThrow(() -> new AssertionError("no result for check " + id + " in " + results));
        }

        /** Asserts that check {@code id} failed and its message contains every one of {@code words}. */
        CheckResult assertFails(String id, String... words) {
            CheckResult r = result(id);
            if (Boolean.getBoolean("rnn.checks.print")) { // -Drnn.checks.print=true shows what a student reads
                System.out.println(id + ": " + r.message() + "\n");
            }
            assertEquals(CheckResult.Status.FAILED, r.status(), id + " should fail, but: " + r);
            for (String w : words) {
                assertTrue(r.message().contains(w), id + ": message should contain \"" + w + "\", but was: " + r.message());
            }
            return r;
        }

        void assertPasses(String... ids) {
            for (String id : ids) {
                CheckResult r = result(id);
                assertEquals(CheckResult.Status.PASSED, r.status(), id + " should pass, but: " + r.message());
            }
        }

        int earned() {
            return results.stream().mapToInt(CheckResult::earned).sum();
        }
    }

    /** Runs RnnCellChecks and RnnChecks against {@code student}, with {@code reference} (may be null). */
    static Run run(Submission student, Submission reference, long seed) {
        SuiteContext.install(student, reference, seed);
        Evidence.drain();
        Map<String, Long> started = new LinkedHashMap<>();
        Map<String, Long> millis = new LinkedHashMap<>();
        try {
            ScoreCollector collector = new ScoreCollector() {
                @Override
                public void executionStarted(TestIdentifier test) {
                    String id = checkId(test);
                    if (id != null) {
                        Evidence.begin(id);
                        started.put(id, System.nanoTime());
                    }
                }

                @Override
                public void executionFinished(TestIdentifier test, TestExecutionResult outcome) {
                    super.executionFinished(test, outcome);
                    String id = checkId(test);
                    if (id != null && started.containsKey(id)) {
                        millis.put(id, (System.nanoTime() - started.get(id)) / 1_000_000);
                    }
                }
            };
            LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectClass(RnnCellChecks.class), selectClass(RnnChecks.class))
                    .configurationParameter("junit.platform.execution.listeners.deactivate",
                            "org.rnnautograder.grading.StudentModeListener")
                    .build();
            LauncherFactory.create(LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false).build())
                    .execute(request, collector);
            return new Run(collector.results(), Evidence.drain(), millis);
        } finally {
            SuiteContext.reset();
        }
    }

    static Run run(Submission student) {
        return run(student, new RnnSubmission(), SEED);
    }

    private static String checkId(TestIdentifier test) {
        if (test.isTest() && test.getSource().orElse(null) instanceof MethodSource s) {
            Check c = s.getJavaMethod().getAnnotation(Check.class);
            return c == null ? null : c.id();
        }
        return null;
    }

    // ------------------------------------------------------------------ planted bugs

    /** Mistakes planted in a hand-written copy of the reference cell. */
    enum CellBug {
        B_A_MISSING, DS_NEXT_DROPPED, W_NOT_TRANSPOSED, DW_USES_S_T, G1_PRIME_OF_S, G1_PRIME_MISSING,
        RELU_PRIME_AT_ZERO_IS_ONE, MUTATES_DS_NEXT, RETURNS_DLOGITS_AS_DB_Y, NOT_IMPLEMENTED
    }

    /** Mistakes planted in a hand-written copy of the reference BPTT. */
    enum RnnBug {
        DS_NEXT_DROPPED, LAST_STEP_ONLY, AVERAGED_OVER_T, NO_RECURRENCE, NO_INPUT_CHECKS, MUTATES_TRACE,
        RETURNS_B_Y_AS_DB_Y, NOT_IMPLEMENTED
    }

    /** The reference with at most one planted bug per part; the cross-entropy may average the sequence loss. */
    static final class Buggy implements Submission {
        final Submission ref = new RnnSubmission();
        final Set<CellBug> cellBugs;
        final Set<RnnBug> rnnBugs;
        final boolean lossAveraged;

        Buggy(Set<CellBug> cellBugs, Set<RnnBug> rnnBugs, boolean lossAveraged) {
            this.cellBugs = cellBugs;
            this.rnnBugs = rnnBugs;
            this.lossAveraged = lossAveraged;
        }

        static Buggy cell(CellBug bug) {
            return new Buggy(EnumSet.of(bug), EnumSet.noneOf(RnnBug.class), false);
        }

        static Buggy rnn(RnnBug bug) {
            return new Buggy(EnumSet.noneOf(CellBug.class), EnumSet.of(bug), false);
        }

        static Buggy lossAveraged() {
            return new Buggy(EnumSet.noneOf(CellBug.class), EnumSet.noneOf(RnnBug.class), true);
        }

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
            CrossEntropy ce = ref.crossEntropy();
            if (!lossAveraged) {
                return ce;
            }
            return new CrossEntropy() { // the student's CrossEntropy bug: the loss averaged over T
                @Override
                public SimpleMatrix softmax(SimpleMatrix logits) {
                    return ce.softmax(logits);
                }

                @Override
                public double loss(SimpleMatrix o, int target) {
                    return ce.loss(o, target);
                }

                @Override
                public SimpleMatrix gradient(SimpleMatrix o, int target) {
                    return ce.gradient(o, target);
                }

                @Override
                public double sequenceLoss(List<SimpleMatrix> outputs, int[] targets) {
                    return ce.sequenceLoss(outputs, targets) / targets.length;
                }
            };
        }

        @Override
        public RnnCell rnnCell(ActivationKind g1) {
            return new HandCell(ref.activation(g1), crossEntropy(), cellBugs);
        }

        @Override
        public Rnn rnn(ActivationKind g1) {
            return new HandRnn(rnnCell(g1), crossEntropy(), rnnBugs);
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

    /** The reference cell, written out again, with planted bugs. */
    static final class HandCell implements RnnCell {
        final Activation g1;
        final CrossEntropy ce;
        final Set<CellBug> bugs;

        HandCell(Activation g1, CrossEntropy ce, Set<CellBug> bugs) {
            this.g1 = g1;
            this.ce = ce;
            this.bugs = bugs;
        }

        private SimpleMatrix z(RnnParameters p, SimpleMatrix x, SimpleMatrix sPrev) {
            SimpleMatrix z = p.U().mult(x).plus(p.W().mult(sPrev));
            return bugs.contains(CellBug.B_A_MISSING) ? z : z.plus(p.b_a());
        }

        @Override
        public CellOutput forward(RnnParameters p, SimpleMatrix x, SimpleMatrix sPrev) {
            if (bugs.contains(CellBug.NOT_IMPLEMENTED)) {
                throw new NotImplementedYetException("RnnCell.forward");
            }
            SimpleMatrix s = g1.value(z(p, x, sPrev));
            return new CellOutput(s, ce.softmax(p.V().mult(s).plus(p.b_y())));
        }

        @Override
        public CellGradients backward(RnnParameters p, SimpleMatrix x, SimpleMatrix sPrev, SimpleMatrix sT,
                SimpleMatrix dLogits, SimpleMatrix dsNext) {
            if (bugs.contains(CellBug.NOT_IMPLEMENTED)) {
                throw new NotImplementedYetException("RnnCell.backward");
            }
            SimpleMatrix dV = dLogits.mult(sT.transpose());
            SimpleMatrix dby = bugs.contains(CellBug.RETURNS_DLOGITS_AS_DB_Y) ? dLogits : dLogits.copy();
            SimpleMatrix ds;
            if (bugs.contains(CellBug.MUTATES_DS_NEXT)) { // accumulates into the argument
                CommonOps_DDRM.addEquals(dsNext.getDDRM(), p.V().transpose().mult(dLogits).getDDRM());
                ds = dsNext;
            } else {
                ds = p.V().transpose().mult(dLogits);
                if (!bugs.contains(CellBug.DS_NEXT_DROPPED)) {
                    ds = ds.plus(dsNext);
                }
            }
            SimpleMatrix z = z(p, x, sPrev);
            SimpleMatrix prime;
            if (bugs.contains(CellBug.G1_PRIME_MISSING)) {
                prime = z.copy();
                prime.fill(1);
            } else if (bugs.contains(CellBug.G1_PRIME_OF_S)) {
                prime = g1.derivative(sT);
            } else if (bugs.contains(CellBug.RELU_PRIME_AT_ZERO_IS_ONE)) {
                prime = g1.derivative(z);
                for (int i = 0; i < z.getNumRows(); i++) {
                    if (z.get(i, 0) == 0) {
                        prime.set(i, 0, 1);
                    }
                }
            } else {
                prime = g1.derivative(z);
            }
            SimpleMatrix dz = ds.elementMult(prime);
            SimpleMatrix dU = dz.mult(x.transpose());
            SimpleMatrix dW = dz.mult((bugs.contains(CellBug.DW_USES_S_T) ? sT : sPrev).transpose());
            SimpleMatrix dsPrev = (bugs.contains(CellBug.W_NOT_TRANSPOSED) ? p.W() : p.W().transpose()).mult(dz);
            return new CellGradients(new RnnGradients(dU, dW, dV, dz.copy(), dby), dsPrev);
        }
    }

    /** The reference BPTT, written out again, with planted bugs; it calls the given cell. */
    static final class HandRnn implements Rnn {
        final RnnCell cell;
        final CrossEntropy ce;
        final Set<RnnBug> bugs;

        HandRnn(RnnCell cell, CrossEntropy ce, Set<RnnBug> bugs) {
            this.cell = cell;
            this.ce = ce;
            this.bugs = bugs;
        }

        @Override
        public RnnTrace forward(RnnParameters params, List<SimpleMatrix> xs) {
            if (bugs.contains(RnnBug.NOT_IMPLEMENTED)) {
                throw new NotImplementedYetException("Rnn.forward");
            }
            if (bugs.contains(RnnBug.NO_INPUT_CHECKS)) {
                xs.get(0); // IndexOutOfBoundsException for an empty sequence; shapes go straight to EJML
            } else {
                if (xs.isEmpty()) {
                    throw new IllegalArgumentException("need at least one input x_1");
                }
                for (int t = 1; t <= xs.size(); t++) {
                    org.rnnautograder.assignment.Shapes.requireColumn("x_" + t, xs.get(t - 1), params.m());
                }
            }
            List<SimpleMatrix> states = new ArrayList<>();
            List<SimpleMatrix> outputs = new ArrayList<>();
            states.add(new SimpleMatrix(params.n(), 1));
            for (SimpleMatrix x : xs) {
                SimpleMatrix sPrev = bugs.contains(RnnBug.NO_RECURRENCE) ? new SimpleMatrix(params.n(), 1)
                        : states.get(states.size() - 1);
                CellOutput out = cell.forward(params, x, sPrev);
                states.add(out.s_t());
                outputs.add(out.o_t());
            }
            return new RnnTrace(states, outputs);
        }

        @Override
        public RnnGradients backward(RnnParameters params, List<SimpleMatrix> xs, RnnTrace trace, int[] targets) {
            if (bugs.contains(RnnBug.NOT_IMPLEMENTED)) {
                throw new NotImplementedYetException("Rnn.backward");
            }
            int T = xs.size();
            RnnGradients sum = RnnGradients.zerosLike(params);
            List<SimpleMatrix> acc = new ArrayList<>(sum.blocks());
            SimpleMatrix dsNext = new SimpleMatrix(params.n(), 1);
            for (int t = T; t >= 1; t--) {
                SimpleMatrix dLogits = ce.gradient(trace.o(t), targets[t - 1]);
                CellGradients step = cell.backward(params, xs.get(t - 1), trace.s(t - 1), trace.s(t), dLogits, dsNext);
                for (int b = 0; b < 5; b++) {
                    acc.set(b, bugs.contains(RnnBug.LAST_STEP_ONLY) && t == T ? step.grads().blocks().get(b).copy()
                            : bugs.contains(RnnBug.LAST_STEP_ONLY) ? acc.get(b)
                            : acc.get(b).plus(step.grads().blocks().get(b)));
                }
                if (!bugs.contains(RnnBug.DS_NEXT_DROPPED)) {
                    dsNext = step.ds_prev();
                }
            }
            if (bugs.contains(RnnBug.MUTATES_TRACE)) {
                CommonOps_DDRM.scale(0.5, trace.s(T).getDDRM()); // "reuses" the last state as scratch space
            }
            if (bugs.contains(RnnBug.AVERAGED_OVER_T)) {
                acc.replaceAll(b -> b.divide(T));
            }
            if (bugs.contains(RnnBug.RETURNS_B_Y_AS_DB_Y)) {
                acc.set(4, params.b_y());
            }
            return RnnGradients.ofBlocks(acc);
        }
    }
}
