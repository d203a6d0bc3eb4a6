package org.rnnautograder.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rnnautograder.suite.SuiteHarness.assertFails;
import static org.rnnautograder.suite.SuiteHarness.assertPasses;
import static org.rnnautograder.suite.SuiteHarness.earned;
import static org.rnnautograder.suite.SuiteHarness.result;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;
import org.rnnautograder.assignment.Activation;
import org.rnnautograder.assignment.CellGradients;
import org.rnnautograder.assignment.CellOutput;
import org.rnnautograder.assignment.CrossEntropy;
import org.rnnautograder.assignment.NotImplementedYetException;
import org.rnnautograder.assignment.Rnn;
import org.rnnautograder.assignment.RnnCell;
import org.rnnautograder.assignment.RnnGradients;
import org.rnnautograder.assignment.RnnParameters;
import org.rnnautograder.assignment.RnnTrace;
import org.rnnautograder.assignment.Submission;
import org.rnnautograder.fixtures.FixtureCase;
import org.rnnautograder.fixtures.FixtureFiles;
import org.rnnautograder.grading.CheckResult;
import org.rnnautograder.grading.SuiteRunner;
import org.rnnautograder.i18n.Language;
import org.rnnautograder.i18n.Messages;
import submission.RnnSubmission;

/**
 * The RnnCell (18 points) and Rnn (22 points) checks: the reference scores full points on every seed; each check
 * is failed, with the cause named, by a planted typical bug; a CrossEntropy bug costs no Rnn points; a missing
 * implementation is NOT_IMPLEMENTED in one line.
 */
class RnnChecksTest {
    static final String[] CELL_CHECKS = {"rnncell.forward.fixtures", "rnncell.backward.fixtures",
        "rnncell.backward.gradcheck", "rnncell.reference", "rnncell.inputs-untouched", "rnncell.new-results"};
    static final String[] RNN_CHECKS = {"rnn.forward.fixtures", "rnn.forward.composes-cell", "rnn.forward.bad-input",
        "rnn.backward.fixtures", "rnn.backward.gradcheck", "rnn.backward.sum-not-mean", "rnn.reference",
        "rnn.inputs-untouched", "rnn.new-results"};
    static final Class<?>[] CHECK_CLASSES = {RnnCellChecks.class, RnnChecks.class};

    private static Map<String, CheckResult> run(Submission student) {
        return SuiteHarness.run(student, CHECK_CLASSES);
    }

    @Test
    void pointsSumToTheBudget() {
        assertEquals(18, points(RnnCellChecks.class));
        assertEquals(22, points(RnnChecks.class));
    }

    private static int points(Class<?> checks) {
        int sum = 0;
        for (Method m : checks.getDeclaredMethods()) {
            Check c = m.getAnnotation(Check.class);
            sum += c == null ? 0 : c.points();
        }
        return sum;
    }

    @Test
    void referenceScoresFullPointsAndEveryCheckRecordsItsTime() {
        SuiteHarness.assertAllPass(run(new RnnSubmission()), CELL_CHECKS.length + RNN_CHECKS.length, 40, "reference");
        // how long each check ran is recorded (junit.xml reports it); how long is a benchmark's business
        // (bench-grade), not a test's: no bound on the times here
        SuiteRunner.Run run = SuiteHarness.runFull(new RnnSubmission(), new RnnSubmission(), SuiteHarness.SEED + 1, CHECK_CLASSES);
        for (CheckResult r : run.checks()) {
            assertTrue(r.seconds() > 0 && Double.isFinite(r.seconds()), r.id() + " ran, so it has a time: " + r.seconds());
            assertEquals((long) (r.seconds() * 1000), run.millis().get(r.id()), r.id());
        }
        if (Boolean.getBoolean("rnn.checks.print")) {
            System.out.println("check times (ms): " + run.millis());
        }
    }

    @Test
    void referencePassesForFiftySeeds() {
        List<String> failures = new ArrayList<>();
        for (long seed = 1; seed <= 50; seed++) {
            for (CheckResult r : SuiteHarness.run(new RnnSubmission(), new RnnSubmission(), seed * 7919, CHECK_CLASSES).values()) {
                if (r.status() != CheckResult.Status.PASSED) {
                    failures.add("seed " + seed * 7919 + " " + r.id() + ": " + r.message());
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void withoutAReferenceTheReferenceChecksAreSkippedForTheInstructor() {
        Map<String, CheckResult> run = SuiteHarness.run(new RnnSubmission(), null, SuiteHarness.SEED, CHECK_CLASSES);
        for (String id : new String[] {"rnncell.reference", "rnn.reference"}) {
            assertEquals(CheckResult.Status.SKIPPED, result(run, id).status());
            assertTrue(result(run, id).message().contains(ComponentChecks.GRADED_BY_INSTRUCTOR), result(run, id).message());
        }
        assertEquals(40 - 3 - 2, earned(run));
    }

    @Test
    void theHandComputedFixtureIsRight() {
        FixtureCase c = FixtureFiles.bundled("RnnCell").get("forward hand-computed n=1 m=2 tanh");
        double s = Math.tanh(0.5 * 1 + 2 * 0.3 + 0.1);
        double e0 = Math.exp(s), e1 = Math.exp(-s + 0.2);
        assertEquals(s, c.expectedMatrix("s_t").get(0, 0), 1e-15);
        assertEquals(e0 / (e0 + e1), c.expectedMatrix("o_t").get(0, 0), 1e-15);
        assertEquals(e1 / (e0 + e1), c.expectedMatrix("o_t").get(1, 0), 1e-15);
        FixtureCase k = FixtureFiles.bundled("RnnCell").get("backward relu with a pre-activation exactly 0");
        SimpleMatrix z = k.inputMatrix("U").mult(k.inputMatrix("x_t")).plus(k.inputMatrix("W").mult(k.inputMatrix("s_prev")))
                .plus(k.inputMatrix("b_a"));
        assertEquals(0.0, z.get(0, 0));
        assertEquals(0.0, k.expectedMatrix("db_a").get(0, 0), "relu'(0) = 0");
        assertTrue(k.expectedMatrix("db_a").get(1, 0) != 0);
        assertTrue(z.get(2, 0) < 0 && k.expectedMatrix("db_a").get(2, 0) == 0);
    }

    // ------------------------------------------------------------------ RnnCell bugs

    @Test
    void forgettingTheHiddenBiasFailsTheForwardChecksButNotTheRnnComposition() {
        Map<String, CheckResult> run = run(buggyCell(CellBug.B_A_MISSING));
        assertFails(run, "rnncell.forward.fixtures", "s_t", "b_a", "Most likely cause");
        assertFails(run, "rnncell.reference", "b_a");
        assertFails(run, "rnn.forward.fixtures", "fix RnnCell.forward first", "b_a");
        // Rnn.forward composes the student's own (wrong) cell correctly: no Rnn point lost for that property
        assertPasses(run, "rnn.forward.composes-cell", "rnncell.inputs-untouched", "rnncell.new-results",
                "rnn.backward.sum-not-mean");
        // forward and backward both leave out b_a, so ∂L/∂b_a through the forward is 0 but db_a = dz ≠ 0
        assertFails(run, "rnncell.backward.gradcheck", "db_a");
    }

    @Test
    void droppingDsNextInTheCellIsNamed() {
        Map<String, CheckResult> run = run(buggyCell(CellBug.DS_NEXT_DROPPED));
        assertFails(run, "rnncell.backward.fixtures", "ds = Vᵀ dz_o instead of Vᵀ dz_o + ds_next");
        assertFails(run, "rnncell.backward.gradcheck", "ds_next", "central differences");
        assertFails(run, "rnncell.reference", "ds_next");
        assertFails(run, "rnn.backward.gradcheck", "fix RnnCell.backward first");
        assertPasses(run, "rnncell.forward.fixtures", "rnn.forward.fixtures", "rnn.forward.composes-cell");
    }

    @Test
    void wInsteadOfWTransposeInTheCellIsNamedAndPropagatesToRnnWithAPointer() {
        Map<String, CheckResult> run = run(buggyCell(CellBug.W_NOT_TRANSPOSED));
        assertFails(run, "rnncell.backward.fixtures", "ds_prev", "ds_prev = W dz instead of Wᵀ dz");
        assertFails(run, "rnncell.backward.gradcheck", "ds_prev", "Wᵀ dz");
        assertFails(run, "rnncell.reference", "Wᵀ dz");
        assertFails(run, "rnn.backward.gradcheck", "BPTT doctor", "first wrong at T = 2",
                "Your RnnCell checks fail too", "fix RnnCell.backward first", "ds_next ← W dz instead of Wᵀ dz");
        assertFails(run, "rnn.backward.fixtures", "fix RnnCell.backward first");
        assertFails(run, "rnn.reference", "fix RnnCell.backward first");
        assertPasses(run, "rnncell.forward.fixtures", "rnn.forward.fixtures", "rnn.backward.sum-not-mean");
    }

    @Test
    void dwWithSTInsteadOfSPrevIsNamed() {
        Map<String, CheckResult> run = run(buggyCell(CellBug.DW_USES_S_T));
        assertFails(run, "rnncell.backward.fixtures", "dW", "dW = dz s_tᵀ instead of dz s_{t−1}ᵀ");
        assertFails(run, "rnncell.backward.gradcheck", "dW");
        assertFails(run, "rnn.backward.gradcheck", "dW uses s_t where s_{t−1} belongs", "fix RnnCell.backward first");
    }

    @Test
    void tanhPrimeOfSInsteadOfZIsNamed() {
        Map<String, CheckResult> run = run(buggyCell(CellBug.G1_PRIME_OF_S));
        assertFails(run, "rnncell.backward.fixtures", "g1' is applied to s_t instead of z_t");
        assertFails(run, "rnncell.backward.gradcheck", "g1' is applied to s_t instead of z_t");
    }

    @Test
    void missingTanhPrimeIsNamed() {
        Map<String, CheckResult> run = run(buggyCell(CellBug.G1_PRIME_MISSING));
        assertFails(run, "rnncell.backward.fixtures", "g1'(z_t) is missing");
        assertFails(run, "rnncell.backward.gradcheck", "g1'(z_t) is missing");
        assertFails(run, "rnncell.reference", "g1'(z_t) is missing");
        assertFails(run, "rnn.backward.gradcheck", "g1'(z_t) is missing", "fix RnnCell.backward first");
    }

    @Test
    void reluPrimeOfZeroIsNamed() {
        Map<String, CheckResult> run = run(buggyCell(CellBug.RELU_PRIME_AT_ZERO_IS_ONE));
        assertFails(run, "rnncell.backward.fixtures", "relu with a pre-activation exactly 0",
                "Most likely cause: relu'(0) must be 0");
        assertPasses(run, "rnncell.backward.gradcheck", "rnncell.forward.fixtures");
    }

    @Test
    void aCellThatAccumulatesIntoDsNextFailsOnlyTheMutationCheck() {
        Map<String, CheckResult> run = run(buggyCell(CellBug.MUTATES_DS_NEXT));
        assertFails(run, "rnncell.inputs-untouched", "RnnCell.backward modified its argument ds_next", "new matrix");
        assertPasses(run, "rnncell.forward.fixtures", "rnncell.backward.fixtures", "rnncell.backward.gradcheck");
    }

    @Test
    void aCellThatReturnsDLogitsAsDbYFailsTheNewResultsCheck() {
        Map<String, CheckResult> run = run(buggyCell(CellBug.RETURNS_DLOGITS_AS_DB_Y));
        assertFails(run, "rnncell.new-results", "returned its argument dLogits itself as db_y", "copy()");
        assertPasses(run, "rnncell.backward.fixtures", "rnncell.inputs-untouched");
    }

    @Test
    void aCellNotImplementedYetIsNotImplementedInOneLine() {
        Map<String, CheckResult> run = run(buggyCell(CellBug.NOT_IMPLEMENTED));
        for (String id : CELL_CHECKS) {
            CheckResult r = result(run, id);
            assertEquals(CheckResult.Status.NOT_IMPLEMENTED, r.status(), id + ": " + r);
            assertFalse(r.message().contains("\n"), r.message());
            assertTrue(r.message().startsWith("RnnCell.") && r.message().endsWith("not implemented yet"), r.message());
            assertEquals(0, r.earned());
        }
    }

    // ------------------------------------------------------------------ Rnn bugs

    @Test
    void bpttDroppingDsNextIsDiagnosedByTheDoctorWithStepErrorEvidence() {
        SuiteRunner.Run full = SuiteHarness.runFull(buggyRnn(RnnBug.DS_NEXT_DROPPED), new RnnSubmission(), SuiteHarness.SEED,
                CHECK_CLASSES);
        Map<String, CheckResult> run = SuiteHarness.byId(full.checks());
        CheckResult r = assertFails(run, "rnn.backward.gradcheck", "central differences", "BPTT doctor",
                "first wrong at T = 2", "what flows back from step 2 into s_1 (ds_next) is wrong",
                "most likely cause: dU, dW and db_a miss the gradient that flows into s_t from step t+1 (ds_next)");
        assertFalse(r.message().contains("fix RnnCell.backward first"), "the cell is right: " + r.message());
        double[] stepError = full.evidence().getOrDefault("rnn.backward.gradcheck", Map.of()).get("stepError");
        assertNotNull(stepError, "stepError evidence: " + full.evidence());
        assertEquals(8, stepError.length);
        assertTrue(stepError[0] < 1e-9, "T = 1 is right: " + stepError[0]);
        assertTrue(stepError[1] > 1e-3, "T = 2 is wrong: " + stepError[1]);
        assertFails(run, "rnn.backward.fixtures", "ds_next");
        assertFails(run, "rnn.reference", "ds_next");
        assertPasses(run, "rnn.forward.fixtures", "rnn.forward.composes-cell", "rnn.backward.sum-not-mean");
        assertPasses(run, CELL_CHECKS);
    }

    @Test
    void noSumOverTimeIsNamed() {
        Map<String, CheckResult> run = run(buggyRnn(RnnBug.LAST_STEP_ONLY));
        assertFails(run, "rnn.backward.sum-not-mean", "factor 1 instead of 2", "only one step's contribution");
        assertFails(run, "rnn.backward.gradcheck", "not summed over time");
        assertPasses(run, CELL_CHECKS);
    }

    @Test
    void gradientsAveragedOverTAreNamed() {
        Map<String, CheckResult> run = run(buggyRnn(RnnBug.AVERAGED_OVER_T));
        assertFails(run, "rnn.backward.sum-not-mean", "averaged over time (divided by T)", "do not divide by T");
        assertFails(run, "rnn.backward.gradcheck", "averaged over time");
        assertPasses(run, CELL_CHECKS);
    }

    @Test
    void aCrossEntropyThatAveragesTheLossCostsNoRnnOrRnnCellPoints() {
        Map<String, CheckResult> run = run(lossAveraged());
        for (CheckResult r : run.values()) {
            assertEquals(CheckResult.Status.PASSED, r.status(), r.id() + ": " + r.message());
        }
        assertEquals(40, earned(run));
    }

    @Test
    void aForwardThatDoesNotCarryTheStateIsNamed() {
        Map<String, CheckResult> run = run(buggyRnn(RnnBug.NO_RECURRENCE));
        assertFails(run, "rnn.forward.fixtures", "s_2", "computed from s_0 = 0 instead of s_1", "carry the state");
        assertFails(run, "rnn.forward.composes-cell", "carry the state");
        assertFails(run, "rnn.reference", "carry the state");
        assertPasses(run, CELL_CHECKS);
    }

    @Test
    void aForwardWithoutInputChecksFailsTheBadInputCheck() {
        Map<String, CheckResult> run = run(buggyRnn(RnnBug.NO_INPUT_CHECKS));
        assertFails(run, "rnn.forward.bad-input", "IndexOutOfBoundsException", "IllegalArgumentException", "xs.isEmpty()");
        assertPasses(run, "rnn.forward.fixtures", "rnn.backward.gradcheck");
    }

    @Test
    void aBackwardThatScribblesOnTheTraceFailsTheMutationCheck() {
        Map<String, CheckResult> run = run(buggyRnn(RnnBug.MUTATES_TRACE));
        assertFails(run, "rnn.inputs-untouched", "Rnn.backward modified its argument trace.s(3)");
        assertPasses(run, "rnn.backward.fixtures", "rnn.backward.gradcheck");
    }

    @Test
    void aBackwardThatReturnsAParameterFailsTheNewResultsCheck() {
        Map<String, CheckResult> run = run(buggyRnn(RnnBug.RETURNS_B_Y_AS_DB_Y));
        assertFails(run, "rnn.new-results", "Rnn.backward returned its argument params.b_y itself as db_y");
    }

    @Test
    void anRnnNotImplementedYetIsNotImplementedInOneLine() {
        Map<String, CheckResult> run = run(buggyRnn(RnnBug.NOT_IMPLEMENTED));
        for (String id : RNN_CHECKS) {
            CheckResult r = result(run, id);
            assertEquals(CheckResult.Status.NOT_IMPLEMENTED, r.status(), id + ": " + r);
            assertFalse(r.message().contains("\n"), r.message());
            assertTrue(r.message().startsWith("Rnn.") && r.message().endsWith("not implemented yet"), r.message());
        }
        assertPasses(run, CELL_CHECKS);
    }

    // ------------------------------------------------------------------ in Chinese

    /** @return the checks' results for {@code student}, graded with Chinese messages */
    private static Map<String, CheckResult> runInChinese(Submission student) {
        Language before = Messages.use(Language.ZH);
        try {
            return run(student);
        } finally {
            Messages.use(before);
        }
    }

    /** An entry of a matrix as the messages name it, e.g. "[2,1]" or "dW[2,1]". */
    private static final Pattern ENTRY = Pattern.compile("\\[\\d+,\\d+\\]");

    private static void assertNamesAnEntry(CheckResult r) {
        assertTrue(ENTRY.matcher(r.message()).find(), r.id() + ": the entry should be named: " + r.message());
    }

    @Test
    void inChineseACellThatDropsDsNextIsExplainedInChineseWithTheEntry() {
        Map<String, CheckResult> run = runInChinese(buggyCell(CellBug.DS_NEXT_DROPPED));
        CheckResult fixtures = assertFails(run, "rnncell.backward.fixtures", "RnnCell.backward: d", "测试用例“",
                "最可能的原因：ds 漏掉了时序反向传播中从时刻 t+1 传回的梯度", "ds = Vᵀ dz_o，应为 Vᵀ dz_o + ds_next");
        assertNamesAnEntry(fixtures);
        CheckResult gradcheck = assertFails(run, "rnncell.backward.gradcheck",
                "RnnCell.backward 与对你自己的 RnnCell.forward 做中心差分的结果不一致", "时序反向传播", "ds_next",
                "请先修好 RnnCell.forward");
        assertNamesAnEntry(gradcheck);
        assertFails(run, "rnncell.reference", "时序反向传播", "ds_next");
        assertFails(run, "rnn.backward.gradcheck", "你的 RnnCell 检查项也没有通过", "请先修好 RnnCell.backward",
                "时序反向传播");
        assertPasses(run, "rnncell.forward.fixtures", "rnn.forward.fixtures");
    }

    @Test
    void inChineseAWrongDwNamesTheMistakeAndTheFormula() {
        Map<String, CheckResult> run = runInChinese(buggyCell(CellBug.DW_USES_S_T));
        CheckResult r = assertFails(run, "rnncell.backward.fixtures", "RnnCell.backward: dW",
                "最可能的原因：dW 在应当用 s_{t−1} 的地方用了 s_t：写成了 dW = dz s_tᵀ，应为 dz s_{t−1}ᵀ");
        assertNamesAnEntry(r);
    }

    @Test
    void inChineseBpttThatDropsDsNextNamesTheStepAndTheEntry() {
        Map<String, CheckResult> run = runInChinese(buggyRnn(RnnBug.DS_NEXT_DROPPED));
        CheckResult r = assertFails(run, "rnn.backward.gradcheck", "你的时序反向传播（Rnn.backward）",
                "L = Σ_t −ln o_t[y_t] 的中心差分不一致", "最早在 T = 2 时出错", "从时刻 t+1 流回隐藏状态 s_t 的梯度（ds_next）");
        assertTrue(Pattern.compile("d(U|W|V|b_a|b_y)\\[\\d+,\\d+\\]").matcher(r.message()).find(),
                "the worst entry: " + r.message());
        CheckResult fixtures = assertFails(run, "rnn.backward.fixtures", "Rnn.backward: d", "测试用例“",
                "给出的轨迹是正确的前向传播结果");
        assertNamesAnEntry(fixtures);
        assertPasses(run, CELL_CHECKS);
    }

    @Test
    void inChineseGradientsAveragedOverTAreNamedWithTheFactor() {
        Map<String, CheckResult> run = runInChinese(buggyRnn(RnnBug.AVERAGED_OVER_T));
        assertFails(run, "rnn.backward.sum-not-mean", "Rnn.backward: d", "T = 2 时必须得到 T = 1 时梯度的 2 倍",
                "你对 2 个相同时刻算出的梯度等于单个时刻的梯度（系数是 1 而不是 2）", "除以了 T", "不要除以 T");
    }

    @Test
    void inChineseAForwardThatDoesNotCarryTheStateNamesTheStep() {
        Map<String, CheckResult> run = runInChinese(buggyRnn(RnnBug.NO_RECURRENCE));
        assertFails(run, "rnn.forward.fixtures", "Rnn.forward: s_2", "时刻 t = 2",
                "时刻 2 是从 s_0 = 0 而不是从 s_1 算起的", "把隐藏状态传递下去");
    }

    @Test
    void inChineseMutationAndAliasingAreExplained() {
        Map<String, CheckResult> mutates = runInChinese(buggyCell(CellBug.MUTATES_DS_NEXT));
        assertFails(mutates, "rnncell.inputs-untouched", "ds_next", "调用者之后还要用到 ds_next（Rnn 会用它再次调用该单元）");
        Map<String, CheckResult> aliases = runInChinese(buggyCell(CellBug.RETURNS_DLOGITS_AS_DB_Y));
        assertFails(aliases, "rnncell.new-results",
                "你的 RnnCell.backward 把它的参数 dLogits 本身当作 db_y 返回了", "dLogits.copy()");
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

    /** The reference with a cell that has {@code bug}, and a hand-written BPTT that calls it. */
    static Submission buggyCell(CellBug bug) {
        return buggy(EnumSet.of(bug), EnumSet.noneOf(RnnBug.class), false);
    }

    /** The reference with a hand-written cell and a BPTT that has {@code bug}. */
    static Submission buggyRnn(RnnBug bug) {
        return buggy(EnumSet.noneOf(CellBug.class), EnumSet.of(bug), false);
    }

    /** The reference with hand-written cell and BPTT, and a CrossEntropy that averages the sequence loss over T. */
    static Submission lossAveraged() {
        return buggy(EnumSet.noneOf(CellBug.class), EnumSet.noneOf(RnnBug.class), true);
    }

    private static Submission buggy(Set<CellBug> cellBugs, Set<RnnBug> rnnBugs, boolean lossAveraged) {
        SubmissionWrapper s = SubmissionWrapper.ofReference()
                .withRnnCell((self, g1) -> new HandCell(self.activation(g1), self.crossEntropy(), cellBugs))
                .withRnn((self, g1) -> new HandRnn(self.rnnCell(g1), self.crossEntropy(), rnnBugs));
        return !lossAveraged ? s : s.withCrossEntropy(ce -> new CrossEntropy() { // the student's bug: averaged over T
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
        });
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
