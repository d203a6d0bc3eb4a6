package org.rnnautograder.suite;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.ejml.simple.SimpleMatrix;
import org.rnnautograder.assignment.ActivationKind;
import org.rnnautograder.assignment.CellGradients;
import org.rnnautograder.assignment.CellOutput;
import org.rnnautograder.assignment.RnnGradients;
import org.rnnautograder.assignment.RnnParameters;

/**
 * The grader's own RNN step for the RnnCell and Rnn checks — the correct forward and backward step of the
 * contract, plus the typical student mistakes as variants — so that a wrong answer can be matched against
 * the mistakes and the message can name the most likely cause. Independent of any submission (it never calls
 * the student's Activation or CrossEntropy).
 */
final class CellMath {
    private CellMath() {}

    /** Two values count as equal when every block is within this relative distance (plus {@link #FLOOR}). */
    static final double MATCH = 1e-7;
    static final double FLOOR = 1e-9;

    /** Block names of one backward step, in {@link #blocks(CellGradients)} order. */
    static final List<String> CELL_BLOCKS = List.of("dU", "dW", "dV", "db_a", "db_y", "ds_prev");

    // ------------------------------------------------------------------ forward

    /** Typical mistakes of the forward step, each with the sentence a student reads. */
    enum ForwardBug {
        B_A_MISSING("z_t misses the hidden bias: z_t = U x_t + W s_{t−1} instead of U x_t + W s_{t−1} + b_a"),
        W_S_PREV_MISSING("z_t misses the recurrence: the term W s_{t−1} is left out, so s_{t−1} is ignored"),
        X_AS_ONE_HOT("U x_t is taken as the column of U at the largest entry of x_t, but x_t may be any vector:"
                + " multiply U by x_t"),
        G1_MISSING("g1 is not applied: s_t = z_t instead of g1(z_t)"),
        OTHER_G1("the wrong activation is applied: use the g1 the cell was built with (tanh or relu)"),
        B_Y_MISSING("the output bias is missing: o_t = softmax(V s_t) instead of softmax(V s_t + b_y)"),
        NO_SOFTMAX("softmax is not applied: o_t = V s_t + b_y instead of softmax(V s_t + b_y)"),
        O_FROM_Z("o_t is computed from z_t instead of s_t: softmax(V z_t + b_y) instead of softmax(V s_t + b_y)");

        final String explanation;

        ForwardBug(String explanation) {
            this.explanation = explanation;
        }
    }

    /** @return z_t = U x_t + W s_prev + b_a */
    static SimpleMatrix z(RnnParameters p, SimpleMatrix x, SimpleMatrix sPrev) {
        return p.U().mult(x).plus(p.W().mult(sPrev)).plus(p.b_a());
    }

    static SimpleMatrix g1(ActivationKind g1, SimpleMatrix z) {
        return map(z, v -> g1 == ActivationKind.TANH ? Math.tanh(v) : Math.max(0, v));
    }

    /** g1'(z) as the contract defines it (relu'(0) = 0). */
    static SimpleMatrix g1Prime(ActivationKind g1, SimpleMatrix z) {
        return map(z, v -> {
            if (g1 == ActivationKind.TANH) {
                double t = Math.tanh(v);
                return 1 - t * t;
            }
            return v > 0 ? 1 : 0;
        });
    }

    static SimpleMatrix softmax(SimpleMatrix logits) {
        double max = logits.elementMax();
        SimpleMatrix o = map(logits, v -> Math.exp(v - max));
        return o.divide(o.elementSum());
    }

    /** The correct forward step. */
    static CellOutput forward(RnnParameters p, SimpleMatrix x, SimpleMatrix sPrev, ActivationKind g1) {
        return forward(p, x, sPrev, g1, null);
    }

    /** The forward step with {@code bug} (null: correct). */
    static CellOutput forward(RnnParameters p, SimpleMatrix x, SimpleMatrix sPrev, ActivationKind g1, ForwardBug bug) {
        SimpleMatrix ux = p.U().mult(x);
        if (bug == ForwardBug.X_AS_ONE_HOT) {
            int id = 0;
            for (int i = 1; i < x.getNumRows(); i++) {
                if (x.get(i, 0) > x.get(id, 0)) {
                    id = i;
                }
            }
            ux = p.U().extractVector(false, id);
        }
        SimpleMatrix z = ux;
        if (bug != ForwardBug.W_S_PREV_MISSING) {
            z = z.plus(p.W().mult(sPrev));
        }
        if (bug != ForwardBug.B_A_MISSING) {
            z = z.plus(p.b_a());
        }
        ActivationKind kind = bug == ForwardBug.OTHER_G1
                ? (g1 == ActivationKind.TANH ? ActivationKind.RELU : ActivationKind.TANH) : g1;
        SimpleMatrix s = bug == ForwardBug.G1_MISSING ? z.copy() : g1(kind, z);
        SimpleMatrix logits = p.V().mult(bug == ForwardBug.O_FROM_Z ? z : s);
        if (bug != ForwardBug.B_Y_MISSING) {
            logits = logits.plus(p.b_y());
        }
        return new CellOutput(s, bug == ForwardBug.NO_SOFTMAX ? logits : softmax(logits));
    }

    /**
     * @return a sentence naming the most likely cause of a wrong forward step (s_t, o_t as the student returned
     *         them), or a pointer to the formula of the wrong part when no known mistake matches
     */
    static String forwardHint(RnnParameters p, SimpleMatrix x, SimpleMatrix sPrev, ActivationKind g1, SimpleMatrix s,
            SimpleMatrix o) {
        CellOutput right = forward(p, x, sPrev, g1);
        List<String> matches = new ArrayList<>();
        for (ForwardBug bug : ForwardBug.values()) {
            CellOutput b = forward(p, x, sPrev, g1, bug);
            if (same(b.s_t(), right.s_t()) && same(b.o_t(), right.o_t())) {
                continue; // indistinguishable on these inputs
            }
            if (same(b.s_t(), s) && same(b.o_t(), o)) {
                matches.add(bug.explanation);
            }
        }
        if (matches.size() == 1) {
            return "Most likely cause: " + matches.get(0) + ".";
        }
        if (matches.size() > 1) {
            return "Most likely cause, one of: " + String.join("; ", matches) + ".";
        }
        boolean sRight = s != null && same(right.s_t(), s);
        if (sRight) {
            return "s_t is right but o_t is not: o_t = softmax(V s_t + b_y), computed in a stable way (subtract the"
                    + " largest logit before exp) so that it sums to 1.";
        }
        return "s_t is wrong: s_t = g1(z_t) with z_t = U x_t + W s_{t−1} + b_a (all three terms, matrix products,"
                + " and the g1 the cell was built with).";
    }

    // ------------------------------------------------------------------ backward

    /** Typical mistakes of the backward step, each with the sentence a student reads. */
    enum BackwardBug {
        DS_NEXT_DROPPED("ds misses the gradient from step t+1: ds = Vᵀ dz_o instead of Vᵀ dz_o + ds_next"),
        S_T_FOR_S_PREV("dW uses s_t where s_{t−1} belongs: dW = dz s_tᵀ instead of dz s_{t−1}ᵀ"),
        G1_PRIME_OF_S("g1' is applied to s_t instead of z_t: tanh'(s_t) = 1 − tanh(s_t)², but the derivative you"
                + " need is g1'(z_t) = 1 − tanh(z_t)² = 1 − s_t²"),
        TANH_PRIME_OF_Z("tanh' is written as 1 − z_t² instead of 1 − s_t² (= 1 − tanh(z_t)²)"),
        G1_PRIME_MISSING("g1'(z_t) is missing: dz = ds instead of ds ⊙ g1'(z_t)"),
        RELU_PRIME_AT_ZERO("relu'(0) must be 0 (g1'(z) = 1 only for z > 0): test z > 0, not z ≥ 0"),
        DW_TRANSPOSED("dW is transposed: s_{t−1} dzᵀ instead of dz s_{t−1}ᵀ"),
        W_FOR_W_TRANSPOSE("ds_prev uses W where Wᵀ belongs: ds_prev = W dz instead of Wᵀ dz"),
        DS_PREV_FROM_DS("ds_prev skips g1': ds_prev = Wᵀ ds instead of Wᵀ dz (dz = ds ⊙ g1'(z_t))"),
        DV_USES_S_PREV("dV uses s_{t−1} where s_t belongs: dV = dz_o s_{t−1}ᵀ instead of dz_o s_tᵀ"),
        DU_ONE_HOT("dU = dz x_tᵀ must use every entry of x_t (x_t may be any vector), not only the column of its"
                + " largest entry"),
        B_A_MISSING_IN_Z("z_t in the backward step misses b_a: g1'(U x_t + W s_{t−1}) instead of"
                + " g1'(U x_t + W s_{t−1} + b_a)"),
        SIGN_FLIPPED("every gradient has the wrong sign (−∂L/∂θ)");

        final String explanation;

        BackwardBug(String explanation) {
            this.explanation = explanation;
        }
    }

    /** The correct backward step. */
    static CellGradients backward(RnnParameters p, SimpleMatrix x, SimpleMatrix sPrev, SimpleMatrix sT,
            SimpleMatrix dLogits, SimpleMatrix dsNext, ActivationKind g1) {
        return backward(p, x, sPrev, sT, dLogits, dsNext, g1, null);
    }

    /** The backward step with {@code bug} (null: correct). */
    static CellGradients backward(RnnParameters p, SimpleMatrix x, SimpleMatrix sPrev, SimpleMatrix sT,
            SimpleMatrix dLogits, SimpleMatrix dsNext, ActivationKind g1, BackwardBug bug) {
        SimpleMatrix dV = dLogits.mult((bug == BackwardBug.DV_USES_S_PREV ? sPrev : sT).transpose());
        SimpleMatrix dby = dLogits.copy();
        SimpleMatrix ds = p.V().transpose().mult(dLogits);
        if (bug != BackwardBug.DS_NEXT_DROPPED) {
            ds = ds.plus(dsNext);
        }
        SimpleMatrix z = bug == BackwardBug.B_A_MISSING_IN_Z ? p.U().mult(x).plus(p.W().mult(sPrev)) : z(p, x, sPrev);
        SimpleMatrix prime = switch (bug == null ? BackwardBug.SIGN_FLIPPED : bug) {
            case G1_PRIME_OF_S -> g1Prime(g1, sT);
            case TANH_PRIME_OF_Z -> map(z, v -> 1 - v * v);
            case G1_PRIME_MISSING -> map(z, v -> 1);
            case RELU_PRIME_AT_ZERO -> g1 == ActivationKind.RELU ? map(z, v -> v >= 0 ? 1 : 0) : g1Prime(g1, z);
            default -> g1Prime(g1, z);
        };
        SimpleMatrix dz = ds.elementMult(prime);
        SimpleMatrix dU = dz.mult(x.transpose());
        if (bug == BackwardBug.DU_ONE_HOT) {
            int id = 0;
            for (int i = 1; i < x.getNumRows(); i++) {
                if (x.get(i, 0) > x.get(id, 0)) {
                    id = i;
                }
            }
            dU = new SimpleMatrix(dU.getNumRows(), dU.getNumCols());
            dU.insertIntoThis(0, id, dz);
        }
        SimpleMatrix dW = bug == BackwardBug.S_T_FOR_S_PREV ? dz.mult(sT.transpose())
                : bug == BackwardBug.DW_TRANSPOSED ? sPrev.mult(dz.transpose()) : dz.mult(sPrev.transpose());
        SimpleMatrix dba = dz.copy();
        SimpleMatrix dsPrev = bug == BackwardBug.W_FOR_W_TRANSPOSE ? p.W().mult(dz)
                : bug == BackwardBug.DS_PREV_FROM_DS ? p.W().transpose().mult(ds) : p.W().transpose().mult(dz);
        CellGradients out = new CellGradients(new RnnGradients(dU, dW, dV, dba, dby), dsPrev);
        if (bug == BackwardBug.SIGN_FLIPPED) {
            List<SimpleMatrix> neg = new ArrayList<>();
            for (SimpleMatrix b : blocks(out)) {
                neg.add(b.negative());
            }
            out = new CellGradients(RnnGradients.ofBlocks(neg.subList(0, 5)), neg.get(5));
        }
        return out;
    }

    /** @return dU, dW, dV, db_a, db_y, ds_prev */
    static List<SimpleMatrix> blocks(CellGradients g) {
        List<SimpleMatrix> out = new ArrayList<>(g.grads().blocks());
        out.add(g.ds_prev());
        return out;
    }

    /**
     * @return a sentence naming the most likely cause of a wrong backward step ({@code got} as the student
     *         returned it), or a pointer to the formulas of the wrong blocks when no known mistake matches
     */
    static String backwardHint(RnnParameters p, SimpleMatrix x, SimpleMatrix sPrev, SimpleMatrix sT,
            SimpleMatrix dLogits, SimpleMatrix dsNext, ActivationKind g1, CellGradients got) {
        CellGradients right = backward(p, x, sPrev, sT, dLogits, dsNext, g1);
        List<String> matches = new ArrayList<>();
        for (BackwardBug bug : BackwardBug.values()) {
            if (bug == BackwardBug.TANH_PRIME_OF_Z && g1 != ActivationKind.TANH) {
                continue;
            }
            CellGradients b = backward(p, x, sPrev, sT, dLogits, dsNext, g1, bug);
            if (same(blocks(b), blocks(right))) {
                continue; // indistinguishable on these inputs
            }
            if (same(blocks(b), blocks(got))) {
                matches.add(bug.explanation);
            }
        }
        if (matches.size() == 1) {
            return "Most likely cause: " + matches.get(0) + ".";
        }
        if (matches.size() > 1) {
            return "Most likely cause, one of: " + String.join("; ", matches) + ".";
        }
        List<String> wrong = wrongBlocks(blocks(right), blocks(got));
        return "Wrong: " + String.join(", ", wrong) + ". " + formulaHint(wrong);
    }

    /** @return the formulas of the contract for the wrong blocks */
    static String formulaHint(List<String> wrong) {
        if (wrong.containsAll(List.of("dU", "dW", "db_a", "ds_prev")) && !wrong.contains("dV")) {
            return "dV and db_y are right, so dz is wrong: dz = (Vᵀ dz_o + ds_next) ⊙ g1'(z_t) with"
                    + " z_t = U x_t + W s_{t−1} + b_a.";
        }
        List<String> f = new ArrayList<>();
        for (String w : wrong) {
            f.add(switch (w) {
                case "dU" -> "dU = dz x_tᵀ";
                case "dW" -> "dW = dz s_{t−1}ᵀ";
                case "dV" -> "dV = dz_o s_tᵀ";
                case "db_a" -> "db_a = dz";
                case "db_y" -> "db_y = dz_o";
                case "ds_prev" -> "ds_prev = Wᵀ dz";
                default -> w;
            });
        }
        return "The contract: " + String.join(", ", f)
                + ", with ds = Vᵀ dz_o + ds_next and dz = ds ⊙ g1'(z_t).";
    }

    static List<String> wrongBlocks(List<SimpleMatrix> right, List<SimpleMatrix> got) {
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < right.size(); i++) {
            if (!same(right.get(i), got.get(i))) {
                wrong.add(CELL_BLOCKS.get(i));
            }
        }
        return wrong;
    }

    // ------------------------------------------------------------------ helpers

    /** @return true when both are equal up to rounding (relative distance ≤ {@link #MATCH}) */
    static boolean same(SimpleMatrix a, SimpleMatrix b) {
        return distance(a, b) <= MATCH;
    }

    static boolean same(List<SimpleMatrix> a, List<SimpleMatrix> b) {
        for (int i = 0; i < a.size(); i++) {
            if (!same(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** @return ‖a − b‖ / max(‖a‖ + ‖b‖, FLOOR), 1 when shapes differ or a value is missing or not finite */
    static double distance(SimpleMatrix a, SimpleMatrix b) {
        if (a == null || b == null || a.getNumRows() != b.getNumRows() || a.getNumCols() != b.getNumCols()) {
            return 1;
        }
        double diff = 0, na = 0, nb = 0;
        for (int r = 0; r < a.getNumRows(); r++) {
            for (int c = 0; c < a.getNumCols(); c++) {
                double x = a.get(r, c), y = b.get(r, c);
                diff += (x - y) * (x - y);
                na += x * x;
                nb += y * y;
            }
        }
        double d = Math.sqrt(diff) / Math.max(Math.sqrt(na) + Math.sqrt(nb), FLOOR);
        return Double.isFinite(d) ? d : 1;
    }

    /** @return the largest block distance between two gradients */
    static double distance(RnnGradients a, RnnGradients b) {
        double worst = 0;
        for (int i = 0; i < 5; i++) {
            worst = Math.max(worst, distance(a.blocks().get(i), b.blocks().get(i)));
        }
        return worst;
    }

    static SimpleMatrix map(SimpleMatrix a, DoubleUnaryOperator f) {
        SimpleMatrix out = new SimpleMatrix(a.getNumRows(), a.getNumCols());
        for (int r = 0; r < a.getNumRows(); r++) {
            for (int c = 0; c < a.getNumCols(); c++) {
                out.set(r, c, f.applyAsDouble(a.get(r, c)));
            }
        }
        return out;
    }

    /** @return o − onehot(y) */
    static SimpleMatrix dLogits(SimpleMatrix o, int y) {
        SimpleMatrix d = o.copy();
        d.set(y, 0, d.get(y, 0) - 1);
        return d;
    }

    // ------------------------------------------------------------------ arguments

    /** @return a deep copy of the parameters */
    static RnnParameters copy(RnnParameters p) {
        return p.copy();
    }

    static List<SimpleMatrix> copyAll(List<SimpleMatrix> xs) {
        List<SimpleMatrix> out = new ArrayList<>();
        for (SimpleMatrix x : xs) {
            out.add(x.copy());
        }
        return out;
    }

    /**
     * Fails unless {@code after} equals {@code before} (a deep copy taken before the call) exactly.
     *
     * @param method   e.g. "RnnCell.backward"
     * @param argument e.g. "ds_next" or "params.W"
     */
    static void unchanged(String method, String argument, SimpleMatrix before, SimpleMatrix after) {
        MatrixArguments.unchanged(method, argument, before, after, " Return a new matrix instead.",
                " The caller still needs " + argument
                        + (method.startsWith("RnnCell") ? " (Rnn calls the cell again with it)" : "")
                        + ": compute into a new matrix instead of updating it in place (no set(…),"
                        + " no CommonOps_DDRM on its getDDRM()).");
    }

    /** Fails when {@code result} is the very object {@code argumentObject} (visible only in-process). */
    static void notTheArgument(String method, String resultName, Object result, String argument, Object argumentObject) {
        if (result != null && result == argumentObject) {
            throw new CheckFailure("Your " + method + " returned its argument " + argument + " itself as " + resultName
                    + ". The caller owns " + argument + " and may change it later, which would silently change your"
                    + " result too: return a new matrix (e.g. " + argument + ".copy()).");
        }
    }

    // ------------------------------------------------------------------ comparisons with lazy hints

    /** @return true when every entry of {@code actual} is within {@code tol} of {@code expected} (same shape) */
    static boolean within(SimpleMatrix expected, SimpleMatrix actual, org.rnnautograder.fixtures.Tolerance tol) {
        if (actual == null || actual.getNumRows() != expected.getNumRows()
                || actual.getNumCols() != expected.getNumCols()) {
            return false;
        }
        for (int r = 0; r < expected.getNumRows(); r++) {
            for (int c = 0; c < expected.getNumCols(); c++) {
                if (!tol.accepts(expected.get(r, c), actual.get(r, c))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** {@link Expect#close} whose hint is only computed when the values differ. */
    static void close(String where, String context, SimpleMatrix expected, SimpleMatrix actual,
            org.rnnautograder.fixtures.Tolerance tol, java.util.function.Supplier<String> hint) {
        if (!within(expected, actual, tol)) {
            Expect.close(where, context, expected, actual, tol, hint.get());
        }
    }
}
