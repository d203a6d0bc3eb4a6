package org.rnnautograder.assignment;

import org.ejml.simple.SimpleMatrix;

/**
 * One time step of the RNN, with the hidden activation g1 fixed when the cell is built
 * ({@link Submission#rnnCell(ActivationKind)}).
 */
public interface RnnCell {
    /**
     * The forward step:
     * <pre>
     *   z_t = U x_t + W s_{t−1} + b_a
     *   s_t = g1(z_t)
     *   o_t = softmax(V s_t + b_y)
     * </pre>
     *
     * @param params θ; not modified
     * @param x_t    the input, m×1 (usually one-hot, but any values must work); not modified
     * @param s_prev s_{t−1}, n×1 (s_0 = 0); not modified
     * @return new (s_t, o_t)
     */
    CellOutput forward(RnnParameters params, SimpleMatrix x_t, SimpleMatrix s_prev);

    /**
     * The backward step. Given dz_o = ∂L_t/∂(V s_t + b_y) (from {@link CrossEntropy#gradient}) and
     * ds_next = ∂L/∂s_t flowing back from step t+1 (zero at the last step):
     * <pre>
     *   dV    = dz_o s_tᵀ                    db_y = dz_o
     *   ds    = Vᵀ dz_o + ds_next
     *   dz    = ds ⊙ g1'(z_t)                with z_t = U x_t + W s_{t−1} + b_a
     *   dU    = dz x_tᵀ      dW = dz s_{t−1}ᵀ      db_a = dz
     *   ds_prev = Wᵀ dz
     * </pre>
     *
     * @param params  θ; not modified
     * @param x_t     the input of this step, m×1; not modified
     * @param s_prev  s_{t−1}, n×1; not modified
     * @param s_t     s_t as computed by {@link #forward}, n×1; not modified
     * @param dLogits dz_o, m×1; not modified
     * @param ds_next ∂L/∂s_t from step t+1, n×1; not modified
     * @return this step's gradients and ds_prev = ∂L/∂s_{t−1}, all new matrices
     */
    CellGradients backward(RnnParameters params, SimpleMatrix x_t, SimpleMatrix s_prev, SimpleMatrix s_t,
            SimpleMatrix dLogits, SimpleMatrix ds_next);
}
