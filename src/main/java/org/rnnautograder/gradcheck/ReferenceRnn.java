package org.rnnautograder.gradcheck;

import java.util.ArrayList;
import java.util.List;
import org.ejml.simple.SimpleMatrix;
import org.rnnautograder.assignment.ActivationKind;
import org.rnnautograder.assignment.RnnGradients;
import org.rnnautograder.assignment.RnnParameters;
import org.rnnautograder.assignment.Shapes;

/**
 * The gradcheck package's own correct RNN: forward, summed cross-entropy and BPTT, on plain double
 * arrays for speed (it is evaluated thousands of times per check). Independent of any reference
 * solution or submission.
 * <pre>
 *   s_0 = 0,  z_t = U x_t + W s_{t−1} + b_a,  s_t = g1(z_t),  o_t = softmax(V s_t + b_y)
 *   L = Σ_t −ln o_t[y_t]   (computed as logsumexp(V s_t + b_y) − (V s_t + b_y)[y_t])
 * </pre>
 */
public final class ReferenceRnn {
    private ReferenceRnn() {}

    /** Everything the forward pass computed: z[t], s[t] (s[0] = s_0 = 0), o[t] (index t − 1 for z and o). */
    record Forward(double[][] z, double[][] s, double[][] o, double loss) {}

    /** θ as row-major arrays. */
    record Theta(int m, int n, double[] U, double[] W, double[] V, double[] ba, double[] by) {
        static Theta of(List<SimpleMatrix> blocks) {
            SimpleMatrix u = blocks.get(0);
            return new Theta(u.getNumCols(), u.getNumRows(), array(u), array(blocks.get(1)), array(blocks.get(2)),
                    array(blocks.get(3)), array(blocks.get(4)));
        }
    }

    static double[] array(SimpleMatrix a) {
        int rows = a.getNumRows();
        int cols = a.getNumCols();
        double[] out = new double[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out[r * cols + c] = a.get(r, c);
            }
        }
        return out;
    }

    static SimpleMatrix matrix(int rows, int cols, double[] data) {
        return new SimpleMatrix(rows, cols, true, data);
    }

    /**
     * L = Σ_t −ln o_t[y_t] of {@code problem}.
     *
     * @param problem the sequence problem; not modified
     */
    public static double loss(RnnProblem problem) {
        return forward(problem.params().blocks(), problem.xs(), problem.targets(), problem.g1()).loss();
    }

    /**
     * L at θ = {@code blocks} (U, W, V, b_a, b_y) on the inputs and targets of {@code problem}.
     *
     * @param blocks θ as five blocks; not modified
     */
    public static double loss(List<SimpleMatrix> blocks, RnnProblem problem) {
        return forward(blocks, problem.xs(), problem.targets(), problem.g1()).loss();
    }

    /**
     * The correct ∂L/∂θ by BPTT (see {@link org.rnnautograder.assignment.Rnn#backward}).
     *
     * @param problem the sequence problem; not modified
     * @return new matrices (dU, dW, dV, db_a, db_y)
     */
    public static RnnGradients gradients(RnnProblem problem) {
        return backward(problem, BpttVariant.CORRECT);
    }

    /**
     * The pre-activations z_1 … z_T at θ = {@code blocks}.
     *
     * @param blocks θ (U, W, V, b_a, b_y); not modified
     * @return new n×1 vectors
     */
    public static List<SimpleMatrix> preActivations(List<SimpleMatrix> blocks, RnnProblem problem) {
        Forward f = forward(blocks, problem.xs(), problem.targets(), problem.g1());
        List<SimpleMatrix> out = new ArrayList<>();
        for (double[] z : f.z()) {
            out.add(matrix(z.length, 1, z.clone()));
        }
        return out;
    }

    static Forward forward(List<SimpleMatrix> blocks, List<SimpleMatrix> xs, int[] targets, ActivationKind g1) {
        Theta th = Theta.of(blocks);
        int T = xs.size();
        double[][] xa = new double[T][];
        for (int t = 0; t < T; t++) {
            Shapes.requireColumn("x_" + (t + 1), xs.get(t), th.m());
            xa[t] = array(xs.get(t));
        }
        return forward(th, xa, targets, g1);
    }

    static Forward forward(Theta th, double[][] xs, int[] targets, ActivationKind g1) {
        int m = th.m();
        int n = th.n();
        int T = xs.length;
        double[][] z = new double[T][n];
        double[][] s = new double[T + 1][];
        double[][] o = new double[T][m];
        s[0] = new double[n];
        double loss = 0;
        double[] logits = new double[m];
        for (int t = 0; t < T; t++) {
            double[] x = xs[t];
            double[] prev = s[t];
            double[] st = new double[n];
            for (int i = 0; i < n; i++) {
                double acc = th.ba()[i];
                int ui = i * m;
                for (int j = 0; j < m; j++) {
                    double xj = x[j];
                    if (xj != 0) {
                        acc += th.U()[ui + j] * xj;
                    }
                }
                int wi = i * n;
                for (int k = 0; k < n; k++) {
                    acc += th.W()[wi + k] * prev[k];
                }
                z[t][i] = acc;
                st[i] = g1 == ActivationKind.TANH ? Math.tanh(acc) : (acc > 0 ? acc : 0);
            }
            s[t + 1] = st;
            double max = Double.NEGATIVE_INFINITY;
            for (int r = 0; r < m; r++) {
                double acc = th.by()[r];
                int vi = r * n;
                for (int k = 0; k < n; k++) {
                    acc += th.V()[vi + k] * st[k];
                }
                logits[r] = acc;
                max = Math.max(max, acc);
            }
            double sum = 0;
            for (int r = 0; r < m; r++) {
                double e = Math.exp(logits[r] - max);
                o[t][r] = e;
                sum += e;
            }
            for (int r = 0; r < m; r++) {
                o[t][r] /= sum;
            }
            loss += max + Math.log(sum) - logits[targets[t]];
        }
        return new Forward(z, s, o, loss);
    }

    /**
     * BPTT with the knobs of {@code variant} (the correct BPTT for {@link BpttVariant#CORRECT}).
     *
     * @return new matrices (dU, dW, dV, db_a, db_y)
     */
    static RnnGradients backward(RnnProblem problem, BpttVariant variant) {
        Theta th = Theta.of(problem.params().blocks());
        int m = th.m();
        int n = th.n();
        int T = problem.T();
        int[] y = problem.targets();
        double[][] xs = new double[T][];
        for (int t = 0; t < T; t++) {
            xs[t] = array(problem.xs().get(t));
        }
        Forward f = forward(th, xs, y, problem.g1());
        double[] dU = new double[n * m];
        double[] dW = new double[n * n];
        double[] dV = new double[m * n];
        double[] dba = new double[n];
        double[] dby = new double[m];
        double[] dsNext = new double[n];
        double[] dzo = new double[m];
        double[] ds = new double[n];
        double[] dz = new double[n];
        for (int t = T - 1; t >= 0; t--) {
            boolean sum = switch (variant.steps()) {
                case ALL -> true;
                case LAST_ONLY -> t == T - 1;
                case FIRST_ONLY -> t == 0;
            };
            boolean sumBias = variant.biasLastOnly() ? t == T - 1 : sum;
            double[] st = f.s()[t + 1];
            double[] prev = f.s()[t];
            for (int r = 0; r < m; r++) {
                dzo[r] = f.o()[t][r] - (!variant.missingMinusY() && r == y[t] ? 1 : 0);
            }
            if (sum) {
                for (int r = 0; r < m; r++) {
                    for (int k = 0; k < n; k++) {
                        dV[r * n + k] += dzo[r] * st[k];
                    }
                }
            }
            if (sumBias) {
                for (int r = 0; r < m; r++) {
                    dby[r] += dzo[r];
                }
            }
            for (int k = 0; k < n; k++) {
                double acc = variant.dropDsNext() ? 0 : dsNext[k];
                for (int r = 0; r < m; r++) {
                    acc += th.V()[r * n + k] * dzo[r];
                }
                ds[k] = acc;
            }
            for (int i = 0; i < n; i++) {
                double zi = f.z()[t][i];
                double d = switch (variant.derivative()) {
                    case NONE -> 1;
                    case TANH_OF_Z -> 1 - zi * zi;
                    case CORRECT -> problem.g1() == ActivationKind.TANH ? 1 - st[i] * st[i] : (zi > 0 ? 1 : 0);
                };
                dz[i] = ds[i] * d;
            }
            double[] x = xs[t];
            double[] sw = variant.sTForSPrev() ? st : prev;
            if (sum) {
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < m; j++) {
                        dU[i * m + j] += dz[i] * x[j];
                    }
                    for (int k = 0; k < n; k++) {
                        dW[i * n + k] += dz[i] * sw[k];
                    }
                }
            }
            if (sumBias) {
                for (int i = 0; i < n; i++) {
                    dba[i] += dz[i];
                }
            }
            for (int k = 0; k < n; k++) {
                double acc = 0;
                for (int i = 0; i < n; i++) {
                    acc += (variant.wNotTransposed() ? th.W()[k * n + i] : th.W()[i * n + k]) * dz[i];
                }
                dsNext[k] = acc;
            }
        }
        return new RnnGradients(matrix(n, m, dU), matrix(n, n, dW), matrix(m, n, dV), matrix(n, 1, dba),
                matrix(m, 1, dby));
    }
}
