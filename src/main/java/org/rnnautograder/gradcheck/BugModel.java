package org.rnnautograder.gradcheck;

import java.util.List;
import org.ejml.simple.SimpleMatrix;
import org.rnnautograder.assignment.ActivationKind;
import org.rnnautograder.assignment.RnnGradients;

/**
 * Typical BPTT mistakes, each computed from the correct implementation ({@link ReferenceRnn}) so that
 * {@link BpttDoctor} can match a student's gradients against them. Each has a one-line explanation in
 * the notation of the notes.
 */
public enum BugModel {
    /** ds = Vᵀ dz_o, without + ds_next. */
    DS_NEXT_DROPPED("dU, dW and db_a miss the gradient that flows into s_t from step t+1 (ds_next):"
            + " ds = Vᵀ dz_o instead of Vᵀ dz_o + ds_next"),
    /** Only step T's contribution (a loop that runs once, or = instead of +=). */
    LAST_STEP_ONLY("the gradients are not summed over time: only the last step's (t = T) contribution is kept"),
    /** Only step 1's contribution, with ds_next flowing correctly (= instead of += while walking backwards). */
    FIRST_STEP_ONLY("the gradients are not summed over time: each step overwrites the sum (= instead of +="
            + " while walking t = T … 1), so only step t = 1's contribution is left"),
    /** dW += dz s_tᵀ. */
    S_T_FOR_S_PREV("dW uses s_t where s_{t−1} belongs: dW += dz s_tᵀ instead of dz s_{t−1}ᵀ"),
    /** dz = ds. */
    G1_PRIME_MISSING("g1'(z_t) is missing: dz = ds instead of ds ⊙ g1'(z_t)"),
    /** tanh'(z) written as 1 − z². */
    TANH_PRIME_OF_Z("tanh' is written as 1 − z_t² instead of 1 − s_t² (= 1 − tanh(z_t)²)"),
    /** dW transposed. */
    DW_TRANSPOSED("dW is transposed: s_{t−1} dzᵀ instead of dz s_{t−1}ᵀ"),
    /** Every gradient negated. */
    SIGN_FLIPPED("every gradient has the wrong sign (−∂L/∂θ), e.g. dz_o = y_t − o_t instead of o_t − y_t"),
    /** Every gradient divided by T. */
    AVERAGED_OVER_T("the gradients are averaged over time (divided by T), but L = Σ_t −ln o_t[y_t] is summed,"
            + " not averaged"),
    /** Every gradient divided by m. */
    DIVIDED_BY_M("the gradients are divided by the vocabulary size m"),
    /** Every gradient multiplied by one constant c (reported). */
    SCALED("every gradient is the correct one times a constant factor c"),
    /** dz_o = o_t. */
    MISSING_MINUS_Y("dL/dlogits misses the −y_t: dz_o = o_t instead of o_t − y_t"),
    /** db_a, db_y from step T only. */
    BIAS_NOT_SUMMED("db_a and db_y are not summed over time: only the last step's dz and dz_o are kept"),
    /** ds_next ← W dz. */
    W_FOR_W_TRANSPOSE("ds_prev uses W where Wᵀ belongs: ds_next ← W dz instead of Wᵀ dz");

    /** The factor {@link #inject} uses for {@link #SCALED}. */
    public static final double SCALED_INJECTION_FACTOR = 0.5;

    private final String explanation;

    BugModel(String explanation) {
        this.explanation = explanation;
    }

    /** @return one line, in the notation of the notes, saying what this mistake does */
    public String explanation() {
        return explanation;
    }

    /** @return true for the models that are the correct gradient times a constant */
    public boolean isScaling() {
        return this == SIGN_FLIPPED || this == AVERAGED_OVER_T || this == DIVIDED_BY_M || this == SCALED;
    }

    /**
     * @return the constant of a scaling model on {@code problem} (−1, 1/T, 1/m), {@link #SCALED_INJECTION_FACTOR}
     *         for SCALED, NaN for the others
     */
    public double factor(RnnProblem problem) {
        return switch (this) {
            case SIGN_FLIPPED -> -1;
            case AVERAGED_OVER_T -> 1.0 / problem.T();
            case DIVIDED_BY_M -> 1.0 / problem.m();
            case SCALED -> SCALED_INJECTION_FACTOR;
            default -> Double.NaN;
        };
    }

    /**
     * @return true when this mistake changes the gradient of {@code problem} at all (e.g. dropping ds_next
     *         changes nothing when T = 1; 1 − z² is a tanh mistake)
     */
    public boolean appliesTo(RnnProblem problem) {
        return switch (this) {
            case TANH_PRIME_OF_Z -> problem.g1() == ActivationKind.TANH;
            case DS_NEXT_DROPPED, LAST_STEP_ONLY, FIRST_STEP_ONLY, AVERAGED_OVER_T, BIAS_NOT_SUMMED,
                    W_FOR_W_TRANSPOSE -> problem.T() >= 2;
            case DIVIDED_BY_M -> problem.m() >= 2;
            default -> true;
        };
    }

    /**
     * The gradients a backward pass with this mistake returns on {@code problem}.
     *
     * @param problem the problem; not modified
     * @return new matrices
     */
    public RnnGradients inject(RnnProblem problem) {
        BpttVariant c = BpttVariant.CORRECT;
        return switch (this) {
            case DS_NEXT_DROPPED -> ReferenceRnn.backward(problem, c.withDropDsNext());
            case LAST_STEP_ONLY -> ReferenceRnn.backward(problem, c.withSteps(BpttVariant.Steps.LAST_ONLY));
            case FIRST_STEP_ONLY -> ReferenceRnn.backward(problem, c.withSteps(BpttVariant.Steps.FIRST_ONLY));
            case S_T_FOR_S_PREV -> ReferenceRnn.backward(problem, c.withSTForSPrev());
            case G1_PRIME_MISSING -> ReferenceRnn.backward(problem, c.withDerivative(BpttVariant.Derivative.NONE));
            case TANH_PRIME_OF_Z -> ReferenceRnn.backward(problem,
                    c.withDerivative(BpttVariant.Derivative.TANH_OF_Z));
            case MISSING_MINUS_Y -> ReferenceRnn.backward(problem, c.withMissingMinusY());
            case BIAS_NOT_SUMMED -> ReferenceRnn.backward(problem, c.withBiasLastOnly());
            case W_FOR_W_TRANSPOSE -> ReferenceRnn.backward(problem, c.withWNotTransposed());
            case DW_TRANSPOSED -> {
                RnnGradients g = ReferenceRnn.gradients(problem);
                yield new RnnGradients(g.dU(), g.dW().transpose(), g.dV(), g.db_a(), g.db_y());
            }
            case SIGN_FLIPPED, AVERAGED_OVER_T, DIVIDED_BY_M, SCALED -> scale(ReferenceRnn.gradients(problem),
                    factor(problem));
        };
    }

    /** @return new gradients c·g, block by block */
    static RnnGradients scale(RnnGradients g, double c) {
        List<SimpleMatrix> b = g.blocks();
        return new RnnGradients(b.get(0).scale(c), b.get(1).scale(c), b.get(2).scale(c), b.get(3).scale(c),
                b.get(4).scale(c));
    }
}
