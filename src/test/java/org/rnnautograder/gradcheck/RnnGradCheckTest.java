package org.rnnautograder.gradcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.rnnautograder.assignment.ActivationKind;
import org.rnnautograder.assignment.CellGradients;
import org.rnnautograder.assignment.RnnGradients;
import org.rnnautograder.i18n.Language;
import org.rnnautograder.i18n.Messages;
import org.rnnautograder.assignment.RnnParameters;

/** Gradient checks of whole-sequence BPTT and of one cell step, with seeded random problems. */
class RnnGradCheckTest {

    /** Case seed → a random problem: m 2…12, n 1…10, T 1…12, tanh/relu, one-hot or dense x, scale 0.3…3. */
    static RnnProblem smallProblem(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int m = 2 + r.nextInt(11);
        int n = 1 + r.nextInt(10);
        int T = 1 + r.nextInt(12);
        ActivationKind g1 = r.nextBoolean() ? ActivationKind.TANH : ActivationKind.RELU;
        boolean oneHot = r.nextDouble() < 0.7;
        return RnnProblemGenerator.random(r.nextLong(), m, n, T, g1, oneHot, 0.3 * Math.pow(10, r.nextDouble()));
    }

    @Test
    void referenceBpttAgreesWithAnIndependentSimpleMatrixBptt() {
        for (long seed = 0; seed < 300; seed++) {
            RnnProblem p = smallProblem(seed);
            double d = GradientDistance.max(ReferenceRnn.gradients(p),
                    SimpleMatrixBptt.backward(p.params(), p.xs(), p.targets(), p.g1()));
            assertTrue(d < 1e-12, "seed " + seed + " (" + p.shape() + "): distance " + d);
        }
    }

    /** 2000 correct cases in FULL mode, 500 in SAMPLED, 500 in DIRECTIONAL: never a false failure. */
    @TestFactory
    Stream<DynamicTest> correctGradientsAlwaysPass() {
        return Stream.of(CheckMode.values()).map(mode -> DynamicTest.dynamicTest(mode + " mode", () -> {
            int cases = mode == CheckMode.FULL ? 2000 : 500;
            long excluded = 0;
            for (long seed = 0; seed < cases; seed++) {
                RnnProblem p = smallProblem(seed);
                RnnGradients g = SimpleMatrixBptt.backward(p.params(), p.xs(), p.targets(), p.g1());
                GradCheckReport report = RnnGradCheck.checkSequence(p, g, GradCheckOptions.defaults().withMode(mode)
                        .withSeed(seed));
                long s = seed;
                assertTrue(report.passed(), () -> "false failure, seed " + s + " (" + p.shape() + "): " + report);
                excluded += report.excluded();
            }
            System.out.printf("correct gradients, %s mode: %d cases passed, %d entries excluded near relu kinks%n",
                    mode, cases, excluded);
        }));
    }

    /** Large shapes (up to m 30, n 32, T 40), SAMPLED mode. */
    @Test
    void correctGradientsOfLargeProblemsPass() {
        for (long seed = 0; seed < 60; seed++) {
            SplittableRandom r = new SplittableRandom(1000 + seed);
            RnnProblem p = RnnProblemGenerator.random(seed, 20 + r.nextInt(11), 20 + r.nextInt(13), 25 + r.nextInt(16),
                    seed % 2 == 0 ? ActivationKind.TANH : ActivationKind.RELU, seed % 3 != 0, 1 + r.nextDouble());
            GradCheckReport report = RnnGradCheck.checkSequence(p, ReferenceRnn.gradients(p),
                    GradCheckOptions.defaults().withMode(CheckMode.SAMPLED).withSeed(seed));
            long s = seed;
            assertTrue(report.passed(), () -> "false failure, seed " + s + " (" + p.shape() + "): " + report);
        }
    }

    /** One entry a → a(1 + δ), δ = ±1e-2, with δ|a| ≥ 10 atol: FULL mode fails and names that entry. */
    @Test
    void perturbedGradientsFailAndTheEntryIsNamed() {
        int tested = 0;
        for (long seed = 0; seed < 600; seed++) {
            RnnProblem p = smallProblem(seed);
            SplittableRandom r = new SplittableRandom(seed);
            RnnGradients g = ReferenceRnn.gradients(p);
            int b = r.nextInt(5);
            SimpleMatrix block = g.blocks().get(b);
            int row = r.nextInt(block.getNumRows());
            int col = r.nextInt(block.getNumCols());
            double a = block.get(row, col);
            double delta = r.nextBoolean() ? 1e-2 : -1e-2;
            if (Math.abs(a * delta) < 10 * GradCheckOptions.DEFAULT_ATOL) {
                continue;
            }
            tested++;
            List<SimpleMatrix> blocks = new java.util.ArrayList<>(g.copy().blocks());
            blocks.get(b).set(row, col, a * (1 + delta));
            GradCheckReport report = RnnGradCheck.checkSequence(p, RnnGradients.ofBlocks(blocks),
                    GradCheckOptions.defaults());
            long s = seed;
            BlockReport br = report.blocks().get(b);
            assertFalse(report.passed(), () -> "perturbation not caught, seed " + s + " (" + p.shape() + "), d"
                    + RnnParameters.BLOCKS.get(b) + "[" + row + "," + col + "]: " + report);
            assertEquals(1, br.entriesFailed(), () -> "seed " + s + ": " + report);
            assertEquals(row, br.worstRow(), () -> "seed " + s + ": " + report);
            assertEquals(col, br.worstCol(), () -> "seed " + s + ": " + report);
        }
        assertTrue(tested > 300, "too few perturbation cases: " + tested);
    }

    /** One backward step of the cell, written out; the wrong variant uses W instead of Wᵀ for ds_prev. */
    static CellGradients cellBackward(RnnParameters p, SimpleMatrix x, SimpleMatrix sPrev, SimpleMatrix dLogits,
            SimpleMatrix dsNext, ActivationKind g1, boolean wNotTransposed) {
        SimpleMatrix z = p.U().mult(x).plus(p.W().mult(sPrev)).plus(p.b_a());
        SimpleMatrix s = RnnGradCheck.referenceCell(g1).forward(p, x, sPrev).s_t();
        SimpleMatrix ds = p.V().transpose().mult(dLogits).plus(dsNext);
        SimpleMatrix dz = ds.copy();
        for (int i = 0; i < dz.getNumRows(); i++) {
            double d = g1 == ActivationKind.TANH ? 1 - s.get(i) * s.get(i) : (z.get(i) > 0 ? 1 : 0);
            dz.set(i, 0, ds.get(i) * d);
        }
        RnnGradients grads = new RnnGradients(dz.mult(x.transpose()), dz.mult(sPrev.transpose()),
                dLogits.mult(s.transpose()), dz, dLogits.copy());
        return new CellGradients(grads, (wNotTransposed ? p.W() : p.W().transpose()).mult(dz));
    }

    @TestFactory
    Stream<DynamicTest> cellBackwardIsCheckedIncludingDsPrev() {
        return LongStream.range(0, 200).mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed, () -> {
            RnnProblem p = smallProblem(seed);
            SplittableRandom r = new SplittableRandom(seed);
            int n = p.n();
            SimpleMatrix sPrev = RnnProblemGenerator.uniform(n, 1, 0.9, r);
            SimpleMatrix o = RnnGradCheck.referenceCell(p.g1()).forward(p.params(), p.xs().get(0), sPrev).o_t();
            SimpleMatrix dLogits = o.copy();
            dLogits.set(p.targets()[0], 0, dLogits.get(p.targets()[0]) - 1);
            SimpleMatrix dsNext = RnnProblemGenerator.uniform(n, 1, 1, r);
            CellForward forward = RnnGradCheck.referenceCell(p.g1());
            GradCheckReport ok = RnnGradCheck.checkCell(forward, p.params(), p.xs().get(0), sPrev, dLogits, dsNext,
                    p.g1(), cellBackward(p.params(), p.xs().get(0), sPrev, dLogits, dsNext, p.g1(), false),
                    GradCheckOptions.defaults());
            assertTrue(ok.passed(), () -> "seed " + seed + " (" + p.shape() + "): " + ok);
            assertEquals(6, ok.blocks().size());
            assertEquals("s_prev", ok.blocks().get(5).name());
            CellGradients wrong = cellBackward(p.params(), p.xs().get(0), sPrev, dLogits, dsNext, p.g1(), true);
            SimpleMatrix right = cellBackward(p.params(), p.xs().get(0), sPrev, dLogits, dsNext, p.g1(), false)
                    .ds_prev();
            boolean differs = GradientDistance.block(wrong.ds_prev(), right) > 1e-3
                    && wrong.ds_prev().minus(right).elementMaxAbs() > 10 * GradCheckOptions.DEFAULT_ATOL;
            if (differs) {
                GradCheckReport bad = RnnGradCheck.checkCell(forward, p.params(), p.xs().get(0), sPrev, dLogits, dsNext,
                        p.g1(), wrong, GradCheckOptions.defaults());
                assertFalse(bad.blocks().get(5).passed(), () -> "seed " + seed + ": " + bad);
                assertTrue(bad.blocks().subList(0, 5).stream().allMatch(BlockReport::passed), bad::toString);
                assertTrue(bad.summary().startsWith("5 of 6 blocks pass; worst: ds_prev["), bad.summary());
            }
        }));
    }

    @Test
    void reportsSerialiseWithJackson() throws Exception {
        RnnProblem p = RnnProblemGenerator.doctorProblem(1, ActivationKind.TANH);
        GradCheckReport report = RnnGradCheck.checkSequence(p, BugModel.DW_TRANSPOSED.inject(p),
                GradCheckOptions.defaults());
        ObjectMapper json = new ObjectMapper();
        String text = json.writeValueAsString(report);
        JsonNode tree = json.readTree(text);
        assertEquals(5, tree.get("blocks").size());
        assertEquals("W", tree.get("blocks").get(1).get("name").asText());
        assertFalse(tree.get("passed").asBoolean());
        GradCheckReport back = json.readValue(text, GradCheckReport.class);
        assertEquals(report, back);
        Diagnosis d = BpttDoctor.diagnose(p, (params, xs, ys) -> BugModel.DW_TRANSPOSED.inject(
                new RnnProblem(params, xs, ys, ActivationKind.TANH)));
        assertEquals(d, json.readValue(json.writeValueAsString(d), Diagnosis.class));
        System.out.println(report);
        System.out.println(json.writeValueAsString(d));
    }

    @Test
    void aTransposedDWIsReportedInChineseWithTheSameEntryAndNumbers() {
        RnnProblem p = RnnProblemGenerator.doctorProblem(1, ActivationKind.TANH);
        GradCheckReport report = RnnGradCheck.checkSequence(p, BugModel.DW_TRANSPOSED.inject(p),
                GradCheckOptions.defaults());
        Language before = Messages.use(Language.EN);
        try {
            String en = report.summary();
            assertTrue(en.startsWith("4 of 5 blocks pass; worst: dW["), en);
            Messages.use(Language.ZH);
            String zh = report.summary();
            assertTrue(zh.startsWith("5 个梯度块中有 4 个通过梯度检验；最差的元素：" + report.worstBlock().worstLabel() + "，解析值 "),
                    zh);
            assertTrue(zh.endsWith("（中心差分共计算损失 " + report.evaluations() + " 次）"), zh);
            assertEquals(GradientCheckerTest.numbers(en), GradientCheckerTest.numbers(zh), () -> en + "\n" + zh);
        } finally {
            Messages.use(before);
        }
    }

    @Test
    void sampledModeUsesTwoEvaluationsPerSampledEntry() {
        RnnProblem p = RnnProblemGenerator.random(4, 30, 32, 25, ActivationKind.TANH, true, 1);
        GradCheckReport sampled = RnnGradCheck.checkSequence(p, ReferenceRnn.gradients(p),
                GradCheckOptions.defaults().withMode(CheckMode.SAMPLED));
        assertEquals(1 + 2 * 5 * GradCheckOptions.DEFAULT_SAMPLES_PER_BLOCK, sampled.evaluations());
        assertTrue(IntStream.range(0, 5).allMatch(b -> sampled.blocks().get(b).entriesChecked() == 8));
    }

    /** A relu problem with z_1[0] = 1e-9 (b_a[0] chosen for it): differences across the kink are excluded. */
    @Test
    void reluKinkEntriesAreExcludedAndCounted() {
        RnnProblem p = RnnProblemGenerator.random(9, 5, 4, 4, ActivationKind.RELU, true, 1);
        SimpleMatrix ba = p.params().b_a().copy();
        ba.set(0, 0, 1e-9 - p.params().U().mult(p.xs().get(0)).get(0, 0));
        RnnParameters q = new RnnParameters(p.params().U(), p.params().W(), p.params().V(), ba, p.params().b_y());
        RnnProblem kinked = p.withParams(q);
        RnnGradients g = ReferenceRnn.gradients(kinked);
        GradCheckReport report = RnnGradCheck.checkSequence(kinked, g, GradCheckOptions.defaults());
        assertTrue(report.passed(), report::toString);
        assertTrue(report.excluded() > 0, report::toString);
        GradCheckReport unguarded = new GradientChecker(GradCheckOptions.defaults()).check(
                blocks -> ReferenceRnn.loss(blocks, kinked), RnnParameters.BLOCKS, q.blocks(), g.blocks());
        System.out.println("relu kink at z_1[0] = 1e-9: guarded: " + report.summary() + System.lineSeparator()
                + "  unguarded: " + unguarded.summary());
    }
}
