package org.rnnautograder.assignment;

/**
 * Settings of {@link LanguageModel#train}. Given code.
 *
 * @param hiddenSize   n ≥ 1
 * @param epochs       passes over the corpus, ≥ 1
 * @param learningRate η &gt; 0
 * @param clipNorm     clip each window's gradient to this global norm before the step; 0 turns clipping off
 * @param window       longest training sequence T; longer sentences are cut into windows of at most this many inputs
 * @param seed         the seed of {@link RnnParameters#initialize}
 * @param g1           the hidden activation
 */
public record TrainingConfig(int hiddenSize, int epochs, double learningRate, double clipNorm, int window, long seed,
        ActivationKind g1) {
    public TrainingConfig {
        if (hiddenSize < 1) {
            throw new IllegalArgumentException("hiddenSize n must be ≥ 1, but was " + hiddenSize);
        }
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be ≥ 1, but was " + epochs);
        }
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("learningRate must be a finite number > 0, but was " + learningRate);
        }
        if (!(clipNorm >= 0) || !Double.isFinite(clipNorm)) {
            throw new IllegalArgumentException("clipNorm must be ≥ 0 (0 = no clipping), but was " + clipNorm);
        }
        if (window < 1) {
            throw new IllegalArgumentException("window must be ≥ 1, but was " + window);
        }
        if (g1 == null) {
            throw new NullPointerException("g1 must not be null");
        }
    }
}
