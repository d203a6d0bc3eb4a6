package org.rnnautograder.gradcheck;

import java.util.ArrayList;
import java.util.List;
import org.ejml.simple.SimpleMatrix;
import org.rnnautograder.assignment.ActivationKind;
import org.rnnautograder.assignment.RnnGradients;
import org.rnnautograder.assignment.RnnParameters;

/** A second, independent correct BPTT written the way a student would (SimpleMatrix operations). */
final class SimpleMatrixBptt {
    private SimpleMatrixBptt() {}

    static RnnGradients backward(RnnParameters p, List<SimpleMatrix> xs, int[] ys, ActivationKind g1) {
        int T = xs.size();
        List<SimpleMatrix> s = new ArrayList<>();
        List<SimpleMatrix> z = new ArrayList<>();
        List<SimpleMatrix> o = new ArrayList<>();
        s.add(new SimpleMatrix(p.n(), 1));
        for (int t = 0; t < T; t++) {
            SimpleMatrix zt = p.U().mult(xs.get(t)).plus(p.W().mult(s.get(t))).plus(p.b_a());
            SimpleMatrix st = zt.copy();
            for (int i = 0; i < st.getNumRows(); i++) {
                st.set(i, 0, g1 == ActivationKind.TANH ? Math.tanh(zt.get(i, 0)) : Math.max(0, zt.get(i, 0)));
            }
            SimpleMatrix logits = p.V().mult(st).plus(p.b_y());
            SimpleMatrix e = logits.minus(logits.elementMax()).elementExp();
            z.add(zt);
            s.add(st);
            o.add(e.divide(e.elementSum()));
        }
        RnnGradients g = RnnGradients.zerosLike(p);
        SimpleMatrix dU = g.dU(), dW = g.dW(), dV = g.dV(), dba = g.db_a(), dby = g.db_y();
        SimpleMatrix dsNext = new SimpleMatrix(p.n(), 1);
        for (int t = T - 1; t >= 0; t--) {
            SimpleMatrix dzo = o.get(t).copy();
            dzo.set(ys[t], 0, dzo.get(ys[t], 0) - 1);
            dV = dV.plus(dzo.mult(s.get(t + 1).transpose()));
            dby = dby.plus(dzo);
            SimpleMatrix ds = p.V().transpose().mult(dzo).plus(dsNext);
            SimpleMatrix d = z.get(t).copy();
            for (int i = 0; i < d.getNumRows(); i++) {
                double si = s.get(t + 1).get(i, 0);
                d.set(i, 0, g1 == ActivationKind.TANH ? 1 - si * si : (z.get(t).get(i, 0) > 0 ? 1 : 0));
            }
            SimpleMatrix dz = ds.elementMult(d);
            dU = dU.plus(dz.mult(xs.get(t).transpose()));
            dW = dW.plus(dz.mult(s.get(t).transpose()));
            dba = dba.plus(dz);
            dsNext = p.W().transpose().mult(dz);
        }
        return new RnnGradients(dU, dW, dV, dba, dby);
    }
}
