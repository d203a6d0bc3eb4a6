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

    static final String UPSTREAM_TRAIN = "LanguageModel.train runs your OneHot, Rnn (forward and BPTT), CrossEntropy"
            + " and Sgd: if any of their checks fail too, fix those first — this check may then pass by itself.";
    static final String UPSTREAM_COMPLETE = "LanguageModel.complete runs your OneHot, RnnCell (or Rnn) and softmax:"
            + " if their checks fail too, fix those first.";

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
            comparePairs(v, sentences, window, want, got, "fixture '" + c.name() + "'");
        }
    }

    @Test
    @Check(id = "lm.pairs.property", points = 1)
    void pairsProperty() {
        LanguageModel lm = student().languageModel();
        Property.forAll("pairs = [<start> w_1 … w_k] → [w_1 … w_k <end>], cut into windows", seed("lm.pairs"), 30,
                LanguageModelChecks::randomCorpusCase,
                in -> "window=" + in.window + ", " + in.sentences.size() + " sentences of lengths "
                        + in.sentences.stream().map(List::size).toList(),
                in -> {
                    Vocabulary v = contractVocabulary(in.sentences, in.minCount);
                    comparePairs(v, in.sentences, in.window, expectedPairs(v, in.sentences, in.window, Bug.NONE),
                            lm.trainingPairs(v, mutableCopy(in.sentences), in.window),
                            "random corpus " + in.sentences);
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
            compareCompletion(prefix, config, want, got, "fixture '" + c.name() + "'");
        }
    }

    @Test
    @Check(id = "lm.complete.seeded", points = 1)
    void completeSeeded() {
        LanguageModel lm = student().languageModel();
        Property.forAll("complete is a function of its arguments (one new Random(seed) per call)", seed("lm.seeded"), 12,
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
                    Expect.equal("LanguageModel.complete, called twice with seed " + a + " and τ = " + Expect.fmt(tau),
                            "the second call", first, second,
                            "The same seed must give the same completion. Create the generator inside complete, one "
                                    + "new java.util.Random(config.seed()) per call — not once in a field or a static"
                                    + " (its state carries over to the next call), and never new Random() without the seed"
                                    + " or Math.random().");
                    List<String> greedyA = lm.complete(v, p.copy(), ActivationKind.TANH, new ArrayList<>(),
                            new CompletionConfig(15, 0, a));
                    List<String> greedyB = lm.complete(v, p.copy(), ActivationKind.TANH, new ArrayList<>(),
                            new CompletionConfig(15, 0, b));
                    Expect.equal("LanguageModel.complete, greedy (temperature 0) with seed " + b, "compared with seed " + a,
                            greedyA, greedyB,
                            "Greedy completion takes argmax o_t (ties → lowest id) and never draws a random number, so"
                                    + " the seed must make no difference.");
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
        Expect.that(result != null, "LanguageModel.train returned null (" + context + ").",
                "Return new TrainingResult(params, lossHistory).");
        double[] h = result.lossHistory();
        Evidence.record("loss", h); // plotted in the feedback: the student's own training curve
        int windows = expectedPairs(v, corpus, config.window(), Bug.NONE).size();
        Expect.that(h.length == config.epochs(), "LanguageModel.train: lossHistory has " + h.length + " entries, but "
                + config.epochs() + " epochs were asked for (" + context + ").",
                h.length == config.epochs() * windows ? "It looks like one entry per window: record one entry per epoch,"
                        + " the mean loss per target over the whole epoch." : "Record one entry per epoch: the mean loss per target of that epoch.");
        for (int e = 0; e < h.length; e++) {
            Expect.that(Double.isFinite(h[e]), "LanguageModel.train: lossHistory[" + e + "] is " + h[e] + " (" + context
                    + ").", "The training diverged or took ln 0. Check that the gradient is clipped to clipNorm before the"
                            + " step, and that the loss uses a numerically stable softmax. " + UPSTREAM_TRAIN);
        }
        double lnM = Math.log(v.size());
        Expect.that(h[0] < 3 * lnM, "LanguageModel.train: the first epoch's loss is " + Expect.fmt(h[0])
                + ", but a fresh model's loss per target is about ln m = " + Expect.fmt(lnM) + " (" + context + ").",
                "lossHistory holds the MEAN loss per predicted token: the epoch's summed loss divided by the number of targets"
                        + " (here " + countTargets(corpus) + "), not the sum.");
        double first = h[0], last = h[h.length - 1];
        String hint;
        if (last > first) {
            hint = "The loss rose: the update probably goes the wrong way (θ + η g instead of θ − η g). " + UPSTREAM_TRAIN;
        } else if (Math.abs(last - first) <= 1e-12 * Math.abs(first)) {
            hint = "The loss never changed, so the parameters were never updated: assign the result, θ = sgd.step(θ, g, η)"
                    + " (RnnParameters is immutable; step returns new parameters). " + UPSTREAM_TRAIN;
        } else {
            hint = "The loss falls, but too slowly: for each pair do forward, loss, BPTT, clip, step — one update per"
                    + " window, with the learning rate as given. " + UPSTREAM_TRAIN;
        }
        Expect.that(last <= first / 2, "LanguageModel.train: the loss per token fell only from " + Expect.fmt(first)
                + " (epoch 1) to " + Expect.fmt(last) + " (epoch " + h.length + "); the reference solution gets it below"
                + " half (" + context + ").", hint);
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
        Expect.that(result != null && result.params() != null, "LanguageModel.train returned no parameters ("
                + context + ").", "Return new TrainingResult(params, lossHistory).");
        for (List<String> sentence : corpus) {
            List<String> prefix = sentence.subList(0, uniquePrefix(sentence, corpus));
            List<String> got = lm.complete(v, result.params(), ActivationKind.TANH, new ArrayList<>(prefix),
                    CompletionConfig.greedy(sentence.size() + 5));
            if (!sentence.equals(got)) {
                String hint;
                if (got != null && got.size() > sentence.size() && got.subList(0, sentence.size()).equals(sentence)) {
                    hint = "The sentence came out right but generation did not stop: stop when the chosen id is <end>"
                            + " (id 1), and don't append it.";
                } else {
                    hint = "Memorising two short sentences is the easiest task an RNN has; if lm.train.loss-falls fails too,"
                            + " the training loop is the cause, and if lm.complete.fixtures fails, completion is. "
                            + UPSTREAM_TRAIN;
                }
                Expect.fail("After training (" + context + "), greedy completion of \"" + String.join("", prefix)
                        + "\" gave \"" + (got == null ? null : String.join("", got)) + "\" instead of the memorised sentence \""
                        + String.join("", sentence) + "\". " + hint);
            }
        }
    }

    @Test
    @Check(id = "lm.bad-input", points = 1)
    void badInput() {
        LanguageModel lm = student().languageModel();
        Vocabulary v = contractVocabulary(List.of(List.of("a", "b")), 1);
        Expect.throwsClearly("LanguageModel.train", "an empty corpus (no sentences)",
                () -> lm.train(v, new ArrayList<>(), new TrainingConfig(4, 2, 0.1, 0, 8, 1, ActivationKind.TANH)),
                "Check first: if (sentences.isEmpty()) throw new IllegalArgumentException(\"the corpus is empty: …\").",
                IllegalArgumentException.class);
    }

    @Test
    @Check(id = "lm.inputs-untouched", points = 1)
    void inputsUntouched() {
        LanguageModel lm = student().languageModel();
        List<List<String>> corpus = List.of(List.of("a", "b", "c"), List.of(), List.of("c", "a"));
        Vocabulary v = contractVocabulary(corpus, 1);
        List<List<String>> sentences = mutableCopy(corpus);
        lm.trainingPairs(v, sentences, 2);
        Expect.equal("LanguageModel.trainingPairs: its argument sentences", "after the call", corpus, sentences,
                "Your trainingPairs modified its argument sentences: read them, never add, remove or set tokens.");
        lm.train(v, sentences, new TrainingConfig(4, 2, 0.1, 1.0, 2, 3, ActivationKind.TANH));
        Expect.equal("LanguageModel.train: its argument sentences", "after the call", corpus, sentences,
                "Your train modified its argument sentences: read them, never add, remove or set tokens.");
        RnnParameters params = randomModel(v.size(), 4, new Random(seed("lm.untouched")));
        params.b_y().set(Vocabulary.END_ID, 0, -30); // never <end>: maxNewTokens tokens are appended
        RnnParameters before = params.copy();
        for (int max : new int[] {4, 0}) {
            List<String> prefix = new ArrayList<>(List.of("a", "zebra"));
            List<String> got = lm.complete(v, params, ActivationKind.TANH, prefix, CompletionConfig.greedy(max));
            Expect.equal("LanguageModel.complete: its argument prefix", "maxNewTokens = " + max + ", after the call",
                    List.of("a", "zebra"), prefix,
                    "Your complete modified its argument prefix (appending to it?): start the result as a new list,"
                            + " new ArrayList<>(prefix), and add the generated tokens to that.");
            Expect.that(got != prefix, "Your LanguageModel.complete returned its argument prefix as the result"
                    + " (maxNewTokens = " + max + ").", "Return a new list: new ArrayList<>(prefix), then the generated tokens.");
            for (int b = 0; b < 5; b++) {
                Expect.close("LanguageModel.complete: its argument params, block " + RnnParameters.BLOCKS.get(b),
                        "after the call", before.blocks().get(b), params.blocks().get(b), Tolerance.EXACT,
                        "Your complete modified the parameters: it only reads θ.");
            }
        }
    }

    @Test
    @Check(id = "lm.reference", points = 1, needsReference = true)
    void agreesWithReference() {
        LanguageModel ref = reference().languageModel();
        LanguageModel lm = student().languageModel();
        Property.forAll("trainingPairs agrees with the reference solution", seed("lm.reference.pairs"), 10,
                LanguageModelChecks::randomCorpusCase,
                in -> "window=" + in.window + ", " + in.sentences.size() + " sentences",
                in -> {
                    Vocabulary v = contractVocabulary(in.sentences, in.minCount);
                    comparePairs(v, in.sentences, in.window, ref.trainingPairs(v, in.sentences, in.window),
                            lm.trainingPairs(v, mutableCopy(in.sentences), in.window), "random corpus " + in.sentences);
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
            Expect.that(result != null, "LanguageModel.train returned null.", "Return new TrainingResult(params, lossHistory).");
            double[] got = result.lossHistory();
            String context = describe(corpus, config);
            Expect.that(got.length == want.length, "LanguageModel.train: lossHistory has " + got.length
                    + " entries, expected one per epoch, " + want.length + " (" + context + ").", null);
            int targets = countTargets(corpus), windows = expectedPairs(v, corpus, config.window(), Bug.NONE).size();
            for (int e = 0; e < want.length; e++) {
                if (!LOSS_TOLERANCE.accepts(want[e], got[e])) {
                    String hint;
                    if (e == 0 && LOSS_TOLERANCE.accepts(want[0] * targets, got[0])) {
                        hint = "It looks like the summed loss: divide the epoch's total by the number of targets ("
                                + targets + ").";
                    } else if (e == 0 && LOSS_TOLERANCE.accepts(want[0] * targets / windows, got[0])) {
                        hint = "It looks like the mean per window: divide the epoch's total by the number of targets ("
                                + targets + "), not of windows (" + windows + ").";
                    } else if (e == 0) {
                        hint = "Already the first epoch differs: start from θ_0 = RnnParameters.initialize(vocabulary.size(),"
                                + " hiddenSize, seed) (not your own random numbers), go through the pairs of trainingPairs"
                                + " in order, take each window's loss in its forward pass before its update, and update"
                                + " once per window.";
                    } else {
                        hint = "The first epoch agrees but a later one differs: check the update — clip by global norm"
                                + " when clipNorm > 0 (and only then), before the step θ ← θ − η g.";
                    }
                    Expect.fail("LanguageModel.train: lossHistory[" + e + "] (epoch " + (e + 1) + ") is wrong (" + context
                            + "): expected " + Expect.fmt(want[e]) + ", but got " + Expect.fmt(got[e]) + ". " + hint);
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
        Expect.that(got != null, where + " returned null (" + context + ").", "Return a new list of pairs.");
        if (want.equals(got)) {
            return;
        }
        String hint = pairsHint(v, sentences, window, got);
        if (want.size() != got.size()) {
            Expect.fail(where + " is wrong (" + context + "): expected " + want.size() + " pairs " + show(want) + ", but got "
                    + got.size() + " " + show(got) + ". " + hint);
        }
        for (int i = 0; i < want.size(); i++) {
            if (!want.get(i).equals(got.get(i))) {
                Expect.fail(where + " is wrong (" + context + "): pair " + i + " should be " + show(want.get(i))
                        + ", but was " + show(got.get(i)) + ". " + hint);
            }
        }
    }

    private static String pairsHint(Vocabulary v, List<List<String>> sentences, int window, List<TrainingPair> got) {
        Map<Bug, String> hints = new LinkedHashMap<>();
        hints.put(Bug.NOT_SHIFTED, "The targets are not shifted: y_t is the token AFTER x_t, so inputs = ids[0 … k] and"
                + " targets = ids[1 … k+1] of encode(sentence).");
        hints.put(Bug.EMPTY_SKIPPED, "An empty sentence was skipped: it still gives the pair [<start>] → [<end>].");
        hints.put(Bug.NO_START, "<start> is missing: the inputs of a sentence begin with <start> (id 0), the first"
                + " element of vocabulary.encode(sentence).");
        hints.put(Bug.LAST_PIECE_DROPPED, "The last, shorter piece of a sentence was dropped: keep it (its length is"
                + " what is left, 1 … window).");
        hints.put(Bug.OVERLAPPING, "The pieces overlap: the next piece starts where the previous one ended"
                + " (from += window).");
        hints.put(Bug.ACROSS_SENTENCES, "The sentences were joined before cutting: cut each sentence on its own, so every"
                + " sentence's first piece starts with <start>.");
        hints.put(Bug.NOT_CUT, "The sentences were not cut: a piece has at most window inputs.");
        for (Map.Entry<Bug, String> e : hints.entrySet()) {
            List<TrainingPair> model = expectedPairs(v, sentences, window, e.getKey());
            if (model.equals(got) && !model.equals(expectedPairs(v, sentences, window, Bug.NONE))) {
                return e.getValue();
            }
        }
        for (TrainingPair p : got) {
            if (p.length() > window) {
                return "A piece has " + p.length() + " inputs, more than window = " + window + ".";
            }
            if (Arrays.equals(p.inputs(), p.targets())) {
                return hints.get(Bug.NOT_SHIFTED);
            }
            int[] in = p.inputs();
            if (in[in.length - 1] == Vocabulary.END_ID) {
                return "<end> is never an input: inputs = ids[0 … k] (without <end>), targets = ids[1 … k+1].";
            }
        }
        return "For each sentence in order: ids = vocabulary.encode(sentence) = [<start>, w_1, …, w_k, <end>]; inputs ="
                + " ids[0 … k], targets = ids[1 … k+1]; cut into consecutive pieces of window inputs, the last may be shorter.";
    }

    private static String show(List<TrainingPair> pairs) {
        List<String> parts = pairs.stream().map(LanguageModelChecks::show).toList();
        return parts.size() > 12 ? parts.subList(0, 12) + "… (" + parts.size() + " pairs)" : parts.toString();
    }

    private static String show(TrainingPair p) {
        return Arrays.toString(p.inputs()) + " → " + Arrays.toString(p.targets());
    }

    // ------------------------------------------------------------------ completion diagnosis

    private static void compareCompletion(List<String> prefix, CompletionConfig config, List<String> want,
            List<String> got, String context) {
        String where = "LanguageModel.complete(prefix " + prefix + ", maxNewTokens " + config.maxNewTokens()
                + (config.isGreedy() ? ", greedy" : ", τ = " + Expect.fmt(config.temperature()) + ", seed " + config.seed()) + ")";
        Expect.that(got != null, where + " returned null (" + context + ").", "Return a new list: the prefix, then the generated tokens.");
        if (want.equals(got)) {
            return;
        }
        String hint;
        boolean endedAtEnd = want.size() - prefix.size() < config.maxNewTokens();
        if (got.size() < prefix.size() || !got.subList(0, prefix.size()).equals(prefix)) {
            hint = got.contains(Vocabulary.START) ? "<start> is fed to the model but is not part of the result."
                    : "The result begins with the prefix tokens exactly as given (an unknown token stays as written, it is"
                            + " only fed to the model as <unk>).";
        } else if (got.contains(Vocabulary.END) || got.contains(Vocabulary.START)) {
            hint = "<end> stops the generation and is not added to the result (and <start> is never in it).";
        } else if (got.size() - prefix.size() > config.maxNewTokens()) {
            int extra = got.size() - prefix.size();
            hint = extra + (extra == 1 ? " token was" : " tokens were") + " generated, more than maxNewTokens = " + config.maxNewTokens()
                    + ": stop once that many ids have been generated (0 → the prefix alone).";
        } else if (config.isGreedy() && got.size() < want.size() && want.subList(0, got.size()).equals(got)) {
            hint = "Generation stopped after " + (got.size() - prefix.size()) + " tokens, though the model did not choose"
                    + " <end> there and maxNewTokens = " + config.maxNewTokens() + " was not reached.";
        } else if (config.isGreedy() && got.size() > want.size() && got.subList(0, want.size()).equals(want) && endedAtEnd) {
            hint = "Generation went on after the model chose <end> (id 1): stop there.";
        } else {
            int first = prefix.size();
            while (first < Math.min(got.size(), want.size()) && got.get(first).equals(want.get(first))) {
                first++;
            }
            String at = "The first wrong token is number " + (first - prefix.size() + 1) + " after the prefix. ";
            if (config.isGreedy()) {
                hint = at + (first == prefix.size()
                        ? "Start from s_0 = 0, feed onehot(<start>) first, then each prefix token (unknown ones as <unk>),"
                                + " and choose argmax of the last o_t (ties → lowest id). "
                        : "Feed each chosen token back in and carry s_t from one step to the next (never reset it). ")
                        + UPSTREAM_COMPLETE;
            } else {
                hint = at + "Sampling: one new java.util.Random(seed) per call; for each token p_i = o_t[i]^(1/τ) / Σ_j"
                        + " o_t[j]^(1/τ), draw r = random.nextDouble() once, take the smallest i with r < p_0 + … + p_i. "
                        + UPSTREAM_COMPLETE;
            }
        }
        Expect.fail(where + " is wrong (" + context + "): expected " + want + ", but got " + got + ". " + hint);
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
        return "corpus " + text + " as code points, hidden size " + c.hiddenSize() + ", " + c.epochs() + " epochs, η = "
                + Expect.fmt(c.learningRate()) + ", clipNorm " + Expect.fmt(c.clipNorm()) + ", window " + c.window()
                + ", seed " + c.seed() + ", " + c.g1();
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
