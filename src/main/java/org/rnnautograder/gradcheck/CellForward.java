package org.rnnautograder.gradcheck;

import org.ejml.simple.SimpleMatrix;
import org.rnnautograder.assignment.CellOutput;
import org.rnnautograder.assignment.RnnParameters;

/** One forward step, e.g. a student's {@code RnnCell::forward}: (θ, x_t, s_{t−1}) → (s_t, o_t). */
@FunctionalInterface
public interface CellForward {
    /**
     * @param params θ; not modified
     * @param x_t    m×1; not modified
     * @param s_prev s_{t−1}, n×1; not modified
     * @return (s_t, o_t)
     */
    CellOutput forward(RnnParameters params, SimpleMatrix x_t, SimpleMatrix s_prev);
}
