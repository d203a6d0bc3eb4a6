package org.rnnautograder.reference;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.ToDoubleFunction;
import org.ejml.simple.SimpleMatrix;
import org.rnnautograder.assignment.RnnParameters;

/** Small seeded inputs and a plain central-difference gradient for the reference's tests. */
final class Fixtures {
    private Fixtures() {}

    static SimpleMatrix random(int rows, int cols, Random r) {
        SimpleMatrix out = new SimpleMatrix(rows, cols);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                out.set(i, j, r.nextGaussian());
            }
        }
        return out;
    }

    static RnnParameters randomParams(int m, int n, Random r) {
        return new RnnParameters(random(n, m, r).scale(0.5), random(n, n, r).scale(0.5), random(m, n, r).scale(0.5),
                random(n, 1, r).scale(0.1), random(m, 1, r).scale(0.1));
    }

    /** Dense (not one-hot) inputs exercise every column of U. */
    static List<SimpleMatrix> randomInputs(int m, int T, Random r) {
        List<SimpleMatrix> xs = new ArrayList<>();
        for (int t = 0; t < T; t++) {
            xs.add(random(m, 1, r));
        }
        return xs;
    }

    static int[] randomTargets(int m, int T, Random r) {
        int[] y = new int[T];
        for (int t = 0; t < T; t++) {
            y[t] = r.nextInt(m);
        }
        return y;
    }

    /**
     * Central differences of f at {@code blocks.get(b)}: (f(θ + εe_ij) − f(θ − εe_ij)) / 2ε per entry.
     * The blocks are modified during the evaluation and restored before returning.
     */
    static SimpleMatrix numericGradient(ToDoubleFunction<List<SimpleMatrix>> f, List<SimpleMatrix> blocks, int b) {
        double eps = 1e-6;
        SimpleMatrix theta = blocks.get(b);
        SimpleMatrix grad = new SimpleMatrix(theta.getNumRows(), theta.getNumCols());
        for (int i = 0; i < theta.getNumRows(); i++) {
            for (int j = 0; j < theta.getNumCols(); j++) {
                double v = theta.get(i, j);
                theta.set(i, j, v + eps);
                double plus = f.applyAsDouble(blocks);
                theta.set(i, j, v - eps);
                double minus = f.applyAsDouble(blocks);
                theta.set(i, j, v);
                grad.set(i, j, (plus - minus) / (2 * eps));
            }
        }
        return grad;
    }

    /** max over entries of |a − n| / max(|a| + |n|, 1e-8), counting only entries with |a − n| &gt; 1e-7. */
    static double relativeError(SimpleMatrix analytic, SimpleMatrix numeric) {
        double worst = 0;
        for (int i = 0; i < analytic.getNumElements(); i++) {
            double a = analytic.get(i);
            double n = numeric.get(i);
            double abs = Math.abs(a - n);
            if (abs > 1e-7) {
                worst = Math.max(worst, abs / Math.max(Math.abs(a) + Math.abs(n), 1e-8));
            }
        }
        return worst;
    }

    static void assertClose(SimpleMatrix expected, SimpleMatrix actual, double tol, String what) {
        org.junit.jupiter.api.Assertions.assertEquals(expected.getNumRows(), actual.getNumRows(), what + " rows");
        org.junit.jupiter.api.Assertions.assertEquals(expected.getNumCols(), actual.getNumCols(), what + " cols");
        for (int i = 0; i < expected.getNumElements(); i++) {
            org.junit.jupiter.api.Assertions.assertEquals(expected.get(i), actual.get(i), tol, what + " entry " + i);
        }
    }
}
