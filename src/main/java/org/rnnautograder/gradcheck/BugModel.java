package org.rnnautograder.gradcheck;

import java.util.List;
import org.ejml.simple.SimpleMatrix;
import org.rnnautograder.assignment.ActivationKind;
import org.rnnautograder.assignment.RnnGradients;
import org.rnnautograder.i18n.Messages;

/**
 * Typical BPTT mistakes, each computed from the correct implementation ({@link ReferenceRnn}) so that
 * {@link BpttDoctor} can match a student's gradients against them. Each has a one-line explanation in
 * the notation of the notes, from the message catalogue ({@code doctor.cause.*}, English and Chinese).
 */
public enum BugModel {
    /** ds = Vᵀ dz_o, without + ds_next. */
    DS_NEXT_DROPPED,
    /** Only step T's contribution (a loop that runs once, or = instead of +=). */
    LAST_STEP_ONLY,
    /** Only step 1's contribution, with ds_next flowing correctly (= instead of += while walking backwards). */
    FIRST_STEP_ONLY,
    /** dW += dz s_tᵀ. */
    S_T_FOR_S_PREV,
    /** dz = ds. */
    G1_PRIME_MISSING,
    /** tanh'(z) written as 1 − z². */
    TANH_PRIME_OF_Z,
    /** dW transposed. */
    DW_TRANSPOSED,
    /** Every gradient negated. */
    SIGN_FLIPPED,
    /** Every gradient divided by T. */
    AVERAGED_OVER_T,
    /** Every gradient divided by m. */
    DIVIDED_BY_M,
    /** Every gradient multiplied by one constant c (reported). */
    SCALED,
    /** dz_o = o_t. */
    MISSING_MINUS_Y,
    /** db_a, db_y from step T only. */
    BIAS_NOT_SUMMED,
    /** ds_next ← W dz. */
    W_FOR_W_TRANSPOSE;

    /** The factor {@link #inject} uses for {@link #SCALED}. */
    public static final double SCALED_INJECTION_FACTOR = 0.5;

    /**
     * @return one line, in the notation of the notes and the current {@link Messages#language()}, saying what
     *         this mistake does
     */
    public String explanation() {
        return switch (this) {
            case DS_NEXT_DROPPED -> Messages.text("doctor.cause.ds-next-dropped");
            case LAST_STEP_ONLY -> Messages.text("doctor.cause.last-step-only");
            case FIRST_STEP_ONLY -> Messages.text("doctor.cause.first-step-only");
            case S_T_FOR_S_PREV -> Messages.text("doctor.cause.s-t-for-s-prev");
            case G1_PRIME_MISSING -> Messages.text("doctor.cause.g1-prime-missing");
            case TANH_PRIME_OF_Z -> Messages.text("doctor.cause.tanh-prime-of-z");
            case DW_TRANSPOSED -> Messages.text("doctor.cause.dw-transposed");
            case SIGN_FLIPPED -> Messages.text("doctor.cause.sign-flipped");
            case AVERAGED_OVER_T -> Messages.text("doctor.cause.averaged-over-t");
            case DIVIDED_BY_M -> Messages.text("doctor.cause.divided-by-m");
            case SCALED -> Messages.text("doctor.cause.scaled");
            case MISSING_MINUS_Y -> Messages.text("doctor.cause.missing-minus-y");
            case BIAS_NOT_SUMMED -> Messages.text("doctor.cause.bias-not-summed");
            case W_FOR_W_TRANSPOSE -> Messages.text("doctor.cause.w-for-w-transpose");
        };
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
