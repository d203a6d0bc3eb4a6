package org.rnnautograder.assignment;

import java.util.List;

/**
 * The single entry point of a submission. Implement it in one public class with a public no-argument
 * constructor and register that class's fully qualified name, alone, in
 * {@code src/main/resources/META-INF/services/org.rnnautograder.assignment.Submission} (the template
 * ships this file filled in). The grader finds it with {@link java.util.ServiceLoader}.
 *
 * <p>Each method returns a new object (or a stateless shared one) implementing one component.
 */
public interface Submission {
    /** @return a tokenizer of the given kind */
    Tokenizer tokenizer(TokenizerKind kind);

    /**
     * Builds the dictionary from a corpus: ids {@code <start>} = 0, {@code <end>} = 1, {@code <unk>} = 2,
     * then tokens by first appearance; tokens seen fewer than {@code minCount} times map to {@code <unk>}.
     *
     * @param sentences tokenised sentences; not modified
     * @param minCount  ≥ 1
     */
    Vocabulary vocabulary(List<List<String>> sentences, int minCount);

    /** @return one-hot encoding and decoding */
    OneHot oneHot();

    /** @return the activation g1 of the given kind */
    Activation activation(ActivationKind kind);

    /** @return softmax and cross-entropy */
    CrossEntropy crossEntropy();

    /** @return one RNN time step using g1 = {@code kind} */
    RnnCell rnnCell(ActivationKind g1);

    /** @return the unrolled RNN (forward over a sequence, BPTT) using g1 = {@code kind} */
    Rnn rnn(ActivationKind g1);

    /** @return gradient descent and clipping */
    Sgd sgd();

    /** @return the next-token language model */
    LanguageModel languageModel();
}
