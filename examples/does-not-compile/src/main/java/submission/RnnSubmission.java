package submission;

import java.util.List;
import org.rnnautograder.assignment.Activation;
import org.rnnautograder.assignment.ActivationKind;
import org.rnnautograder.assignment.CrossEntropy;
import org.rnnautograder.assignment.LanguageModel;
import org.rnnautograder.assignment.OneHot;
import org.rnnautograder.assignment.Rnn;
import org.rnnautograder.assignment.RnnCell;
import org.rnnautograder.assignment.Sgd;
import org.rnnautograder.assignment.Submission;
import org.rnnautograder.assignment.Tokenizer;
import org.rnnautograder.assignment.TokenizerKind;
import org.rnnautograder.assignment.Vocabulary;

/** The entry point: registered in META-INF/services/org.rnnautograder.assignment.Submission. */
public final class RnnSubmission implements Submission {
    @Override
    public Tokenizer tokenizer(TokenizerKind kind) {
        return switch (kind) {
            case CODE_POINT -> new CodePointTokenizer();
            case WORD -> new WordTokenizer();
        };
    }

    @Override
    public Vocabulary vocabulary(List<List<String>> sentences, int minCount) {
        return new MapVocabulary(sentences, minCount);
    }

    @Override
    public OneHot oneHot() {
        return new OneHotEncoder();
    }

    @Override
    public Activation activation(ActivationKind kind) {
        return switch (kind) {
            case TANH -> new Tanh();
            case RELU -> new Relu();
        };
    }

    @Override
    public CrossEntropy crossEntropy() {
        return new SoftmaxCrossEntropy();
    }

    @Override
    public RnnCell rnnCell(ActivationKind g1) {
        return new BasicRnnCell(activation(g1));
    }

    @Override
    public Rnn rnn(ActivationKind g1) {
        return new BasicRnn(rnnCell(g1));
    }

    @Override
    public Sgd sgd() {
        return new GradientDescent();
    }

    @Override
    public LanguageModel languageModel() {
        return new CharLanguageModel(this);
    }
}
