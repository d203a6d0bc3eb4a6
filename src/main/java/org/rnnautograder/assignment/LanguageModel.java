package org.rnnautograder.assignment;

import java.util.List;

/**
 * The next-token model of the notes ("传入一个单词或字符来完成一个句子"): prepare input/label pairs,
 * train with BPTT and SGD, and complete a sentence from a prefix.
 */
public interface LanguageModel {
    /**
     * Input/label pairs ("准备输入和标签对"). For each sentence, in order: ids = vocabulary.encode(sentence)
     * = [<start>, w_1, …, w_k, <end>]; inputs = ids[0 … k], targets = ids[1 … k+1] (the inputs shifted by
     * one). When k + 1 &gt; window, the pair is cut into consecutive pieces of {@code window} inputs (the
     * last may be shorter), in order. An empty sentence gives the single pair [<start>] → [<end>].
     *
     * @param vocabulary the dictionary; not modified
     * @param sentences  tokenised sentences; not modified
     * @param window     the longest T, ≥ 1
     * @return a new list of pairs
     */
    List<TrainingPair> trainingPairs(Vocabulary vocabulary, List<List<String>> sentences, int window);

    /**
     * Trains from θ_0 = {@link RnnParameters#initialize}(vocabulary.size(), n, seed). For each epoch, for
     * each pair of {@link #trainingPairs} in order: x = one-hot inputs; forward from s_0 = 0; L = summed
     * cross-entropy; BPTT; clip by global norm if {@code clipNorm > 0}; θ ← θ − η ∂L/∂θ.
     *
     * @param vocabulary the dictionary; not modified
     * @param sentences  tokenised sentences, at least one; not modified
     * @param config     the settings
     * @return the trained parameters and the loss per epoch (see {@link TrainingResult})
     * @throws IllegalArgumentException for an empty corpus
     */
    TrainingResult train(Vocabulary vocabulary, List<List<String>> sentences, TrainingConfig config);

    /**
     * Completes a sentence. From s_0 = 0, feed x = onehot(<start>), then each prefix token's id (unknown
     * tokens as <unk>). Then repeat: choose the next id from the last o_t; stop if it is <end> or
     * {@code maxNewTokens} ids have been generated; otherwise append it and feed it.
     *
     * <p>Choosing: greedy takes argmax o_t (ties → lowest id). Sampling with temperature τ &gt; 0 uses
     * p_i = o_t[i]^(1/τ) / Σ_j o_t[j]^(1/τ), draws r = random.nextDouble() from one
     * {@code new java.util.Random(seed)} per call, and takes the smallest i with r &lt; p_0 + … + p_i
     * (the last i with p_i &gt; 0 if rounding leaves none).
     *
     * @param vocabulary the dictionary; not modified
     * @param params     θ; not modified
     * @param g1         the hidden activation θ was trained with
     * @param prefix     the tokens to continue, possibly empty; not modified
     * @param config     greedy or sampling, and the length limit
     * @return a new list: the prefix tokens as given, then the generated tokens (without <start> / <end>)
     */
    List<String> complete(Vocabulary vocabulary, RnnParameters params, ActivationKind g1, List<String> prefix,
            CompletionConfig config);
}
