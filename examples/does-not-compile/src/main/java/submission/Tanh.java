package submission;

import org.ejml.simple.SimpleMatrix;
import org.ejml.simple.SimpleOperations;
import org.rnnautograder.assignment.Activation;

/** g1(z) = tanh(z); g1'(z) = 1 − tanh(z)². */
public final class Tanh implements Activation {
    @Override
    public SimpleMatrix value(SimpleMatrix z) {
        return z.elementOp((SimpleOperations.ElementOpReal) (r, c, v) -> Math.tanh(v));
    }

    @Override
    public SimpleMatrix derivative(SimpleMatrix z) {
        return z.elementOp((SimpleOperations.ElementOpReal) (r, c, v) -> {
            double s = Math.tanh(v);
            return 1 - s * s;
        });
    }
}
