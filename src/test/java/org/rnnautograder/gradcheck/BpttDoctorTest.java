package org.rnnautograder.gradcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;
import org.rnnautograder.assignment.ActivationKind;
import org.rnnautograder.assignment.RnnGradients;

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
}
