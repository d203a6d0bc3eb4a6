package org.rnnautograder.gradcheck;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ejml.simple.SimpleMatrix;
import org.rnnautograder.assignment.ActivationKind;
import org.rnnautograder.assignment.RnnGradients;
import org.rnnautograder.assignment.RnnParameters;

/**
 * Seeded random {@link RnnProblem}s. All randomness comes from a {@link SplittableRandom} with the
 * given seed, so a seed reproduces its problem exactly.
 */
public final class RnnProblemGenerator {
    /** Block distance below which two bug models count as indistinguishable on a doctor problem. */
    static final double DISTINGUISHABLE = 1e-3;

    private RnnProblemGenerator() {}

    /**
     * A random problem of the given shape.
     * <pre>
     *   U, W, V entries ~ uniform(−scale, scale) / √(fan-in),  b_a, b_y ~ uniform(−scale, scale) / 2
     *   x_t one-hot (uniform id) if oneHot, else entries ~ N(0, 1);  y_t uniform in 0 … m−1
     * </pre>
     * (fan-in: m for U, n for W and V).
     */
    public static RnnProblem random(long seed, int m, int n, int T, ActivationKind g1, boolean oneHot,
            double scale) {
        SplittableRandom r = new SplittableRandom(seed);
        RnnParameters p = new RnnParameters(uniform(n, m, scale / Math.sqrt(m), r),
                uniform(n, n, scale / Math.sqrt(n), r), uniform(m, n, scale / Math.sqrt(n), r),
                uniform(n, 1, scale / 2, r), uniform(m, 1, scale / 2, r));
        List<SimpleMatrix> xs = new ArrayList<>();
        int[] ys = new int[T];
        for (int t = 0; t < T; t++) {
            SimpleMatrix x = new SimpleMatrix(m, 1);
            if (oneHot) {
                x.set(r.nextInt(m), 0, 1);
            } else {
                for (int i = 0; i < m; i++) {
                    x.set(i, 0, r.nextGaussian());
                }
            }
            xs.add(x);
            ys[t] = r.nextInt(m);
        }
        return new RnnProblem(p, xs, ys, g1);
    }

    /**
     * A problem on which every applicable {@link BugModel} gives gradients distinguishable from the correct
     * ones and from each other (block distance &gt; 1e-3): m in 6 … 9, n in 3 … 5 (so n ≠ m), T in 3 … 5
     * (T &lt; m, so 1/T ≠ 1/m ≠ 1/2), distinct one-hot inputs (so column id(x_t) of dU is step t's dz_t),
     * entries of scale 1, a non-symmetric W. Candidates that fail are re-drawn from the same generator.
     *
     * @param seed the seed
     * @param g1   the hidden activation
     */
    public static RnnProblem doctorProblem(long seed, ActivationKind g1) {
        SplittableRandom r = new SplittableRandom(seed);
        for (int attempt = 0; ; attempt++) {
            int m = 6 + r.nextInt(4);
            int n = 3 + r.nextInt(3);
            int T = 3 + r.nextInt(3);
            RnnParameters p = new RnnParameters(uniform(n, m, 1.0, r), uniform(n, n, 1.0, r),
                    uniform(m, n, 1.0, r), uniform(n, 1, 0.5, r), uniform(m, 1, 0.5, r));
            int[] ids = permutation(m, r);
            List<SimpleMatrix> xs = new ArrayList<>();
            int[] ys = new int[T];
            for (int t = 0; t < T; t++) {
                SimpleMatrix x = new SimpleMatrix(m, 1);
                x.set(ids[t], 0, 1);
                xs.add(x);
                ys[t] = r.nextInt(m);
            }
            RnnProblem problem = new RnnProblem(p, xs, ys, g1);
            if ((asymmetric(p.W()) && distinguishable(problem)) || attempt >= 1000) {
                return problem;
            }
        }
    }

    private static boolean asymmetric(SimpleMatrix W) {
        return W.minus(W.transpose()).normF() > 0.1 * W.normF();
    }

    /** @return true when the correct gradient and every applicable bug model differ pairwise by &gt; 1e-3 */
    static boolean distinguishable(RnnProblem problem) {
        List<RnnGradients> all = new ArrayList<>();
        all.add(ReferenceRnn.gradients(problem));
        for (BugModel bug : BugModel.values()) {
            if (bug.appliesTo(problem)) {
                all.add(bug.inject(problem));
            }
        }
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                if (GradientDistance.max(all.get(i), all.get(j)) <= DISTINGUISHABLE) {
                    return false;
                }
            }
        }
        return true;
    }

    private static int[] permutation(int m, SplittableRandom r) {
        int[] ids = new int[m];
        for (int i = 0; i < m; i++) {
            ids[i] = i;
        }
        for (int i = m - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int tmp = ids[i];
            ids[i] = ids[j];
            ids[j] = tmp;
        }
        return ids;
    }

    static SimpleMatrix uniform(int rows, int cols, double bound, SplittableRandom r) {
        SimpleMatrix out = new SimpleMatrix(rows, cols);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                out.set(i, j, (2 * r.nextDouble() - 1) * bound);
            }
        }
        return out;
    }
}
