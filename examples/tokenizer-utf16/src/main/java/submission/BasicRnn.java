package submission;

import java.util.ArrayList;
import java.util.List;
import org.ejml.simple.SimpleMatrix;
import org.rnnautograder.assignment.CellGradients;
import org.rnnautograder.assignment.CellOutput;
import org.rnnautograder.assignment.CrossEntropy;
import org.rnnautograder.assignment.Rnn;
import org.rnnautograder.assignment.RnnCell;
import org.rnnautograder.assignment.RnnGradients;
import org.rnnautograder.assignment.RnnParameters;
import org.rnnautograder.assignment.RnnTrace;

/** The cell unrolled over time with shared parameters; BPTT sums every step's gradient. */
public final class BasicRnn implements Rnn {
    private final RnnCell cell;
    private final CrossEntropy crossEntropy = new SoftmaxCrossEntropy();

    public BasicRnn(RnnCell cell) {
        this.cell = cell;
    }

    @Override
    public RnnTrace forward(RnnParameters params, List<SimpleMatrix> xs) {
        if (xs.isEmpty()) {
            throw new IllegalArgumentException("need at least one input x_1, but the sequence was empty");
        }
        List<SimpleMatrix> states = new ArrayList<>();
        List<SimpleMatrix> outputs = new ArrayList<>();
        states.add(new SimpleMatrix(params.n(), 1)); // s_0 = 0
        for (SimpleMatrix x_t : xs) {
            CellOutput step = cell.forward(params, x_t, states.get(states.size() - 1));
            states.add(step.s_t());
            outputs.add(step.o_t());
        }
        return new RnnTrace(states, outputs);
    }

    @Override
    public RnnGradients backward(RnnParameters params, List<SimpleMatrix> xs, RnnTrace trace, int[] targets) {
        int T = xs.size();
        if (trace.T() != T || targets.length != T) {
            throw new IllegalArgumentException("xs, trace and targets must all have length T, but had "
                    + T + ", " + trace.T() + " and " + targets.length);
        }
        RnnGradients sum = RnnGradients.zerosLike(params);
        SimpleMatrix dU = sum.dU(), dW = sum.dW(), dV = sum.dV(), db_a = sum.db_a(), db_y = sum.db_y();
        SimpleMatrix ds_next = new SimpleMatrix(params.n(), 1); // nothing flows in after the last step
        for (int t = T; t >= 1; t--) {
            SimpleMatrix dLogits = crossEntropy.gradient(trace.o(t), targets[t - 1]);
            CellGradients step = cell.backward(params, xs.get(t - 1), trace.s(t - 1), trace.s(t), dLogits, ds_next);
            dU = dU.plus(step.grads().dU());
            dW = dW.plus(step.grads().dW());
            dV = dV.plus(step.grads().dV());
            db_a = db_a.plus(step.grads().db_a());
            db_y = db_y.plus(step.grads().db_y());
            ds_next = step.ds_prev();
        }
        return new RnnGradients(dU, dW, dV, db_a, db_y);
    }
}
