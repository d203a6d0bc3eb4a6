package org.rnnautograder.assignment;

import org.ejml.simple.SimpleMatrix;

/**
 * The hidden activation g1, applied entry by entry. Built by {@link Submission#activation(ActivationKind)}.
 *
 * <p>tanh: g1(z) = tanh(z), g1'(z) = 1 − tanh(z)². relu: g1(z) = max(0, z), g1'(z) = 1 for z &gt; 0
 * and 0 for z ≤ 0.
 */
public interface Activation {
    /**
     * @param z any matrix of pre-activations; not modified
     * @return a new matrix of the same shape with g1(z) entry by entry
     */
    SimpleMatrix value(SimpleMatrix z);

    /**
     * @param z any matrix of pre-activations (z, not g1(z)); not modified
     * @return a new matrix of the same shape with g1'(z) entry by entry
     */
    SimpleMatrix derivative(SimpleMatrix z);
}
