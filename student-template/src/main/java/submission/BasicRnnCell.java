package submission;

import org.ejml.simple.SimpleMatrix;
import org.rnnautograder.assignment.Activation;
import org.rnnautograder.assignment.CellGradients;
import org.rnnautograder.assignment.CellOutput;
import org.rnnautograder.assignment.CrossEntropy;
import org.rnnautograder.assignment.NotImplementedYetException;
import org.rnnautograder.assignment.RnnCell;
import org.rnnautograder.assignment.RnnParameters;

/**
 * One time step of the basic RNN (基础循环网络), with θ = (U, W, V, b_a, b_y) from {@link RnnParameters}:
 * <pre>
 *   z_t = U x_t + W s_{t−1} + b_a        U n×m, W n×n, b_a n×1
 *   s_t = g1(z_t)                        n×1
 *   o_t = softmax(V s_t + b_y)           V m×n, b_y m×1, o_t m×1
 * </pre>
 * EJML: {@code A.mult(B)} is the matrix product, {@code A.plus(B)}, {@code A.transpose()},
 * {@code A.elementMult(B)} is ⊙; all of them return new matrices. {@code Shapes.requireColumn} gives
 * clear messages for wrong shapes.
 */
public final class BasicRnnCell implements RnnCell {
    private final Activation g1;
    private final CrossEntropy g2 = new SoftmaxCrossEntropy();

    /** @param g1 the hidden activation (tanh or relu) */
    public BasicRnnCell(Activation g1) {
        this.g1 = g1;
    }

    /**
     * s_t = g1(U x_t + W s_{t−1} + b_a), o_t = softmax(V s_t + b_y).
     *
     * @return new (s_t, o_t)
     */
    @Override
    public CellOutput forward(RnnParameters params, SimpleMatrix x_t, SimpleMatrix s_prev) {
        // TODO: use g1.value(...) and g2.softmax(...)
        throw new NotImplementedYetException("RnnCell.forward");
    }

    /**
     * The backward step of BPTT ("按照图中的顺序计算"), with dz_o = dLogits = o_t − y_t given:
     * <pre>
     *   dV      = dz_o s_tᵀ                  db_y = dz_o
     *   ds      = Vᵀ dz_o + ds_next          (this step's loss + everything from step t+1)
     *   dz      = ds ⊙ g1'(z_t)              z_t = U x_t + W s_{t−1} + b_a (recompute it; pass z, not s_t)
     *   dU      = dz x_tᵀ     dW = dz s_{t−1}ᵀ     db_a = dz
     *   ds_prev = Wᵀ dz                      (becomes ds_next of step t−1)
     * </pre>
     * Common bugs the grader recognises: forgetting ds_next, using s_t where s_{t−1} belongs, missing
     * g1', transposing dW.
     *
     * @return this step's gradients (new matrices) and ds_prev
     */
    @Override
    public CellGradients backward(RnnParameters params, SimpleMatrix x_t, SimpleMatrix s_prev, SimpleMatrix s_t,
            SimpleMatrix dLogits, SimpleMatrix ds_next) {
        // TODO: return new CellGradients(new RnnGradients(dU, dW, dV, db_a, db_y), ds_prev)
        throw new NotImplementedYetException("RnnCell.backward");
    }
}
