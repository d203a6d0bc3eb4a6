package org.rnnautograder.assignment;

import org.ejml.simple.SimpleMatrix;
import org.rnnautograder.i18n.Messages;

/**
 * Gradients of the loss with respect to the parameters: (∂L/∂U, ∂L/∂W, ∂L/∂V, ∂L/∂b_a, ∂L/∂b_y).
 * Given code. Each block has the shape of its parameter (U n×m, W n×n, V m×n, b_a n×1, b_y m×1); the
 * constructor checks them and reports both shapes on a mismatch.
 *
 * @param dU   ∂L/∂U, n×m
 * @param dW   ∂L/∂W, n×n
 * @param dV   ∂L/∂V, m×n
 * @param db_a ∂L/∂b_a, n×1
 * @param db_y ∂L/∂b_y, m×1
 */
public record RnnGradients(SimpleMatrix dU, SimpleMatrix dW, SimpleMatrix dV, SimpleMatrix db_a, SimpleMatrix db_y) {

    public RnnGradients {
        if (dU == null || dV == null) {
            throw new NullPointerException(Messages.text("contract.null-pair", "dU", "dV", Shapes.describe(dU),
                    Shapes.describe(dV)));
        }
        int n = dU.getNumRows();
        int m = dU.getNumCols();
        Shapes.require(Messages.text("shapes.name.rows-of", "dW", "dU"), dW, n, n);
        Shapes.require(Messages.text("shapes.name.columns-of", "dV", "dU"), dV, m, n);
        Shapes.requireColumn("db_a (n×1)", db_a, n);
        Shapes.requireColumn("db_y (m×1)", db_y, m);
    }

    /** @return all-zero gradients shaped like {@code params} */
    public static RnnGradients zerosLike(RnnParameters params) {
        return new RnnGradients(new SimpleMatrix(params.n(), params.m()), new SimpleMatrix(params.n(), params.n()),
                new SimpleMatrix(params.m(), params.n()), new SimpleMatrix(params.n(), 1),
                new SimpleMatrix(params.m(), 1));
    }

    /**
     * Checks that these gradients match the shapes of {@code params}.
     *
     * @throws IllegalArgumentException naming the first block whose shape differs, with both shapes
     */
    public RnnGradients requireShapesOf(RnnParameters params) {
        Shapes.requireSameShape("dU", dU, params.U());
        Shapes.requireSameShape("dW", dW, params.W());
        Shapes.requireSameShape("dV", dV, params.V());
        Shapes.requireSameShape("db_a", db_a, params.b_a());
        Shapes.requireSameShape("db_y", db_y, params.b_y());
        return this;
    }

    /** @return the five blocks in the order dU, dW, dV, db_a, db_y (the record's own matrices) */
    public java.util.List<SimpleMatrix> blocks() {
        return java.util.List.of(dU, dW, dV, db_a, db_y);
    }

    /** @return gradients built from five blocks in the order dU, dW, dV, db_a, db_y */
    public static RnnGradients ofBlocks(java.util.List<SimpleMatrix> blocks) {
        if (blocks.size() != 5) {
            throw new IllegalArgumentException(Messages.text("contract.five-blocks", "dU, dW, dV, db_a, db_y",
                    blocks.size()));
        }
        return new RnnGradients(blocks.get(0), blocks.get(1), blocks.get(2), blocks.get(3), blocks.get(4));
    }

    /** @return a deep copy */
    public RnnGradients copy() {
        return new RnnGradients(dU.copy(), dW.copy(), dV.copy(), db_a.copy(), db_y.copy());
    }
}
