package org.rnnautograder.assignment;

import java.util.List;
import org.ejml.simple.SimpleMatrix;

/**
 * The softmax output g2 and the cross-entropy loss of the notes ("总误差就是各个时刻词的误差之和").
 */
public interface CrossEntropy {
    /**
     * Numerically stable softmax: o[i] = exp(z[i] − max z) / Σ_j exp(z[j] − max z). Must stay finite
     * and sum to 1 for logits as large as ±1000.
     *
     * @param logits z = V s_t + b_y, m×1; not modified
     * @return a new m×1 vector of probabilities
     */
    SimpleMatrix softmax(SimpleMatrix logits);

    /**
     * @param o      probabilities o_t, m×1; not modified
     * @param target y_t, the id of the correct next token, in 0 … m−1
     * @return L_t = −ln o[target]
     * @throws IllegalArgumentException if target is out of range
     */
    double loss(SimpleMatrix o, int target);

    /**
     * The gradient of L_t with respect to the logits z (for softmax + cross-entropy together):
     * ∂L_t/∂z = o − onehot(target).
     *
     * @param o      probabilities o_t, m×1; not modified
     * @param target y_t
     * @return a new m×1 vector dz_o
     */
    SimpleMatrix gradient(SimpleMatrix o, int target);

    /**
     * @param outputs o_1 … o_T; not modified
     * @param targets y_1 … y_T (same length); not modified
     * @return L = Σ_t −ln o_t[y_t], summed over time, not averaged
     * @throws IllegalArgumentException if the lengths differ, naming both
     */
    double sequenceLoss(List<SimpleMatrix> outputs, int[] targets);
}
