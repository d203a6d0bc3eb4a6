package org.rnnautograder.gradcheck;

import java.util.List;
import org.ejml.simple.SimpleMatrix;
import org.rnnautograder.assignment.RnnGradients;

/**
 * Relative distances between two gradients, block by block:
 * <pre>
 *   d(a, b) = ‖a − b‖_F / max(‖a‖_F + ‖b‖_F, FLOOR)        0 ≤ d ≤ 1
 * </pre>
 * FLOOR = 1e-9 keeps blocks that are zero up to rounding (e.g. dW at T = 1, where s_0 = 0) at distance ≈ 0.
 */
final class GradientDistance {
    static final double FLOOR = 1e-9;

    private GradientDistance() {}

    /** @return d(a, b) for one block; neither is modified */
    static double block(SimpleMatrix a, SimpleMatrix b) {
        double diff = 0;
        double na = 0;
        double nb = 0;
        for (int r = 0; r < a.getNumRows(); r++) {
            for (int c = 0; c < a.getNumCols(); c++) {
                double x = a.get(r, c);
                double y = b.get(r, c);
                diff += (x - y) * (x - y);
                na += x * x;
                nb += y * y;
            }
        }
        double d = Math.sqrt(diff) / Math.max(Math.sqrt(na) + Math.sqrt(nb), FLOOR);
        return Double.isNaN(d) ? 1 : d;
    }

    /** @return d per block, in the order dU, dW, dV, db_a, db_y */
    static double[] blocks(RnnGradients a, RnnGradients b) {
        List<SimpleMatrix> x = a.blocks();
        List<SimpleMatrix> y = b.blocks();
        double[] d = new double[5];
        for (int i = 0; i < 5; i++) {
            d[i] = block(x.get(i), y.get(i));
        }
        return d;
    }

    /** @return the largest per-block distance */
    static double max(RnnGradients a, RnnGradients b) {
        double worst = 0;
        for (double d : blocks(a, b)) {
            worst = Math.max(worst, d);
        }
        return worst;
    }

    /** @return c minimising ‖s − c g‖ over all blocks together: ⟨s, g⟩ / ⟨g, g⟩ (NaN when g = 0) */
    static double bestScale(RnnGradients s, RnnGradients g) {
        double sg = 0;
        double gg = 0;
        List<SimpleMatrix> x = s.blocks();
        List<SimpleMatrix> y = g.blocks();
        for (int i = 0; i < 5; i++) {
            SimpleMatrix a = x.get(i);
            SimpleMatrix b = y.get(i);
            for (int r = 0; r < a.getNumRows(); r++) {
                for (int c = 0; c < a.getNumCols(); c++) {
                    sg += a.get(r, c) * b.get(r, c);
                    gg += b.get(r, c) * b.get(r, c);
                }
            }
        }
        return gg == 0 ? Double.NaN : sg / gg;
    }
}
