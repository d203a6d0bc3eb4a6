package org.rnnautograder.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rnnautograder.suite.SuiteHarness.assertAllNotImplemented;
import static org.rnnautograder.suite.SuiteHarness.assertAllPass;
import static org.rnnautograder.suite.SuiteHarness.assertFails;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;
import org.rnnautograder.assignment.NotImplementedYetException;
import org.rnnautograder.assignment.RnnGradients;
import org.rnnautograder.assignment.RnnParameters;
import org.rnnautograder.assignment.Sgd;
import org.rnnautograder.assignment.Submission;
import org.rnnautograder.grading.CheckResult;
import submission.RnnSubmission;

class SgdChecksTest {
    private static final Submission REFERENCE = new RnnSubmission();
    private static final int CHECKS = 7, POINTS = 10;

    /** Typical student bugs, one per variant. */
    enum Bug {
        ADDS_GRADIENT, FORGETS_B_Y, FORGETS_LEARNING_RATE, STEPS_IN_PLACE, CLIPS_PER_BLOCK, ALWAYS_RESCALES, NO_SQRT,
        NORM_WITHOUT_DB_Y, CLAMPS_UPPER_ONLY, RETURNS_GRADS_BELOW_BOUND, NOT_IMPLEMENTED
    }

    /** The reference Sgd with one bug. */
    static final class BuggySgd implements Sgd {
        private final Sgd ref = REFERENCE.sgd();
        private final Bug bug;

        BuggySgd(Bug bug) {
            this.bug = bug;
        }

        @Override
        public RnnParameters step(RnnParameters params, RnnGradients grads, double lr) {
            switch (bug) {
                case NOT_IMPLEMENTED -> throw new NotImplementedYetException("Sgd.step");
                case ADDS_GRADIENT -> {
                    return ref.step(params, new RnnGradients(grads.dU().negative(), grads.dW().negative(),
                            grads.dV().negative(), grads.db_a().negative(), grads.db_y().negative()), lr);
                }
                case FORGETS_B_Y -> {
                    RnnParameters p = ref.step(params, grads, lr);
                    return new RnnParameters(p.U(), p.W(), p.V(), p.b_a(), params.b_y().copy());
                }
                case FORGETS_LEARNING_RATE -> {
                    return ref.step(params, grads, 1.0);
                }
                case STEPS_IN_PLACE -> {
                    List<SimpleMatrix> t = params.blocks(), g = grads.blocks();
                    for (int b = 0; b < 5; b++) {
                        for (int i = 0; i < t.get(b).getNumElements(); i++) {
                            t.get(b).set(i, t.get(b).get(i) - lr * g.get(b).get(i));
                        }
                    }
                    return params;
                }
                default -> {
                    return ref.step(params, grads, lr);
                }
            }
        }

        @Override
        public RnnGradients clipByGlobalNorm(RnnGradients grads, double maxNorm) {
            List<SimpleMatrix> g = grads.blocks();
            double norm = SgdChecks.norm(g);
            switch (bug) {
                case NOT_IMPLEMENTED -> throw new NotImplementedYetException("Sgd.clipByGlobalNorm");
                case CLIPS_PER_BLOCK -> {
                    List<SimpleMatrix> out = new ArrayList<>();
                    for (SimpleMatrix b : g) {
                        out.add(b.normF() > maxNorm ? b.scale(maxNorm / b.normF()) : b.copy());
                    }
                    return RnnGradients.ofBlocks(out);
                }
                case ALWAYS_RESCALES -> {
                    return norm == 0 ? grads.copy() : RnnGradients.ofBlocks(g.stream().map(b -> b.scale(maxNorm / norm)).toList());
                }
                case NO_SQRT -> {
                    double squares = norm * norm;
                    return squares > maxNorm ? RnnGradients.ofBlocks(g.stream().map(b -> b.scale(maxNorm / squares)).toList())
                            : grads.copy();
                }
                case NORM_WITHOUT_DB_Y -> {
                    double partial = SgdChecks.norm(g.subList(0, 4));
                    return partial > maxNorm ? RnnGradients.ofBlocks(g.stream().map(b -> b.scale(maxNorm / partial)).toList())
                            : grads.copy();
                }
                case RETURNS_GRADS_BELOW_BOUND -> {
                    return norm <= maxNorm ? grads : ref.clipByGlobalNorm(grads, maxNorm);
                }
                default -> {
                    return ref.clipByGlobalNorm(grads, maxNorm);
                }
            }
        }

        @Override
        public RnnGradients clipByValue(RnnGradients grads, double maxValue) {
            switch (bug) {
                case NOT_IMPLEMENTED -> throw new NotImplementedYetException("Sgd.clipByValue");
                case CLAMPS_UPPER_ONLY -> {
                    return RnnGradients.ofBlocks(grads.blocks().stream().map(b -> b.elementOp(
                            (org.ejml.simple.SimpleOperations.ElementOpReal) (r, c, v) -> Math.min(maxValue, v))).toList());
                }
                default -> {
                    return ref.clipByValue(grads, maxValue);
                }
            }
        }
    }

    private static Map<String, CheckResult> run(Bug bug) {
        return SuiteHarness.run(SubmissionWrapper.of(REFERENCE).with(new BuggySgd(bug)), REFERENCE,
                SuiteContext.DEFAULT_SEED, SgdChecks.class);
    }

    @Test
    void theReferenceScoresFullPoints() {
        assertAllPass(SuiteHarness.run(REFERENCE, REFERENCE, SuiteContext.DEFAULT_SEED, SgdChecks.class),
                CHECKS, POINTS, "reference");
    }

    @Test
    void theSandboxedReferenceScoresFullPointsInGradingMode(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) {
        assertAllPass(SuiteHarness.runSandboxed(tmp, 11, SgdChecks.class), CHECKS, POINTS, "sandboxed reference");
    }

    @Test
    void theReferencePassesForFiftySeeds() {
        for (long seed = 0; seed < 50; seed++) {
            assertAllPass(SuiteHarness.run(REFERENCE, REFERENCE, seed * 7919 + 1, SgdChecks.class),
                    CHECKS, POINTS, "seed " + (seed * 7919 + 1));
        }
    }

    @Test
    void studentModeSkipsTheReferenceCheck() {
        Map<String, CheckResult> r = SuiteHarness.run(REFERENCE, null, 5, SgdChecks.class);
        assertEquals(CheckResult.Status.SKIPPED, r.get("sgd.reference").status());
        assertTrue(r.get("sgd.reference").message().contains(ComponentChecks.GRADED_BY_INSTRUCTOR));
        assertEquals(CHECKS - 1, r.values().stream().filter(x -> x.status() == CheckResult.Status.PASSED).count());
    }

    @Test
    void addingTheGradient() {
        Map<String, CheckResult> r = run(Bug.ADDS_GRADIENT);
        assertFails(r, "sgd.step.fixtures", "adding the gradient", "θ − η g");
        assertFails(r, "sgd.step.descends", "loss rose", "adding the gradient", "seed");
        assertFails(r, "sgd.reference", "adding the gradient");
        assertEquals(CheckResult.Status.PASSED, r.get("sgd.clip-norm.property").status());
    }

    @Test
    void forgettingBlockBy() {
        Map<String, CheckResult> r = run(Bug.FORGETS_B_Y);
        assertFails(r, "sgd.step.fixtures", "block b_y", "not updated", "forget");
        assertFails(r, "sgd.step.descends", "block b_y", "not updated");
    }

    @Test
    void forgettingTheLearningRate() {
        assertFails(run(Bug.FORGETS_LEARNING_RATE), "sgd.step.fixtures", "learning rate");
    }

    @Test
    void steppingInPlace() {
        Map<String, CheckResult> r = run(Bug.STEPS_IN_PLACE);
        assertFails(r, "sgd.inputs-untouched", "modified its argument params", "new matrices");
        assertEquals(CheckResult.Status.PASSED, r.get("sgd.step.fixtures").status(), "fixtures pass copies");
    }

    @Test
    void clippingEachBlockSeparately() {
        Map<String, CheckResult> r = run(Bug.CLIPS_PER_BLOCK);
        assertFails(r, "sgd.clip-norm.fixtures", "each block separately", "all five blocks together");
        assertFails(r, "sgd.clip-norm.property", "each block separately", "seed");
    }

    @Test
    void rescalingASmallGradientUp() {
        Map<String, CheckResult> r = run(Bug.ALWAYS_RESCALES);
        assertFails(r, "sgd.clip-norm.property", "scaled up", "only clip when");
        assertFails(r, "sgd.clip-norm.fixtures", "below the bound", "scaled up");
    }

    @Test
    void normWithoutTheSquareRoot() {
        assertFails(run(Bug.NO_SQRT), "sgd.clip-norm.fixtures", "square root");
    }

    @Test
    void normLeavingOutABlock() {
        Map<String, CheckResult> r = run(Bug.NORM_WITHOUT_DB_Y);
        assertFails(r, "sgd.clip-norm.property", "left out block db_y");
    }

    @Test
    void clampingOnlyTheUpperSide() {
        assertFails(run(Bug.CLAMPS_UPPER_ONLY), "sgd.clip-value", "Only the upper side", "−c");
    }

    @Test
    void returningTheArgumentBelowTheBound() {
        Map<String, CheckResult> r = run(Bug.RETURNS_GRADS_BELOW_BOUND);
        assertFails(r, "sgd.inputs-untouched", "clipByGlobalNorm (below the bound)", "returned its argument");
        assertEquals(CheckResult.Status.PASSED, r.get("sgd.clip-norm.property").status());
    }

    @Test
    void notImplemented() {
        assertAllNotImplemented(run(Bug.NOT_IMPLEMENTED), CHECKS);
    }
}
