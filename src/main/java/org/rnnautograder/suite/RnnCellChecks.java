package org.rnnautograder.suite;

import java.util.List;
import java.util.Random;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;
import org.rnnautograder.assignment.ActivationKind;
import org.rnnautograder.assignment.CellGradients;
import org.rnnautograder.assignment.CellOutput;
import org.rnnautograder.assignment.RnnCell;
import org.rnnautograder.assignment.RnnParameters;
import org.rnnautograder.assignment.Submission;
import org.rnnautograder.fixtures.FixtureCase;
import org.rnnautograder.fixtures.FixtureFile;
import org.rnnautograder.fixtures.FixtureFiles;
import org.rnnautograder.fixtures.Tolerance;
import org.rnnautograder.gradcheck.CheckMode;
import org.rnnautograder.gradcheck.GradCheckOptions;
import org.rnnautograder.gradcheck.GradCheckReport;
import org.rnnautograder.gradcheck.RnnGradCheck;
import org.rnnautograder.i18n.Messages;

/**
 * RnnCell: one time step. forward: z_t = U x_t + W s_{t−1} + b_a, s_t = g1(z_t), o_t = softmax(V s_t + b_y);
 * backward: dV = dz_o s_tᵀ, db_y = dz_o, ds = Vᵀ dz_o + ds_next, dz = ds ⊙ g1'(z_t), dU = dz x_tᵀ,
 * dW = dz s_{t−1}ᵀ, db_a = dz, ds_prev = Wᵀ dz. A wrong value is matched against the typical mistakes
 * ({@link CellMath}) so the message names the most likely cause.
 */
public class RnnCellChecks extends ComponentChecks {
    private static final FixtureFile FIXTURES = FixtureFiles.bundled("RnnCell");

    @Test
    @Check(id = "rnncell.forward.fixtures", points = 3)
    void forwardFixtures() {
        for (FixtureCase c : FIXTURES.forMethod("forward")) {
            ActivationKind g1 = ActivationKind.valueOf(c.input("g1", String.class));
            RnnParameters p = params(c);
            SimpleMatrix x = c.inputMatrix("x_t"), sPrev = c.inputMatrix("s_prev");
            CellOutput out = student().rnnCell(g1).forward(p.copy(), x.copy(), sPrev.copy());
            String ctx = Messages.text("rnncell.where.fixture", c.name(), g1);
            CellMath.close("RnnCell.forward: s_t", ctx, c.expectedMatrix("s_t"), out.s_t(), c.tolerance(),
                    () -> CellMath.forwardHint(p, x, sPrev, g1, out.s_t(), out.o_t()));
            CellMath.close("RnnCell.forward: o_t", ctx, c.expectedMatrix("o_t"), out.o_t(), c.tolerance(),
                    () -> CellMath.forwardHint(p, x, sPrev, g1, out.s_t(), out.o_t()));
        }
    }

    @Test
    @Check(id = "rnncell.backward.fixtures", points = 4)
    void backwardFixtures() {
        for (FixtureCase c : FIXTURES.forMethod("backward")) {
            ActivationKind g1 = ActivationKind.valueOf(c.input("g1", String.class));
            RnnParameters p = params(c);
            SimpleMatrix x = c.inputMatrix("x_t"), sPrev = c.inputMatrix("s_prev"), sT = c.inputMatrix("s_t"),
                    dLogits = c.inputMatrix("dLogits"), dsNext = c.inputMatrix("ds_next");
            CellGradients got = student().rnnCell(g1).backward(p.copy(), x.copy(), sPrev.copy(), sT.copy(),
                    dLogits.copy(), dsNext.copy());
            Expect.that(got != null, Messages.text("rnncell.backward.null-in", c.name()),
                    Messages.text("rnncell.hint.return-gradients"));
            List<SimpleMatrix> blocks = CellMath.blocks(got);
            for (int b = 0; b < CellMath.CELL_BLOCKS.size(); b++) {
                String name = CellMath.CELL_BLOCKS.get(b);
                CellMath.close("RnnCell.backward: " + name, Messages.text("rnncell.where.fixture", c.name(), g1),
                        c.expectedMatrix(name), blocks.get(b), c.tolerance(),
                        () -> CellMath.backwardHint(p, x, sPrev, sT, dLogits, dsNext, g1, got));
            }
        }
    }

    @Test
    @Check(id = "rnncell.backward.gradcheck", points = 4)
    void gradientCheck() {
        Submission s = student();
        Property.forAll(Messages.text("rnncell.property.gradcheck"), seed("rnncell.gradcheck"), 10,
                (r, size) -> Step.random(r, size, ActivationKind.values()[size % 2], size % 3 != 2),
                Step::shape,
                step -> {
                    RnnCell cell = s.rnnCell(step.g1);
                    CellOutput out = cell.forward(step.p.copy(), step.x.copy(), step.sPrev.copy());
                    Expect.that(out != null, Messages.text("rnncell.forward.null"),
                            Messages.text("rnncell.hint.return-output"));
                    SimpleMatrix sT = out.s_t();
                    CellGradients claimed = cell.backward(step.p.copy(), step.x.copy(), step.sPrev.copy(), sT.copy(),
                            step.dLogits.copy(), step.dsNext.copy());
                    Expect.that(claimed != null, Messages.text("rnncell.backward.null"),
                            Messages.text("rnncell.hint.return-gradients"));
                    requireShapes(claimed, step.p);
                    int entries = 2 * step.p.n() * (step.p.m() + step.p.n()) + step.p.m() + 2 * step.p.n();
                    GradCheckOptions options = GradCheckOptions.defaults().withSeed(step.seed)
                            .withMode(entries <= 120 ? CheckMode.FULL : CheckMode.SAMPLED);
                    GradCheckReport report = RnnGradCheck.checkCell(cell::forward, step.p, step.x, step.sPrev,
                            step.dLogits, step.dsNext, step.g1, claimed, options);
                    if (!report.passed()) {
                        throw new CheckFailure(Messages.text("rnncell.gradcheck.failed", report.summary(),
                                CellMath.backwardHint(step.p, step.x, step.sPrev, sT, step.dLogits, step.dsNext,
                                        step.g1, claimed)));
                    }
                });
    }

    @Test
    @Check(id = "rnncell.reference", points = 3, needsReference = true)
    void matchesReference() {
        Submission ref = reference();
        Submission s = student();
        Property.forAll(Messages.text("rnncell.property.reference"), seed("rnncell.reference"), 12,
                (r, size) -> Step.random(r, size, ActivationKind.values()[(size / 2) % 2], size % 4 != 3),
                Step::shape,
                step -> {
                    CellOutput want = ref.rnnCell(step.g1).forward(step.p.copy(), step.x.copy(), step.sPrev.copy());
                    CellOutput got = s.rnnCell(step.g1).forward(step.p.copy(), step.x.copy(), step.sPrev.copy());
                    Expect.that(got != null, Messages.text("rnncell.forward.null"),
                            Messages.text("rnncell.hint.return-output"));
                    CellMath.close("RnnCell.forward: s_t", "g1 = " + step.g1, want.s_t(), got.s_t(), Tolerance.DEFAULT,
                            () -> CellMath.forwardHint(step.p, step.x, step.sPrev, step.g1, got.s_t(), got.o_t()));
                    CellMath.close("RnnCell.forward: o_t", "g1 = " + step.g1, want.o_t(), got.o_t(), Tolerance.DEFAULT,
                            () -> CellMath.forwardHint(step.p, step.x, step.sPrev, step.g1, got.s_t(), got.o_t()));
                    SimpleMatrix sT = want.s_t();
                    CellGradients wantG = ref.rnnCell(step.g1).backward(step.p.copy(), step.x.copy(),
                            step.sPrev.copy(), sT.copy(), step.dLogits.copy(), step.dsNext.copy());
                    CellGradients gotG = s.rnnCell(step.g1).backward(step.p.copy(), step.x.copy(), step.sPrev.copy(),
                            sT.copy(), step.dLogits.copy(), step.dsNext.copy());
                    Expect.that(gotG != null, Messages.text("rnncell.backward.null"),
                            Messages.text("rnncell.hint.return-gradients"));
                    List<SimpleMatrix> w = CellMath.blocks(wantG), g = CellMath.blocks(gotG);
                    for (int b = 0; b < w.size(); b++) {
                        CellMath.close("RnnCell.backward: " + CellMath.CELL_BLOCKS.get(b), "g1 = " + step.g1, w.get(b),
                                g.get(b), Tolerance.DEFAULT, () -> CellMath.backwardHint(step.p, step.x, step.sPrev, sT,
                                        step.dLogits, step.dsNext, step.g1, gotG));
                    }
                });
    }

    @Test
    @Check(id = "rnncell.inputs-untouched", points = 2)
    void inputsUntouched() {
        Random r = new Random(seed("rnncell.untouched"));
        for (ActivationKind g1 : ActivationKind.values()) {
            Step step = Step.random(r, 6, g1, g1 == ActivationKind.TANH);
            RnnCell cell = student().rnnCell(g1);
            RnnParameters p = step.p.copy();
            SimpleMatrix x = step.x.copy(), sPrev = step.sPrev.copy();
            cell.forward(p, x, sPrev);
            paramsUnchanged("RnnCell.forward", step.p, p);
            CellMath.unchanged("RnnCell.forward", "x_t", step.x, x);
            CellMath.unchanged("RnnCell.forward", "s_prev", step.sPrev, sPrev);
            SimpleMatrix sT0 = CellMath.forward(step.p, step.x, step.sPrev, g1).s_t();
            SimpleMatrix sT = sT0.copy(), dLogits = step.dLogits.copy(), dsNext = step.dsNext.copy();
            cell.backward(p, x, sPrev, sT, dLogits, dsNext);
            paramsUnchanged("RnnCell.backward", step.p, p);
            CellMath.unchanged("RnnCell.backward", "x_t", step.x, x);
            CellMath.unchanged("RnnCell.backward", "s_prev", step.sPrev, sPrev);
            CellMath.unchanged("RnnCell.backward", "s_t", sT0, sT);
            CellMath.unchanged("RnnCell.backward", "dLogits", step.dLogits, dLogits);
            CellMath.unchanged("RnnCell.backward", "ds_next", step.dsNext, dsNext);
        }
    }

    @Test
    @Check(id = "rnncell.new-results", points = 2)
    void newResults() {
        Random r = new Random(seed("rnncell.new"));
        for (ActivationKind g1 : ActivationKind.values()) {
            Step step = Step.random(r, 5, g1, true);
            RnnCell cell = student().rnnCell(g1);
            RnnParameters p = step.p.copy();
            SimpleMatrix x = step.x.copy(), sPrev = step.sPrev.copy();
            CellOutput out = cell.forward(p, x, sPrev);
            Expect.that(out != null, Messages.text("rnncell.forward.null"),
                    Messages.text("rnncell.hint.return-output"));
            Object[][] fwdArgs = args(p, "x_t", x, "s_prev", sPrev);
            notAnArgument("RnnCell.forward", "s_t", out.s_t(), fwdArgs);
            notAnArgument("RnnCell.forward", "o_t", out.o_t(), fwdArgs);
            SimpleMatrix sT = CellMath.forward(step.p, step.x, step.sPrev, g1).s_t();
            SimpleMatrix dLogits = step.dLogits.copy(), dsNext = step.dsNext.copy();
            CellGradients g = cell.backward(p, x, sPrev, sT, dLogits, dsNext);
            Expect.that(g != null, Messages.text("rnncell.backward.null"),
                    Messages.text("rnncell.hint.return-gradients"));
            Object[][] bwdArgs = args(p, "x_t", x, "s_prev", sPrev, "s_t", sT, "dLogits", dLogits, "ds_next", dsNext);
            List<SimpleMatrix> blocks = CellMath.blocks(g);
            for (int b = 0; b < blocks.size(); b++) {
                notAnArgument("RnnCell.backward", CellMath.CELL_BLOCKS.get(b), blocks.get(b), bwdArgs);
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    /** One random step: θ, x_t, s_{t−1}, a target y with dLogits = o_t − onehot(y) (grader's own o_t), ds_next. */
    static final class Step {
        final long seed;
        final ActivationKind g1;
        final RnnParameters p;
        final SimpleMatrix x, sPrev, dLogits, dsNext;
        final int y;

        Step(long seed, ActivationKind g1, RnnParameters p, SimpleMatrix x, SimpleMatrix sPrev, int y,
                SimpleMatrix dsNext) {
            this.seed = seed;
            this.g1 = g1;
            this.p = p;
            this.x = x;
            this.sPrev = sPrev;
            this.y = y;
            this.dsNext = dsNext;
            this.dLogits = CellMath.dLogits(CellMath.forward(p, x, sPrev, g1).o_t(), y);
        }

        /** m grows from 2 and n from 1 with {@code size}. */
        static Step random(Random r, int size, ActivationKind g1, boolean oneHot) {
            int m = 2 + size / 2 + r.nextInt(2);
            int n = 1 + size / 3 + r.nextInt(2);
            RnnParameters p = new RnnParameters(uniform(r, n, m, 1.5 / Math.sqrt(m)), uniform(r, n, n, 1.5 / Math.sqrt(n)),
                    uniform(r, m, n, 1.5 / Math.sqrt(n)), uniform(r, n, 1, 0.5), uniform(r, m, 1, 0.5));
            SimpleMatrix x = new SimpleMatrix(m, 1);
            if (oneHot) {
                x.set(r.nextInt(m), 0, 1);
            } else {
                for (int i = 0; i < m; i++) {
                    x.set(i, 0, r.nextGaussian());
                }
            }
            SimpleMatrix sPrev = g1 == ActivationKind.TANH ? uniform(r, n, 1, 0.9) : uniform(r, n, 1, 1).elementPower(2);
            SimpleMatrix dsNext = uniform(r, n, 1, 1);
            return new Step(r.nextLong(), g1, p, x, sPrev, r.nextInt(m), dsNext);
        }

        String shape() {
            return isOneHot() ? Messages.text("rnncell.step.one-hot", p.m(), p.n(), g1)
                    : Messages.text("rnncell.step.dense", p.m(), p.n(), g1);
        }

        private boolean isOneHot() {
            int ones = 0;
            for (int i = 0; i < x.getNumRows(); i++) {
                if (x.get(i, 0) == 1) {
                    ones++;
                } else if (x.get(i, 0) != 0) {
                    return false;
                }
            }
            return ones == 1;
        }
    }

    static SimpleMatrix uniform(Random r, int rows, int cols, double bound) {
        SimpleMatrix out = new SimpleMatrix(rows, cols);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                out.set(i, j, (2 * r.nextDouble() - 1) * bound);
            }
        }
        return out;
    }

    static RnnParameters params(FixtureCase c) {
        return new RnnParameters(c.inputMatrix("U"), c.inputMatrix("W"), c.inputMatrix("V"), c.inputMatrix("b_a"),
                c.inputMatrix("b_y"));
    }

    /** Fails, for the student, when a block of {@code g} is not shaped like its parameter. */
    static void requireShapes(CellGradients g, RnnParameters p) {
        List<SimpleMatrix> want = p.blocks();
        List<SimpleMatrix> got = g.grads().blocks();
        for (int b = 0; b < 5; b++) {
            SimpleMatrix w = want.get(b), a = got.get(b);
            Expect.that(a.getNumRows() == w.getNumRows() && a.getNumCols() == w.getNumCols(),
                    Messages.text("rnncell.backward.shape", CellMath.CELL_BLOCKS.get(b), RnnParameters.BLOCKS.get(b),
                            w.getNumRows() + "×" + w.getNumCols(), a.getNumRows() + "×" + a.getNumCols()),
                    Messages.text("rnncell.hint.gradient-shape"));
        }
    }

    static void paramsUnchanged(String method, RnnParameters before, RnnParameters after) {
        for (int b = 0; b < 5; b++) {
            CellMath.unchanged(method, "params." + RnnParameters.BLOCKS.get(b), before.blocks().get(b),
                    after.blocks().get(b));
        }
    }

    /** @return {name, object} pairs of the parameter blocks followed by the given name/object pairs */
    static Object[][] args(RnnParameters p, Object... more) {
        Object[][] out = new Object[5 + more.length / 2][];
        for (int b = 0; b < 5; b++) {
            out[b] = new Object[] {"params." + RnnParameters.BLOCKS.get(b), p.blocks().get(b)};
        }
        for (int i = 0; i < more.length / 2; i++) {
            out[5 + i] = new Object[] {more[2 * i], more[2 * i + 1]};
        }
        return out;
    }

    static void notAnArgument(String method, String resultName, Object result, Object[][] args) {
        for (Object[] a : args) {
            CellMath.notTheArgument(method, resultName, result, (String) a[0], a[1]);
        }
    }
}
