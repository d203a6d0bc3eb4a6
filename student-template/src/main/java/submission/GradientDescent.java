package submission;

import org.rnnautograder.assignment.NotImplementedYetException;
import org.rnnautograder.assignment.RnnGradients;
import org.rnnautograder.assignment.RnnParameters;
import org.rnnautograder.assignment.Sgd;

/**
 * Gradient descent, θ' = θ − η ∂L/∂θ, and the two remedies for exploding gradients (梯度爆炸).
 * {@link RnnParameters#blocks()}, {@link RnnGradients#blocks()} and the matching {@code ofBlocks}
 * factories let you treat the five blocks in one loop.
 */
public final class GradientDescent implements Sgd {
    /**
     * θ' = θ − η g for each of U, W, V, b_a, b_y. With η = 0 the result equals θ (but is a new object).
     *
     * @return new parameters; params and grads unchanged
     */
    @Override
    public RnnParameters step(RnnParameters params, RnnGradients grads, double learningRate) {
        throw new NotImplementedYetException("Sgd.step");
    }

    /**
     * ‖g‖ = sqrt(Σ over all five blocks and all entries of g²) (hint: {@code normF()} per block, squared).
     * If ‖g‖ &gt; maxNorm, scale every block by maxNorm / ‖g‖; otherwise return a copy. The direction
     * never changes.
     */
    @Override
    public RnnGradients clipByGlobalNorm(RnnGradients grads, double maxNorm) {
        throw new NotImplementedYetException("Sgd.clipByGlobalNorm");
    }

    /** Every entry becomes min(maxValue, max(−maxValue, g)). */
    @Override
    public RnnGradients clipByValue(RnnGradients grads, double maxValue) {
        throw new NotImplementedYetException("Sgd.clipByValue");
    }
}
