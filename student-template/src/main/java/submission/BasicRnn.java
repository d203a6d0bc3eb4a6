package submission;

import java.util.List;
import org.ejml.simple.SimpleMatrix;
import org.rnnautograder.assignment.CrossEntropy;
import org.rnnautograder.assignment.NotImplementedYetException;
import org.rnnautograder.assignment.Rnn;
import org.rnnautograder.assignment.RnnCell;
import org.rnnautograder.assignment.RnnGradients;
import org.rnnautograder.assignment.RnnParameters;
import org.rnnautograder.assignment.RnnTrace;

/**
 * The cell unrolled over time. The parameters are shared by every step ("所有单元的参数共享，W，U，V"), so
 * BPTT adds up every step's gradient.
 */
public final class BasicRnn implements Rnn {
    private final RnnCell cell;
    private final CrossEntropy crossEntropy = new SoftmaxCrossEntropy();

    /** @param cell the time step to unroll */
    public BasicRnn(RnnCell cell) {
        this.cell = cell;
    }

    /**
     * s_0 = 0 (an n×1 zero vector, {@code new SimpleMatrix(params.n(), 1)}); then for t = 1 … T:
     * (s_t, o_t) = cell.forward(params, x_t, s_{t−1}).
     *
     * @return {@code new RnnTrace(states, outputs)} with states s_0 … s_T (T + 1 entries) and outputs
     *         o_1 … o_T (T entries)
     * @throws IllegalArgumentException if xs is empty
     */
    @Override
    public RnnTrace forward(RnnParameters params, List<SimpleMatrix> xs) {
        throw new NotImplementedYetException("Rnn.forward");
    }

    /**
     * BPTT for L = Σ_t −ln o_t[y_t]. Start from zero sums ({@link RnnGradients#zerosLike}) and
     * ds_next = 0; for t = T down to 1:
     * <pre>
     *   dz_o    = o_t − onehot(y_t)                     crossEntropy.gradient(trace.o(t), targets[t − 1])
     *   step    = cell.backward(params, x_t, s_{t−1}, s_t, dz_o, ds_next)
     *   sums   += step.grads()                          every block: dU, dW, dV, db_a, db_y
     *   ds_next = step.ds_prev()
     * </pre>
     * Sum over time; do not average. Mind the indices: {@code trace.s(t)}, {@code trace.o(t)} are 1-based
     * in t, {@code xs.get(t − 1)} and {@code targets[t − 1]} are 0-based.
     *
     * @return the summed gradients, new matrices
     */
    @Override
    public RnnGradients backward(RnnParameters params, List<SimpleMatrix> xs, RnnTrace trace, int[] targets) {
        throw new NotImplementedYetException("Rnn.backward");
    }
}
