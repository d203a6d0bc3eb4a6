package org.rnnautograder.gradcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;
import org.rnnautograder.assignment.ActivationKind;
import org.rnnautograder.assignment.RnnGradients;
import org.rnnautograder.i18n.Language;
import org.rnnautograder.i18n.Messages;

/** Every bug model, injected as the "student", is diagnosed as itself; correct students never as a bug. */
class BpttDoctorTest {
    static final int SEEDS = 25;

    static StudentBackward student(BugModel bug, ActivationKind g1) {
        return (params, xs, ys) -> bug.inject(new RnnProblem(params, xs, ys, g1));
    }

    static StudentBackward correctStudent(ActivationKind g1) {
        return (params, xs, ys) -> SimpleMatrixBptt.backward(params, xs, ys, g1);
    }

    @Test
    void everyBugModelIsDiagnosedAsItself() {
        Map<BugModel, Map<String, Integer>> confusion = new EnumMap<>(BugModel.class);
        List<String> misses = new ArrayList<>();
        for (BugModel bug : BugModel.values()) {
            Map<String, Integer> row = new TreeMap<>();
            for (ActivationKind g1 : ActivationKind.values()) {
                for (long seed = 0; seed < SEEDS; seed++) {
                    RnnProblem p = RnnProblemGenerator.doctorProblem(seed, g1);
                    if (!bug.appliesTo(p)) {
                        continue;
                    }
                    Diagnosis d = BpttDoctor.diagnose(p, student(bug, g1));
                    String label = d.cause() != null ? d.cause() : d.verdict();
                    row.merge(label, 1, Integer::sum);
                    if (!bug.name().equals(d.cause())) {
                        misses.add(bug + " seed " + seed + " " + p.shape() + " → " + d.text());
                    }
                }
            }
            confusion.put(bug, row);
        }
        StringBuilder table = new StringBuilder("confusion table (bug injected → diagnosis: count), " + SEEDS
                + " seeds × {TANH, RELU}:\n");
        confusion.forEach((bug, row) -> table.append(String.format("  %-18s → %s%n", bug, row)));
        System.out.print(table);
        assertTrue(misses.isEmpty(), () -> table + "\nmisdiagnosed:\n" + String.join("\n", misses));
    }

    @Test
    void correctGradientsAreNeverDiagnosedAsABug() {
        for (ActivationKind g1 : ActivationKind.values()) {
            for (long seed = 0; seed < 200; seed++) {
                RnnProblem p = RnnProblemGenerator.doctorProblem(seed, g1);
                Diagnosis d = BpttDoctor.diagnose(p, correctStudent(g1));
                long s = seed;
                assertEquals("CORRECT", d.verdict(), () -> "seed " + s + " " + p.shape() + ": " + d.text());
                assertNull(d.cause());
                assertEquals(0, d.firstWrongPrefix());
            }
        }
        // also on random (non-doctor) problems: dense x, long sequences
        for (long seed = 0; seed < 100; seed++) {
            RnnProblem p = RnnGradCheckTest.smallProblem(seed);
            Diagnosis d = BpttDoctor.diagnose(p, correctStudent(p.g1()));
            long s = seed;
            assertEquals("CORRECT", d.verdict(), () -> "seed " + s + " " + p.shape() + ": " + d.text());
        }
    }

    @Test
    void twoBugsAtOnceOrNoiseMatchNoKnownPattern() {
        for (long seed = 0; seed < 50; seed++) {
            RnnProblem p = RnnProblemGenerator.doctorProblem(seed, ActivationKind.TANH);
            // ds_next dropped AND s_t for s_{t−1}
            StudentBackward twoBugs = (params, xs, ys) -> ReferenceRnn.backward(
                    new RnnProblem(params, xs, ys, ActivationKind.TANH),
                    BpttVariant.CORRECT.withDropDsNext().withSTForSPrev());
            Diagnosis d = BpttDoctor.diagnose(p, twoBugs);
            long s = seed;
            assertEquals("NO_MATCH", d.verdict(), () -> "seed " + s + ": " + d.text());
            assertTrue(d.text().contains("no known bug pattern matches"), d::text);
            // correct gradient plus 1 % noise on every entry
            StudentBackward noisy = (params, xs, ys) -> {
                RnnGradients g = ReferenceRnn.gradients(new RnnProblem(params, xs, ys, ActivationKind.TANH));
                java.util.SplittableRandom r = new java.util.SplittableRandom(s);
                List<SimpleMatrix> blocks = new ArrayList<>();
                for (SimpleMatrix b : g.blocks()) {
                    SimpleMatrix c = b.copy();
                    for (int i = 0; i < c.getNumElements(); i++) {
                        c.set(i, c.get(i) * (1 + 0.01 * r.nextGaussian()));
                    }
                    blocks.add(c);
                }
                return RnnGradients.ofBlocks(blocks);
            };
            Diagnosis dn = BpttDoctor.diagnose(p, noisy);
            assertEquals("NO_MATCH", dn.verdict(), () -> "seed " + s + ": " + dn.text());
        }
    }

    @Test
    void dsNextDroppedIsFirstWrongAtTwoInStepOne() {
        RnnProblem p = RnnProblemGenerator.doctorProblem(3, ActivationKind.TANH);
        Diagnosis d = BpttDoctor.diagnose(p, student(BugModel.DS_NEXT_DROPPED, ActivationKind.TANH));
        System.out.println(d.text());
        assertEquals(2, d.firstWrongPrefix());
        assertEquals(List.of(1), d.wrongSteps());
        assertTrue(d.wrongBlocks().containsAll(List.of("dU", "db_a")), d::text);
        assertTrue(d.stepFinding().contains("ds_next"), d::text);
        assertTrue(d.text().contains("miss the gradient that flows into s_t from step t+1"), d::text);
    }

    @Test
    void sTForSPrevIsWrongAlreadyAtOneAndOnlyInDW() {
        RnnProblem p = RnnProblemGenerator.doctorProblem(4, ActivationKind.RELU);
        Diagnosis d = BpttDoctor.diagnose(p, student(BugModel.S_T_FOR_S_PREV, ActivationKind.RELU));
        assertEquals(1, d.firstWrongPrefix(), d::text);
        assertEquals(List.of("dW"), d.wrongBlocks());
        assertEquals(List.of(), d.wrongSteps());
    }

    @Test
    void scalingsReportTheirFactor() {
        RnnProblem p = RnnProblemGenerator.doctorProblem(5, ActivationKind.TANH);
        Diagnosis avg = BpttDoctor.diagnose(p, student(BugModel.AVERAGED_OVER_T, ActivationKind.TANH));
        assertEquals("AVERAGED_OVER_T", avg.cause());
        assertEquals(1.0 / p.T(), avg.factor(), 1e-12);
        assertEquals(2, avg.firstWrongPrefix(), avg::text);
        assertTrue(avg.text().contains("1/T = 1/" + p.T()), avg::text);
        Diagnosis m = BpttDoctor.diagnose(p, student(BugModel.DIVIDED_BY_M, ActivationKind.TANH));
        assertTrue(m.text().contains("1/m = 1/" + p.m()), m::text);
        StudentBackward times3 = (params, xs, ys) -> BugModel.scale(
                ReferenceRnn.gradients(new RnnProblem(params, xs, ys, ActivationKind.TANH)), 3);
        Diagnosis c = BpttDoctor.diagnose(p, times3);
        assertEquals("SCALED", c.cause(), c::text);
        assertTrue(c.text().contains("c = 3"), c::text);
        System.out.println(avg.text());
        System.out.println(c.text());
    }

    @Test
    void aThrowingStudentIsReportedNotDiagnosed() {
        RnnProblem p = RnnProblemGenerator.doctorProblem(6, ActivationKind.TANH);
        Diagnosis d = BpttDoctor.diagnose(p, (params, xs, ys) -> {
            if (xs.size() == 2) {
                throw new ArrayIndexOutOfBoundsException("Index 2 out of bounds for length 2");
            }
            return ReferenceRnn.gradients(new RnnProblem(params, xs, ys, ActivationKind.TANH));
        });
        assertEquals("STUDENT_ERROR", d.verdict());
        assertNull(d.cause());
        assertTrue(d.text().contains("T = 2") && d.text().contains("ArrayIndexOutOfBounds"), d::text);
        Diagnosis nul = BpttDoctor.diagnose(p, (params, xs, ys) -> null);
        assertEquals("STUDENT_ERROR", nul.verdict());
    }

    @Test
    void theStudentGetsCopiesAndCannotChangeTheProblem() {
        RnnProblem p = RnnProblemGenerator.doctorProblem(8, ActivationKind.TANH);
        SimpleMatrix w = p.params().W().copy();
        BpttDoctor.diagnose(p, (params, xs, ys) -> {
            RnnGradients g = ReferenceRnn.gradients(new RnnProblem(params, xs, ys, ActivationKind.TANH));
            params.W().fill(0);
            xs.get(0).fill(0);
            return g;
        });
        assertTrue(p.params().W().isIdentical(w, 0));
        assertEquals(1, p.oneHotId(1) >= 0 ? 1 : 0);
    }

    @Test
    void inChineseTheDiagnosisNamesTheCauseAndKeepsTheFacts() {
        Language before = Messages.use(Language.ZH);
        try {
            RnnProblem p = RnnProblemGenerator.doctorProblem(3, ActivationKind.TANH);
            Diagnosis d = BpttDoctor.diagnose(p, student(BugModel.DS_NEXT_DROPPED, ActivationKind.TANH));
            String text = d.text();
            assertEquals("DS_NEXT_DROPPED", d.cause(), text);
            assertTrue(text.startsWith("BPTT 诊断（" + p.shape() + "）："), text);
            assertTrue(text.contains("最早在 T = 2 时出错（前缀 x_1 … x_2），出错的是 " + String.join(", ",
                    d.wrongBlocks())), text);
            assertTrue(text.contains("时刻 t = 1 的 dz_t 错误，而最新的时刻 t = 2 是对的：从时刻 2 流回隐藏状态 s_1 的梯度"
                    + "（ds_next）错了"), text);
            assertTrue(text.contains("最可能的原因：dU、dW 和 db_a 缺少从时刻 t+1 流回隐藏状态 s_t 的梯度（ds_next）："
                    + "写成了 ds = Vᵀ dz_o，应为 Vᵀ dz_o + ds_next"), text);
            assertFalse(text.contains("most likely cause") || text.contains("first wrong"), text);

            Diagnosis avg = BpttDoctor.diagnose(RnnProblemGenerator.doctorProblem(5, ActivationKind.TANH),
                    student(BugModel.AVERAGED_OVER_T, ActivationKind.TANH));
            int T = RnnProblemGenerator.doctorProblem(5, ActivationKind.TANH).T();
            assertTrue(avg.text().contains("最可能的原因：梯度对时间取了平均（除以了 T）"), avg::text);
            assertTrue(avg.text().contains("——因子 1/T = 1/" + T + "（拟合出的因子 "
                    + String.format(Locale.ROOT, "%.6g", 1.0 / T) + "）"), avg::text);

            StudentBackward twoBugs = (params, xs, ys) -> ReferenceRnn.backward(
                    new RnnProblem(params, xs, ys, ActivationKind.TANH),
                    BpttVariant.CORRECT.withDropDsNext().withSTForSPrev());
            Diagnosis none = BpttDoctor.diagnose(p, twoBugs);
            assertEquals("NO_MATCH", none.verdict());
            assertTrue(none.text().contains("没有吻合的已知错误模式（最接近的是 " + none.candidates().get(0).model()
                    + "，相对距离 "), none::text);

            Diagnosis nul = BpttDoctor.diagnose(p, (params, xs, ys) -> null);
            assertTrue(nul.text().startsWith("BPTT 诊断：你的 backward 运行失败（" + p.shape() + "）：在长度 T = 1 的前缀上："),
                    nul::text);
            assertTrue(nul.text().contains("IllegalStateException: backward 返回了 null，而不是梯度"), nul::text);

            Diagnosis ok = BpttDoctor.diagnose(p, correctStudent(ActivationKind.TANH));
            assertEquals("BPTT 诊断：梯度与正确的时序反向传播（BPTT）一致（" + p.shape() + "）。", ok.text());
        } finally {
            Messages.use(before);
        }
    }

    /** Each cause is translated, and keeps the notation of the English one (s_t, dz_o, s_{t−1}ᵀ, …). */
    @Test
    void everyCauseIsExplainedInChineseWithTheSameNotation() {
        Language before = Messages.use(Language.EN);
        try {
            for (BugModel bug : BugModel.values()) {
                Messages.use(Language.EN);
                String en = bug.explanation();
                Messages.use(Language.ZH);
                String zh = bug.explanation();
                assertNotEquals(en, zh, bug::name);
                assertTrue(zh.codePoints().anyMatch(c -> c >= 0x4E00 && c <= 0x9FFF), zh);
                Matcher m = NOTATION.matcher(en);
                while (m.find()) {
                    assertTrue(zh.contains(m.group()), () -> bug + ": " + m.group() + " missing in " + zh);
                }
            }
        } finally {
            Messages.use(before);
        }
    }

    /** Names with a subscript, e.g. db_a, s_{t−1}ᵀ, y_t. */
    private static final Pattern NOTATION = Pattern.compile("\\w*_(\\{[^}]*\\}|\\w+)ᵀ?");
}
