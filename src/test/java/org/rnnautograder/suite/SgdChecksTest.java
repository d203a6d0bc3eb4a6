package org.rnnautograder.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rnnautograder.suite.SuiteHarness.assertAllNotImplemented;
import static org.rnnautograder.suite.SuiteHarness.assertAllPass;
import static org.rnnautograder.suite.SuiteHarness.assertFails;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;
import org.rnnautograder.assignment.NotImplementedYetException;
import org.rnnautograder.assignment.RnnGradients;
import org.rnnautograder.assignment.RnnParameters;
import org.rnnautograder.assignment.Sgd;
import org.rnnautograder.assignment.Submission;
import org.rnnautograder.grading.CheckResult;
import org.rnnautograder.i18n.Language;
import org.rnnautograder.i18n.Messages;
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

    // ------------------------------------------------------------------ the same failures in Chinese

    /** Runs the checks against {@code bug} with every message in Chinese. */
    private static Map<String, CheckResult> runInChinese(Bug bug) {
        Language before = Messages.use(Language.ZH);
        try {
            return run(bug);
        } finally {
            Messages.use(before);
        }
    }

    /** Asserts that nothing SgdChecks itself writes is left in English (Expect's and Property's frames aside). */
    private static void assertNoSgdEnglish(CheckResult r) {
        for (String english : List.of("block ", "fixture", "most likely", "It looks like", "Return new", "learning rate",
                "Your ", "random ")) {
            assertFalse(r.message().contains(english), r.id() + ": English \"" + english + "\" in " + r.message());
        }
    }

    /** @return the groups of {@code regex}'s first match in {@code message} */
    private static String[] facts(String regex, String message) {
        Matcher m = Pattern.compile(regex).matcher(message);
        assertTrue(m.find(), "no " + regex + " in " + message);
        String[] out = new String[m.groupCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = m.group(i + 1);
        }
        return out;
    }

    @Test
    void addingTheGradientInChinese() {
        Map<String, CheckResult> zh = runInChinese(Bug.ADDS_GRADIENT);
        assertNoSgdEnglish(assertFails(zh, "sgd.step.fixtures", "Sgd.step 的块 U", "测试用例“step", "η = ",
                "最可能的原因：加上了梯度（θ + η g），而不是减去它", "θ' = θ − η g"));
        CheckResult descends = assertFails(zh, "sgd.step.descends", "损失上升了或没有变", "最可能的原因", "随机种子");
        assertNoSgdEnglish(descends);
        // the same losses, learning rate and expectation as the English message gives
        String[] en = facts("L\\(θ\\) = (\\S+) before the step, L\\(θ'\\) = (\\S+) after it \\(η = (\\S+), expected about "
                + "(\\S+)\\)\\.", run(Bug.ADDS_GRADIENT).get("sgd.step.descends").message());
        assertTrue(descends.message().contains("更新前 L(θ) = " + en[0] + "，更新后 L(θ') = " + en[1] + "（η = " + en[2]
                + "，预期约为 " + en[3] + "）。"), descends.message());
    }

    @Test
    void forgettingBlockByInChinese() {
        Map<String, CheckResult> zh = runInChinese(Bug.FORGETS_B_Y);
        assertNoSgdEnglish(assertFails(zh, "sgd.step.fixtures", "Sgd.step 的块 b_y", "块 b_y 没有更新", "是不是漏掉了它",
                "（U、W、V、b_a、b_y）"));
    }

    @Test
    void clippingBugsInChinese() {
        CheckResult normZh = assertFails(runInChinese(Bug.NORM_WITHOUT_DB_Y), "sgd.clip-norm.property",
                "看起来计算范数时漏掉了块 db_y", "dU、dW、dV、db_a、db_y", "随机种子");
        assertNoSgdEnglish(normZh);
        String[] en = facts("has norm (\\S+), above the bound c = (\\S+) \\(‖g‖ was (\\S+)\\)\\.",
                run(Bug.NORM_WITHOUT_DB_Y).get("sgd.clip-norm.property").message());
        assertTrue(normZh.message().contains("裁剪后的梯度范数为 " + en[0] + "，超过了上界 c = " + en[1] + "（裁剪前 ‖g‖ 为 "
                + en[2] + "）。"), normZh.message());

        assertNoSgdEnglish(assertFails(runInChinese(Bug.CLIPS_PER_BLOCK), "sgd.clip-norm.fixtures",
                "Sgd.clipByGlobalNorm(g, 1) 的块 dU", "测试用例“", "‖g‖ = ", "对每个块分别做了裁剪", "c/‖g‖"));
        assertNoSgdEnglish(assertFails(runInChinese(Bug.CLAMPS_UPPER_ONLY), "sgd.clip-value",
                "Sgd.clipByValue(g, 1) 的块", "只截断了上侧", "−c", "min(c, max(−c, g))"));
    }

    @Test
    void changingTheArgumentsInChinese() {
        CheckResult zh = assertFails(runInChinese(Bug.STEPS_IN_PLACE), "sgd.inputs-untouched",
                "你的 Sgd.step 修改了传入的参数 params θ", "请改为返回新的矩阵", "不要原地修改 θ", "SimpleMatrix.minus");
        assertNoSgdEnglish(zh);
        String[] en = facts("block (\\S+) entry (\\d+) was (\\S+) before the call and (\\S+) after it",
                run(Bug.STEPS_IN_PLACE).get("sgd.inputs-untouched").message());
        assertTrue(zh.message().contains("块 " + en[0] + " 的元素 " + en[1] + " 调用前是 " + en[2] + "，调用后是 " + en[3]
                + "。"), zh.message());

        assertNoSgdEnglish(assertFails(runInChinese(Bug.RETURNS_GRADS_BELOW_BOUND), "sgd.inputs-untouched",
                "你的 Sgd.clipByGlobalNorm（范数低于上界时）", "结果的块 dU", "copy()"));
    }
}
