package submission;

import org.ejml.simple.SimpleMatrix;
import org.rnnautograder.assignment.Activation;
import org.rnnautograder.assignment.CellGradients;
import org.rnnautograder.assignment.CellOutput;
import org.rnnautograder.assignment.CrossEntropy;
import org.rnnautograder.assignment.RnnCell;
import org.rnnautograder.assignment.RnnGradients;
import org.rnnautograder.assignment.RnnParameters;
import org.rnnautograder.assignment.Shapes;

/** One time step: s_t = g1(U x_t + W s_{t−1} + b_a), o_t = softmax(V s_t + b_y), and its backward step. */
public final class BasicRnnCell implements RnnCell {
    private final Activation g1;
    private final CrossEntropy g2 = new SoftmaxCrossEntropy();

    public BasicRnnCell(Activation g1) {
        this.g1 = g1;
    }

    /** z_t = U x_t + W s_{t−1} + b_a, the pre-activation of the hidden state. */
    private static SimpleMatrix preActivation(RnnParameters p, SimpleMatrix x_t, SimpleMatrix s_prev) {
        Shapes.requireColumn("x_t (m×1)", x_t, p.m());
        Shapes.requireColumn("s_prev (n×1)", s_prev, p.n());
        return p.U().mult(x_t).plus(p.W().mult(s_prev)).plus(p.b_a());
    }

    @Override
    public CellOutput forward(RnnParameters p, SimpleMatrix x_t, SimpleMatrix s_prev) {
        SimpleMatrix s_t = g1.value(preActivation(p, x_t, s_prev));
        SimpleMatrix o_t = g2.softmax(p.V().mult(s_t).plus(p.b_y()));
        return new CellOutput(s_t, o_t);
    }

    @Override
    public CellGradients backward(RnnParameters p, SimpleMatrix x_t, SimpleMatrix s_prev, SimpleMatrix s_t,
            SimpleMatrix dLogits, SimpleMatrix ds_next) {
        Shapes.requireColumn("s_t (n×1)", s_t, p.n());
        Shapes.requireColumn("dLogits (m×1)", dLogits, p.m());
        Shapes.requireColumn("ds_next (n×1)", ds_next, p.n());
        SimpleMatrix dV = dLogits.mult(s_t.transpose());
        SimpleMatrix db_y = dLogits.copy();
        SimpleMatrix ds = p.V().transpose().mult(dLogits).plus(ds_next);     // from o_t and from step t+1
        SimpleMatrix dz = ds.elementMult(g1.derivative(preActivation(p, x_t, s_prev)));
        SimpleMatrix dU = dz.mult(x_t.transpose());
        SimpleMatrix dW = dz.mult(s_prev.transpose());
        SimpleMatrix db_a = dz.copy();
        SimpleMatrix ds_prev = p.W().transpose().mult(dz);
        return new CellGradients(new RnnGradients(dU, dW, dV, db_a, db_y), ds_prev);
    }
}
