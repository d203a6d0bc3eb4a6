package org.rnnautograder.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;
import org.rnnautograder.fixtures.FixtureCase;
import org.rnnautograder.fixtures.FixtureFiles;
import org.rnnautograder.grading.CheckResult;
import org.rnnautograder.suite.RnnChecksHarness.Buggy;
import org.rnnautograder.suite.RnnChecksHarness.CellBug;
import org.rnnautograder.suite.RnnChecksHarness.RnnBug;
import org.rnnautograder.suite.RnnChecksHarness.Run;
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
    void referenceScoresFullPointsOnEveryCheckFastly() {
        Run run = RnnChecksHarness.run(new RnnSubmission());
        assertEquals(CELL_CHECKS.length + RNN_CHECKS.length, run.results().size(), run.results().toString());
        for (CheckResult r : run.results()) {
            assertEquals(CheckResult.Status.PASSED, r.status(), r.id() + ": " + r.message());
            assertEquals(r.points(), r.earned(), r.id());
        }
        assertEquals(40, run.earned());
        // warm run (the first one also loads classes and the fixtures): each check < 2 s, each component < 5 s
        Run warm = RnnChecksHarness.run(new RnnSubmission(), new RnnSubmission(), RnnChecksHarness.SEED + 1);
        long cell = 0, rnn = 0;
        for (Map.Entry<String, Long> e : warm.millis().entrySet()) {
            assertTrue(e.getValue() < 2000, e.getKey() + " took " + e.getValue() + " ms");
            if (e.getKey().startsWith("rnncell.")) {
                cell += e.getValue();
            } else {
                rnn += e.getValue();
            }
        }
        assertTrue(cell < 5000 && rnn < 5000, "RnnCell " + cell + " ms, Rnn " + rnn + " ms: " + warm.millis());
        if (Boolean.getBoolean("rnn.checks.print")) {
            System.out.println("check times (ms): " + warm.millis());
        }
    }

    @Test
    void referencePassesForFiftySeeds() {
        List<String> failures = new ArrayList<>();
        for (long seed = 1; seed <= 50; seed++) {
            Run run = RnnChecksHarness.run(new RnnSubmission(), new RnnSubmission(), seed * 7919);
            for (CheckResult r : run.results()) {
                if (r.status() != CheckResult.Status.PASSED) {
                    failures.add("seed " + seed * 7919 + " " + r.id() + ": " + r.message());
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void withoutAReferenceTheReferenceChecksAreSkippedForTheInstructor() {
        Run run = RnnChecksHarness.run(new RnnSubmission(), null, RnnChecksHarness.SEED);
        for (String id : new String[] {"rnncell.reference", "rnn.reference"}) {
            assertEquals(CheckResult.Status.SKIPPED, run.result(id).status());
            assertTrue(run.result(id).message().contains(ComponentChecks.GRADED_BY_INSTRUCTOR), run.result(id).message());
        }
        assertEquals(40 - 3 - 2, run.earned());
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
        Run run = RnnChecksHarness.run(Buggy.cell(CellBug.B_A_MISSING));
        run.assertFails("rnncell.forward.fixtures", "s_t", "b_a", "Most likely cause");
        run.assertFails("rnncell.reference", "b_a");
        run.assertFails("rnn.forward.fixtures", "fix RnnCell.forward first", "b_a");
        // Rnn.forward composes the student's own (wrong) cell correctly: no Rnn point lost for that property
        run.assertPasses("rnn.forward.composes-cell", "rnncell.inputs-untouched", "rnncell.new-results",
                "rnn.backward.sum-not-mean");
        // forward and backward both leave out b_a, so ∂L/∂b_a through the forward is 0 but db_a = dz ≠ 0
        run.assertFails("rnncell.backward.gradcheck", "db_a");
    }

    @Test
    void droppingDsNextInTheCellIsNamed() {
        Run run = RnnChecksHarness.run(Buggy.cell(CellBug.DS_NEXT_DROPPED));
        run.assertFails("rnncell.backward.fixtures", "ds = Vᵀ dz_o instead of Vᵀ dz_o + ds_next");
        run.assertFails("rnncell.backward.gradcheck", "ds_next", "central differences");
        run.assertFails("rnncell.reference", "ds_next");
        run.assertFails("rnn.backward.gradcheck", "fix RnnCell.backward first");
        run.assertPasses("rnncell.forward.fixtures", "rnn.forward.fixtures", "rnn.forward.composes-cell");
    }

    @Test
    void wInsteadOfWTransposeInTheCellIsNamedAndPropagatesToRnnWithAPointer() {
        Run run = RnnChecksHarness.run(Buggy.cell(CellBug.W_NOT_TRANSPOSED));
        run.assertFails("rnncell.backward.fixtures", "ds_prev", "ds_prev = W dz instead of Wᵀ dz");
        run.assertFails("rnncell.backward.gradcheck", "ds_prev", "Wᵀ dz");
        run.assertFails("rnncell.reference", "Wᵀ dz");
        run.assertFails("rnn.backward.gradcheck", "BPTT doctor", "first wrong at T = 2",
                "Your RnnCell checks fail too", "fix RnnCell.backward first", "ds_next ← W dz instead of Wᵀ dz");
        run.assertFails("rnn.backward.fixtures", "fix RnnCell.backward first");
        run.assertFails("rnn.reference", "fix RnnCell.backward first");
        run.assertPasses("rnncell.forward.fixtures", "rnn.forward.fixtures", "rnn.backward.sum-not-mean");
    }

    @Test
    void dwWithSTInsteadOfSPrevIsNamed() {
        Run run = RnnChecksHarness.run(Buggy.cell(CellBug.DW_USES_S_T));
        run.assertFails("rnncell.backward.fixtures", "dW", "dW = dz s_tᵀ instead of dz s_{t−1}ᵀ");
        run.assertFails("rnncell.backward.gradcheck", "dW");
        run.assertFails("rnn.backward.gradcheck", "dW uses s_t where s_{t−1} belongs", "fix RnnCell.backward first");
    }

    @Test
    void tanhPrimeOfSInsteadOfZIsNamed() {
        Run run = RnnChecksHarness.run(Buggy.cell(CellBug.G1_PRIME_OF_S));
        run.assertFails("rnncell.backward.fixtures", "g1' is applied to s_t instead of z_t");
        run.assertFails("rnncell.backward.gradcheck", "g1' is applied to s_t instead of z_t");
    }

    @Test
    void missingTanhPrimeIsNamed() {
        Run run = RnnChecksHarness.run(Buggy.cell(CellBug.G1_PRIME_MISSING));
        run.assertFails("rnncell.backward.fixtures", "g1'(z_t) is missing");
        run.assertFails("rnncell.backward.gradcheck", "g1'(z_t) is missing");
        run.assertFails("rnncell.reference", "g1'(z_t) is missing");
        run.assertFails("rnn.backward.gradcheck", "g1'(z_t) is missing", "fix RnnCell.backward first");
    }

    @Test
    void reluPrimeOfZeroIsNamed() {
        Run run = RnnChecksHarness.run(Buggy.cell(CellBug.RELU_PRIME_AT_ZERO_IS_ONE));
        run.assertFails("rnncell.backward.fixtures", "relu with a pre-activation exactly 0",
                "Most likely cause: relu'(0) must be 0");
        run.assertPasses("rnncell.backward.gradcheck", "rnncell.forward.fixtures");
    }

    @Test
    void aCellThatAccumulatesIntoDsNextFailsOnlyTheMutationCheck() {
        Run run = RnnChecksHarness.run(Buggy.cell(CellBug.MUTATES_DS_NEXT));
        run.assertFails("rnncell.inputs-untouched", "RnnCell.backward modified its argument ds_next", "new matrix");
        run.assertPasses("rnncell.forward.fixtures", "rnncell.backward.fixtures", "rnncell.backward.gradcheck");
    }

    @Test
    void aCellThatReturnsDLogitsAsDbYFailsTheNewResultsCheck() {
        Run run = RnnChecksHarness.run(Buggy.cell(CellBug.RETURNS_DLOGITS_AS_DB_Y));
        run.assertFails("rnncell.new-results", "returned its argument dLogits itself as db_y", "copy()");
        run.assertPasses("rnncell.backward.fixtures", "rnncell.inputs-untouched");
    }

    @Test
    void aCellNotImplementedYetIsNotImplementedInOneLine() {
        Run run = RnnChecksHarness.run(Buggy.cell(CellBug.NOT_IMPLEMENTED));
        for (String id : CELL_CHECKS) {
            CheckResult r = run.result(id);
            assertEquals(CheckResult.Status.NOT_IMPLEMENTED, r.status(), id + ": " + r);
            assertFalse(r.message().contains("\n"), r.message());
            assertTrue(r.message().startsWith("RnnCell.") && r.message().endsWith("not implemented yet"), r.message());
            assertEquals(0, r.earned());
        }
    }

    // ------------------------------------------------------------------ Rnn bugs

    @Test
    void bpttDroppingDsNextIsDiagnosedByTheDoctorWithStepErrorEvidence() {
        Run run = RnnChecksHarness.run(Buggy.rnn(RnnBug.DS_NEXT_DROPPED));
        CheckResult r = run.assertFails("rnn.backward.gradcheck", "central differences", "BPTT doctor",
                "first wrong at T = 2", "what flows back from step 2 into s_1 (ds_next) is wrong",
                "most likely cause: dU, dW and db_a miss the gradient that flows into s_t from step t+1 (ds_next)");
        assertFalse(r.message().contains("fix RnnCell.backward first"), "the cell is right: " + r.message());
        double[] stepError = run.evidence().getOrDefault("rnn.backward.gradcheck", Map.of()).get("stepError");
        assertNotNull(stepError, "stepError evidence: " + run.evidence());
        assertEquals(8, stepError.length);
        assertTrue(stepError[0] < 1e-9, "T = 1 is right: " + stepError[0]);
        assertTrue(stepError[1] > 1e-3, "T = 2 is wrong: " + stepError[1]);
        run.assertFails("rnn.backward.fixtures", "ds_next");
        run.assertFails("rnn.reference", "ds_next");
        run.assertPasses("rnn.forward.fixtures", "rnn.forward.composes-cell", "rnn.backward.sum-not-mean");
        run.assertPasses(CELL_CHECKS);
    }

    @Test
    void noSumOverTimeIsNamed() {
        Run run = RnnChecksHarness.run(Buggy.rnn(RnnBug.LAST_STEP_ONLY));
        run.assertFails("rnn.backward.sum-not-mean", "factor 1 instead of 2", "only one step's contribution");
        run.assertFails("rnn.backward.gradcheck", "not summed over time");
        run.assertPasses(CELL_CHECKS);
    }

    @Test
    void gradientsAveragedOverTAreNamed() {
        Run run = RnnChecksHarness.run(Buggy.rnn(RnnBug.AVERAGED_OVER_T));
        run.assertFails("rnn.backward.sum-not-mean", "averaged over time (divided by T)", "do not divide by T");
        run.assertFails("rnn.backward.gradcheck", "averaged over time");
        run.assertPasses(CELL_CHECKS);
    }

    @Test
    void aCrossEntropyThatAveragesTheLossCostsNoRnnOrRnnCellPoints() {
        Run run = RnnChecksHarness.run(Buggy.lossAveraged());
        for (CheckResult r : run.results()) {
            assertEquals(CheckResult.Status.PASSED, r.status(), r.id() + ": " + r.message());
        }
        assertEquals(40, run.earned());
    }

    @Test
    void aForwardThatDoesNotCarryTheStateIsNamed() {
        Run run = RnnChecksHarness.run(Buggy.rnn(RnnBug.NO_RECURRENCE));
        run.assertFails("rnn.forward.fixtures", "s_2", "computed from s_0 = 0 instead of s_1", "carry the state");
        run.assertFails("rnn.forward.composes-cell", "carry the state");
        run.assertFails("rnn.reference", "carry the state");
        run.assertPasses(CELL_CHECKS);
    }

    @Test
    void aForwardWithoutInputChecksFailsTheBadInputCheck() {
        Run run = RnnChecksHarness.run(Buggy.rnn(RnnBug.NO_INPUT_CHECKS));
        run.assertFails("rnn.forward.bad-input", "IndexOutOfBoundsException", "IllegalArgumentException", "xs.isEmpty()");
        run.assertPasses("rnn.forward.fixtures", "rnn.backward.gradcheck");
    }

    @Test
    void aBackwardThatScribblesOnTheTraceFailsTheMutationCheck() {
        Run run = RnnChecksHarness.run(Buggy.rnn(RnnBug.MUTATES_TRACE));
        run.assertFails("rnn.inputs-untouched", "Rnn.backward modified its argument trace.s(3)");
        run.assertPasses("rnn.backward.fixtures", "rnn.backward.gradcheck");
    }

    @Test
    void aBackwardThatReturnsAParameterFailsTheNewResultsCheck() {
        Run run = RnnChecksHarness.run(Buggy.rnn(RnnBug.RETURNS_B_Y_AS_DB_Y));
        run.assertFails("rnn.new-results", "Rnn.backward returned its argument params.b_y itself as db_y");
    }

    @Test
    void anRnnNotImplementedYetIsNotImplementedInOneLine() {
        Run run = RnnChecksHarness.run(Buggy.rnn(RnnBug.NOT_IMPLEMENTED));
        for (String id : RNN_CHECKS) {
            CheckResult r = run.result(id);
            assertEquals(CheckResult.Status.NOT_IMPLEMENTED, r.status(), id + ": " + r);
            assertFalse(r.message().contains("\n"), r.message());
            assertTrue(r.message().startsWith("Rnn.") && r.message().endsWith("not implemented yet"), r.message());
        }
        run.assertPasses(CELL_CHECKS);
    }
}
