package org.rnnautograder.suite;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;
import org.rnnautograder.assignment.ActivationKind;
import org.rnnautograder.assignment.CompletionConfig;
import org.rnnautograder.assignment.LanguageModel;
import org.rnnautograder.assignment.RnnParameters;
import org.rnnautograder.assignment.TrainingConfig;
import org.rnnautograder.assignment.TrainingPair;
import org.rnnautograder.assignment.TrainingResult;
import org.rnnautograder.assignment.Vocabulary;
import org.rnnautograder.corpus.Corpus;
import org.rnnautograder.fixtures.FixtureCase;
import org.rnnautograder.fixtures.FixtureFile;
import org.rnnautograder.fixtures.FixtureFiles;
import org.rnnautograder.fixtures.Tolerance;
import org.rnnautograder.fixtures.TableVocabulary;
import org.rnnautograder.i18n.Messages;

/**
 * LanguageModel: input/label pairs, the training loop, completion.
 *
 * <p>The student's model always gets a vocabulary built by the suite ({@link TableVocabulary}, the contract's
 * documented behaviour), and sentences tokenised by the suite (code points), so a bug in the student's
 * Vocabulary or Tokenizer costs points there, not here. {@code train} and {@code complete} necessarily use the
 * student's OneHot, Rnn/RnnCell, CrossEntropy and Sgd; their failure messages say so.
 */
public class LanguageModelChecks extends ComponentChecks {
    private static final FixtureFile FIXTURES = FixtureFiles.bundled("LanguageModel");

    /** @return the end of train's hints: train runs the student's other parts, whose bugs show up here too */
    static String upstreamTrain() {
        return Messages.text("lm.hint.upstream-train");
    }

    /** @return the end of complete's hints: complete runs the student's other parts */
    static String upstreamComplete() {
        return Messages.text("lm.hint.upstream-complete");
    }

    private static String fixture(FixtureCase c) {
        return Messages.text("common.fixture", c.name());
    }

    // ------------------------------------------------------------------ trainingPairs

    @Test
    @Check(id = "lm.pairs.fixtures", points = 2)
    void pairsFixtures() {
        LanguageModel lm = student().languageModel();
        for (FixtureCase c : FIXTURES.forMethod("trainingPairs")) {
            Vocabulary v = new TableVocabulary(c.input("vocabulary", new TypeReference<List<String>>() {}));
            List<List<String>> sentences = c.input("sentences", new TypeReference<List<List<String>>>() {});
            int window = c.input("window", Integer.class);
            List<TrainingPair> want = c.expected("pairs", new TypeReference<List<TrainingPair>>() {});
            List<TrainingPair> got = lm.trainingPairs(v, mutableCopy(sentences), window);
            comparePairs(v, sentences, window, want, got, fixture(c));
        }
    }

    @Test
    @Check(id = "lm.pairs.property", points = 1)
    void pairsProperty() {
        LanguageModel lm = student().languageModel();
        Property.forAll(Messages.text("lm.property.pairs"), seed("lm.pairs"), 30,
                LanguageModelChecks::randomCorpusCase,
                in -> Messages.text("lm.shape.corpus", in.window, in.sentences.size(),
                        in.sentences.stream().map(List::size).toList()),
                in -> {
                    Vocabulary v = contractVocabulary(in.sentences, in.minCount);
                    comparePairs(v, in.sentences, in.window, expectedPairs(v, in.sentences, in.window, Bug.NONE),
                            lm.trainingPairs(v, mutableCopy(in.sentences), in.window),
                            Messages.text("lm.where.random-corpus", in.sentences));
                });
    }

    // ------------------------------------------------------------------ complete

    @Test
    @Check(id = "lm.complete.fixtures", points = 1)
    void completeFixtures() {
        LanguageModel lm = student().languageModel();
        for (FixtureCase c : FIXTURES.forMethod("complete")) {
            Vocabulary v = new TableVocabulary(c.input("vocabulary", new TypeReference<List<String>>() {}));
            RnnParameters params = c.input("params", RnnParameters.class);
            ActivationKind g1 = c.input("g1", ActivationKind.class);
            List<String> prefix = c.input("prefix", new TypeReference<List<String>>() {});
            CompletionConfig config = new CompletionConfig(c.input("maxNewTokens", Integer.class),
                    c.input("temperature", Double.class), c.input("seed", Long.class));
            List<String> want = c.expected("tokens", new TypeReference<List<String>>() {});
            List<String> got = lm.complete(v, params.copy(), g1, new ArrayList<>(prefix), config);
            compareCompletion(prefix, config, want, got, fixture(c));
        }
    }

    @Test
    @Check(id = "lm.complete.seeded", points = 1)
    void completeSeeded() {
        LanguageModel lm = student().languageModel();
        Property.forAll(Messages.text("lm.property.seeded"), seed("lm.seeded"), 12,
                (r, size) -> {
                    int k = 2 + r.nextInt(size + 2);
                    List<String> words = new ArrayList<>();
                    for (int i = 0; i < k; i++) {
                        words.add("w" + i);
                    }
                    Vocabulary v = contractVocabulary(List.of(words), 1);
                    RnnParameters p = randomModel(v.size(), 2 + r.nextInt(size + 2), r);
                    return new Object[] {v, p, 0.5 + 1.5 * r.nextDouble(), r.nextLong(), r.nextLong()};
                },
                in -> "m=" + ((RnnParameters) in[1]).m() + ", n=" + ((RnnParameters) in[1]).n() + ", τ="
                        + Expect.fmt((Double) in[2]),
                in -> {
                    Vocabulary v = (Vocabulary) in[0];
                    RnnParameters p = (RnnParameters) in[1];
                    double tau = (Double) in[2];
                    long a = (Long) in[3], b = (Long) in[4];
                    CompletionConfig sample = new CompletionConfig(15, tau, a);
                    List<String> first = lm.complete(v, p.copy(), ActivationKind.TANH, new ArrayList<>(), sample);
                    List<String> second = lm.complete(v, p.copy(), ActivationKind.TANH, new ArrayList<>(), sample);
                    Expect.equal(Messages.text("lm.where.called-twice", a, Expect.fmt(tau)),
                            Messages.text("lm.where.second-call"), first, second, Messages.text("lm.hint.same-seed"));
                    List<String> greedyA = lm.complete(v, p.copy(), ActivationKind.TANH, new ArrayList<>(),
                            new CompletionConfig(15, 0, a));
                    List<String> greedyB = lm.complete(v, p.copy(), ActivationKind.TANH, new ArrayList<>(),
                            new CompletionConfig(15, 0, b));
                    Expect.equal(Messages.text("lm.where.greedy-seed", b), Messages.text("lm.where.compared-seed", a),
                            greedyA, greedyB, Messages.text("lm.hint.greedy-no-seed"));
                });
    }

    // ------------------------------------------------------------------ train

    @Test
    @Check(id = "lm.train.loss-falls", points = 1)
    void lossFalls() {
        LanguageModel lm = student().languageModel();
        List<List<String>> corpus = pickSentences(new Random(seed("lm.loss")), 5);
        Vocabulary v = contractVocabulary(corpus, 1);
        TrainingConfig config = new TrainingConfig(16, 40, 0.1, 5.0, 16, seed("lm.loss.init"), ActivationKind.TANH);
        String context = describe(corpus, config);
        TrainingResult result = lm.train(v, mutableCopy(corpus), config);
        Expect.that(result != null, Messages.text("lm.fail.returned-null", "LanguageModel.train", context),
                Messages.text("lm.hint.return-result"));
        double[] h = result.lossHistory();
        Evidence.record("loss", h); // plotted in the feedback: the student's own training curve
        int windows = expectedPairs(v, corpus, config.window(), Bug.NONE).size();
        Expect.that(h.length == config.epochs(),
                Messages.text("lm.fail.history-length", h.length, config.epochs(), context),
                h.length == config.epochs() * windows ? Messages.text("lm.hint.history-per-window")
                        : Messages.text("lm.hint.history-per-epoch"));
        for (int e = 0; e < h.length; e++) {
            Expect.that(Double.isFinite(h[e]), Messages.text("lm.fail.history-not-finite", e, h[e], context),
                    Messages.text("lm.hint.diverged", upstreamTrain()));
        }
        double lnM = Math.log(v.size());
        Expect.that(h[0] < 3 * lnM, Messages.text("lm.fail.first-loss", Expect.fmt(h[0]), Expect.fmt(lnM), context),
                Messages.text("lm.hint.mean-loss", countTargets(corpus)));
        double first = h[0], last = h[h.length - 1];
        String hint;
        if (last > first) {
            hint = Messages.text("lm.hint.loss-rose", upstreamTrain());
        } else if (Math.abs(last - first) <= 1e-12 * Math.abs(first)) {
            hint = Messages.text("lm.hint.loss-unchanged", upstreamTrain());
        } else {
            hint = Messages.text("lm.hint.loss-slow", upstreamTrain());
        }
        Expect.that(last <= first / 2,
                Messages.text("lm.fail.loss-not-halved", Expect.fmt(first), Expect.fmt(last), h.length, context), hint);
    }

    @Test
    @Check(id = "lm.train.memorises", points = 1)
    void memorises() {
        LanguageModel lm = student().languageModel();
        Random r = new Random(seed("lm.memorise"));
        // one English and one Chinese sentence: no long shared stretches the model would have to tell apart
        List<String> english = Corpus.bundled(Corpus.ENGLISH).sentences(), chinese = Corpus.bundled(Corpus.CHINESE).sentences();
        List<List<String>> corpus = List.of(codePoints(english.get(r.nextInt(english.size()))),
                codePoints(chinese.get(r.nextInt(chinese.size()))));
        Vocabulary v = contractVocabulary(corpus, 1);
        int longest = corpus.stream().mapToInt(List::size).max().orElse(0);
        // window ≥ longest + 1: every sentence is one window, so each starts from <start> and s_0 = 0
        TrainingConfig config = new TrainingConfig(24, 120, 0.1, 5.0, longest + 1, seed("lm.memorise.init"),
                ActivationKind.TANH);
        String context = describe(corpus, config);
        TrainingResult result = lm.train(v, mutableCopy(corpus), config);
        Expect.that(result != null && result.params() != null, Messages.text("lm.fail.train-no-params", context),
                Messages.text("lm.hint.return-result"));
        for (List<String> sentence : corpus) {
            List<String> prefix = sentence.subList(0, uniquePrefix(sentence, corpus));
            List<String> got = lm.complete(v, result.params(), ActivationKind.TANH, new ArrayList<>(prefix),
                    CompletionConfig.greedy(sentence.size() + 5));
            if (!sentence.equals(got)) {
                String hint;
                if (got != null && got.size() > sentence.size() && got.subList(0, sentence.size()).equals(sentence)) {
                    hint = Messages.text("lm.hint.did-not-stop");
                } else {
                    hint = Messages.text("lm.hint.memorise", upstreamTrain());
                }
                Expect.fail(Messages.text("lm.fail.not-memorised", context, String.join("", prefix),
                        got == null ? null : String.join("", got), String.join("", sentence), hint));
            }
        }
    }

    @Test
    @Check(id = "lm.bad-input", points = 1)
    void badInput() {
        LanguageModel lm = student().languageModel();
        Vocabulary v = contractVocabulary(List.of(List.of("a", "b")), 1);
        Expect.throwsClearly("LanguageModel.train", Messages.text("lm.where.empty-corpus"),
                () -> lm.train(v, new ArrayList<>(), new TrainingConfig(4, 2, 0.1, 0, 8, 1, ActivationKind.TANH)),
                Messages.text("lm.hint.empty-corpus"), IllegalArgumentException.class);
    }

    @Test
    @Check(id = "lm.inputs-untouched", points = 1)
    void inputsUntouched() {
        LanguageModel lm = student().languageModel();
        List<List<String>> corpus = List.of(List.of("a", "b", "c"), List.of(), List.of("c", "a"));
        Vocabulary v = contractVocabulary(corpus, 1);
        List<List<String>> sentences = mutableCopy(corpus);
        lm.trainingPairs(v, sentences, 2);
        Expect.equal(Messages.text("lm.where.argument", "LanguageModel.trainingPairs", "sentences"),
                Messages.text("common.after-the-call"), corpus, sentences,
                Messages.text("lm.hint.sentences-modified", "trainingPairs"));
        lm.train(v, sentences, new TrainingConfig(4, 2, 0.1, 1.0, 2, 3, ActivationKind.TANH));
        Expect.equal(Messages.text("lm.where.argument", "LanguageModel.train", "sentences"),
                Messages.text("common.after-the-call"), corpus, sentences, Messages.text("lm.hint.sentences-modified", "train"));
        RnnParameters params = randomModel(v.size(), 4, new Random(seed("lm.untouched")));
        params.b_y().set(Vocabulary.END_ID, 0, -30); // never <end>: maxNewTokens tokens are appended
        RnnParameters before = params.copy();
        for (int max : new int[] {4, 0}) {
            List<String> prefix = new ArrayList<>(List.of("a", "zebra"));
            List<String> got = lm.complete(v, params, ActivationKind.TANH, prefix, CompletionConfig.greedy(max));
            Expect.equal(Messages.text("lm.where.argument", "LanguageModel.complete", "prefix"),
                    Messages.text("lm.where.max-after-call", max), List.of("a", "zebra"), prefix,
                    Messages.text("lm.hint.prefix-modified"));
            Expect.that(got != prefix, Messages.text("lm.fail.prefix-returned", max),
                    Messages.text("lm.hint.new-prefix-list"));
            for (int b = 0; b < 5; b++) {
                Expect.close(Messages.text("lm.where.argument-block", "LanguageModel.complete", "params",
                                RnnParameters.BLOCKS.get(b)),
                        Messages.text("common.after-the-call"), before.blocks().get(b), params.blocks().get(b), Tolerance.EXACT,
                        Messages.text("lm.hint.params-modified"));
            }
        }
    }

    @Test
    @Check(id = "lm.reference", points = 1, needsReference = true)
    void agreesWithReference() {
        LanguageModel ref = reference().languageModel();
        LanguageModel lm = student().languageModel();
        Property.forAll(Messages.text("lm.property.reference-pairs"), seed("lm.reference.pairs"), 10,
                LanguageModelChecks::randomCorpusCase,
                in -> Messages.text("lm.shape.corpus-size", in.window, in.sentences.size()),
                in -> {
                    Vocabulary v = contractVocabulary(in.sentences, in.minCount);
                    comparePairs(v, in.sentences, in.window, ref.trainingPairs(v, in.sentences, in.window),
                            lm.trainingPairs(v, mutableCopy(in.sentences), in.window),
                            Messages.text("lm.where.random-corpus", in.sentences));
                });
        Random r = new Random(seed("lm.reference.train"));
        ActivationKind[] kinds = {ActivationKind.TANH, ActivationKind.RELU};
        double[] clips = {1.0, 0.0};
        for (int k = 0; k < 2; k++) {
            List<List<String>> corpus = pickSentences(r, 3);
            Vocabulary v = contractVocabulary(corpus, 1);
            TrainingConfig config = new TrainingConfig(8, 2, 0.1, clips[k], 10, r.nextLong(), kinds[k]);
            // The loop of the notes over the student's OWN OneHot, Rnn, CrossEntropy and Sgd: a bug in one of those
            // is graded in its own component, and this check grades only what LanguageModel.train itself does.
            double[] want = trainWithOwnParts(v, corpus, config);
            TrainingResult result = lm.train(v, mutableCopy(corpus), config);
            Expect.that(result != null, Messages.text("lm.fail.train-null"), Messages.text("lm.hint.return-result"));
            double[] got = result.lossHistory();
            String context = describe(corpus, config);
            Expect.that(got.length == want.length,
                    Messages.text("lm.fail.history-length-reference", got.length, want.length, context), null);
            int targets = countTargets(corpus), windows = expectedPairs(v, corpus, config.window(), Bug.NONE).size();
            for (int e = 0; e < want.length; e++) {
                if (!LOSS_TOLERANCE.accepts(want[e], got[e])) {
                    String hint;
                    if (e == 0 && LOSS_TOLERANCE.accepts(want[0] * targets, got[0])) {
                        hint = Messages.text("lm.hint.summed-loss", targets);
                    } else if (e == 0 && LOSS_TOLERANCE.accepts(want[0] * targets / windows, got[0])) {
                        hint = Messages.text("lm.hint.mean-per-window", targets, windows);
                    } else if (e == 0) {
                        hint = Messages.text("lm.hint.first-epoch");
                    } else {
                        hint = Messages.text("lm.hint.later-epoch");
                    }
                    Expect.fail(Messages.text("lm.fail.history-entry", e, e + 1, context, Expect.fmt(want[e]),
                            Expect.fmt(got[e]), hint));
                }
            }
        }
    }

    /**
     * The training loop of the notes, run by the grader over the student's own components (their calls cross to the
     * sandbox in grading mode): θ_0 = initialize(m, n, seed); per epoch, per pair of the contract's trainingPairs in
     * order: one-hot, forward from s_0 = 0, summed loss, BPTT, clip by global norm if clipNorm &gt; 0, SGD step.
     *
     * @return the mean loss per target of each epoch, as {@link TrainingResult#lossHistory()} defines it
     */
    static double[] trainWithOwnParts(Vocabulary v, List<List<String>> corpus, TrainingConfig c) {
        org.rnnautograder.assignment.Submission s = student();
        org.rnnautograder.assignment.OneHot oneHot = s.oneHot();
        org.rnnautograder.assignment.Rnn rnn = s.rnn(c.g1());
        org.rnnautograder.assignment.CrossEntropy crossEntropy = s.crossEntropy();
        org.rnnautograder.assignment.Sgd sgd = s.sgd();
        List<TrainingPair> pairs = expectedPairs(v, corpus, c.window(), Bug.NONE);
        int targets = pairs.stream().mapToInt(TrainingPair::length).sum();
        RnnParameters params = RnnParameters.initialize(v.size(), c.hiddenSize(), c.seed());
        double[] history = new double[c.epochs()];
        for (int e = 0; e < c.epochs(); e++) {
            double total = 0;
            for (TrainingPair pair : pairs) {
                List<SimpleMatrix> xs = oneHot.encodeSequence(pair.inputs(), v.size());
                org.rnnautograder.assignment.RnnTrace trace = rnn.forward(params, xs);
                total += crossEntropy.sequenceLoss(trace.outputs(), pair.targets());
                org.rnnautograder.assignment.RnnGradients g = rnn.backward(params, xs, trace, pair.targets());
                if (c.clipNorm() > 0) {
                    g = sgd.clipByGlobalNorm(g, c.clipNorm());
                }
                params = sgd.step(params, g, c.learningRate());
            }
            history[e] = total / targets;
        }
        return history;
    }

    /**
     * The student's training does the same arithmetic as the grader's loop in a possibly different order (matrix products,
     * softmax, norms): each rounding is ~1e-16 relative, and over 3 epochs of a few dozen small updates they stay
     * tiny — a correct model that rounds every update differently (two half steps) drifts by at most 4e-16 relative
     * over 100 seeds — while a real difference (another initialisation, pair order, averaging, a missing clip or
     * update) changes the mean loss by about 1e-3 or more. 1e-6 sits far from both.
     */
    static final Tolerance LOSS_TOLERANCE = new Tolerance(1e-9, 1e-6);

    // ------------------------------------------------------------------ pairs: expected values and diagnosis

    /** Ways to build pairs: the contract's and the typical student bugs, for the diagnosis. */
    enum Bug {
        NONE, NOT_SHIFTED, NO_START, EMPTY_SKIPPED, LAST_PIECE_DROPPED, OVERLAPPING, ACROSS_SENTENCES, NOT_CUT
    }

    static List<TrainingPair> expectedPairs(Vocabulary v, List<List<String>> sentences, int window, Bug bug) {
        List<TrainingPair> out = new ArrayList<>();
        if (bug == Bug.ACROSS_SENTENCES) {
            List<Integer> all = new ArrayList<>();
            for (List<String> s : sentences) {
                for (int id : v.encode(s)) {
                    all.add(id);
                }
            }
            int[] ids = all.stream().mapToInt(Integer::intValue).toArray();
            cut(out, ids, 0, ids.length - 1, window, bug);
            return out;
        }
        for (List<String> s : sentences) {
            int[] ids = v.encode(s);
            if (bug == Bug.EMPTY_SKIPPED && s.isEmpty()) {
                continue;
            }
            cut(out, ids, bug == Bug.NO_START ? 1 : 0, ids.length - 1, window, bug);
        }
        return out;
    }

    private static void cut(List<TrainingPair> out, int[] ids, int start, int steps, int window, Bug bug) {
        int stride = bug == Bug.OVERLAPPING ? Math.max(1, window - 1) : window;
        if (bug == Bug.NOT_CUT) {
            window = Integer.MAX_VALUE / 2;
            stride = window;
        }
        for (int from = start; from < steps; from += stride) {
            int to = Math.min(steps, from + window);
            if (bug == Bug.LAST_PIECE_DROPPED && to - from < window && from > start) {
                break;
            }
            int[] in = Arrays.copyOfRange(ids, from, to);
            int[] target = bug == Bug.NOT_SHIFTED ? in.clone() : Arrays.copyOfRange(ids, from + 1, to + 1);
            out.add(new TrainingPair(in, target));
            if (bug == Bug.OVERLAPPING && to == steps) {
                break;
            }
        }
    }

    private static void comparePairs(Vocabulary v, List<List<String>> sentences, int window, List<TrainingPair> want,
            List<TrainingPair> got, String context) {
        String where = "LanguageModel.trainingPairs(…, window = " + window + ")";
        Expect.that(got != null, Messages.text("lm.fail.returned-null", where, context),
                Messages.text("lm.hint.new-pairs-list"));
        if (want.equals(got)) {
            return;
        }
        String hint = pairsHint(v, sentences, window, got);
        if (want.size() != got.size()) {
            Expect.fail(Messages.text("lm.fail.pair-count", where, context, want.size(), show(want), got.size(), show(got),
                    hint));
        }
        for (int i = 0; i < want.size(); i++) {
            if (!want.get(i).equals(got.get(i))) {
                Expect.fail(Messages.text("lm.fail.pair", where, context, i, show(want.get(i)), show(got.get(i)), hint));
            }
        }
    }

    private static String pairsHint(Vocabulary v, List<List<String>> sentences, int window, List<TrainingPair> got) {
        Map<Bug, String> hints = new LinkedHashMap<>();
        hints.put(Bug.NOT_SHIFTED, Messages.text("lm.hint.pairs.not-shifted"));
        hints.put(Bug.EMPTY_SKIPPED, Messages.text("lm.hint.pairs.empty-skipped"));
        hints.put(Bug.NO_START, Messages.text("lm.hint.pairs.no-start"));
        hints.put(Bug.LAST_PIECE_DROPPED, Messages.text("lm.hint.pairs.last-dropped"));
        hints.put(Bug.OVERLAPPING, Messages.text("lm.hint.pairs.overlapping"));
        hints.put(Bug.ACROSS_SENTENCES, Messages.text("lm.hint.pairs.across-sentences"));
        hints.put(Bug.NOT_CUT, Messages.text("lm.hint.pairs.not-cut"));
        for (Map.Entry<Bug, String> e : hints.entrySet()) {
            List<TrainingPair> model = expectedPairs(v, sentences, window, e.getKey());
            if (model.equals(got) && !model.equals(expectedPairs(v, sentences, window, Bug.NONE))) {
                return e.getValue();
            }
        }
        for (TrainingPair p : got) {
            if (p.length() > window) {
                return Messages.text("lm.hint.pairs.too-long", p.length(), window);
            }
            if (Arrays.equals(p.inputs(), p.targets())) {
                return hints.get(Bug.NOT_SHIFTED);
            }
            int[] in = p.inputs();
            if (in[in.length - 1] == Vocabulary.END_ID) {
                return Messages.text("lm.hint.pairs.end-input");
            }
        }
        return Messages.text("lm.hint.pairs.general");
    }

    private static String show(List<TrainingPair> pairs) {
        List<String> parts = pairs.stream().map(LanguageModelChecks::show).toList();
        return parts.size() > 12 ? Messages.text("lm.show.more-pairs", parts.subList(0, 12), parts.size())
                : parts.toString();
    }

    private static String show(TrainingPair p) {
        return Arrays.toString(p.inputs()) + " → " + Arrays.toString(p.targets());
    }

    // ------------------------------------------------------------------ completion diagnosis

    private static void compareCompletion(List<String> prefix, CompletionConfig config, List<String> want,
            List<String> got, String context) {
        String where = config.isGreedy()
                ? Messages.text("lm.where.complete-greedy", prefix, config.maxNewTokens())
                : Messages.text("lm.where.complete-sampled", prefix, config.maxNewTokens(),
                        Expect.fmt(config.temperature()), config.seed());
        Expect.that(got != null, Messages.text("lm.fail.returned-null", where, context),
                Messages.text("lm.hint.new-completion-list"));
        if (want.equals(got)) {
            return;
        }
        String hint;
        boolean endedAtEnd = want.size() - prefix.size() < config.maxNewTokens();
        if (got.size() < prefix.size() || !got.subList(0, prefix.size()).equals(prefix)) {
            hint = got.contains(Vocabulary.START) ? Messages.text("lm.hint.start-in-result")
                    : Messages.text("lm.hint.prefix-as-given");
        } else if (got.contains(Vocabulary.END) || got.contains(Vocabulary.START)) {
            hint = Messages.text("lm.hint.end-in-result");
        } else if (got.size() - prefix.size() > config.maxNewTokens()) {
            int extra = got.size() - prefix.size();
            hint = extra == 1 ? Messages.text("lm.hint.one-too-many", extra, config.maxNewTokens())
                    : Messages.text("lm.hint.too-many", extra, config.maxNewTokens());
        } else if (config.isGreedy() && got.size() < want.size() && want.subList(0, got.size()).equals(got)) {
            hint = Messages.text("lm.hint.stopped-early", got.size() - prefix.size(), config.maxNewTokens());
        } else if (config.isGreedy() && got.size() > want.size() && got.subList(0, want.size()).equals(want) && endedAtEnd) {
            hint = Messages.text("lm.hint.went-on");
        } else {
            int first = prefix.size();
            while (first < Math.min(got.size(), want.size()) && got.get(first).equals(want.get(first))) {
                first++;
            }
            String how;
            if (!config.isGreedy()) {
                how = Messages.text("lm.hint.sampling", upstreamComplete());
            } else if (first == prefix.size()) {
                how = Messages.text("lm.hint.greedy-start", upstreamComplete());
            } else {
                how = Messages.text("lm.hint.greedy-carry", upstreamComplete());
            }
            hint = Messages.text("lm.hint.first-wrong", first - prefix.size() + 1, how);
        }
        Expect.fail(Messages.text("lm.fail.completion", where, context, want, got, hint));
    }

    // ------------------------------------------------------------------ inputs

    /** A random corpus (tokens from a small alphabet, some sentences empty) with a window and a minCount. */
    record CorpusCase(List<List<String>> sentences, int window, int minCount) {}

    static CorpusCase randomCorpusCase(Random r, int size) {
        List<String> alphabet = List.of("a", "b", "c", "d", "猫", "狗", "😀", "the", "on");
        List<List<String>> sentences = new ArrayList<>();
        int count = 1 + r.nextInt(Math.min(size, 6) + 1);
        for (int i = 0; i < count; i++) {
            List<String> s = new ArrayList<>();
            int k = r.nextInt(2 * size + 2);
            for (int j = 0; j < k; j++) {
                s.add(alphabet.get(r.nextInt(alphabet.size())));
            }
            sentences.add(s);
        }
        return new CorpusCase(sentences, 1 + r.nextInt(size + 3), 1 + r.nextInt(2));
    }

    /** Sentences from the bundled English and Chinese corpus, tokenised by code point by the suite. */
    static List<List<String>> pickSentences(Random r, int count) {
        List<String> all = new ArrayList<>(Corpus.bundledDefault().sentences());
        Collections.shuffle(all, r);
        return all.subList(0, count).stream().map(LanguageModelChecks::codePoints).toList();
    }

    static List<String> codePoints(String s) {
        return s.codePoints().mapToObj(Character::toString).toList();
    }

    /** @return the length of the shortest prefix of {@code sentence} that no other sentence starts with (≥ 1) */
    static int uniquePrefix(List<String> sentence, List<List<String>> corpus) {
        for (int p = 1; p < sentence.size(); p++) {
            List<String> prefix = sentence.subList(0, p);
            boolean unique = true;
            for (List<String> other : corpus) {
                if (other != sentence && other.size() >= p && other.subList(0, p).equals(prefix)) {
                    unique = false;
                }
            }
            if (unique) {
                return p;
            }
        }
        return Math.max(1, sentence.size());
    }

    private static int countTargets(List<List<String>> corpus) {
        return corpus.stream().mapToInt(s -> s.size() + 1).sum();
    }

    private static String describe(List<List<String>> corpus, TrainingConfig c) {
        List<String> text = corpus.stream().map(s -> "\"" + String.join("", s) + "\"").toList();
        return Messages.text("lm.where.training", text, c.hiddenSize(), c.epochs(), Expect.fmt(c.learningRate()),
                Expect.fmt(c.clipNorm()), c.window(), c.seed(), c.g1());
    }

    static List<List<String>> mutableCopy(List<List<String>> sentences) {
        List<List<String>> out = new ArrayList<>();
        for (List<String> s : sentences) {
            out.add(new ArrayList<>(s));
        }
        return out;
    }

    /** Random θ where <start> and <unk> are practically never chosen. */
    static RnnParameters randomModel(int m, int n, Random r) {
        SimpleMatrix[] b = {new SimpleMatrix(n, m), new SimpleMatrix(n, n), new SimpleMatrix(m, n), new SimpleMatrix(n, 1),
            new SimpleMatrix(m, 1)};
        double[] scale = {1.5, 1.0, 2.0, 0.3, 0.5};
        for (int k = 0; k < 5; k++) {
            for (int i = 0; i < b[k].getNumElements(); i++) {
                b[k].set(i, (2 * r.nextDouble() - 1) * scale[k]);
            }
        }
        b[4].set(Vocabulary.START_ID, 0, -30);
        b[4].set(Vocabulary.UNK_ID, 0, -30);
        b[4].set(Vocabulary.END_ID, 0, -1);
        return new RnnParameters(b[0], b[1], b[2], b[3], b[4]);
    }

    /**
     * The vocabulary the suite hands to the student's model, built the contract's way: reserved ids, then tokens
     * seen ≥ minCount times by first appearance. It is a {@link TableVocabulary} (exactly the contract's documented
     * behaviour), which in grading mode crosses to the sandbox as its table of tokens.
     */
    static TableVocabulary contractVocabulary(List<List<String>> sentences, int minCount) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (List<String> s : sentences) {
            for (String t : s) {
                counts.merge(t, 1, Integer::sum);
            }
        }
        List<String> tokens = new ArrayList<>(List.of(Vocabulary.START, Vocabulary.END, Vocabulary.UNK));
        counts.forEach((t, n) -> {
            if (n >= minCount && !tokens.contains(t)) {
                tokens.add(t);
            }
        });
        return new TableVocabulary(tokens);
    }
}
