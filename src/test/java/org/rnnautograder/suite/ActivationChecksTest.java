package org.rnnautograder.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rnnautograder.suite.SuiteHarness.assertAllPass;
import static org.rnnautograder.suite.SuiteHarness.assertFails;
import static org.rnnautograder.suite.SuiteHarness.assertPasses;
import static org.rnnautograder.suite.SuiteHarness.run;

import java.util.Map;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;
import org.rnnautograder.assignment.Activation;
import org.rnnautograder.assignment.ActivationKind;
import org.rnnautograder.assignment.NotImplementedYetException;
import org.rnnautograder.assignment.Submission;
import org.rnnautograder.grading.CheckResult;
import org.rnnautograder.i18n.Language;
import org.rnnautograder.i18n.Messages;
import submission.RnnSubmission;

/** The Activation checks give the reference full points and catch each typical bug with a message naming it. */
class ActivationChecksTest {
    private static final int POINTS = 6;
    private static final Set<String> IDS = Set.of("activation.tanh.fixtures", "activation.relu.fixtures",
            "activation.property.central-differences", "activation.inputs-untouched", "activation.reference");

    @Test
    void referenceScoresFullPoints() {
        Map<String, CheckResult> results = run(new RnnSubmission(), ActivationChecks.class);
        assertEquals(IDS, results.keySet());
        assertEquals(POINTS, results.values().stream().mapToInt(CheckResult::points).sum(), "the component's budget");
        assertAllPass(results, IDS.size(), POINTS, "reference");
        assertTrue(results.values().stream().allMatch(r -> r.component().equals("Activation")));
    }

    @Test
    void referencePassesForFiftySeeds() {
        for (long seed = 1; seed <= 50; seed++) {
            assertAllPass(run(new RnnSubmission(), new RnnSubmission(), seed * 7919, ActivationChecks.class),
                    IDS.size(), POINTS, "seed " + seed * 7919);
        }
    }

    @Test
    void studentModeSkipsTheReferenceCheck() {
        Map<String, CheckResult> results = run(new RnnSubmission(), null, SuiteHarness.SEED, ActivationChecks.class);
        CheckResult ref = SuiteHarness.result(results, "activation.reference");
        assertEquals(CheckResult.Status.SKIPPED, ref.status());
        assertTrue(ref.message().contains(ComponentChecks.GRADED_BY_INSTRUCTOR), ref.message());
        assertEquals(POINTS - 1, results.values().stream().mapToInt(CheckResult::earned).sum());
    }

    @Test
    void tanhDerivativeComputedFromZAsIfItWereS() {
        Submission bug = withActivation(ActivationKind.TANH,
                a -> activation(a::value, z -> CellMath.map(z, v -> 1 - v * v)));
        Map<String, CheckResult> results = run(bug, ActivationChecks.class);
        assertFails(results, "activation.tanh.fixtures", "Activation.derivative", "1 − z²", "derivative receives z", "fixture 'tanh");
        assertFails(results, "activation.property.central-differences", "1 − z²", "seed", "central differences");
        assertFails(results, "activation.reference", "1 − z²");
        assertPasses(results, "activation.relu.fixtures");
        assertPasses(results, "activation.inputs-untouched");
    }

    @Test
    void tanhDerivativeReturnsTheValue() {
        Submission bug = withActivation(ActivationKind.TANH, a -> activation(a::value, a::value));
        Map<String, CheckResult> results = run(bug, ActivationChecks.class);
        assertFails(results, "activation.tanh.fixtures", "derivative returns g1(z)");
        assertFails(results, "activation.property.central-differences", "derivative returns g1(z)");
        assertFails(results, "activation.reference", "derivative returns g1(z)");
    }

    @Test
    void tanhDerivativeWithoutTheSquare() {
        Submission bug = withActivation(ActivationKind.TANH, a -> activation(a::value, z -> CellMath.map(z, v -> 1 - Math.tanh(v))));
        assertFails(run(bug, ActivationChecks.class), "activation.tanh.fixtures", "forgot the square");
    }

    @Test
    void onlyTheFirstColumnIsComputed() {
        Submission bug = withActivation(ActivationKind.TANH, a -> activation(z -> firstColumnOnly(z, Math::tanh),
                z -> firstColumnOnly(z, v -> 1 - Math.tanh(v) * Math.tanh(v))));
        Map<String, CheckResult> results = run(bug, ActivationChecks.class);
        assertFails(results, "activation.tanh.fixtures", "fixture 'tanh 2×3 matrix'", "Only the first column",
                "any matrix");
    }

    @Test
    void reluDerivativeAtZeroIsOne() {
        Submission bug = withActivation(ActivationKind.RELU, a -> activation(a::value, z -> CellMath.map(z, v -> v >= 0 ? 1 : 0)));
        Map<String, CheckResult> results = run(bug, ActivationChecks.class);
        assertFails(results, "activation.relu.fixtures", "relu'(0)", "z > 0, not z >= 0", "[1,0]");
        assertFails(results, "activation.reference", "relu'(0)");
        // away from the kink the derivative is right: the central-difference property stays fair
        assertPasses(results, "activation.property.central-differences");
        assertPasses(results, "activation.tanh.fixtures");
    }

    @Test
    void reluDerivativeReturnsTheValue() {
        Submission bug = withActivation(ActivationKind.RELU, a -> activation(a::value, a::value));
        Map<String, CheckResult> results = run(bug, ActivationChecks.class);
        assertFails(results, "activation.relu.fixtures", "derivative returns g1(z)");
        assertFails(results, "activation.property.central-differences", "relu", "derivative returns g1(z)");
    }

    @Test
    void reluValueComputedInPlace() {
        Submission bug = withActivation(ActivationKind.RELU, a -> activation(z -> {
            for (int r = 0; r < z.getNumRows(); r++) {
                for (int c = 0; c < z.getNumCols(); c++) {
                    z.set(r, c, Math.max(0, z.get(r, c)));
                }
            }
            return z;
        }, a::derivative));
        Map<String, CheckResult> results = run(bug, ActivationChecks.class);
        assertFails(results, "activation.inputs-untouched", "Activation.value(z) of relu modified its argument z",
                "z.set(…) in a loop", "return a new matrix");
        // the checks pass copies: the values themselves are right
        assertPasses(results, "activation.relu.fixtures");
    }

    @Test
    void valueReturnsItsArgument() {
        Submission bug = withActivation(ActivationKind.TANH, a -> activation(z -> z, a::derivative));
        Map<String, CheckResult> results = run(bug, ActivationChecks.class);
        assertFails(results, "activation.inputs-untouched", "returned its argument z as the result");
        assertFails(results, "activation.tanh.fixtures", "returned z unchanged");
    }

    @Test
    void chineseMessagesKeepTheFacts() {
        Submission zSquared = withActivation(ActivationKind.TANH,
                a -> activation(a::value, z -> CellMath.map(z, v -> 1 - v * v)));
        Submission reluAtZero = withActivation(ActivationKind.RELU,
                a -> activation(a::value, z -> CellMath.map(z, v -> v >= 0 ? 1 : 0)));
        Submission inPlace = withActivation(ActivationKind.RELU, a -> activation(z -> {
            z.set(0, 0, Math.max(0, z.get(0, 0)));
            return a.value(z);
        }, a::derivative));
        Language before = Messages.use(Language.ZH);
        try {
            Map<String, CheckResult> results = run(zSquared, ActivationChecks.class);
            CheckResult r = assertFails(results, "activation.tanh.fixtures", "tanh: Activation.derivative(z)",
                    "测试用例“tanh", "最可能的原因：你计算的是 1 − z²", "derivative 接收的是 z，不是 s");
            assertFalse(r.message().contains("Most likely cause"), r.message());
            assertFails(results, "activation.property.central-differences", "形状为", "的 z",
                    "与你自己的 value(z) 的中心差分比较，h = 1.0E-6", "1 − z²");

            results = run(reluAtZero, ActivationChecks.class);
            assertFails(results, "activation.relu.fixtures", "relu: Activation.derivative(z)", "[1,0]",
                    "relu'(0) 算成了 1", "z > 0，而不是 z >= 0");
            assertFails(results, "activation.reference", "relu 与参考答案一致", "relu'(0) 算成了 1");

            assertFails(run(inPlace, ActivationChecks.class), "activation.inputs-untouched",
                    "Activation.value(z)（relu）", "z[0,0]", "-1.5", "在循环里调用了 z.set(…)", "z.copy()");
        } finally {
            Messages.use(before);
        }
    }

    @Test
    void notImplementedGivesOneLine() {
        Activation stub = activation(z -> {
            throw new NotImplementedYetException("Activation.value");
        }, z -> {
            throw new NotImplementedYetException("Activation.derivative");
        });
        Map<String, CheckResult> results = run(SubmissionWrapper.ofReference().with(stub), ActivationChecks.class);
        SuiteHarness.assertAllNotImplemented(results, IDS.size());
        for (CheckResult r : results.values()) {
            assertTrue(r.message().startsWith("Activation.value — not implemented yet"), r.id() + ": " + r.message());
        }
    }

    /** The reference's activation of {@code kind} with its value or derivative replaced. */
    private static Submission withActivation(ActivationKind kind, UnaryOperator<Activation> bug) {
        return SubmissionWrapper.ofReference().withActivation(kind, bug);
    }

    /** An activation from two functions. */
    static Activation activation(Function<SimpleMatrix, SimpleMatrix> value, Function<SimpleMatrix, SimpleMatrix> derivative) {
        return new Activation() {
            @Override
            public SimpleMatrix value(SimpleMatrix z) {
                return value.apply(z);
            }

            @Override
            public SimpleMatrix derivative(SimpleMatrix z) {
                return derivative.apply(z);
            }
        };
    }

    private static SimpleMatrix firstColumnOnly(SimpleMatrix z, DoubleUnaryOperator f) {
        SimpleMatrix out = new SimpleMatrix(z.getNumRows(), z.getNumCols());
        for (int r = 0; r < z.getNumRows(); r++) {
            out.set(r, 0, f.applyAsDouble(z.get(r, 0)));
        }
        return out;
    }
}
