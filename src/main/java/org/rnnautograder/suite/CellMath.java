package org.rnnautograder.suite;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BinaryOperator;
import java.util.function.DoubleUnaryOperator;
import org.ejml.simple.SimpleMatrix;
import org.rnnautograder.assignment.ActivationKind;
import org.rnnautograder.assignment.CellGradients;
import org.rnnautograder.assignment.CellOutput;
import org.rnnautograder.assignment.RnnGradients;
import org.rnnautograder.assignment.RnnParameters;
import org.rnnautograder.gradcheck.BugModel;
import org.rnnautograder.i18n.Messages;

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

    /** Typical mistakes of the forward step, each with the sentence a student reads (rnncell.forward-bug.*). */
    enum ForwardBug {
        B_A_MISSING, W_S_PREV_MISSING, X_AS_ONE_HOT, G1_MISSING, OTHER_G1, B_Y_MISSING, NO_SOFTMAX, O_FROM_Z;

        /** @return what this mistake is, in the current language */
        String explanation() {
            return switch (this) {
                case B_A_MISSING -> Messages.text("rnncell.forward-bug.b-a-missing");
                case W_S_PREV_MISSING -> Messages.text("rnncell.forward-bug.w-s-prev-missing");
                case X_AS_ONE_HOT -> Messages.text("rnncell.forward-bug.x-as-one-hot");
                case G1_MISSING -> Messages.text("rnncell.forward-bug.g1-missing");
                case OTHER_G1 -> Messages.text("rnncell.forward-bug.other-g1");
                case B_Y_MISSING -> Messages.text("rnncell.forward-bug.b-y-missing");
                case NO_SOFTMAX -> Messages.text("rnncell.forward-bug.no-softmax");
                case O_FROM_Z -> Messages.text("rnncell.forward-bug.o-from-z");
            };
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
                matches.add(bug.explanation());
            }
        }
        String cause = likelyCause(matches);
        if (cause != null) {
            return cause;
        }
        boolean sRight = s != null && same(right.s_t(), s);
        return sRight ? Messages.text("rnncell.hint.o-wrong") : Messages.text("rnncell.hint.s-wrong");
    }

    /**
     * @return "Most likely cause: …" naming the one matching mistake, or all of them, in the current language;
     *         null when none matches
     */
    static String likelyCause(List<String> matches) {
        if (matches.isEmpty()) {
            return null;
        }
        return matches.size() == 1 ? Messages.text("rnncell.hint.cause", matches.get(0))
                : Messages.text("rnncell.hint.causes",
                        join(matches, (a, b) -> Messages.text("rnncell.list.causes", a, b)));
    }

    /** @return the items joined pairwise by {@code pair} (a list pattern such as "{0}, {1}"), "" if there are none */
    static String join(List<String> items, BinaryOperator<String> pair) {
        return items.stream().reduce(pair).orElse("");
    }

    // ------------------------------------------------------------------ backward

    /**
     * Typical mistakes of the backward step, each with the sentence a student reads (rnncell.backward-bug.*; the
     * mistakes the BPTT doctor also knows use its {@link BugModel} sentence).
     */
    enum BackwardBug {
        DS_NEXT_DROPPED, S_T_FOR_S_PREV, G1_PRIME_OF_S, TANH_PRIME_OF_Z, G1_PRIME_MISSING, RELU_PRIME_AT_ZERO,
        DW_TRANSPOSED, W_FOR_W_TRANSPOSE, DS_PREV_FROM_DS, DV_USES_S_PREV, DU_ONE_HOT, B_A_MISSING_IN_Z, SIGN_FLIPPED;

        /** @return what this mistake is, in the current language */
        String explanation() {
            return switch (this) {
                case DS_NEXT_DROPPED -> Messages.text("rnncell.backward-bug.ds-next-dropped");
                case S_T_FOR_S_PREV -> Messages.text("rnncell.backward-bug.s-t-for-s-prev");
                case G1_PRIME_OF_S -> Messages.text("rnncell.backward-bug.g1-prime-of-s");
                case TANH_PRIME_OF_Z -> BugModel.TANH_PRIME_OF_Z.explanation();
                case G1_PRIME_MISSING -> BugModel.G1_PRIME_MISSING.explanation();
                case RELU_PRIME_AT_ZERO -> Messages.text("rnncell.backward-bug.relu-prime-at-zero");
                case DW_TRANSPOSED -> BugModel.DW_TRANSPOSED.explanation();
                case W_FOR_W_TRANSPOSE -> Messages.text("rnncell.backward-bug.w-for-w-transpose");
                case DS_PREV_FROM_DS -> Messages.text("rnncell.backward-bug.ds-prev-from-ds");
                case DV_USES_S_PREV -> Messages.text("rnncell.backward-bug.dv-uses-s-prev");
                case DU_ONE_HOT -> Messages.text("rnncell.backward-bug.du-one-hot");
                case B_A_MISSING_IN_Z -> Messages.text("rnncell.backward-bug.b-a-missing-in-z");
                case SIGN_FLIPPED -> Messages.text("rnncell.backward-bug.sign-flipped");
            };
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
                matches.add(bug.explanation());
            }
        }
        String cause = likelyCause(matches);
        if (cause != null) {
            return cause;
        }
        List<String> wrong = wrongBlocks(blocks(right), blocks(got));
        return Messages.text("rnncell.hint.wrong-blocks",
                join(wrong, (a, b) -> Messages.text("rnncell.list.names", a, b)), formulaHint(wrong));
    }

    /** @return the formulas of the contract for the wrong blocks */
    static String formulaHint(List<String> wrong) {
        if (wrong.containsAll(List.of("dU", "dW", "db_a", "ds_prev")) && !wrong.contains("dV")) {
            return Messages.text("rnncell.hint.dz-wrong");
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
        return Messages.text("rnncell.hint.contract", join(f, (a, b) -> Messages.text("rnncell.list.formulas", a, b)));
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
        MatrixArguments.unchanged(method, argument, before, after, " " + Messages.text("rnncell.unchanged.shape"),
                " " + (method.startsWith("RnnCell") ? Messages.text("rnncell.unchanged.entry-cell", argument)
                        : Messages.text("rnncell.unchanged.entry", argument)));
    }

    /** Fails when {@code result} is the very object {@code argumentObject} (visible only in-process). */
    static void notTheArgument(String method, String resultName, Object result, String argument, Object argumentObject) {
        if (result != null && result == argumentObject) {
            throw new CheckFailure(Messages.text("rnncell.not-the-argument", method, argument, resultName));
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
