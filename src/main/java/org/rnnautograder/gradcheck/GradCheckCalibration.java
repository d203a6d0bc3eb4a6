package org.rnnautograder.gradcheck;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.ejml.simple.SimpleMatrix;
import org.rnnautograder.assignment.ActivationKind;
import org.rnnautograder.assignment.RnnGradients;

/**
 * The measurement behind the defaults of {@link GradCheckOptions}: prints the error distributions of
 * central differences against the correct BPTT ({@link ReferenceRnn}) on random problems, and against
 * perturbed gradients. Run (after {@code mvn -q -o compile} and
 * {@code mvn -q -o dependency:build-classpath -Dmdep.outputFile=cp.txt}):
 * <pre>
 *   java -cp target/classes:$(cat cp.txt) org.rnnautograder.gradcheck.GradCheckCalibration [cases] [seed]
 * </pre>
 * Cases: m 2…30, n 1…32, T 1…40, tanh or relu (relu differences near a kink are excluded by
 * {@link RnnKinkGuard} and counted), x_t one-hot (70 %) or dense N(0, 1), parameter scale log-uniform in
 * 0.3…3. Per block up to 24 entries are differentiated (always the largest |analytic|, the rest seeded).
 */
public final class GradCheckCalibration {
    static final double[] EPS = {1e-4, 1e-5, 1e-6, 1e-7, 1e-8};
    static final double[] DELTAS = {1e-3, 3e-3, 1e-2, 1e-1};
    static final int SAMPLES = 24;

    private GradCheckCalibration() {}

    public static void main(String[] args) {
        int cases = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 20240601L;
        long start = System.nanoTime();
        int e6 = 2; // index of 1e-6
        double[][] caseMaxAbs = new double[EPS.length][cases];
        double[][] caseMaxRel = new double[EPS.length][cases];
        double[][] caseMaxRelLarge = new double[EPS.length][cases]; // over entries with |a − n| > 1e-8
        List<double[]> perturbed = new ArrayList<>(); // {delta, |a|, rel, abs} at eps = 1e-6
        List<double[]> correctEntries = new ArrayList<>(); // {rel, abs} at eps = 1e-6
        long excluded = 0;
        long entries = 0;
        String[] caseInfo = new String[cases];
        double noiseRatio = 0;
        for (int c = 0; c < cases; c++) {
            long caseSeed = seed + c;
            SplittableRandom r = new SplittableRandom(caseSeed);
            int m = 2 + r.nextInt(29);
            int n = 1 + r.nextInt(32);
            int T = 1 + r.nextInt(40);
            ActivationKind g1 = r.nextBoolean() ? ActivationKind.TANH : ActivationKind.RELU;
            boolean oneHot = r.nextDouble() < 0.7;
            double scale = 0.3 * Math.pow(10, r.nextDouble());
            RnnProblem p = RnnProblemGenerator.random(r.nextLong(), m, n, T, g1, oneHot, scale);
            RnnGradients g = ReferenceRnn.gradients(p);
            caseInfo[c] = String.format(Locale.ROOT, "seed %d: %s, %s x, scale %.2f, L = %.3g, max|g| = %.3g",
                    caseSeed, p.shape(), oneHot ? "one-hot" : "dense", scale, ReferenceRnn.loss(p), maxAbs(g));
            KinkGuard guard = RnnKinkGuard.forSequence(p);
            double lossAbs = Math.abs(ReferenceRnn.loss(p));
            List<SimpleMatrix> work = new ArrayList<>();
            for (SimpleMatrix b : p.params().blocks()) {
                work.add(b.copy());
            }
            for (int b = 0; b < 5; b++) {
                SimpleMatrix block = work.get(b);
                SimpleMatrix grad = g.blocks().get(b);
                int cols = block.getNumCols();
                int[] idx = sample(grad, r);
                double max = grad.elementMaxAbs();
                for (int i : idx) {
                    int row = i / cols;
                    int col = i % cols;
                    double a = grad.get(row, col);
                    double x = block.get(row, col);
                    boolean perturbThis = Math.abs(a) >= 1e-2 * max && max > 0 && r.nextInt(4) == 0;
                    for (int k = 0; k < EPS.length; k++) {
                        double eps = EPS[k];
                        block.set(row, col, x + eps);
                        List<SimpleMatrix> plus = copies(work);
                        double fp = ReferenceRnn.loss(work, p);
                        block.set(row, col, x - eps);
                        boolean kink = guard.nearKink(copies(work), plus);
                        double fm = ReferenceRnn.loss(work, p);
                        block.set(row, col, x);
                        if (kink) {
                            if (k == e6) {
                                excluded++;
                            }
                            continue;
                        }
                        double num = (fp - fm) / (2 * eps);
                        double abs = Math.abs(a - num);
                        double rel = GradCheckOptions.relativeError(a, num);
                        caseMaxAbs[k][c] = Math.max(caseMaxAbs[k][c], abs);
                        caseMaxRel[k][c] = Math.max(caseMaxRel[k][c], rel);
                        if (abs > 1e-8) {
                            caseMaxRelLarge[k][c] = Math.max(caseMaxRelLarge[k][c], rel);
                        }
                        if (k == e6) {
                            noiseRatio = Math.max(noiseRatio, abs * eps / (GradCheckOptions.ULP * Math.max(1, lossAbs)));
                            entries++;
                            correctEntries.add(new double[] {rel, abs, lossAbs});
                            if (perturbThis) {
                                for (double d : DELTAS) {
                                    double ap = a * (1 + (r.nextBoolean() ? d : -d));
                                    perturbed.add(new double[] {d, Math.abs(a), GradCheckOptions.relativeError(ap, num),
                                        Math.abs(ap - num), lossAbs});
                                }
                            }
                        }
                    }
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "GradCheckCalibration: %d cases, seed %d, %d entries at eps 1e-6"
                + " (%d excluded near relu kinks), %.1f s%n%n", cases, seed, entries, excluded, seconds);
        Integer[] order = new Integer[cases];
        for (int c = 0; c < cases; c++) {
            order[c] = c;
        }
        Arrays.sort(order, (x, y) -> Double.compare(caseMaxAbs[e6][y], caseMaxAbs[e6][x]));
        System.out.printf(Locale.ROOT, "max over correct entries of |a − n| · eps / (2^-52 · max(|L|, 1)) at eps 1e-6:"
                + " %.3g%n%n", noiseRatio);
        System.out.println("Worst correct cases at eps 1e-6 (max |a − n|, max r):");
        for (int i = 0; i < Math.min(8, cases); i++) {
            System.out.printf(Locale.ROOT, "  %.2g %.2g  %s%n", caseMaxAbs[e6][order[i]], caseMaxRel[e6][order[i]],
                    caseInfo[order[i]]);
        }
        System.out.println();
        System.out.println("Correct gradients: per-case maximum over the checked entries");
        System.out.println("| eps | max abs p50 | p90 | p99 | p99.9 | max | max rel (abs > 1e-8) p99 | p99.9 | max |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        for (int k = 0; k < EPS.length; k++) {
            double[] a = caseMaxAbs[k].clone();
            double[] rl = caseMaxRelLarge[k].clone();
            Arrays.sort(a);
            Arrays.sort(rl);
            System.out.printf(Locale.ROOT, "| %.0e | %.2g | %.2g | %.2g | %.2g | %.2g | %.2g | %.2g | %.2g |%n", EPS[k],
                    pct(a, 50), pct(a, 90), pct(a, 99), pct(a, 99.9), a[a.length - 1], pct(rl, 99), pct(rl, 99.9),
                    rl[rl.length - 1]);
        }
        System.out.println();
        System.out.println("Perturbed gradients at eps 1e-6 (one entry a → a(1 ± δ), |a| ≥ 1e-2·max|block|)");
        System.out.println("| δ | cases | min rel | p1 rel | median rel | min abs | p1 abs | median abs |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (double d : DELTAS) {
            double[] rel = perturbed.stream().filter(x -> x[0] == d).mapToDouble(x -> x[2]).sorted().toArray();
            double[] abs = perturbed.stream().filter(x -> x[0] == d).mapToDouble(x -> x[3]).sorted().toArray();
            System.out.printf(Locale.ROOT, "| %.0e | %d | %.2g | %.2g | %.2g | %.2g | %.2g | %.2g |%n", d, rel.length,
                    rel[0], pct(rel, 1), pct(rel, 50), abs[0], pct(abs, 1), pct(abs, 50));
        }
        System.out.println();
        System.out.println("Rule r > rtol AND e > atol' at eps 1e-6, atol' = max(atol, " + GradCheckOptions.NOISE_FACTOR
                + "·2^-52·max(|L|,1)/eps): false failures among correct entries; detection rate per δ");
        System.out.print("| rtol | atol | false failures |");
        for (double d : DELTAS) {
            System.out.printf(Locale.ROOT, " caught δ=%.0e |", d);
        }
        System.out.println();
        System.out.println("|---|---|---|---|---|---|---|");
        for (double rtol : new double[] {1e-5, 1e-4, 1e-3}) {
            for (double atol : new double[] {1e-7, 1e-6, 1e-5}) {
                GradCheckOptions o = GradCheckOptions.defaults().withTolerances(rtol, atol);
                long ff = correctEntries.stream().filter(x -> x[0] > rtol && x[1] > o.effectiveAtol(x[2])).count();
                System.out.printf(Locale.ROOT, "| %.0e | %.0e | %d of %d |", rtol, atol, ff, correctEntries.size());
                for (double d : DELTAS) {
                    long all = perturbed.stream().filter(x -> x[0] == d).count();
                    long caught = perturbed.stream().filter(x -> x[0] == d && x[2] > rtol
                            && x[3] > o.effectiveAtol(x[4])).count();
                    System.out.printf(Locale.ROOT, " %.1f %% |", 100.0 * caught / all);
                }
                System.out.println();
            }
        }
    }

    private static int[] sample(SimpleMatrix g, SplittableRandom r) {
        int cols = g.getNumCols();
        int size = g.getNumRows() * cols;
        int largest = 0;
        for (int i = 1; i < size; i++) {
            if (Math.abs(g.get(i / cols, i % cols)) > Math.abs(g.get(largest / cols, largest % cols))) {
                largest = i;
            }
        }
        int k = Math.min(SAMPLES, size);
        int[] pool = new int[size];
        for (int i = 0; i < size; i++) {
            pool[i] = i;
        }
        pool[largest] = 0;
        pool[0] = largest;
        for (int i = 1; i < k; i++) {
            int j = i + r.nextInt(size - i);
            int t = pool[i];
            pool[i] = pool[j];
            pool[j] = t;
        }
        return Arrays.copyOf(pool, k);
    }

    private static double maxAbs(RnnGradients g) {
        double max = 0;
        for (SimpleMatrix b : g.blocks()) {
            max = Math.max(max, b.elementMaxAbs());
        }
        return max;
    }

    private static List<SimpleMatrix> copies(List<SimpleMatrix> blocks) {
        List<SimpleMatrix> out = new ArrayList<>();
        for (SimpleMatrix b : blocks) {
            out.add(b.copy());
        }
        return out;
    }

    static double pct(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }
}
