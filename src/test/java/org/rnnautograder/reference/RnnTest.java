package org.rnnautograder.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.rnnautograder.assignment.ActivationKind;
import org.rnnautograder.assignment.CellGradients;
import org.rnnautograder.assignment.CellOutput;
import org.rnnautograder.assignment.CrossEntropy;
import org.rnnautograder.assignment.Rnn;
import org.rnnautograder.assignment.RnnCell;
import org.rnnautograder.assignment.RnnGradients;
import org.rnnautograder.assignment.RnnParameters;
import org.rnnautograder.assignment.RnnTrace;
import org.rnnautograder.assignment.Submission;
import submission.RnnSubmission;

class RnnTest {
    private final Submission reference = new RnnSubmission();
    private final CrossEntropy ce = reference.crossEntropy();

    /** n = 1, m = 2, worked by hand: U = [0.5 −1], W = [0.8], V = [1; −1], b_a = 0.1, b_y = 0. */
    @Test
    void cellForwardMatchesAHandComputedStep() {
        RnnParameters p = new RnnParameters(new SimpleMatrix(new double[][] {{0.5, -1}}), new SimpleMatrix(new double[][] {{0.8}}),
                new SimpleMatrix(new double[][] {{1}, {-1}}), new SimpleMatrix(new double[][] {{0.1}}), new SimpleMatrix(2, 1));
        CellOutput out = reference.rnnCell(ActivationKind.TANH).forward(p, new SimpleMatrix(new double[][] {{1}, {0}}),
                new SimpleMatrix(new double[][] {{0.5}}));
        double s = Math.tanh(0.5 + 0.8 * 0.5 + 0.1); // tanh(1.0)
        assertEquals(s, out.s_t().get(0), 1e-15);
        assertEquals(1 / (1 + Math.exp(-2 * s)), out.o_t().get(0), 1e-15); // softmax of [s, −s]
    }

    @Test
    void forwardStartsFromAZeroStateAndEqualsComposingTheCell() {
        Random r = new Random(11);
        RnnParameters p = Fixtures.randomParams(4, 3, r);
        List<SimpleMatrix> xs = Fixtures.randomInputs(4, 5, r);
        RnnTrace trace = reference.rnn(ActivationKind.TANH).forward(p, xs);
        assertEquals(0.0, trace.s(0).normF(), 0, "s_0 = 0");
        RnnCell cell = reference.rnnCell(ActivationKind.TANH);
        SimpleMatrix s = new SimpleMatrix(3, 1);
        for (int t = 1; t <= 5; t++) {
            CellOutput step = cell.forward(p, xs.get(t - 1), s);
            Fixtures.assertClose(step.s_t(), trace.s(t), 0, "s_" + t);
            Fixtures.assertClose(step.o_t(), trace.o(t), 0, "o_" + t);
            s = step.s_t();
        }
    }

    @TestFactory
    Stream<DynamicTest> cellBackwardMatchesFiniteDifferencesIncludingDsPrev() {
        List<DynamicTest> tests = new ArrayList<>();
        for (ActivationKind kind : ActivationKind.values()) {
            for (long seed = 1; seed <= 5; seed++) {
                long s = seed;
                tests.add(DynamicTest.dynamicTest(kind + " seed " + seed, () -> checkCell(kind, s)));
            }
        }
        return tests.stream();
    }

    /** L = −ln o_t[y] + ⟨c, s_t⟩ makes ds_next = c: the step's gradients, including ds_prev, vs central differences. */
    private void checkCell(ActivationKind kind, long seed) {
        Random r = new Random(seed);
        int m = 5, n = 4, y = r.nextInt(m);
        RnnParameters p = Fixtures.randomParams(m, n, r);
        SimpleMatrix x = Fixtures.random(m, 1, r), sPrev = Fixtures.random(n, 1, r), c = Fixtures.random(n, 1, r);
        RnnCell cell = reference.rnnCell(kind);
        CellOutput out = cell.forward(p, x, sPrev);
        CellGradients g = cell.backward(p, x, sPrev, out.s_t(), ce.gradient(out.o_t(), y), c);
        List<SimpleMatrix> blocks = new ArrayList<>(p.copy().blocks());
        blocks.add(sPrev.copy());
        java.util.function.ToDoubleFunction<List<SimpleMatrix>> loss = b -> {
            CellOutput o = cell.forward(RnnParameters.ofBlocks(b.subList(0, 5)), x, b.get(5));
            return ce.loss(o.o_t(), y) + c.dot(o.s_t());
        };
        List<SimpleMatrix> analytic = new ArrayList<>(g.grads().blocks());
        analytic.add(g.ds_prev());
        String[] names = {"dU", "dW", "dV", "db_a", "db_y", "ds_prev"};
        for (int b = 0; b < 6; b++) {
            double err = Fixtures.relativeError(analytic.get(b), Fixtures.numericGradient(loss, blocks, b));
            assertTrue(err < 1e-5, kind + " seed " + seed + ": " + names[b] + " relative error " + err);
        }
    }

    @TestFactory
    Stream<DynamicTest> bpttMatchesFiniteDifferencesOfTheSummedLoss() {
        List<DynamicTest> tests = new ArrayList<>();
        for (ActivationKind kind : ActivationKind.values()) {
            for (int T : new int[] {1, 2, 7}) {
                for (long seed = 1; seed <= 3; seed++) {
                    long s = seed;
                    tests.add(DynamicTest.dynamicTest(kind + " T=" + T + " seed " + seed, () -> checkSequence(kind, T, s)));
                }
            }
        }
        return tests.stream();
    }

    private void checkSequence(ActivationKind kind, int T, long seed) {
        Random r = new Random(seed * 31 + T);
        int m = 6, n = 4;
        RnnParameters p = Fixtures.randomParams(m, n, r);
        List<SimpleMatrix> xs = Fixtures.randomInputs(m, T, r);
        int[] y = Fixtures.randomTargets(m, T, r);
        Rnn rnn = reference.rnn(kind);
        RnnGradients g = rnn.backward(p, xs, rnn.forward(p, xs), y);
        List<SimpleMatrix> blocks = p.copy().blocks();
        java.util.function.ToDoubleFunction<List<SimpleMatrix>> loss =
                b -> ce.sequenceLoss(rnn.forward(RnnParameters.ofBlocks(b), xs).outputs(), y);
        String[] names = {"dU", "dW", "dV", "db_a", "db_y"};
        for (int b = 0; b < 5; b++) {
            double err = Fixtures.relativeError(g.blocks().get(b), Fixtures.numericGradient(loss, blocks, b));
            assertTrue(err < 1e-5, kind + " T=" + T + " seed " + seed + ": " + names[b] + " relative error " + err);
        }
    }

    @Test
    void gradientsAreSummedOverTimeNotAveraged() {
        // Two identical steps with W = 0 (no coupling): dU, dV, db_a and db_y are exactly twice the one-step
        // gradient. (dW is not: step 2 sees s_1 ≠ 0 where step 1 saw s_0 = 0.)
        Random r = new Random(5);
        RnnParameters p0 = Fixtures.randomParams(4, 3, r);
        RnnParameters p = new RnnParameters(p0.U(), new SimpleMatrix(3, 3), p0.V(), p0.b_a(), p0.b_y());
        SimpleMatrix x = Fixtures.random(4, 1, r);
        Rnn rnn = reference.rnn(ActivationKind.TANH);
        RnnGradients one = rnn.backward(p, List.of(x), rnn.forward(p, List.of(x)), new int[] {2});
        RnnGradients two = rnn.backward(p, List.of(x, x), rnn.forward(p, List.of(x, x)), new int[] {2, 2});
        for (int b : new int[] {0, 2, 3, 4}) {
            Fixtures.assertClose(one.blocks().get(b).scale(2), two.blocks().get(b), 1e-12, RnnParameters.BLOCKS.get(b));
        }
    }

    @Test
    void wrongShapesAreReportedWithBothShapes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new RnnParameters(
                new SimpleMatrix(3, 4), new SimpleMatrix(3, 3), new SimpleMatrix(3, 4), new SimpleMatrix(3, 1), new SimpleMatrix(4, 1)));
        assertTrue(e.getMessage().contains("V") && e.getMessage().contains("4×3") && e.getMessage().contains("3×4"), e.getMessage());
        RnnParameters p = RnnParameters.initialize(4, 3, 1);
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class,
                () -> reference.rnn(ActivationKind.TANH).forward(p, List.of(new SimpleMatrix(5, 1))));
        assertTrue(x.getMessage().contains("4×1") && x.getMessage().contains("5×1"), x.getMessage());
        assertThrows(IllegalArgumentException.class, () -> reference.rnn(ActivationKind.TANH).forward(p, List.of()));
    }

    @Test
    void initializationIsSeededAndBounded() {
        RnnParameters a = RnnParameters.initialize(10, 4, 42), b = RnnParameters.initialize(10, 4, 42);
        for (int i = 0; i < 5; i++) {
            Fixtures.assertClose(a.blocks().get(i), b.blocks().get(i), 0, RnnParameters.BLOCKS.get(i));
        }
        assertTrue(a.U().elementMaxAbs() <= 1 / Math.sqrt(10));
        assertTrue(a.W().elementMaxAbs() <= 0.5);
        assertEquals(0, a.b_a().normF() + a.b_y().normF());
    }
}
