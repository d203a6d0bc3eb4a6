package submission;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.ejml.simple.SimpleMatrix;
import org.rnnautograder.assignment.ActivationKind;
import org.rnnautograder.assignment.CellOutput;
import org.rnnautograder.assignment.CompletionConfig;
import org.rnnautograder.assignment.CrossEntropy;
import org.rnnautograder.assignment.OneHot;
import org.rnnautograder.assignment.Rnn;
import org.rnnautograder.assignment.RnnCell;
import org.rnnautograder.assignment.RnnGradients;
import org.rnnautograder.assignment.RnnParameters;
import org.rnnautograder.assignment.RnnTrace;
import org.rnnautograder.assignment.Sgd;
import org.rnnautograder.assignment.TrainingConfig;
import org.rnnautograder.assignment.TrainingPair;
import org.rnnautograder.assignment.TrainingResult;
import org.rnnautograder.assignment.LanguageModel;
import org.rnnautograder.assignment.Vocabulary;

/** The next-token model: input/label pairs → one-hot → forward → BPTT → clip → SGD, and completion. */
public final class CharLanguageModel implements LanguageModel {
    private final RnnSubmission parts;

    public CharLanguageModel(RnnSubmission parts) {
        this.parts = parts;
    }

    @Override
    public List<TrainingPair> trainingPairs(Vocabulary vocabulary, List<List<String>> sentences, int window) {
        if (window < 1) {
            throw new IllegalArgumentException("window must be ≥ 1, but was " + window);
        }
        List<TrainingPair> pairs = new ArrayList<>();
        for (List<String> sentence : sentences) {
            int[] ids = vocabulary.encode(sentence);          // <start> w_1 … w_k <end>
            int steps = ids.length - 1;                        // k + 1 input/label pairs
            for (int from = 0; from < steps; from += window) {
                int to = Math.min(steps, from + window);
                pairs.add(new TrainingPair(Arrays.copyOfRange(ids, from, to), Arrays.copyOfRange(ids, from + 1, to + 1)));
            }
        }
        return pairs;
    }

    @Override
    public TrainingResult train(Vocabulary vocabulary, List<List<String>> sentences, TrainingConfig config) {
        if (sentences.isEmpty()) {
            throw new IllegalArgumentException("the corpus is empty: need at least one sentence to train on");
        }
        List<TrainingPair> pairs = trainingPairs(vocabulary, sentences, config.window());
        int m = vocabulary.size();
        OneHot oneHot = parts.oneHot();
        CrossEntropy crossEntropy = parts.crossEntropy();
        Rnn rnn = parts.rnn(config.g1());
        Sgd sgd = parts.sgd();
        List<List<SimpleMatrix>> inputs = new ArrayList<>();
        int targetCount = 0;
        for (TrainingPair pair : pairs) {
            inputs.add(oneHot.encodeSequence(pair.inputs(), m));
            targetCount += pair.length();
        }
        RnnParameters params = RnnParameters.initialize(m, config.hiddenSize(), config.seed());
        double[] history = new double[config.epochs()];
        for (int epoch = 0; epoch < config.epochs(); epoch++) {
            double epochLoss = 0;
            for (int i = 0; i < pairs.size(); i++) {
                int[] targets = pairs.get(i).targets();
                RnnTrace trace = rnn.forward(params, inputs.get(i));
                epochLoss += crossEntropy.sequenceLoss(trace.outputs(), targets);
                RnnGradients grads = rnn.backward(params, inputs.get(i), trace, targets);
                if (config.clipNorm() > 0) {
                    grads = sgd.clipByGlobalNorm(grads, config.clipNorm());
                }
                params = sgd.step(params, grads, config.learningRate());
            }
            history[epoch] = epochLoss / targetCount;
        }
        return new TrainingResult(params, history);
    }

    @Override
    public List<String> complete(Vocabulary vocabulary, RnnParameters params, ActivationKind g1, List<String> prefix,
            CompletionConfig config) {
        if (params.m() != vocabulary.size()) {
            throw new IllegalArgumentException("params were trained for a vocabulary of m = " + params.m()
                    + " tokens, but this vocabulary has " + vocabulary.size());
        }
        OneHot oneHot = parts.oneHot();
        RnnCell cell = parts.rnnCell(g1);
        int m = vocabulary.size();
        Random random = new Random(config.seed());
        List<String> out = new ArrayList<>(prefix);
        CellOutput step = cell.forward(params, oneHot.encode(Vocabulary.START_ID, m), new SimpleMatrix(params.n(), 1));
        for (String token : prefix) {
            step = cell.forward(params, oneHot.encode(vocabulary.idOf(token), m), step.s_t());
        }
        for (int generated = 0; generated < config.maxNewTokens(); generated++) {
            int next = config.isGreedy() ? oneHot.decode(step.o_t()) : sample(step.o_t(), config.temperature(), random);
            if (next == Vocabulary.END_ID) {
                break;
            }
            out.add(vocabulary.tokenOf(next));
            step = cell.forward(params, oneHot.encode(next, m), step.s_t());
        }
        return out;
    }

    /** Draws i with p_i ∝ o[i]^(1/τ): the smallest i with r &lt; p_0 + … + p_i. */
    static int sample(SimpleMatrix o, double temperature, Random random) {
        int m = o.getNumRows();
        double[] p = new double[m];
        double max = 0;
        for (int i = 0; i < m; i++) {
            max = Math.max(max, o.get(i, 0));
        }
        double sum = 0;
        for (int i = 0; i < m; i++) {
            // (o_i / max)^(1/τ) avoids underflow for small τ; the common factor cancels in the normalisation
            p[i] = o.get(i, 0) > 0 ? Math.pow(o.get(i, 0) / max, 1 / temperature) : 0;
            sum += p[i];
        }
        double r = random.nextDouble();
        double cumulative = 0;
        int lastPositive = 0;
        for (int i = 0; i < m; i++) {
            if (p[i] > 0) {
                lastPositive = i;
            }
            cumulative += p[i] / sum;
            if (r < cumulative) {
                return i;
            }
        }
        return lastPositive;
    }
}
