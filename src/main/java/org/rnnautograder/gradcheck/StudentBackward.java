package org.rnnautograder.gradcheck;

import java.util.List;
import org.ejml.simple.SimpleMatrix;
import org.rnnautograder.assignment.RnnGradients;
import org.rnnautograder.assignment.RnnParameters;

/**
 * A black-box backward pass under diagnosis: the student's own forward followed by their BPTT, e.g.
 * {@code (p, xs, ys) -> rnn.backward(p, xs, rnn.forward(p, xs), ys)}. It may throw anything; the
 * {@link BpttDoctor} reports that instead of a cause.
 */
@FunctionalInterface
public interface StudentBackward {
    /**
     * @param params  θ; a defensive copy
     * @param xs      x_1 … x_T (a prefix of the problem's inputs); defensive copies
     * @param targets y_1 … y_T; a defensive copy
     * @return ∂L/∂θ for L = Σ_t −ln o_t[y_t]
     * @throws Exception anything; it is caught and reported
     */
    RnnGradients backward(RnnParameters params, List<SimpleMatrix> xs, int[] targets) throws Exception;
}
