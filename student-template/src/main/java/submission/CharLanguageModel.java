package submission;

import java.util.List;
import org.rnnautograder.assignment.ActivationKind;
import org.rnnautograder.assignment.CompletionConfig;
import org.rnnautograder.assignment.LanguageModel;
import org.rnnautograder.assignment.NotImplementedYetException;
import org.rnnautograder.assignment.RnnParameters;
import org.rnnautograder.assignment.TrainingConfig;
import org.rnnautograder.assignment.TrainingPair;
import org.rnnautograder.assignment.TrainingResult;
import org.rnnautograder.assignment.Vocabulary;

/**
 * The next-token model of the notes ("传入一个单词或字符来完成一个句子"):
 * 创建单词词典 → 准备输入和标签对 → one-hot编码 → 定义模型 → 训练模型 → 评估模型.
 *
 * <p>Build it from your own components: {@code parts.oneHot()}, {@code parts.crossEntropy()},
 * {@code parts.rnn(g1)}, {@code parts.rnnCell(g1)}, {@code parts.sgd()}.
 */
public final class CharLanguageModel implements LanguageModel {
    private final RnnSubmission parts;

    /** @param parts the submission, to get the other components from */
    public CharLanguageModel(RnnSubmission parts) {
        this.parts = parts;
    }

    /**
     * Input/label pairs (准备输入和标签对): for ids = vocabulary.encode(sentence) = [<start>, w_1, …, w_k, <end>],
     * inputs = ids[0 … k] and targets = ids[1 … k+1] (shifted by one). Cut pairs longer than
     * {@code window} into consecutive pieces of {@code window} inputs (the last may be shorter).
     * Example, window 2: [0, 5, 6, 1] → ([0, 5] → [5, 6]), ([6] → [1]).
     */
    @Override
    public List<TrainingPair> trainingPairs(Vocabulary vocabulary, List<List<String>> sentences, int window) {
        throw new NotImplementedYetException("LanguageModel.trainingPairs");
    }

    /**
     * θ_0 = RnnParameters.initialize(vocabulary.size(), config.hiddenSize(), config.seed()). For each epoch,
     * for each pair in order: one-hot the inputs; trace = rnn.forward; add sequenceLoss to the epoch's sum;
     * grads = rnn.backward; if clipNorm &gt; 0, clip by global norm; θ = sgd.step(θ, grads, η).
     * lossHistory[epoch] = (sum of the window losses, each taken before its update) / (number of targets).
     *
     * @throws IllegalArgumentException for an empty corpus
     */
    @Override
    public TrainingResult train(Vocabulary vocabulary, List<List<String>> sentences, TrainingConfig config) {
        throw new NotImplementedYetException("LanguageModel.train");
    }

    /**
     * From s_0 = 0 feed onehot(<start>), then each prefix token (vocabulary.idOf). Then repeat: pick the next
     * id from the last o_t — greedy: argmax (ties → lowest id, {@code OneHot.decode} does that);
     * sampling (temperature τ &gt; 0): p_i ∝ o_t[i]^(1/τ), r = random.nextDouble() from ONE
     * {@code new java.util.Random(config.seed())} per call, take the smallest i with r &lt; p_0 + … + p_i —
     * stop at <end> or after maxNewTokens ids, otherwise append the token and feed it.
     *
     * @return the prefix tokens followed by the generated tokens (no <start> / <end>)
     */
    @Override
    public List<String> complete(Vocabulary vocabulary, RnnParameters params, ActivationKind g1, List<String> prefix,
            CompletionConfig config) {
        throw new NotImplementedYetException("LanguageModel.complete");
    }
}
