package org.rnnautograder.suite;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;
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
import submission.RnnSubmission;

/**
 * A submission that delegates every component to a base submission (usually the reference) except those a test
 * replaces, e.g. {@code SubmissionWrapper.ofReference().with(buggyCrossEntropy)}. Each {@code with…} changes this
 * wrapper and returns it. Replacements given as functions of the wrapper itself (RnnCell, Rnn) see the other
 * replaced components, as a student's Rnn calls the student's own RnnCell.
 */
final class SubmissionWrapper implements Submission {
    private final Submission base;
    private Function<TokenizerKind, Tokenizer> tokenizer;
    private BiFunction<List<List<String>>, Integer, Vocabulary> vocabulary;
    private OneHot oneHot;
    private Function<ActivationKind, Activation> activation;
    private CrossEntropy crossEntropy;
    private BiFunction<Submission, ActivationKind, RnnCell> rnnCell;
    private BiFunction<Submission, ActivationKind, Rnn> rnn;
    private Sgd sgd;
    private LanguageModel languageModel;

    private SubmissionWrapper(Submission base) {
        this.base = base;
    }

    static SubmissionWrapper of(Submission base) {
        return new SubmissionWrapper(base);
    }

    /** @return a wrapper of a fresh reference solution */
    static SubmissionWrapper ofReference() {
        return of(new RnnSubmission());
    }

    /** The base's tokenizer of {@code kind} changed by {@code change}; other kinds unchanged. */
    SubmissionWrapper withTokenizer(TokenizerKind kind, UnaryOperator<Tokenizer> change) {
        tokenizer = k -> k == kind ? change.apply(base.tokenizer(k)) : base.tokenizer(k);
        return this;
    }

    /** {@code t} for every tokenizer kind. */
    SubmissionWrapper with(Tokenizer t) {
        tokenizer = k -> t;
        return this;
    }

    /** Vocabularies built by {@code build(sentences, minCount)}. */
    SubmissionWrapper withVocabulary(BiFunction<List<List<String>>, Integer, Vocabulary> build) {
        vocabulary = build;
        return this;
    }

    SubmissionWrapper with(OneHot o) {
        oneHot = o;
        return this;
    }

    /** The base's activation of {@code kind} changed by {@code change}; the other kind unchanged. */
    SubmissionWrapper withActivation(ActivationKind kind, UnaryOperator<Activation> change) {
        activation = k -> k == kind ? change.apply(base.activation(k)) : base.activation(k);
        return this;
    }

    /** {@code a} for every activation kind. */
    SubmissionWrapper with(Activation a) {
        activation = k -> a;
        return this;
    }

    SubmissionWrapper with(CrossEntropy ce) {
        crossEntropy = ce;
        return this;
    }

    /** The base's cross-entropy changed by {@code change}. */
    SubmissionWrapper withCrossEntropy(UnaryOperator<CrossEntropy> change) {
        crossEntropy = change.apply(base.crossEntropy());
        return this;
    }

    /** Cells made by {@code make(this wrapper, g1)}. */
    SubmissionWrapper withRnnCell(BiFunction<Submission, ActivationKind, RnnCell> make) {
        rnnCell = make;
        return this;
    }

    /** RNNs made by {@code make(this wrapper, g1)}. */
    SubmissionWrapper withRnn(BiFunction<Submission, ActivationKind, Rnn> make) {
        rnn = make;
        return this;
    }

    SubmissionWrapper with(Sgd s) {
        sgd = s;
        return this;
    }

    SubmissionWrapper with(LanguageModel lm) {
        languageModel = lm;
        return this;
    }

    @Override
    public Tokenizer tokenizer(TokenizerKind kind) {
        return tokenizer == null ? base.tokenizer(kind) : tokenizer.apply(kind);
    }

    @Override
    public Vocabulary vocabulary(List<List<String>> sentences, int minCount) {
        return vocabulary == null ? base.vocabulary(sentences, minCount) : vocabulary.apply(sentences, minCount);
    }

    @Override
    public OneHot oneHot() {
        return oneHot == null ? base.oneHot() : oneHot;
    }

    @Override
    public Activation activation(ActivationKind kind) {
        return activation == null ? base.activation(kind) : activation.apply(kind);
    }

    @Override
    public CrossEntropy crossEntropy() {
        return crossEntropy == null ? base.crossEntropy() : crossEntropy;
    }

    @Override
    public RnnCell rnnCell(ActivationKind g1) {
        return rnnCell == null ? base.rnnCell(g1) : rnnCell.apply(this, g1);
    }

    @Override
    public Rnn rnn(ActivationKind g1) {
        return rnn == null ? base.rnn(g1) : rnn.apply(this, g1);
    }

    @Override
    public Sgd sgd() {
        return sgd == null ? base.sgd() : sgd;
    }

    @Override
    public LanguageModel languageModel() {
        return languageModel == null ? base.languageModel() : languageModel;
    }
}
