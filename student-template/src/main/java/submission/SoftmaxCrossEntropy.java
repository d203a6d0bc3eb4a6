package submission;

import java.util.List;
import org.ejml.simple.SimpleMatrix;
import org.rnnautograder.assignment.CrossEntropy;
import org.rnnautograder.assignment.NotImplementedYetException;

/**
 * The output g2 = softmax and the cross-entropy loss, summed over time
 * ("总误差就是各个时刻词的误差之和"): L = Σ_t −ln o_t[y_t].
 */
public final class SoftmaxCrossEntropy implements CrossEntropy {
    /**
     * o[i] = exp(z[i] − max z) / Σ_j exp(z[j] − max z).
     *
     * <p>Subtract the max first: exp(1000) is infinity, exp(1000 − 1000) is 1. The result is the same
     * (softmax is shift-invariant) and stays finite for logits of ±1000.
     *
     * @return a new m×1 vector that sums to 1
     */
    @Override
    public SimpleMatrix softmax(SimpleMatrix logits) {
        throw new NotImplementedYetException("CrossEntropy.softmax");
    }

    /**
     * @return L_t = −ln o[target]
     * @throws IllegalArgumentException if target is outside 0 … m−1
     */
    @Override
    public double loss(SimpleMatrix o, int target) {
        throw new NotImplementedYetException("CrossEntropy.loss");
    }

    /**
     * dz_o = ∂L_t/∂z = o − onehot(target): a copy of o with 1 subtracted at the target.
     *
     * @return a new m×1 vector (do not change o itself)
     */
    @Override
    public SimpleMatrix gradient(SimpleMatrix o, int target) {
        throw new NotImplementedYetException("CrossEntropy.gradient");
    }

    /**
     * @return L = Σ_t −ln o_t[y_t], summed over time, NOT averaged
     * @throws IllegalArgumentException if outputs and targets differ in length, naming both lengths
     */
    @Override
    public double sequenceLoss(List<SimpleMatrix> outputs, int[] targets) {
        throw new NotImplementedYetException("CrossEntropy.sequenceLoss");
    }
}
