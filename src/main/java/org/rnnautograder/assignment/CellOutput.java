package org.rnnautograder.assignment;

import org.ejml.simple.SimpleMatrix;
import org.rnnautograder.i18n.Messages;

/**
 * What one forward step of the cell produces. Given code.
 *
 * @param s_t the new hidden state g1(U x_t + W s_{t−1} + b_a), n×1
 * @param o_t the output probabilities softmax(V s_t + b_y), m×1
 */
public record CellOutput(SimpleMatrix s_t, SimpleMatrix o_t) {
    public CellOutput {
        if (s_t == null || o_t == null) {
            throw new NullPointerException(Messages.text("contract.null-pair", "s_t", "o_t", Shapes.describe(s_t),
                    Shapes.describe(o_t)));
        }
        if (s_t.getNumCols() != 1 || o_t.getNumCols() != 1) {
            throw new IllegalArgumentException(Messages.text("contract.output-not-columns", Shapes.describe(s_t),
                    Shapes.describe(o_t)));
        }
    }
}
