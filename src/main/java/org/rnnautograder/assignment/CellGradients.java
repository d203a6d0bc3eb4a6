package org.rnnautograder.assignment;

import org.ejml.simple.SimpleMatrix;
import org.rnnautograder.i18n.Messages;

/**
 * What one backward step of the cell produces: this step's contribution to each parameter gradient,
 * and the gradient that flows back into the previous hidden state. Given code.
 *
 * @param grads   this step's (dU, dW, dV, db_a, db_y)
 * @param ds_prev ∂L/∂s_{t−1} through this step, n×1 (it becomes ds_next of step t−1)
 */
public record CellGradients(RnnGradients grads, SimpleMatrix ds_prev) {
    public CellGradients {
        if (grads == null) {
            throw new NullPointerException(Messages.text("shapes.null", "grads"));
        }
        Shapes.requireColumn(Messages.text("shapes.name.column-rows-of", "ds_prev", "dU"), ds_prev,
                grads.dU().getNumRows());
    }
}
