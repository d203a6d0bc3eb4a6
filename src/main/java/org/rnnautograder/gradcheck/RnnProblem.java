package org.rnnautograder.gradcheck;

import java.util.Arrays;
import java.util.List;
import org.ejml.simple.SimpleMatrix;
import org.rnnautograder.assignment.ActivationKind;
import org.rnnautograder.assignment.RnnParameters;
import org.rnnautograder.assignment.Shapes;

/**
 * One sequence problem: θ, the inputs x_1 … x_T, the targets y_1 … y_T and the activation g1, for
 * L = Σ_t −ln o_t[y_t] with s_0 = 0.
 *
 * @param params  θ = (U, W, V, b_a, b_y); treated as read-only
 * @param xs      x_1 … x_T, each m×1 (one-hot or any values), T ≥ 1; treated as read-only
 * @param targets y_1 … y_T, each in 0 … m−1
 * @param g1      the hidden activation
 */
public record RnnProblem(RnnParameters params, List<SimpleMatrix> xs, int[] targets, ActivationKind g1) {

    public RnnProblem {
        if (params == null || xs == null || targets == null || g1 == null) {
            throw new NullPointerException("params, xs, targets and g1 must not be null");
        }
        if (xs.isEmpty() || xs.size() != targets.length) {
            throw new IllegalArgumentException("xs and targets must have the same length T ≥ 1, but had "
                    + xs.size() + " and " + targets.length);
        }
        int m = params.m();
        for (int t = 1; t <= xs.size(); t++) {
            Shapes.requireColumn("x_" + t + " (m×1, m = " + m + ")", xs.get(t - 1), m);
            int y = targets[t - 1];
            if (y < 0 || y >= m) {
                throw new IllegalArgumentException("y_" + t + " must be in 0 … " + (m - 1) + ", but was " + y);
            }
        }
        xs = List.copyOf(xs);
        targets = targets.clone();
    }

    /** @return T, the sequence length */
    public int T() {
        return targets.length;
    }

    /** @return m, the vocabulary size */
    public int m() {
        return params.m();
    }

    /** @return n, the hidden size */
    public int n() {
        return params.n();
    }

    @Override
    public int[] targets() {
        return targets.clone();
    }

    /**
     * @param length the prefix length, in 1 … T
     * @return the problem on x_1 … x_length and y_1 … y_length (same θ and g1)
     */
    public RnnProblem prefix(int length) {
        if (length < 1 || length > T()) {
            throw new IllegalArgumentException("a prefix length must be in 1 … " + T() + ", but was " + length);
        }
        return new RnnProblem(params, xs.subList(0, length), Arrays.copyOf(targets, length), g1);
    }

    /** @return the same problem with parameters {@code other} (same shapes) */
    public RnnProblem withParams(RnnParameters other) {
        if (other.m() != m() || other.n() != n()) {
            throw new IllegalArgumentException("the new parameters must have m = " + m() + ", n = " + n()
                    + ", but had m = " + other.m() + ", n = " + other.n());
        }
        return new RnnProblem(other, xs, targets, g1);
    }

    /**
     * @return the id of the one-hot x_t (its single 1), or -1 when x_t is not one-hot
     * @param t in 1 … T
     */
    public int oneHotId(int t) {
        SimpleMatrix x = xs.get(t - 1);
        int id = -1;
        for (int i = 0; i < x.getNumRows(); i++) {
            double v = x.get(i, 0);
            if (v == 1 && id < 0) {
                id = i;
            } else if (v != 0) {
                return -1;
            }
        }
        return id;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RnnProblem p && params.equals(p.params) && xs.equals(p.xs)
                && Arrays.equals(targets, p.targets) && g1 == p.g1;
    }

    @Override
    public int hashCode() {
        return (params.hashCode() * 31 + xs.hashCode()) * 31 + Arrays.hashCode(targets) + g1.hashCode();
    }

    /** @return "m=…, n=…, T=…, g1=…" */
    public String shape() {
        return "m=" + m() + ", n=" + n() + ", T=" + T() + ", g1=" + g1;
    }

    @Override
    public String toString() {
        return "RnnProblem[" + shape() + ", targets=" + Arrays.toString(targets) + "]";
    }
}
