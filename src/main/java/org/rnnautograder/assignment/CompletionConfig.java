package org.rnnautograder.assignment;

/**
 * How {@link LanguageModel#complete} chooses each next token. Given code.
 *
 * @param maxNewTokens stop after this many generated tokens, ≥ 0 (generation also stops at {@code <end>})
 * @param temperature  0 for greedy (argmax, ties → lowest id); &gt; 0 to sample from p_i ∝ o_t[i]^(1/temperature)
 * @param seed         the seed of the {@link java.util.Random} used for sampling (one generator per call)
 */
public record CompletionConfig(int maxNewTokens, double temperature, long seed) {
    public CompletionConfig {
        if (maxNewTokens < 0) {
            throw new IllegalArgumentException("maxNewTokens must be ≥ 0, but was " + maxNewTokens);
        }
        if (!(temperature >= 0) || !Double.isFinite(temperature)) {
            throw new IllegalArgumentException("temperature must be ≥ 0 (0 = greedy), but was " + temperature);
        }
    }

    /** @return greedy decoding of at most {@code maxNewTokens} tokens */
    public static CompletionConfig greedy(int maxNewTokens) {
        return new CompletionConfig(maxNewTokens, 0, 0);
    }

    /** @return true when decoding is greedy (temperature 0) */
    public boolean isGreedy() {
        return temperature == 0;
    }
}
