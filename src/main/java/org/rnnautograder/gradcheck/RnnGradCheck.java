package org.rnnautograder.gradcheck;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.ejml.simple.SimpleMatrix;
import org.rnnautograder.assignment.ActivationKind;
import org.rnnautograder.assignment.CellGradients;
import org.rnnautograder.assignment.CellOutput;
import org.rnnautograder.assignment.RnnGradients;
import org.rnnautograder.assignment.RnnParameters;
import org.rnnautograder.assignment.Shapes;

/**
 * Gradient checks of the RNN's two backward passes, built on {@link GradientChecker} with the relu
 * {@link RnnKinkGuard}:
 * <ul>
 *   <li>{@code Rnn.backward}: blocks (U, W, V, b_a, b_y), f = L = Σ_t −ln o_t[y_t];</li>
 *   <li>{@code RnnCell.backward}: blocks (U, W, V, b_a, b_y, s_prev), f = ⟨dz_o, ln o_t⟩ + ⟨ds_next, s_t⟩,
 *       whose gradient is exactly what one backward step returns (for Σ dz_o = 0, ⟨dz_o, ln o_t⟩ equals
 *       ⟨dz_o, V s_t + b_y⟩, because ln o_t = logits − logsumexp(logits)).</li>
 * </ul>
 * The loss can be the student's own forward (self-consistency) or the package's {@link ReferenceRnn}
 * (truth).
 */
public final class RnnGradCheck {
    /** Block names of a cell check: the five parameters and the input state. */
    public static final List<String> CELL_BLOCKS = List.of("U", "W", "V", "b_a", "b_y", "s_prev");

    private RnnGradCheck() {}

    /**
     * Checks {@code claimed} against central differences of {@code loss} at θ = problem.params().
     *
     * @param problem the problem (θ, xs, targets, g1); not modified
     * @param loss    θ ↦ L, e.g. the student's forward + sequenceLoss; given fresh parameters each time
     * @param claimed the gradients under test; not modified
     * @param options mode, ε, tolerances, seed
     */
    public static GradCheckReport checkSequence(RnnProblem problem, ToDoubleFunction<RnnParameters> loss,
            RnnGradients claimed, GradCheckOptions options) {
        claimed.requireShapesOf(problem.params());
        ScalarFunction f = blocks -> loss.applyAsDouble(RnnParameters.ofBlocks(copies(blocks)));
        return new GradientChecker(options, RnnKinkGuard.forSequence(problem)).check(f, RnnParameters.BLOCKS,
                problem.params().blocks(), claimed.blocks());
    }

    /** Checks {@code claimed} against central differences of the reference loss ({@link ReferenceRnn}). */
    public static GradCheckReport checkSequence(RnnProblem problem, RnnGradients claimed, GradCheckOptions options) {
        claimed.requireShapesOf(problem.params());
        return new GradientChecker(options, RnnKinkGuard.forSequence(problem)).check(
                blocks -> ReferenceRnn.loss(blocks, problem), RnnParameters.BLOCKS, problem.params().blocks(),
                claimed.blocks());
    }

    /**
     * Checks one backward step: {@code claimed} (this step's dU, dW, dV, db_a, db_y and ds_prev) against
     * central differences of f(θ, s_prev) = ⟨dLogits, ln o_t⟩ + ⟨ds_next, s_t⟩ with (s_t, o_t) =
     * forward(θ, x_t, s_prev).
     *
     * @param forward the forward step to differentiate (the student's, or {@link #referenceCell(ActivationKind)})
     * @param dLogits dz_o, m×1, whose entries must sum to 0 (as o_t − y_t does); not modified
     * @param ds_next n×1; not modified
     * @throws IllegalArgumentException if a shape is wrong (naming both shapes) or Σ dLogits ≠ 0
     */
    public static GradCheckReport checkCell(CellForward forward, RnnParameters params, SimpleMatrix x_t,
            SimpleMatrix s_prev, SimpleMatrix dLogits, SimpleMatrix ds_next, ActivationKind g1,
            CellGradients claimed, GradCheckOptions options) {
        int m = params.m();
        int n = params.n();
        Shapes.requireColumn("x_t (m×1)", x_t, m);
        Shapes.requireColumn("s_prev (n×1)", s_prev, n);
        Shapes.requireColumn("dLogits (m×1)", dLogits, m);
        Shapes.requireColumn("ds_next (n×1)", ds_next, n);
        double sum = dLogits.elementSum();
        if (Math.abs(sum) > 1e-12 * (1 + dLogits.elementMaxAbs() * m)) {
            throw new IllegalArgumentException("dLogits must sum to 0 (like o_t − y_t) for the cell objective,"
                    + " but summed to " + sum);
        }
        claimed.grads().requireShapesOf(params);
        ScalarFunction f = blocks -> {
            RnnParameters p = RnnParameters.ofBlocks(copies(blocks.subList(0, 5)));
            CellOutput out = forward.forward(p, x_t.copy(), blocks.get(5).copy());
            double value = 0;
            for (int i = 0; i < m; i++) {
                double d = dLogits.get(i, 0);
                if (d != 0) {
                    value += d * Math.log(out.o_t().get(i, 0));
                }
            }
            for (int i = 0; i < n; i++) {
                value += ds_next.get(i, 0) * out.s_t().get(i, 0);
            }
            return value;
        };
        List<SimpleMatrix> point = new ArrayList<>(params.blocks());
        point.add(s_prev);
        List<SimpleMatrix> grads = new ArrayList<>(claimed.grads().blocks());
        grads.add(claimed.ds_prev());
        return new GradientChecker(options, RnnKinkGuard.forCell(x_t, g1)).check(f, CELL_BLOCKS, point, grads);
    }

    /**
     * @return the package's own forward step: z = U x_t + W s_prev + b_a, s_t = g1(z),
     *         o_t = softmax(V s_t + b_y) (stable)
     */
    public static CellForward referenceCell(ActivationKind g1) {
        return (p, x, sPrev) -> {
            SimpleMatrix z = p.U().mult(x).plus(p.W().mult(sPrev)).plus(p.b_a());
            SimpleMatrix s = z.copy();
            for (int i = 0; i < s.getNumRows(); i++) {
                double v = z.get(i, 0);
                s.set(i, 0, g1 == ActivationKind.TANH ? Math.tanh(v) : Math.max(0, v));
            }
            SimpleMatrix logits = p.V().mult(s).plus(p.b_y());
            double max = logits.elementMax();
            SimpleMatrix o = logits.copy();
            double total = 0;
            for (int i = 0; i < o.getNumRows(); i++) {
                double e = Math.exp(logits.get(i, 0) - max);
                o.set(i, 0, e);
                total += e;
            }
            return new CellOutput(s, o.divide(total));
        };
    }

    private static List<SimpleMatrix> copies(List<SimpleMatrix> blocks) {
        List<SimpleMatrix> out = new ArrayList<>(blocks.size());
        for (SimpleMatrix b : blocks) {
            out.add(b.copy());
        }
        return out;
    }
}
