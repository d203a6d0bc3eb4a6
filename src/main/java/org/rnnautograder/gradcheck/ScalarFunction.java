package org.rnnautograder.gradcheck;

import java.util.List;
import org.ejml.simple.SimpleMatrix;

/**
 * A scalar function f(θ) of ordered, named parameter blocks θ = (θ_1, …, θ_k), each a matrix. This is
 * what {@link GradientChecker} differentiates numerically.
 *
 * <p>Implementations must not modify the blocks they are given and must be deterministic: the checker
 * evaluates f at θ ± ε e_j and compares (f(θ + ε e_j) − f(θ − ε e_j)) / 2ε with the claimed gradient.
 * Any exception propagates to the caller of the checker unchanged.
 */
@FunctionalInterface
public interface ScalarFunction {
    /**
     * @param blocks θ, in the order of the checker's block names; not modified
     * @return f(θ)
     */
    double value(List<SimpleMatrix> blocks);
}
