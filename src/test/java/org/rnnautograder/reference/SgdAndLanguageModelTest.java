package org.rnnautograder.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;
import org.rnnautograder.assignment.ActivationKind;
import org.rnnautograder.assignment.CompletionConfig;
import org.rnnautograder.assignment.LanguageModel;
import org.rnnautograder.assignment.RnnGradients;
import org.rnnautograder.assignment.RnnParameters;
import org.rnnautograder.assignment.Sgd;
import org.rnnautograder.assignment.Submission;
import org.rnnautograder.assignment.Tokenizer;
import org.rnnautograder.assignment.TokenizerKind;
import org.rnnautograder.assignment.TrainingConfig;
import org.rnnautograder.assignment.TrainingPair;
import org.rnnautograder.assignment.TrainingResult;
import org.rnnautograder.assignment.Vocabulary;
import org.rnnautograder.corpus.Corpus;
import submission.RnnSubmission;

class SgdAndLanguageModelTest {
    private final Submission reference = new RnnSubmission();
    private final Sgd sgd = reference.sgd();

    private static RnnGradients gradients(double scale, long seed) {
        Random r = new Random(seed);
        RnnParameters g = Fixtures.randomParams(4, 3, r);
        return new RnnGradients(g.U().scale(scale), g.W().scale(scale), g.V().scale(scale), g.b_a().scale(scale), g.b_y().scale(scale));
    }

    private static double norm(RnnGradients g) {
        return Math.sqrt(g.blocks().stream().mapToDouble(b -> b.normF() * b.normF()).sum());
    }

    @Test
    void stepSubtractsTheScaledGradientAndLeavesInputsUntouched() {
        RnnParameters p = Fixtures.randomParams(4, 3, new Random(1));
        RnnParameters before = p.copy();
        RnnGradients g = gradients(1, 2);
        RnnParameters next = sgd.step(p, g, 0.1);
        for (int b = 0; b < 5; b++) {
            Fixtures.assertClose(before.blocks().get(b).minus(g.blocks().get(b).scale(0.1)), next.blocks().get(b), 1e-15, RnnParameters.BLOCKS.get(b));
            Fixtures.assertClose(before.blocks().get(b), p.blocks().get(b), 0, "input " + RnnParameters.BLOCKS.get(b));
        }
        RnnParameters same = sgd.step(p, g, 0);
        for (int b = 0; b < 5; b++) {
            Fixtures.assertClose(p.blocks().get(b), same.blocks().get(b), 0, "lr 0 is the identity");
        }
    }

    @Test
    void clipByGlobalNormBoundsTheNormAndKeepsTheDirection() {
        RnnGradients g = gradients(10, 3);
        double before = norm(g);
        RnnGradients clipped = sgd.clipByGlobalNorm(g, 1.0);
        assertEquals(1.0, norm(clipped), 1e-12);
        for (int b = 0; b < 5; b++) {
            Fixtures.assertClose(g.blocks().get(b).scale(1.0 / before), clipped.blocks().get(b), 1e-12, "direction");
        }
        assertEquals(before, norm(g), 0, "input not modified");
    }

    @Test
    void clipExactlyAtTheThresholdChangesNothing() {
        RnnGradients g = gradients(1, 4);
        RnnGradients clipped = sgd.clipByGlobalNorm(g, norm(g));
        for (int b = 0; b < 5; b++) {
            Fixtures.assertClose(g.blocks().get(b), clipped.blocks().get(b), 0, "unchanged at the threshold");
        }
        assertTrue(clipped.dU() != g.dU(), "a copy, not the input");
    }

    @Test
    void clipByValueLimitsEveryEntry() {
        RnnGradients g = gradients(5, 5);
        RnnGradients clipped = sgd.clipByValue(g, 0.5);
        for (int b = 0; b < 5; b++) {
            SimpleMatrix in = g.blocks().get(b), out = clipped.blocks().get(b);
            for (int i = 0; i < in.getNumElements(); i++) {
                assertEquals(Math.max(-0.5, Math.min(0.5, in.get(i))), out.get(i), 0);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> sgd.clipByGlobalNorm(g, 0));
    }

    @Test
    void trainingPairsAreTheInputsShiftedByOneCutIntoWindows() {
        Vocabulary v = reference.vocabulary(List.of(List.of("a", "b", "c")), 1);
        LanguageModel lm = reference.languageModel();
        assertEquals(List.of(new TrainingPair(new int[] {0, 3, 4, 5}, new int[] {3, 4, 5, 1})),
                lm.trainingPairs(v, List.of(List.of("a", "b", "c")), 25));
        assertEquals(List.of(new TrainingPair(new int[] {0, 3, 4}, new int[] {3, 4, 5}), new TrainingPair(new int[] {5}, new int[] {1})),
                lm.trainingPairs(v, List.of(List.of("a", "b", "c")), 3));
        assertEquals(List.of(new TrainingPair(new int[] {0}, new int[] {1})), lm.trainingPairs(v, List.of(List.of()), 3));
    }

    private static List<List<String>> tokenized(Tokenizer t, List<String> sentences) {
        return sentences.stream().map(t::tokenize).toList();
    }

    @Test
    void trainingOnTheShippedCorpusHalvesTheLoss() {
        Tokenizer t = reference.tokenizer(TokenizerKind.CODE_POINT);
        List<List<String>> corpus = tokenized(t, Corpus.bundledDefault().sentences());
        Vocabulary v = reference.vocabulary(corpus, 1);
        TrainingResult result = reference.languageModel().train(v, corpus,
                new TrainingConfig(64, 30, 0.1, 5.0, 25, 1, ActivationKind.TANH));
        double[] h = result.lossHistory();
        assertEquals(30, h.length);
        assertTrue(h[h.length - 1] <= h[0] / 2, "loss per token fell from " + h[0] + " to " + h[h.length - 1]);
    }

    @Test
    void greedyCompletionReturnsAMemorisedSentenceInEnglishAndChinese() {
        Tokenizer t = reference.tokenizer(TokenizerKind.CODE_POINT);
        List<List<String>> corpus = tokenized(t, List.of("the moon shone on the sea.", "the bell rang at noon.",
                "今天天气很好。", "小鸟在树上唱歌。"));
        Vocabulary v = reference.vocabulary(corpus, 1);
        LanguageModel lm = reference.languageModel();
        RnnParameters p = lm.train(v, corpus, new TrainingConfig(32, 150, 0.1, 5.0, 64, 1, ActivationKind.TANH)).params();
        assertEquals("the moon shone on the sea.",
                t.detokenize(lm.complete(v, p, ActivationKind.TANH, t.tokenize("the m"), CompletionConfig.greedy(60))));
        assertEquals("今天天气很好。", t.detokenize(lm.complete(v, p, ActivationKind.TANH, t.tokenize("今"), CompletionConfig.greedy(60))));
    }

    @Test
    void completionStopsAtEndOrTheLengthLimitAndSamplingIsSeeded() {
        List<List<String>> corpus = List.of(List.of("a", "b"), List.of("b", "a"));
        Vocabulary v = reference.vocabulary(corpus, 1);
        LanguageModel lm = reference.languageModel();
        RnnParameters p = lm.train(v, corpus, new TrainingConfig(8, 200, 0.1, 5, 25, 3, ActivationKind.TANH)).params();
        assertEquals(List.of("a", "b"), lm.complete(v, p, ActivationKind.TANH, List.of("a"), CompletionConfig.greedy(10)));
        assertEquals(List.of("a"), lm.complete(v, p, ActivationKind.TANH, List.of("a"), CompletionConfig.greedy(0)));
        CompletionConfig sampling = new CompletionConfig(20, 1.5, 99);
        assertEquals(lm.complete(v, p, ActivationKind.TANH, List.of(), sampling), lm.complete(v, p, ActivationKind.TANH, List.of(), sampling));
    }

    @Test
    void trainingIsDeterministicForASeed() {
        List<List<String>> corpus = List.of(List.of("x", "y", "z"));
        Vocabulary v = reference.vocabulary(corpus, 1);
        TrainingConfig c = new TrainingConfig(5, 3, 0.1, 1, 25, 8, ActivationKind.RELU);
        assertArrayEquals(reference.languageModel().train(v, corpus, c).lossHistory(),
                reference.languageModel().train(v, corpus, c).lossHistory());
    }

    @Test
    void badTrainingInputGetsAClearError() {
        Vocabulary v = reference.vocabulary(List.of(List.of("a")), 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> reference.languageModel()
                .train(v, List.of(), new TrainingConfig(4, 1, 0.1, 0, 25, 1, ActivationKind.TANH)));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new TrainingConfig(0, 1, 0.1, 0, 25, 1, ActivationKind.TANH));
        assertThrows(IllegalArgumentException.class, () -> new TrainingConfig(4, 1, -0.1, 0, 25, 1, ActivationKind.TANH));
        assertThrows(IllegalArgumentException.class, () -> new CompletionConfig(-1, 0, 0));
    }
}
