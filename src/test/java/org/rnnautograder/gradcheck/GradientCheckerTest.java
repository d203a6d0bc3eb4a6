package org.rnnautograder.gradcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.rnnautograder.i18n.Language;
import org.rnnautograder.i18n.Messages;

/** The generic checker on known functions: f(A, B) = Σ sin(A) + Σ B², ∂f/∂A = cos(A), ∂f/∂B = 2B. */
class GradientCheckerTest {
    static final List<String> NAMES = List.of("A", "B");
    static final ScalarFunction F = blocks -> {
        double sum = 0;
        SimpleMatrix a = blocks.get(0);
        for (int i = 0; i < a.getNumElements(); i++) {
            sum += Math.sin(a.get(i));
        }
        return sum + blocks.get(1).elementPower(2).elementSum();
    };

    static List<SimpleMatrix> point(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        return List.of(RnnProblemGenerator.uniform(1 + r.nextInt(6), 1 + r.nextInt(6), 3, r),
                RnnProblemGenerator.uniform(1 + r.nextInt(5), 1, 2, r));
    }

    static List<SimpleMatrix> gradient(List<SimpleMatrix> p) {
        SimpleMatrix cos = p.get(0).copy();
        for (int i = 0; i < cos.getNumElements(); i++) {
            cos.set(i, Math.cos(cos.get(i)));
        }
        return List.of(cos, p.get(1).scale(2));
    }

    static Stream<Long> seeds() {
        return LongStream.range(0, 300).boxed();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void correctGradientOfSinSumPassesInEveryMode(long seed) {
        List<SimpleMatrix> p = point(seed);
        for (CheckMode mode : CheckMode.values()) {
            GradCheckReport report = new GradientChecker(GradCheckOptions.defaults().withMode(mode).withSeed(seed))
                    .check(F, NAMES, p, gradient(p));
            assertTrue(report.passed(), () -> "seed " + seed + ", shapes " + p.get(0).getNumRows() + "×"
                    + p.get(0).getNumCols() + ", mode " + mode + ": " + report);
        }
    }

    @Test
    void fullModeSpendsTwoEvaluationsPerEntry() {
        List<SimpleMatrix> p = point(7);
        GradCheckReport report = new GradientChecker(GradCheckOptions.defaults()).check(F, NAMES, p, gradient(p));
        long entries = p.get(0).getNumElements() + p.get(1).getNumElements();
        assertEquals(1 + 2 * entries, report.evaluations());
        assertEquals(2L * p.get(0).getNumElements(), report.blocks().get(0).evaluations());
        GradCheckReport directional = new GradientChecker(GradCheckOptions.defaults().withMode(CheckMode.DIRECTIONAL))
                .check(F, NAMES, p, gradient(p));
        assertEquals(1 + 4, directional.evaluations());
    }

    @ParameterizedTest
    @EnumSource(CheckMode.class)
    void wrongEntryIsNamedAsTheWorst(CheckMode mode) {
        SplittableRandom r = new SplittableRandom(3);
        List<SimpleMatrix> p = List.of(RnnProblemGenerator.uniform(4, 3, 3, r), RnnProblemGenerator.uniform(2, 1, 1, r));
        List<SimpleMatrix> g = gradient(p);
        SimpleMatrix wrongA = g.get(0).copy();
        // the largest entry, so that SAMPLED mode must include it
        wrongA.set(2, 1, 10);
        GradCheckReport report = new GradientChecker(GradCheckOptions.defaults().withMode(mode).withSeed(11))
                .check(F, NAMES, p, List.of(wrongA, g.get(1)));
        assertFalse(report.passed(), report::toString);
        BlockReport a = report.blocks().get(0);
        assertFalse(a.passed());
        assertTrue(report.blocks().get(1).passed());
        assertEquals(2, a.worstRow(), report::toString);
        assertEquals(1, a.worstCol(), report::toString);
        assertEquals(10, a.worstAnalytic());
        assertEquals(Math.cos(p.get(0).get(2, 1)), a.worstNumeric(), 1e-7);
        assertTrue(report.summary().startsWith("1 of 2 blocks pass; worst: dA[2,1] analytic 10"), report.summary());
        if (mode == CheckMode.DIRECTIONAL) {
            assertEquals("directional→full", a.mode());
        }
    }

    @Test
    void signFlippedEntryHasRelativeErrorOne() {
        List<SimpleMatrix> p = List.of(new SimpleMatrix(new double[][] {{0.3, 1.2}}), new SimpleMatrix(1, 1));
        List<SimpleMatrix> g = gradient(p);
        SimpleMatrix a = g.get(0).copy();
        a.set(0, 1, -a.get(0, 1));
        GradCheckReport report = new GradientChecker(GradCheckOptions.defaults()).check(F, NAMES, p, List.of(a, g.get(1)));
        assertEquals(1.0, report.blocks().get(0).worstRelativeError(), 1e-9);
        assertEquals(1, report.blocks().get(0).entriesFailed());
    }

    @Test
    void tinyEntriesAreJudgedByAbsoluteError() {
        // analytic 0 vs numeric ~1e-10: relative error 1, absolute 1e-10 < atol → pass
        ScalarFunction f = blocks -> 1e-10 * blocks.get(0).get(0);
        GradCheckReport report = new GradientChecker(GradCheckOptions.defaults())
                .check(f, List.of("x"), List.of(new SimpleMatrix(1, 1)), List.of(new SimpleMatrix(1, 1)));
        assertTrue(report.passed(), report::toString);
        assertEquals(1.0, report.blocks().get(0).maxRelativeError(), 1e-6);
    }

    @Test
    void kinkGuardExcludesEntriesAndTheReportCountsThem() {
        ScalarFunction abs = blocks -> Math.abs(blocks.get(0).get(0)) + Math.abs(blocks.get(0).get(1));
        SimpleMatrix x = new SimpleMatrix(new double[][] {{1e-9, 0.5}});
        SimpleMatrix g = new SimpleMatrix(new double[][] {{1, 1}});
        KinkGuard guard = (minus, plus) -> Math.signum(minus.get(0).get(0)) != Math.signum(plus.get(0).get(0))
                || Math.signum(minus.get(0).get(1)) != Math.signum(plus.get(0).get(1));
        GradCheckReport unguarded = new GradientChecker(GradCheckOptions.defaults()).check(abs, List.of("x"), List.of(x),
                List.of(g));
        assertFalse(unguarded.passed(), "the kink must make the plain check fail");
        GradCheckReport guarded = new GradientChecker(GradCheckOptions.defaults(), guard).check(abs, List.of("x"),
                List.of(x), List.of(g));
        assertTrue(guarded.passed(), guarded::toString);
        assertEquals(1, guarded.excluded());
        assertEquals(1, guarded.blocks().get(0).entriesChecked());
        assertTrue(guarded.summary().contains("1 entries excluded near relu kinks"), guarded.summary());
    }

    @Test
    void theSummaryInChineseKeepsTheEntryAndTheNumbers() {
        SplittableRandom r = new SplittableRandom(3);
        List<SimpleMatrix> p = List.of(RnnProblemGenerator.uniform(4, 3, 3, r), RnnProblemGenerator.uniform(2, 1, 1, r));
        List<SimpleMatrix> g = gradient(p);
        SimpleMatrix wrongA = g.get(0).copy();
        wrongA.set(2, 1, 10);
        GradCheckReport report = new GradientChecker(GradCheckOptions.defaults()).check(F, NAMES, p,
                List.of(wrongA, g.get(1)));
        ScalarFunction abs = blocks -> Math.abs(blocks.get(0).get(0));
        GradCheckReport kinked = new GradientChecker(GradCheckOptions.defaults(), (minus, plus) -> true)
                .check(abs, List.of("x"), List.of(new SimpleMatrix(1, 1)), List.of(new SimpleMatrix(1, 1)));
        Language before = Messages.use(Language.EN);
        try {
            String en = report.summary();
            Messages.use(Language.ZH);
            String zh = report.summary();
            assertTrue(zh.startsWith("2 个梯度块中有 1 个通过梯度检验；最差的元素：dA[2,1]，解析值 10.00，数值（中心差分）"),
                    zh);
            assertEquals(numbers(en), numbers(zh), () -> en + "\n" + zh);
            assertTrue(kinked.summary().contains("；1 个元素靠近 relu 的不可导点，未计入"), kinked.summary());
        } finally {
            Messages.use(before);
        }
    }

    /** @return the numbers in {@code text} (entries, values, counts), sorted as strings */
    static List<String> numbers(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        out.sort(null);
        return out;
    }

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?(e[-+]\\d+)?");

    @Test
    void shapeMismatchNamesBothShapes() {
        List<SimpleMatrix> p = List.of(new SimpleMatrix(3, 2), new SimpleMatrix(2, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new GradientChecker(
                GradCheckOptions.defaults()).check(F, NAMES, p, List.of(new SimpleMatrix(2, 3), new SimpleMatrix(2, 1))));
        assertTrue(e.getMessage().contains("3×2") && e.getMessage().contains("2×3"), e.getMessage());
    }

    @Test
    void pointIsNotModified() {
        List<SimpleMatrix> p = point(5);
        List<SimpleMatrix> before = List.of(p.get(0).copy(), p.get(1).copy());
        for (CheckMode mode : CheckMode.values()) {
            new GradientChecker(GradCheckOptions.defaults().withMode(mode)).check(F, NAMES, p, gradient(p));
        }
        assertTrue(p.get(0).isIdentical(before.get(0), 0) && p.get(1).isIdentical(before.get(1), 0));
    }
}
