package submission;

import org.ejml.simple.SimpleMatrix;
import org.ejml.simple.SimpleOperations;
import org.rnnautograder.assignment.Activation;

/** g1(z) = max(0, z); g1'(z) = 1 for z &gt; 0, else 0. */
public final class Relu implements Activation {
    @Override
    public SimpleMatrix value(SimpleMatrix z) {
        return z.elementOp((SimpleOperations.ElementOpReal) (r, c, v) -> v > 0 ? v : 0.0);
    }

    @Override
    public SimpleMatrix derivative(SimpleMatrix z) {
        return z.elementOp((SimpleOperations.ElementOpReal) (r, c, v) -> v > 0 ? 1.0 : 0.0);
    }
}
