package submission;

import org.ejml.simple.SimpleMatrix;
import org.rnnautograder.assignment.Activation;
import org.rnnautograder.assignment.NotImplementedYetException;

/**
 * g1(z) = tanh(z), entry by entry; g1'(z) = 1 − tanh(z)².
 *
 * <p>Hint: {@code z.elementOp((SimpleOperations.ElementOpReal) (row, col, v) -> ...)} returns a new
 * matrix and leaves z untouched. Note that {@link #derivative} receives z, not s = tanh(z).
 */
public final class Tanh implements Activation {
    /** @return a new matrix with tanh(z) entry by entry */
    @Override
    public SimpleMatrix value(SimpleMatrix z) {
        throw new NotImplementedYetException("Activation.value");
    }

    /** @return a new matrix with 1 − tanh(z)² entry by entry */
    @Override
    public SimpleMatrix derivative(SimpleMatrix z) {
        throw new NotImplementedYetException("Activation.derivative");
    }
}
