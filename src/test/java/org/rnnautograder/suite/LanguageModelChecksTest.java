package org.rnnautograder.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rnnautograder.suite.SuiteHarness.assertAllNotImplemented;
import static org.rnnautograder.suite.SuiteHarness.assertAllPass;
import static org.rnnautograder.suite.SuiteHarness.assertFails;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;
import org.rnnautograder.assignment.ActivationKind;
import org.rnnautograder.assignment.CellOutput;
import org.rnnautograder.assignment.CompletionConfig;
import org.rnnautograder.assignment.CrossEntropy;
import org.rnnautograder.assignment.LanguageModel;
import org.rnnautograder.assignment.NotImplementedYetException;
import org.rnnautograder.assignment.OneHot;
import org.rnnautograder.assignment.Rnn;
import org.rnnautograder.assignment.RnnCell;
import org.rnnautograder.assignment.RnnGradients;
import org.rnnautograder.assignment.RnnParameters;
import org.rnnautograder.assignment.RnnTrace;
import org.rnnautograder.assignment.Sgd;
import org.rnnautograder.assignment.Submission;
import org.rnnautograder.assignment.TrainingConfig;
import org.rnnautograder.assignment.TrainingPair;
import org.rnnautograder.assignment.TrainingResult;
import org.rnnautograder.assignment.Vocabulary;
import org.rnnautograder.grading.CheckResult;
import org.rnnautograder.i18n.Language;
import org.rnnautograder.i18n.Messages;
import submission.RnnSubmission;

class LanguageModelChecksTest {
    private static final Submission REFERENCE = new RnnSubmission();
    private static final int CHECKS = 9, POINTS = 10;

    /** Typical student bugs, one per variant. */
    enum Bug {
        NONE, PAIRS_NOT_SHIFTED, EMPTY_SENTENCE_SKIPPED, LAST_PIECE_DROPPED, OVERLAPPING_PIECES, NO_START,
        PARAMS_NOT_UPDATED, SUMMED_LOSS, MEAN_PER_WINDOW, OWN_INITIALISATION, IGNORES_CLIP_NORM, SOFTMAX_REORDERED,
        APPENDS_END, ONE_TOKEN_TOO_MANY, NO_START_BEFORE_PREFIX, STATE_RESET, SHARED_RANDOM, EMPTY_CORPUS_ACCEPTED,
        APPENDS_TO_PREFIX, RETURNS_PREFIX, REMOVES_EMPTY_SENTENCES, NOT_IMPLEMENTED
    }

    /** The reference CharLanguageModel, written out again with switches for the bugs. */
    static final class BuggyLanguageModel implements LanguageModel {
        private final Submission parts;
        private final Bug bug;
        private final Random shared = new Random(0);

        BuggyLanguageModel(Submission parts, Bug bug) {
            this.parts = parts;
            this.bug = bug;
        }

        @Override
        public List<TrainingPair> trainingPairs(Vocabulary vocabulary, List<List<String>> sentences, int window) {
            if (bug == Bug.NOT_IMPLEMENTED) {
                throw new NotImplementedYetException("LanguageModel.trainingPairs");
            }
            if (bug == Bug.REMOVES_EMPTY_SENTENCES) {
                sentences.removeIf(List::isEmpty);
            }
            List<TrainingPair> pairs = new ArrayList<>();
            for (List<String> sentence : sentences) {
                if (bug == Bug.EMPTY_SENTENCE_SKIPPED && sentence.isEmpty()) {
                    continue;
                }
                int[] ids = vocabulary.encode(sentence);
                int steps = ids.length - 1;
                int stride = bug == Bug.OVERLAPPING_PIECES ? Math.max(1, window - 1) : window;
                for (int from = bug == Bug.NO_START ? 1 : 0; from < steps; from += stride) {
                    int to = Math.min(steps, from + window);
                    if (bug == Bug.LAST_PIECE_DROPPED && from > 0 && to - from < window) {
                        break;
                    }
                    int[] in = Arrays.copyOfRange(ids, from, to);
                    pairs.add(new TrainingPair(in, bug == Bug.PAIRS_NOT_SHIFTED ? in : Arrays.copyOfRange(ids, from + 1, to + 1)));
                    if (bug == Bug.OVERLAPPING_PIECES && to == steps) {
                        break;
                    }
                }
            }
            return pairs;
        }

        @Override
        public TrainingResult train(Vocabulary vocabulary, List<List<String>> sentences, TrainingConfig config) {
            if (bug == Bug.NOT_IMPLEMENTED) {
                throw new NotImplementedYetException("LanguageModel.train");
            }
            if (sentences.isEmpty() && bug != Bug.EMPTY_CORPUS_ACCEPTED) {
                throw new IllegalArgumentException("the corpus is empty");
            }
            List<TrainingPair> pairs = trainingPairs(vocabulary, sentences, config.window());
            int m = vocabulary.size();
            OneHot oneHot = parts.oneHot();
            CrossEntropy crossEntropy = parts.crossEntropy();
            Rnn rnn = parts.rnn(config.g1());
            Sgd sgd = parts.sgd();
            int targetCount = 0;
            for (TrainingPair pair : pairs) {
                targetCount += pair.length();
            }
            RnnParameters params = bug == Bug.OWN_INITIALISATION
                    ? RnnParameters.initialize(m, config.hiddenSize(), config.seed() + 1)
                    : RnnParameters.initialize(m, config.hiddenSize(), config.seed());
            double[] history = new double[config.epochs()];
            for (int epoch = 0; epoch < config.epochs(); epoch++) {
                double epochLoss = 0;
                for (TrainingPair pair : pairs) {
                    List<SimpleMatrix> xs = oneHot.encodeSequence(pair.inputs(), m);
                    RnnTrace trace = rnn.forward(params, xs);
                    epochLoss += bug == Bug.SOFTMAX_REORDERED ? reorderedLoss(params, xs, pair.targets(), config.g1())
                            : crossEntropy.sequenceLoss(trace.outputs(), pair.targets());
                    RnnGradients grads = rnn.backward(params, xs, trace, pair.targets());
                    if (config.clipNorm() > 0 && bug != Bug.IGNORES_CLIP_NORM) {
                        grads = sgd.clipByGlobalNorm(grads, config.clipNorm());
                    }
                    RnnParameters next = sgd.step(params, grads, config.learningRate());
                    if (bug != Bug.PARAMS_NOT_UPDATED) {
                        params = next;
                    }
                }
                history[epoch] = switch (bug) {
                    case SUMMED_LOSS -> epochLoss;
                    case MEAN_PER_WINDOW -> epochLoss / pairs.size();
                    default -> epochLoss / targetCount;
                };
            }
            return new TrainingResult(params, history);
        }

        /** The same loss computed another way (logits by hand, softmax without the max shift): rounding differs. */
        private double reorderedLoss(RnnParameters p, List<SimpleMatrix> xs, int[] targets, ActivationKind g1) {
            SimpleMatrix s = new SimpleMatrix(p.n(), 1);
            double loss = 0;
            for (int t = 0; t < xs.size(); t++) {
                SimpleMatrix z = p.W().mult(s).plus(p.b_a()).plus(p.U().mult(xs.get(t)));
                s = z.elementOp((org.ejml.simple.SimpleOperations.ElementOpReal) (r, c, v) ->
                        g1 == ActivationKind.TANH ? Math.tanh(v) : Math.max(0, v));
                SimpleMatrix logits = p.b_y().plus(p.V().mult(s));
                double sum = 0;
                for (int i = 0; i < logits.getNumElements(); i++) {
                    sum += Math.exp(logits.get(i));
                }
                loss += Math.log(sum) - logits.get(targets[t]);
            }
            return loss;
        }

        @Override
        public List<String> complete(Vocabulary vocabulary, RnnParameters params, ActivationKind g1, List<String> prefix,
                CompletionConfig config) {
            if (bug == Bug.NOT_IMPLEMENTED) {
                throw new NotImplementedYetException("LanguageModel.complete");
            }
            if (bug == Bug.RETURNS_PREFIX && config.maxNewTokens() == 0) {
                return prefix;
            }
            OneHot oneHot = parts.oneHot();
            RnnCell cell = parts.rnnCell(g1);
            int m = vocabulary.size();
            Random random = bug == Bug.SHARED_RANDOM ? shared : new Random(config.seed());
            List<String> out = bug == Bug.APPENDS_TO_PREFIX ? prefix : new ArrayList<>(prefix);
            SimpleMatrix zero = new SimpleMatrix(params.n(), 1);
            CellOutput step = null;
            if (bug != Bug.NO_START_BEFORE_PREFIX || prefix.isEmpty()) {
                step = cell.forward(params, oneHot.encode(Vocabulary.START_ID, m), zero);
            }
            for (String token : prefix) {
                step = cell.forward(params, oneHot.encode(vocabulary.idOf(token), m), step == null ? zero : step.s_t());
            }
            int limit = config.maxNewTokens() + (bug == Bug.ONE_TOKEN_TOO_MANY ? 1 : 0);
            for (int generated = 0; generated < limit; generated++) {
                int next = config.isGreedy() ? oneHot.decode(step.o_t()) : sample(step.o_t(), config.temperature(), random);
                if (next == Vocabulary.END_ID) {
                    if (bug == Bug.APPENDS_END) {
                        out.add(Vocabulary.END);
                    }
                    break;
                }
                out.add(vocabulary.tokenOf(next));
                step = cell.forward(params, oneHot.encode(next, m), bug == Bug.STATE_RESET ? zero : step.s_t());
            }
            return out;
        }

        private static int sample(SimpleMatrix o, double temperature, Random random) {
            int m = o.getNumRows();
            double[] p = new double[m];
            double sum = 0;
            for (int i = 0; i < m; i++) {
                p[i] = Math.pow(o.get(i, 0), 1 / temperature);
                sum += p[i];
            }
            double r = random.nextDouble(), cumulative = 0;
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

    private static Map<String, CheckResult> run(Bug bug) {
        return run(bug, REFERENCE);
    }

    private static Map<String, CheckResult> run(Bug bug, Submission parts) {
        Submission student = SubmissionWrapper.of(parts).with(new BuggyLanguageModel(parts, bug));
        return SuiteHarness.run(student, REFERENCE, SuiteContext.DEFAULT_SEED, LanguageModelChecks.class);
    }

    @Test
    void theReferenceScoresFullPoints() {
        assertAllPass(SuiteHarness.run(REFERENCE, REFERENCE, SuiteContext.DEFAULT_SEED, LanguageModelChecks.class),
                CHECKS, POINTS, "reference");
    }

    @Test
    void theStudentsTrainingCurveIsRecordedForTheFeedbackPlot() {
        var run = SuiteHarness.runFull(REFERENCE, REFERENCE, SuiteContext.DEFAULT_SEED, LanguageModelChecks.class);
        double[] loss = run.evidence().get("lm.train.loss-falls").get("loss");
        org.junit.jupiter.api.Assertions.assertNotNull(loss, "evidence 'loss' of lm.train.loss-falls");
        org.junit.jupiter.api.Assertions.assertTrue(loss.length > 1 && loss[loss.length - 1] <= loss[0] / 2,
                java.util.Arrays.toString(loss));
    }

    @Test
    void theSandboxedReferenceScoresFullPointsInGradingMode(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) {
        assertAllPass(SuiteHarness.runSandboxed(tmp, 11, LanguageModelChecks.class), CHECKS, POINTS,
                "sandboxed reference");
    }

    @Test
    void theReferencePassesForFiftySeeds() {
        for (long seed = 0; seed < 50; seed++) {
            assertAllPass(SuiteHarness.run(REFERENCE, REFERENCE, seed * 104729 + 3, LanguageModelChecks.class),
                    CHECKS, POINTS, "seed " + (seed * 104729 + 3));
        }
    }

    @Test
    void theRewrittenModelWithoutBugsPassesToo() {
        assertAllPass(run(Bug.NONE), CHECKS, POINTS, "no bug");
    }

    /** θ − η g as two half steps: the same mathematics, rounded differently at every update. */
    static final class HalfStepSgd implements Sgd {
        private final Sgd ref = REFERENCE.sgd();

        @Override
        public RnnParameters step(RnnParameters params, RnnGradients grads, double lr) {
            return ref.step(ref.step(params, grads, lr / 2), grads, lr / 2);
        }

        @Override
        public RnnGradients clipByGlobalNorm(RnnGradients grads, double maxNorm) {
            return ref.clipByGlobalNorm(grads, maxNorm);
        }

        @Override
        public RnnGradients clipByValue(RnnGradients grads, double maxValue) {
            return ref.clipByValue(grads, maxValue);
        }
    }

    @Test
    void aCorrectTrainingInAnotherFloatingPointOrderIsWithinTheTolerance() {
        Submission halfSteps = SubmissionWrapper.of(REFERENCE).with(new HalfStepSgd());
        for (long seed = 1; seed <= 5; seed++) {
            Submission student = SubmissionWrapper.of(halfSteps)
                    .with(new BuggyLanguageModel(halfSteps, Bug.SOFTMAX_REORDERED));
            assertAllPass(SuiteHarness.run(student, REFERENCE, seed, LanguageModelChecks.class), CHECKS, POINTS,
                    "seed " + seed);
        }
    }

    @Test
    void studentModeSkipsTheReferenceCheck() {
        Map<String, CheckResult> r = SuiteHarness.run(REFERENCE, null, 9, LanguageModelChecks.class);
        assertEquals(CheckResult.Status.SKIPPED, r.get("lm.reference").status());
        assertTrue(r.get("lm.reference").message().contains(ComponentChecks.GRADED_BY_INSTRUCTOR));
        assertEquals(CHECKS - 1, r.values().stream().filter(x -> x.status() == CheckResult.Status.PASSED).count());
    }

    @Test
    void targetsNotShifted() {
        Map<String, CheckResult> r = run(Bug.PAIRS_NOT_SHIFTED);
        assertFails(r, "lm.pairs.fixtures", "not shifted", "fixture");
        assertFails(r, "lm.pairs.property", "not shifted", "seed");
        assertFails(r, "lm.reference", "not shifted");
    }

    @Test
    void emptySentenceSkipped() {
        assertFails(run(Bug.EMPTY_SENTENCE_SKIPPED), "lm.pairs.fixtures", "empty sentence", "[<start>] → [<end>]");
    }

    @Test
    void lastPieceDropped() {
        Map<String, CheckResult> r = run(Bug.LAST_PIECE_DROPPED);
        assertFails(r, "lm.pairs.fixtures", "last, shorter piece");
        assertFails(r, "lm.pairs.property", "last, shorter piece");
    }

    @Test
    void overlappingPieces() {
        Map<String, CheckResult> r = run(Bug.OVERLAPPING_PIECES);
        assertFails(r, "lm.pairs.fixtures", "overlap");
        assertFails(r, "lm.pairs.property", "overlap");
    }

    @Test
    void startMissing() {
        assertFails(run(Bug.NO_START), "lm.pairs.fixtures", "<start> is missing");
    }

    @Test
    void parametersNeverUpdated() {
        Map<String, CheckResult> r = run(Bug.PARAMS_NOT_UPDATED);
        assertFails(r, "lm.train.loss-falls", "never changed", "θ = sgd.step");
        assertFails(r, "lm.train.memorises", "memorised sentence", "lm.train.loss-falls");
        assertFails(r, "lm.reference", "lossHistory[0]");
    }

    @Test
    void summedInsteadOfMeanLoss() {
        Map<String, CheckResult> r = run(Bug.SUMMED_LOSS);
        assertFails(r, "lm.train.loss-falls", "MEAN loss per predicted token");
        assertFails(r, "lm.reference", "summed loss");
    }

    @Test
    void meanPerWindow() {
        assertFails(run(Bug.MEAN_PER_WINDOW), "lm.reference", "mean per window", "number of targets");
    }

    @Test
    void ownInitialisation() {
        Map<String, CheckResult> r = run(Bug.OWN_INITIALISATION);
        assertFails(r, "lm.reference", "lossHistory[0]", "RnnParameters.initialize");
        assertEquals(CheckResult.Status.PASSED, r.get("lm.train.loss-falls").status());
    }

    @Test
    void clipNormIgnored() {
        assertFails(run(Bug.IGNORES_CLIP_NORM), "lm.reference", "lossHistory", "clip");
    }

    @Test
    void upstreamSgdBugIsNamed() {
        Submission brokenSgd = SubmissionWrapper.of(REFERENCE)
                .with(new SgdChecksTest.BuggySgd(SgdChecksTest.Bug.ADDS_GRADIENT));
        Map<String, CheckResult> r = run(Bug.NONE, brokenSgd);
        assertFails(r, "lm.train.loss-falls", "Sgd", "fix those first");
        assertFails(r, "lm.train.memorises", "fix those first");
        // the training-loop comparison runs the student's own Sgd too, so an Sgd bug costs no point there
        assertEquals(CheckResult.Status.PASSED, r.get("lm.reference").status(), r.get("lm.reference").message());
    }

    @Test
    void endAppended() {
        Map<String, CheckResult> r = run(Bug.APPENDS_END);
        assertFails(r, "lm.complete.fixtures", "<end> stops the generation", "not added");
        assertFails(r, "lm.train.memorises", "did not stop");
    }

    @Test
    void oneTokenTooMany() {
        assertFails(run(Bug.ONE_TOKEN_TOO_MANY), "lm.complete.fixtures", "more than maxNewTokens");
    }

    @Test
    void startNotFedBeforeThePrefix() {
        assertFails(run(Bug.NO_START_BEFORE_PREFIX), "lm.complete.fixtures", "feed onehot(<start>) first");
    }

    @Test
    void stateResetBetweenSteps() {
        assertFails(run(Bug.STATE_RESET), "lm.complete.fixtures", "carry s_t");
    }

    @Test
    void randomSharedBetweenCalls() {
        Map<String, CheckResult> r = run(Bug.SHARED_RANDOM);
        assertFails(r, "lm.complete.seeded", "same seed", "new java.util.Random(config.seed()) per call");
        assertFails(r, "lm.complete.fixtures", "sampling", "one new java.util.Random(seed) per call");
    }

    @Test
    void emptyCorpusAccepted() {
        assertFails(run(Bug.EMPTY_CORPUS_ACCEPTED), "lm.bad-input", "accepted bad input", "IllegalArgumentException");
    }

    @Test
    void prefixModified() {
        assertFails(run(Bug.APPENDS_TO_PREFIX), "lm.inputs-untouched", "modified its argument prefix");
    }

    @Test
    void prefixReturned() {
        assertFails(run(Bug.RETURNS_PREFIX), "lm.inputs-untouched", "returned its argument prefix");
    }

    @Test
    void sentencesModified() {
        assertFails(run(Bug.REMOVES_EMPTY_SENTENCES), "lm.inputs-untouched", "modified its argument sentences");
    }

    @Test
    void notImplemented() {
        assertAllNotImplemented(run(Bug.NOT_IMPLEMENTED), CHECKS);
    }

    // ------------------------------------------------------------------ Chinese messages

    /** Runs {@code bug} with the messages in Chinese. */
    private static Map<String, CheckResult> runInChinese(Bug bug) {
        Language before = Messages.use(Language.ZH);
        try {
            return run(bug);
        } finally {
            Messages.use(before);
        }
    }

    @Test
    void pairsNotShiftedIsExplainedInChinese() {
        Map<String, CheckResult> r = runInChinese(Bug.PAIRS_NOT_SHIFTED);
        CheckResult fixtures = assertFails(r, "lm.pairs.fixtures", "LanguageModel.trainingPairs(…, window = 25)",
                "测试用例“", "第 0 对（从 0 数起）应为 [0, 3, 4, 5] → [3, 4, 5, 1]，实际是 [0, 3, 4, 5] → [0, 3, 4, 5]",
                "目标没有错开一位", "ids[1 … k+1]");
        assertFalse(fixtures.message().contains("The targets are not shifted"), fixtures.message());
        assertFails(r, "lm.pairs.property", "目标没有错开一位", "随机语料");
    }

    @Test
    void parametersNeverUpdatedIsExplainedInChinese() {
        Map<String, CheckResult> r = runInChinese(Bug.PARAMS_NOT_UPDATED);
        CheckResult loss = assertFails(r, "lm.train.loss-falls", "LanguageModel.train：每个词元的损失只从 3.61473（第 1 轮）降到了 3.61473（第 40 轮）", "按码位切分", "损失从未变化", "θ = sgd.step(θ, g, η)", "请先修好它们");
        assertFalse(loss.message().contains("never changed"), loss.message());
        assertFails(r, "lm.train.memorises", "训练之后（", "而不是记住的句子", "lm.train.loss-falls");
        assertFails(r, "lm.reference", "lossHistory[0]（第 1 轮）不对", "第一轮就已经不同",
                "RnnParameters.initialize(vocabulary.size(), hiddenSize, seed)");
    }

    @Test
    void summedLossIsExplainedInChinese() {
        Map<String, CheckResult> r = runInChinese(Bug.SUMMED_LOSS);
        assertFails(r, "lm.train.loss-falls", "第一轮的损失是", "ln m = ", "“平均”损失");
        assertFails(r, "lm.reference", "看起来是损失之和", "目标个数（");
    }

    @Test
    void completionBugsAreExplainedInChinese() {
        CheckResult state = assertFails(runInChinese(Bug.STATE_RESET), "lm.complete.fixtures",
                "LanguageModel.complete（前缀 [a, b]，maxNewTokens 8，贪心）", "第一个错误的词元是前缀之后的第 6 个。",
                "把 s_t 从这个时刻带到下一个时刻", "LanguageModel.complete 会调用你的 OneHot、RnnCell");
        assertFalse(state.message().contains("carry s_t"), state.message());
        assertFails(runInChinese(Bug.APPENDS_END), "lm.complete.fixtures", "<end> 让生成停止", "[the, cat, sat, <end>]");
        Map<String, CheckResult> shared = runInChinese(Bug.SHARED_RANDOM);
        assertFails(shared, "lm.complete.seeded", "调用两次", "相同的随机种子必须给出相同的补全",
                "new java.util.Random(config.seed())");
        assertFails(shared, "lm.complete.fixtures", "采样：每次调用一个 new java.util.Random(seed)", "随机种子");
    }

    @Test
    void modifiedArgumentsAreExplainedInChinese() {
        assertFails(runInChinese(Bug.APPENDS_TO_PREFIX), "lm.inputs-untouched",
                "LanguageModel.complete：传入的参数 prefix", "maxNewTokens = 4，调用之后", "new ArrayList<>(prefix)");
        assertFails(runInChinese(Bug.RETURNS_PREFIX), "lm.inputs-untouched",
                "把传入的参数 prefix 本身作为结果返回了（maxNewTokens = 0）");
        assertFails(runInChinese(Bug.REMOVES_EMPTY_SENTENCES), "lm.inputs-untouched",
                "LanguageModel.trainingPairs：传入的参数 sentences", "你的 trainingPairs 修改了传入的参数 sentences");
        assertFails(runInChinese(Bug.EMPTY_CORPUS_ACCEPTED), "lm.bad-input", "空语料（没有任何句子）", "先检查：",
                "IllegalArgumentException");
    }
}
