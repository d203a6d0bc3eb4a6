package org.rnnautograder.gradcheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.ejml.simple.SimpleMatrix;

/**
 * Checks claimed (analytic) gradients of a scalar function against central differences in double
 * precision, block by block:
 * <pre>
 *   numeric_j = (f(θ + ε e_j) − f(θ − ε e_j)) / 2ε          (FULL, SAMPLED: one entry j at a time)
 *   numeric_v = (f(θ + ε v) − f(θ − ε v)) / 2ε vs ⟨g, v⟩    (DIRECTIONAL: one unit direction v per block)
 * </pre>
 * and the rule of {@link GradCheckOptions}: an entry fails when r &gt; rtol and e &gt; atol', where
 * atol' = {@link GradCheckOptions#effectiveAtol}(f(θ)) (= atol unless |f(θ)| is huge). f is evaluated once at
 * θ for that, so FULL mode costs 1 + 2·(number of entries) evaluations.
 *
 * <p>Knows nothing about RNNs, JUnit or students: f is a black box (its exceptions propagate). Kinks
 * are the {@link KinkGuard}'s business. Deterministic: every random choice comes from
 * {@link GradCheckOptions#seed()}.
 */
public final class GradientChecker {
    /** How many directions DIRECTIONAL mode draws for a block before giving up on kinks and going FULL. */
    static final int DIRECTION_ATTEMPTS = 5;

    private final GradCheckOptions options;
    private final KinkGuard guard;

    /** A checker with {@code options} for a smooth f. */
    public GradientChecker(GradCheckOptions options) {
        this(options, KinkGuard.NONE);
    }

    /** A checker with {@code options} that skips differences the {@code guard} flags as near a kink. */
    public GradientChecker(GradCheckOptions options, KinkGuard guard) {
        this.options = Objects.requireNonNull(options, "options must not be null");
        this.guard = Objects.requireNonNull(guard, "guard must not be null (use KinkGuard.NONE)");
    }

    /** @return the options of this checker */
    public GradCheckOptions options() {
        return options;
    }

    /**
     * Compares {@code analytic} with central differences of {@code f} at {@code point}.
     *
     * @param f        the function; called with a private working copy of the point (never with
     *                 {@code point} itself)
     * @param names    the block names, e.g. ["U", "W", "V", "b_a", "b_y"]; not modified
     * @param point    θ, one matrix per name; not modified
     * @param analytic the claimed ∂f/∂θ, one matrix per name, each shaped like its block; not modified
     * @return the report, one {@link BlockReport} per block in the given order
     * @throws IllegalArgumentException if the lists differ in length or a gradient's shape differs from
     *                                  its block's (naming both shapes)
     */
    public GradCheckReport check(ScalarFunction f, List<String> names, List<SimpleMatrix> point,
            List<SimpleMatrix> analytic) {
        Objects.requireNonNull(f, "f must not be null");
        requireSameSizes(names, point, analytic);
        List<SimpleMatrix> work = new ArrayList<>(point.size());
        for (SimpleMatrix p : point) {
            work.add(p.copy());
        }
        Counter counted = new Counter(f);
        double f0 = counted.value(work);
        GradCheckOptions rule = options.withTolerances(options.rtol(), options.effectiveAtol(f0));
        List<BlockReport> blocks = new ArrayList<>();
        int excluded = 0;
        for (int b = 0; b < names.size(); b++) {
            SplittableRandom random = new SplittableRandom(options.seed() + 0x9E3779B97F4A7C15L * (b + 1));
            long before = counted.count;
            BlockStats stats = switch (options.mode()) {
                case FULL -> entries(rule, counted, work, b, analytic.get(b), allEntries(analytic.get(b)), "full");
                case SAMPLED -> entries(rule, counted, work, b, analytic.get(b),
                        sampledEntries(analytic.get(b), random), "sampled");
                case DIRECTIONAL -> directional(rule, counted, work, b, analytic.get(b), random);
            };
            blocks.add(stats.toReport(names.get(b), analytic.get(b), counted.count - before));
            excluded += stats.excluded;
        }
        boolean passed = blocks.stream().allMatch(BlockReport::passed);
        return new GradCheckReport(options.mode().name(), options.eps(), options.rtol(), rule.atol(), options.seed(),
                f0, passed, blocks, counted.count, excluded);
    }

    private static void requireSameSizes(List<String> names, List<SimpleMatrix> point, List<SimpleMatrix> analytic) {
        Objects.requireNonNull(names, "names must not be null");
        Objects.requireNonNull(point, "point must not be null");
        Objects.requireNonNull(analytic, "analytic must not be null");
        if (names.size() != point.size() || names.size() != analytic.size()) {
            throw new IllegalArgumentException("names, point and analytic must have one entry per block, but had "
                    + names.size() + ", " + point.size() + " and " + analytic.size() + " entries");
        }
        for (int b = 0; b < names.size(); b++) {
            SimpleMatrix p = Objects.requireNonNull(point.get(b), "block " + names.get(b) + " must not be null");
            SimpleMatrix g = analytic.get(b);
            if (g == null) {
                throw new NullPointerException("the gradient d" + names.get(b) + " must not be null (expected "
                        + p.getNumRows() + "×" + p.getNumCols() + ")");
            }
            if (g.getNumRows() != p.getNumRows() || g.getNumCols() != p.getNumCols()) {
                throw new IllegalArgumentException("the gradient d" + names.get(b) + " must have the shape of "
                        + names.get(b) + ", " + p.getNumRows() + "×" + p.getNumCols() + ", but was "
                        + g.getNumRows() + "×" + g.getNumCols());
            }
        }
    }

    // ---------------------------------------------------------------- entry-wise (FULL, SAMPLED)

    private static int[] allEntries(SimpleMatrix g) {
        int size = g.getNumRows() * g.getNumCols();
        int[] idx = new int[size];
        for (int i = 0; i < size; i++) {
            idx[i] = i;
        }
        return idx;
    }

    /** k entries: the largest |g| first, then k − 1 other distinct entries drawn from {@code random}. */
    private int[] sampledEntries(SimpleMatrix g, SplittableRandom random) {
        int cols = g.getNumCols();
        int size = g.getNumRows() * cols;
        int k = Math.min(options.samplesPerBlock(), size);
        int largest = 0;
        for (int i = 1; i < size; i++) {
            if (Math.abs(g.get(i / cols, i % cols)) > Math.abs(g.get(largest / cols, largest % cols))) {
                largest = i;
            }
        }
        int[] pool = allEntries(g);
        pool[largest] = 0;
        pool[0] = largest;
        for (int i = 1; i < k; i++) { // partial Fisher–Yates over pool[1 …]
            int j = i + random.nextInt(size - i);
            int tmp = pool[i];
            pool[i] = pool[j];
            pool[j] = tmp;
        }
        int[] chosen = new int[k];
        System.arraycopy(pool, 0, chosen, 0, k);
        return chosen;
    }

    private BlockStats entries(GradCheckOptions rule, Counter f, List<SimpleMatrix> work, int b, SimpleMatrix g, int[] indices, String mode) {
        SimpleMatrix block = work.get(b);
        int cols = block.getNumCols();
        double eps = options.eps();
        BlockStats stats = new BlockStats(rule, mode);
        for (int idx : indices) {
            int r = idx / cols;
            int c = idx % cols;
            double x = block.get(r, c);
            block.set(r, c, x + eps);
            List<SimpleMatrix> plus = guard == KinkGuard.NONE ? null : copyAll(work);
            double fPlus = f.value(work);
            block.set(r, c, x - eps);
            boolean kink = guard != KinkGuard.NONE && guard.nearKink(copyAll(work), plus);
            double fMinus = kink ? Double.NaN : f.value(work);
            block.set(r, c, x);
            if (kink) {
                stats.excluded++;
                continue;
            }
            double numeric = (fPlus - fMinus) / (2 * eps);
            stats.add(r, c, g.get(r, c), numeric);
        }
        return stats;
    }

    // ---------------------------------------------------------------- DIRECTIONAL

    private BlockStats directional(GradCheckOptions rule, Counter f, List<SimpleMatrix> work, int b, SimpleMatrix g, SplittableRandom random) {
        SimpleMatrix block = work.get(b);
        SimpleMatrix original = block.copy();
        int rows = block.getNumRows();
        int cols = block.getNumCols();
        double eps = options.eps();
        BlockStats stats = new BlockStats(rule, "directional");
        for (int attempt = 0; attempt < DIRECTION_ATTEMPTS; attempt++) {
            SimpleMatrix v = unitDirection(rows, cols, random);
            setAxpy(block, original, eps, v);
            List<SimpleMatrix> plus = guard == KinkGuard.NONE ? null : copyAll(work);
            double fPlus = f.value(work);
            setAxpy(block, original, -eps, v);
            boolean kink = guard != KinkGuard.NONE && guard.nearKink(copyAll(work), plus);
            double fMinus = kink ? Double.NaN : f.value(work);
            setAxpy(block, original, 0, v);
            if (kink) {
                stats.excluded++;
                continue;
            }
            double numeric = (fPlus - fMinus) / (2 * eps);
            double analytic = 0;
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    analytic += g.get(r, c) * v.get(r, c);
                }
            }
            stats.add(-1, -1, analytic, numeric);
            if (stats.failed == 0) {
                return stats;
            }
            break;
        }
        // failed, or every direction straddled a kink: locate the entries
        BlockStats full = entries(rule, f, work, b, g, allEntries(g), "directional→full");
        full.excluded += stats.excluded;
        if (full.failed == 0 && stats.failed > 0) {
            // the direction failed but no single entry does: report the direction
            stats.mode = "directional→full";
            stats.checked += full.checked;
            return stats;
        }
        return full;
    }

    private static SimpleMatrix unitDirection(int rows, int cols, SplittableRandom random) {
        SimpleMatrix v = new SimpleMatrix(rows, cols);
        double norm2 = 0;
        while (norm2 == 0) {
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    double z = random.nextGaussian();
                    v.set(r, c, z);
                    norm2 += z * z;
                }
            }
        }
        double inv = 1 / Math.sqrt(norm2);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                v.set(r, c, v.get(r, c) * inv);
            }
        }
        return v;
    }

    /** block ← original + alpha·v, entry by entry (alpha = 0 restores the original exactly). */
    private static void setAxpy(SimpleMatrix block, SimpleMatrix original, double alpha, SimpleMatrix v) {
        for (int r = 0; r < block.getNumRows(); r++) {
            for (int c = 0; c < block.getNumCols(); c++) {
                block.set(r, c, alpha == 0 ? original.get(r, c) : original.get(r, c) + alpha * v.get(r, c));
            }
        }
    }

    private static List<SimpleMatrix> copyAll(List<SimpleMatrix> blocks) {
        List<SimpleMatrix> out = new ArrayList<>(blocks.size());
        for (SimpleMatrix m : blocks) {
            out.add(m.copy());
        }
        return out;
    }

    /** f with a count of its evaluations. */
    private static final class Counter implements ScalarFunction {
        private final ScalarFunction f;
        long count;

        Counter(ScalarFunction f) {
            this.f = f;
        }

        @Override
        public double value(List<SimpleMatrix> blocks) {
            count++;
            return f.value(blocks);
        }
    }

    /** Running statistics of one block. */
    private static final class BlockStats {
        private final GradCheckOptions options;
        String mode;
        int checked;
        int failed;
        int excluded;
        double maxRel;
        double maxAbs;
        double worstViolation = Double.NEGATIVE_INFINITY;
        int worstRow = -1;
        int worstCol = -1;
        double worstA = Double.NaN;
        double worstN = Double.NaN;

        BlockStats(GradCheckOptions options, String mode) {
            this.options = options;
            this.mode = mode;
        }

        void add(int r, int c, double a, double n) {
            checked++;
            double rel = GradCheckOptions.relativeError(a, n);
            double abs = Math.abs(a - n);
            if (Double.isNaN(rel) || Double.isNaN(abs)) {
                rel = Double.POSITIVE_INFINITY;
                abs = Double.POSITIVE_INFINITY;
            }
            maxRel = Math.max(maxRel, rel);
            maxAbs = Math.max(maxAbs, abs);
            if (options.fails(a, n)) {
                failed++;
            }
            double violation = options.violation(a, n);
            if (violation > worstViolation) {
                worstViolation = violation;
                worstRow = r;
                worstCol = c;
                worstA = a;
                worstN = n;
            }
        }

        BlockReport toReport(String name, SimpleMatrix g, long evaluations) {
            boolean any = checked > 0;
            double wr = any ? GradCheckOptions.relativeError(worstA, worstN) : Double.NaN;
            double wa = any ? Math.abs(worstA - worstN) : Double.NaN;
            return new BlockReport(name, g.getNumRows(), g.getNumCols(), mode, failed == 0, checked, failed, excluded,
                    maxRel, maxAbs, worstRow, worstCol, worstA, worstN, wr, wa, evaluations);
        }
    }
}
