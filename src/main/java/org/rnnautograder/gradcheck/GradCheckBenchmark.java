package org.rnnautograder.gradcheck;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ejml.simple.SimpleMatrix;
import org.rnnautograder.assignment.ActivationKind;
import org.rnnautograder.assignment.RnnGradients;
import org.rnnautograder.assignment.RnnParameters;

/**
 * Cost and power of the three modes for m = 30, n = 32, T = 25 (tanh, one-hot x_t, parameter scale 1):
 * evaluations and wall time of checking a correct gradient, and the probability over 100 seeds that each
 * mode catches each {@link BugModel} (the bug's gradient given as the claimed gradient, f = the correct
 * loss). Run (after {@code mvn -q -o compile} and
 * {@code mvn -q -o dependency:build-classpath -Dmdep.outputFile=cp.txt}):
 * <pre>
 *   java -cp target/classes:$(cat cp.txt) org.rnnautograder.gradcheck.GradCheckBenchmark [seeds]
 * </pre>
 * For the catch rates, f is memoised per seed (keyed by a 64-bit hash of θ): the numeric values are the same
 * whichever claimed gradient is checked, so this changes the run time only, not any verdict. Evaluation
 * counts are the checker's own (memo hits count as evaluations).
 */
public final class GradCheckBenchmark {
    static final int M = 30;
    static final int N = 32;
    static final int T = 25;

    private GradCheckBenchmark() {}

    static RnnProblem problem(long seed) {
        return RnnProblemGenerator.random(seed, M, N, T, ActivationKind.TANH, true, 1);
    }

    public static void main(String[] args) {
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        System.out.printf(Locale.ROOT, "GradCheckBenchmark: m = %d, n = %d, T = %d, tanh, %d processors, %s%n%n", M, N,
                T, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        // warm-up
        for (int i = 0; i < 3; i++) {
            RnnProblem p = problem(1000 + i);
            for (CheckMode mode : CheckMode.values()) {
                RnnGradCheck.checkSequence(p, ReferenceRnn.gradients(p), GradCheckOptions.defaults().withMode(mode));
            }
        }
        System.out.println("| mode | evaluations of L | wall time per check (median of 5) | entries compared |");
        System.out.println("|---|---|---|---|");
        for (CheckMode mode : CheckMode.values()) {
            long[] ns = new long[5];
            GradCheckReport report = null;
            for (int i = 0; i < ns.length; i++) {
                RnnProblem p = problem(i);
                RnnGradients g = ReferenceRnn.gradients(p);
                long start = System.nanoTime();
                report = RnnGradCheck.checkSequence(p, g, GradCheckOptions.defaults().withMode(mode).withSeed(i));
                ns[i] = System.nanoTime() - start;
                if (!report.passed()) {
                    throw new IllegalStateException("correct gradient failed: " + report);
                }
            }
            Arrays.sort(ns);
            int compared = report.blocks().stream().mapToInt(BlockReport::entriesChecked).sum();
            System.out.printf(Locale.ROOT, "| %s | %d | %.1f ms | %d |%n", mode, report.evaluations(), ns[2] / 1e6,
                    compared);
        }
        long start = System.nanoTime();
        Map<BugModel, int[]> caught = new EnumMap<>(BugModel.class);
        Map<BugModel, long[]> evaluations = new EnumMap<>(BugModel.class);
        for (long seed = 0; seed < seeds; seed++) {
            RnnProblem p = problem(seed);
            Map<Long, Double> memo = new HashMap<>();
            ScalarFunction f = blocks -> memo.computeIfAbsent(hash(blocks), k -> ReferenceRnn.loss(blocks, p));
            for (BugModel bug : BugModel.values()) {
                if (!bug.appliesTo(p)) {
                    continue;
                }
                RnnGradients claimed = bug.inject(p);
                int[] c = caught.computeIfAbsent(bug, b -> new int[CheckMode.values().length]);
                long[] e = evaluations.computeIfAbsent(bug, b -> new long[CheckMode.values().length]);
                for (CheckMode mode : CheckMode.values()) {
                    GradCheckReport r = new GradientChecker(GradCheckOptions.defaults().withMode(mode).withSeed(seed))
                            .check(f, RnnParameters.BLOCKS, p.params().blocks(), claimed.blocks());
                    if (!r.passed()) {
                        c[mode.ordinal()]++;
                    }
                    e[mode.ordinal()] += r.evaluations();
                }
            }
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "Probability of catching each bug model over %d seeds (mean evaluations"
                + " per check in parentheses; %.0f s)%n", seeds, (System.nanoTime() - start) / 1e9);
        System.out.println("| bug model | FULL | SAMPLED (k = " + GradCheckOptions.DEFAULT_SAMPLES_PER_BLOCK
                + ") | DIRECTIONAL |");
        System.out.println("|---|---|---|---|");
        caught.forEach((bug, c) -> {
            long[] e = evaluations.get(bug);
            System.out.printf(Locale.ROOT, "| %s | %.2f (%d) | %.2f (%d) | %.2f (%d) |%n", bug, c[0] / (double) seeds,
                    e[0] / seeds, c[1] / (double) seeds, e[1] / seeds, c[2] / (double) seeds, e[2] / seeds);
        });
    }

    /** A 64-bit hash of every entry of every block (splitmix64 finaliser over the bits). */
    static long hash(List<SimpleMatrix> blocks) {
        long h = 0x9E3779B97F4A7C15L;
        for (SimpleMatrix b : blocks) {
            for (int i = 0; i < b.getNumElements(); i++) {
                h = mix(h ^ Double.doubleToLongBits(b.get(i))) * 31 + i;
            }
        }
        return mix(h);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
