package org.rnnautograder.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rnnautograder.suite.SuiteHarness.assertAllPass;
import static org.rnnautograder.suite.SuiteHarness.assertFails;
import static org.rnnautograder.suite.SuiteHarness.assertPasses;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;
import org.rnnautograder.assignment.CrossEntropy;
import org.rnnautograder.assignment.NotImplementedYetException;
import org.rnnautograder.assignment.Submission;
import org.rnnautograder.grading.CheckResult;
import org.rnnautograder.i18n.Language;
import org.rnnautograder.i18n.Messages;
import submission.RnnSubmission;

/** The CrossEntropy checks give the reference full points and catch each typical bug with a message naming it. */
class CrossEntropyChecksTest {
    private static final int POINTS = 12;
    private static final Set<String> IDS = Set.of("crossentropy.softmax.fixtures", "crossentropy.softmax.distribution",
            "crossentropy.softmax.shift-invariant", "crossentropy.loss.fixtures", "crossentropy.loss.property",
            "crossentropy.gradient.fixtures", "crossentropy.gradient.property", "crossentropy.sequence-loss",
            "crossentropy.bad-input", "crossentropy.inputs-untouched", "crossentropy.reference");

    @Test
    void referenceScoresFullPoints() {
        Map<String, CheckResult> results = run(new RnnSubmission());
        assertEquals(IDS, results.keySet());
        assertEquals(POINTS, results.values().stream().mapToInt(CheckResult::points).sum(), "the component's budget");
        assertAllPass(results, IDS.size(), POINTS, "reference");
        assertTrue(results.values().stream().allMatch(r -> r.component().equals("CrossEntropy")));
    }

    @Test
    void referencePassesForFiftySeeds() {
        for (long seed = 1; seed <= 50; seed++) {
            assertAllPass(SuiteHarness.run(new RnnSubmission(), new RnnSubmission(), seed * 104729, CrossEntropyChecks.class),
                    IDS.size(), POINTS, "seed " + seed * 104729);
        }
    }

    @Test
    void studentModeSkipsTheReferenceCheck() {
        Map<String, CheckResult> results = SuiteHarness.run(new RnnSubmission(), null, SuiteHarness.SEED, CrossEntropyChecks.class);
        CheckResult ref = SuiteHarness.result(results, "crossentropy.reference");
        assertEquals(CheckResult.Status.SKIPPED, ref.status());
        assertTrue(ref.message().contains(ComponentChecks.GRADED_BY_INSTRUCTOR), ref.message());
        assertEquals(POINTS - 1, results.values().stream().mapToInt(CheckResult::earned).sum());
    }

    @Test
    void softmaxWithoutSubtractingTheMax() {
        Map<String, CheckResult> results = run(withCrossEntropy(new CeDelegate() {
            @Override
            public SimpleMatrix softmax(SimpleMatrix logits) {
                SimpleMatrix e = logits.elementExp();
                return e.divide(e.elementSum());
            }
        }));
        assertFails(results, "crossentropy.softmax.fixtures", "fixture 'softmax logits of ±1000", "subtract the max",
                "NaN");
        assertFails(results, "crossentropy.softmax.distribution", "subtract the max", "seed");
        assertFails(results, "crossentropy.softmax.shift-invariant", "subtract the max", "c = ");
        assertFails(results, "crossentropy.reference", "subtract the max");
        assertPasses(results, "crossentropy.loss.fixtures");
        assertPasses(results, "crossentropy.gradient.fixtures");
    }

    @Test
    void softmaxWithoutNormalising() {
        Map<String, CheckResult> results = run(withCrossEntropy(new CeDelegate() {
            @Override
            public SimpleMatrix softmax(SimpleMatrix logits) {
                return logits.minus(logits.elementMax()).elementExp();
            }
        }));
        assertFails(results, "crossentropy.softmax.fixtures", "did not divide by the sum");
        assertFails(results, "crossentropy.softmax.distribution", "sums to", "not 1");
    }

    @Test
    void softmaxInPlace() {
        Map<String, CheckResult> results = run(withCrossEntropy(new CeDelegate() {
            @Override
            public SimpleMatrix softmax(SimpleMatrix logits) {
                SimpleMatrix o = ref.softmax(logits);
                logits.setTo(o);
                return logits;
            }
        }));
        assertFails(results, "crossentropy.inputs-untouched", "CrossEntropy.softmax(logits) modified its argument logits",
                "return a new matrix");
        assertPasses(results, "crossentropy.softmax.fixtures");
    }

    @Test
    void lossWithoutTheMinus() {
        Map<String, CheckResult> results = run(withCrossEntropy(new CeDelegate() {
            @Override
            public double loss(SimpleMatrix o, int target) {
                return Math.log(o.get(target, 0));
            }
        }));
        assertFails(results, "crossentropy.loss.fixtures", "ln o[target] instead of −ln o[target]");
        assertFails(results, "crossentropy.loss.property", "instead of −ln o[target]", "seed");
        assertFails(results, "crossentropy.reference", "instead of −ln o[target]");
    }

    @Test
    void lossWithLog10() {
        Map<String, CheckResult> results = run(withCrossEntropy(new CeDelegate() {
            @Override
            public double loss(SimpleMatrix o, int target) {
                return -Math.log10(o.get(target, 0));
            }
        }));
        assertFails(results, "crossentropy.loss.fixtures", "Math.log10", "natural log");
        assertFails(results, "crossentropy.loss.property", "Math.log10");
    }

    @Test
    void gradientMissingTheMinusOne() {
        Map<String, CheckResult> results = run(withCrossEntropy(new CeDelegate() {
            @Override
            public SimpleMatrix gradient(SimpleMatrix o, int target) {
                return o.copy();
            }
        }));
        assertFails(results, "crossentropy.gradient.fixtures", "the −1 at the target is missing");
        assertFails(results, "crossentropy.gradient.property", "the −1 at the target is missing", "seed");
        assertFails(results, "crossentropy.reference", "the −1 at the target is missing");
        assertPasses(results, "crossentropy.inputs-untouched");
    }

    @Test
    void gradientWithTheSignFlipped() {
        Map<String, CheckResult> results = run(withCrossEntropy(new CeDelegate() {
            @Override
            public SimpleMatrix gradient(SimpleMatrix o, int target) {
                return ref.gradient(o, target).negative();
            }
        }));
        assertFails(results, "crossentropy.gradient.fixtures", "sign is flipped");
        assertFails(results, "crossentropy.gradient.property", "sign is flipped");
    }

    @Test
    void gradientThatModifiesO() {
        Map<String, CheckResult> results = run(withCrossEntropy(new CeDelegate() {
            @Override
            public SimpleMatrix gradient(SimpleMatrix o, int target) {
                o.set(target, 0, o.get(target, 0) - 1);
                return o;
            }
        }));
        assertFails(results, "crossentropy.inputs-untouched", "CrossEntropy.gradient(o, 1) modified its argument o",
                "o[1,0] was 0.5 before the call and is -0.5 after it", "o.set(target, o.get(target) − 1); return o;",
                "dz = o.copy()");
        // the values are right: only the mutation is wrong, and only that check says so
        assertPasses(results, "crossentropy.gradient.fixtures");
        assertPasses(results, "crossentropy.gradient.property");
        assertPasses(results, "crossentropy.reference");
    }

    @Test
    void gradientThatReturnsOItself() {
        // a contrived bug that shows the aliasing message: the values are right for this argument only by accident
        Map<String, CheckResult> results = run(withCrossEntropy(new CeDelegate() {
            @Override
            public SimpleMatrix gradient(SimpleMatrix o, int target) {
                SimpleMatrix dz = ref.gradient(o, target);
                return o.getNumRows() == 3 && o.get(1, 0) == 0.5 ? o : dz;
            }
        }));
        assertFails(results, "crossentropy.inputs-untouched", "CrossEntropy.gradient(o, 1) returned its argument o");
    }

    @Test
    void sequenceLossAveragedOverTime() {
        Map<String, CheckResult> results = run(withCrossEntropy(new CeDelegate() {
            @Override
            public double sequenceLoss(List<SimpleMatrix> outputs, int[] targets) {
                return ref.sequenceLoss(outputs, targets) / targets.length;
            }
        }));
        assertFails(results, "crossentropy.sequence-loss", "fixture 'sequenceLoss T=4'", "averaged over time",
                "do not divide by T");
        assertFails(results, "crossentropy.reference", "averaged over time");
        assertPasses(results, "crossentropy.bad-input");
    }

    @Test
    void sequenceLossOfTheLastStepOnly() {
        Map<String, CheckResult> results = run(withCrossEntropy(new CeDelegate() {
            @Override
            public double sequenceLoss(List<SimpleMatrix> outputs, int[] targets) {
                if (outputs.size() != targets.length) {
                    throw new IllegalArgumentException(outputs.size() + " outputs but " + targets.length + " targets");
                }
                int t = targets.length - 1;
                return ref.loss(outputs.get(t), targets[t]);
            }
        }));
        assertFails(results, "crossentropy.sequence-loss", "only the last time step counts");
    }

    @Test
    void noRangeCheckOnTheTarget() {
        Map<String, CheckResult> results = run(withCrossEntropy(new CeDelegate() {
            @Override
            public double loss(SimpleMatrix o, int target) {
                return -Math.log(o.get(target)); // the flat index: ArrayIndexOutOfBoundsException, not IAE
            }
        }));
        assertFails(results, "crossentropy.bad-input", "CrossEntropy.loss(o, 3)", "ArrayIndexOutOfBoundsException",
                "IllegalArgumentException was expected", "target must be in 0 … m−1");
        assertPasses(results, "crossentropy.loss.fixtures");
    }

    @Test
    void noLengthCheckInSequenceLoss() {
        Map<String, CheckResult> results = run(withCrossEntropy(new CeDelegate() {
            @Override
            public double sequenceLoss(List<SimpleMatrix> outputs, int[] targets) {
                double sum = 0;
                for (int t = 0; t < targets.length; t++) {
                    sum += ref.loss(outputs.get(t), targets[t]);
                }
                return sum;
            }
        }));
        assertFails(results, "crossentropy.bad-input", "CrossEntropy.sequenceLoss", "3 outputs, 5 targets",
                "IllegalArgumentException was expected", "naming both lengths");
        assertPasses(results, "crossentropy.sequence-loss");
    }

    @Test
    void lengthMismatchWithAVagueMessage() {
        Map<String, CheckResult> results = run(withCrossEntropy(new CeDelegate() {
            @Override
            public double sequenceLoss(List<SimpleMatrix> outputs, int[] targets) {
                if (outputs.size() != targets.length) {
                    throw new IllegalArgumentException("lengths differ");
                }
                return ref.sequenceLoss(outputs, targets);
            }
        }));
        assertFails(results, "crossentropy.bad-input", "\"lengths differ\" does not name both lengths (3 and 5)");
    }

    @Test
    void chineseMessagesKeepTheFacts() {
        CrossEntropy wrongRow = new CeDelegate() {
            @Override
            public SimpleMatrix gradient(SimpleMatrix o, int target) {
                SimpleMatrix dz = o.copy();
                int row = (target + 1) % o.getNumRows();
                dz.set(row, 0, dz.get(row, 0) - 1);
                return dz;
            }
        };
        CrossEntropy noNormalising = new CeDelegate() {
            @Override
            public SimpleMatrix softmax(SimpleMatrix logits) {
                return logits.minus(logits.elementMax()).elementExp();
            }
        };
        CrossEntropy vagueLengths = new CeDelegate() {
            @Override
            public double sequenceLoss(List<SimpleMatrix> outputs, int[] targets) {
                if (outputs.size() != targets.length) {
                    throw new IllegalArgumentException("lengths differ");
                }
                return ref.sequenceLoss(outputs, targets);
            }
        };
        Language before = Messages.use(Language.ZH);
        try {
            Map<String, CheckResult> results = run(withCrossEntropy(wrongRow));
            // the first fixture: m = 3, target 1; the bug subtracts 1 at row 2
            CheckResult r = assertFails(results, "crossentropy.gradient.fixtures", "CrossEntropy.gradient(o, 1)",
                    "测试用例“gradient softmax [1, 2, 3], target 1”，o = ", "[1,0]", "-0.755272",
                    "最可能的原因：1 减在了第 2 行，而不是第 target = 1 行。");
            assertFalse(r.message().contains("Most likely cause"), r.message());

            results = run(withCrossEntropy(noNormalising));
            assertFails(results, "crossentropy.softmax.fixtures", "CrossEntropy.softmax(z)", "测试用例“",
                    "你没有除以总和");
            assertFails(results, "crossentropy.softmax.distribution", "softmax(z) 有限、每个元素在 [0, 1] 内且和为 1",
                    "softmax(z) 的和是 ", "，不是 1。", "除以所有 j 的 exp(z[j] − max z) 之和");

            assertFails(run(withCrossEntropy(vagueLengths)), "crossentropy.bad-input",
                    "CrossEntropy.sequenceLoss 拒绝了 3 个输出，5 个目标，但它的消息“lengths differ”没有写出两个长度（3 和 5）。",
                    "并在消息里写出两个长度");
        } finally {
            Messages.use(before);
        }
    }

    @Test
    void notImplementedGivesOneLine() {
        CrossEntropy stub = new CrossEntropy() {
            @Override
            public SimpleMatrix softmax(SimpleMatrix logits) {
                throw new NotImplementedYetException("CrossEntropy.softmax");
            }

            @Override
            public double loss(SimpleMatrix o, int target) {
                throw new NotImplementedYetException("CrossEntropy.loss");
            }

            @Override
            public SimpleMatrix gradient(SimpleMatrix o, int target) {
                throw new NotImplementedYetException("CrossEntropy.gradient");
            }

            @Override
            public double sequenceLoss(List<SimpleMatrix> outputs, int[] targets) {
                throw new NotImplementedYetException("CrossEntropy.sequenceLoss");
            }
        };
        Map<String, CheckResult> results = run(withCrossEntropy(stub));
        SuiteHarness.assertAllNotImplemented(results, IDS.size());
        for (CheckResult r : results.values()) {
            assertTrue(r.message().matches("CrossEntropy\\.\\w+ — not implemented yet"), r.id() + ": " + r.message());
        }
        // each check names the method it needs first
        assertEquals("CrossEntropy.gradient — not implemented yet",
                SuiteHarness.result(results, "crossentropy.gradient.fixtures").message());
        assertEquals("CrossEntropy.sequenceLoss — not implemented yet",
                SuiteHarness.result(results, "crossentropy.sequence-loss").message());
    }

    private static Map<String, CheckResult> run(Submission student) {
        return SuiteHarness.run(student, CrossEntropyChecks.class);
    }

    /** The reference with its cross-entropy replaced (often by a {@link CeDelegate} with one method overridden). */
    private static Submission withCrossEntropy(CrossEntropy ce) {
        return SubmissionWrapper.ofReference().with(ce);
    }

    /** Delegates to the reference's CrossEntropy. */
    static class CeDelegate implements CrossEntropy {
        final CrossEntropy ref = new RnnSubmission().crossEntropy();

        @Override
        public SimpleMatrix softmax(SimpleMatrix logits) {
            return ref.softmax(logits);
        }

        @Override
        public double loss(SimpleMatrix o, int target) {
            return ref.loss(o, target);
        }

        @Override
        public SimpleMatrix gradient(SimpleMatrix o, int target) {
            return ref.gradient(o, target);
        }

        @Override
        public double sequenceLoss(List<SimpleMatrix> outputs, int[] targets) {
            return ref.sequenceLoss(outputs, targets);
        }
    }
}
