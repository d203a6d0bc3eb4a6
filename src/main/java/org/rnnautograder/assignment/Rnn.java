package org.rnnautograder.assignment;

import java.util.List;
import org.ejml.simple.SimpleMatrix;

/**
 * The RNN unrolled over a sequence, with g1 fixed when it is built ({@link Submission#rnn(ActivationKind)}).
 * The parameters are shared by every time step ("所有单元的参数共享，W，U，V").
 */
public interface Rnn {
    /**
     * Runs the cell over x_1 … x_T starting from s_0 = 0:
     * s_t = g1(U x_t + W s_{t−1} + b_a), o_t = softmax(V s_t + b_y) for t = 1 … T.
     *
     * @param params θ; not modified
     * @param xs     x_1 … x_T, each m×1, T ≥ 1; not modified
     * @return a new trace holding s_0 … s_T and o_1 … o_T
     * @throws IllegalArgumentException if xs is empty or an x_t has the wrong shape
     */
    RnnTrace forward(RnnParameters params, List<SimpleMatrix> xs);

    /**
     * Backpropagation through time (BPTT) for L = Σ_t −ln o_t[y_t]. Walk t = T, T−1, …, 1 with
     * ds_next = 0 at t = T; at each step dz_o = o_t − onehot(y_t), take the cell's backward step, add its
     * gradients into the running sums, and pass its ds_prev back as the next ds_next:
     * <pre>
     *   ∂L/∂θ = Σ_{t=1..T} (step t's gradient)        summed over time, not averaged
     * </pre>
     *
     * @param params  θ; not modified
     * @param xs      x_1 … x_T; not modified
     * @param trace   the result of {@link #forward} on the same params and xs; not modified
     * @param targets y_1 … y_T, the ids of the correct next tokens; not modified
     * @return the summed gradients, new matrices
     */
    RnnGradients backward(RnnParameters params, List<SimpleMatrix> xs, RnnTrace trace, int[] targets);
}
