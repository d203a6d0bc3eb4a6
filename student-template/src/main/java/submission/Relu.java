package submission;

import org.ejml.simple.SimpleMatrix;
import org.rnnautograder.assignment.Activation;
import org.rnnautograder.assignment.NotImplementedYetException;

/** g1(z) = max(0, z), entry by entry; g1'(z) = 1 for z &gt; 0, and 0 for z ≤ 0 (also at z = 0). */
public final class Relu implements Activation {
    /** @return a new matrix with max(0, z) entry by entry */
    @Override
    public SimpleMatrix value(SimpleMatrix z) {
        throw new NotImplementedYetException("Activation.value");
    }

    /** @return a new matrix with 1 where z &gt; 0 and 0 elsewhere */
    @Override
    public SimpleMatrix derivative(SimpleMatrix z) {
        throw new NotImplementedYetException("Activation.derivative");
    }
}
