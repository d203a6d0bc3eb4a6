package org.rnnautograder.assignment;

import java.util.Random;
import org.ejml.simple.SimpleMatrix;
import org.rnnautograder.i18n.Messages;

/**
 * The parameters θ = (U, W, V, b_a, b_y) of the RNN. Given code.
 *
 * <p>Shapes: U n×m, W n×n, V m×n, b_a n×1, b_y m×1, where m is the vocabulary size and n the hidden
 * size. The constructor checks every shape against m = rows of V and n = rows of U and reports both
 * shapes on a mismatch. The record holds the matrices it is given (no copy): treat them as read-only.
 *
 * @param U   input → hidden, n×m
 * @param W   hidden → hidden, n×n
 * @param V   hidden → output, m×n
 * @param b_a hidden bias, n×1
 * @param b_y output bias, m×1
 */
public record RnnParameters(SimpleMatrix U, SimpleMatrix W, SimpleMatrix V, SimpleMatrix b_a, SimpleMatrix b_y) {

    /** Names of the five blocks, in record order. */
    public static final java.util.List<String> BLOCKS = java.util.List.of("U", "W", "V", "b_a", "b_y");

    public RnnParameters {
        if (U == null || V == null) {
            throw new NullPointerException(Messages.text("contract.null-pair", "U", "V", Shapes.describe(U),
                    Shapes.describe(V)));
        }
        int n = U.getNumRows();
        int m = U.getNumCols();
        if (n < 1 || m < 1) {
            throw new IllegalArgumentException(Messages.text("contract.u-empty", Shapes.describe(U)));
        }
        Shapes.require(Messages.text("shapes.name.rows-of", "W", "U"), W, n, n);
        Shapes.require(Messages.text("shapes.name.columns-of", "V", "U"), V, m, n);
        Shapes.requireColumn("b_a (n×1)", b_a, n);
        Shapes.requireColumn("b_y (m×1)", b_y, m);
    }

    /** @return m, the vocabulary size */
    public int m() {
        return U.getNumCols();
    }

    /** @return n, the hidden size */
    public int n() {
        return U.getNumRows();
    }

    /** @return a deep copy: new matrices with the same entries */
    public RnnParameters copy() {
        return new RnnParameters(U.copy(), W.copy(), V.copy(), b_a.copy(), b_y.copy());
    }

    /** @return the five blocks in the order U, W, V, b_a, b_y (the record's own matrices, not copies) */
    public java.util.List<SimpleMatrix> blocks() {
        return java.util.List.of(U, W, V, b_a, b_y);
    }

    /** @return parameters built from five blocks in the order U, W, V, b_a, b_y */
    public static RnnParameters ofBlocks(java.util.List<SimpleMatrix> blocks) {
        if (blocks.size() != 5) {
            throw new IllegalArgumentException(Messages.text("contract.five-blocks", "U, W, V, b_a, b_y", blocks.size()));
        }
        return new RnnParameters(blocks.get(0), blocks.get(1), blocks.get(2), blocks.get(3), blocks.get(4));
    }

    /** @return all-zero parameters for vocabulary size m and hidden size n */
    public static RnnParameters zeros(int m, int n) {
        return new RnnParameters(new SimpleMatrix(n, m), new SimpleMatrix(n, n), new SimpleMatrix(m, n),
                new SimpleMatrix(n, 1), new SimpleMatrix(m, 1));
    }

    /**
     * The initialisation every submission uses, so that the same seed gives the same model everywhere.
     * With {@code r = new java.util.Random(seed)}, entries are filled row by row, U first, then W, then V:
     * U[i,j] ~ uniform(−1/√m, 1/√m), W[i,j] and V[i,j] ~ uniform(−1/√n, 1/√n), each drawn as
     * {@code (2 r.nextDouble() − 1) · bound}; b_a = 0, b_y = 0.
     *
     * @param m    vocabulary size, ≥ 1
     * @param n    hidden size, ≥ 1
     * @param seed the seed of the generator
     */
    public static RnnParameters initialize(int m, int n, long seed) {
        if (m < 1 || n < 1) {
            throw new IllegalArgumentException(Messages.text("contract.initialize-sizes", m, n));
        }
        Random r = new Random(seed);
        return new RnnParameters(uniform(n, m, 1 / Math.sqrt(m), r), uniform(n, n, 1 / Math.sqrt(n), r),
                uniform(m, n, 1 / Math.sqrt(n), r), new SimpleMatrix(n, 1), new SimpleMatrix(m, 1));
    }

    private static SimpleMatrix uniform(int rows, int cols, double bound, Random r) {
        SimpleMatrix out = new SimpleMatrix(rows, cols);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                out.set(i, j, (2 * r.nextDouble() - 1) * bound);
            }
        }
        return out;
    }
}
