package org.rnnautograder.gradcheck;

import java.util.List;
import org.ejml.simple.SimpleMatrix;

/**
 * Tells the checker when a central difference straddles a point where f is not differentiable (a kink,
 * e.g. relu at a pre-activation of 0). The checker asks before each comparison; when the answer is
 * {@code true} the entry is <em>excluded</em> (counted in {@link BlockReport#entriesExcluded()}, never
 * failed), and in directional mode a new direction is drawn.
 *
 * <p>Why a hook and not a built-in test: only the model knows where its kinks are. The generic checker
 * sees a black-box f; the RNN layer ({@link RnnKinkGuard}) computes the pre-activations z_t at both ends
 * of the difference and knows that relu has its kink at z = 0.
 */
@FunctionalInterface
public interface KinkGuard {
    /** The guard of a smooth function: never near a kink. */
    KinkGuard NONE = (minus, plus) -> false;

    /**
     * @param minus θ − ε v, the lower end of the central difference; not modified
     * @param plus  θ + ε v, the upper end; not modified
     * @return true when f has a kink on or near the segment between them, so the difference is meaningless
     */
    boolean nearKink(List<SimpleMatrix> minus, List<SimpleMatrix> plus);
}
