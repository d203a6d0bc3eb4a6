package org.rnnautograder.assignment;

/**
 * Gradient descent and the remedies for exploding gradients ("梯度爆炸": clip the gradient).
 */
public interface Sgd {
    /**
     * One step against the gradient: θ' = θ − η ∂L/∂θ for every block (U, W, V, b_a, b_y).
     *
     * @param params       θ; not modified
     * @param grads        ∂L/∂θ; not modified
     * @param learningRate η ≥ 0
     * @return new parameters θ'
     */
    RnnParameters step(RnnParameters params, RnnGradients grads, double learningRate);

    /**
     * Clipping by global norm. With ‖g‖ = sqrt(Σ over all five blocks and entries of g²):
     * if ‖g‖ &gt; maxNorm, every block is multiplied by maxNorm / ‖g‖; otherwise (including ‖g‖ = maxNorm
     * exactly) the gradient is returned unchanged, as a copy. The direction never changes.
     *
     * @param grads   g; not modified
     * @param maxNorm the bound, &gt; 0
     * @return new gradients with norm ≤ maxNorm
     */
    RnnGradients clipByGlobalNorm(RnnGradients grads, double maxNorm);

    /**
     * Clipping by value: every entry is limited to [−maxValue, maxValue].
     *
     * @param grads    g; not modified
     * @param maxValue the bound, &gt; 0
     * @return new gradients, entry by entry min(maxValue, max(−maxValue, g))
     */
    RnnGradients clipByValue(RnnGradients grads, double maxValue);
}
