package org.rnnautograder.assignment;

import java.util.Objects;
import org.ejml.simple.SimpleMatrix;
import org.rnnautograder.i18n.Messages;

/**
 * Shape preconditions with messages that name the matrix and give both the expected and the actual
 * shape, in {@link Messages#language()}. Given code; students may call it too.
 */
public final class Shapes {
    private Shapes() {}

    /**
     * Checks that {@code matrix} is {@code rows × cols}.
     *
     * @param name    what the matrix is, as the message should show it, e.g. {@code "U (n×m)"}
     * @param matrix  the matrix to check; not modified
     * @throws NullPointerException     if {@code matrix} is null, naming it
     * @throws IllegalArgumentException if the shape differs, naming both shapes
     * @return {@code matrix}
     */
    public static SimpleMatrix require(String name, SimpleMatrix matrix, int rows, int cols) {
        Objects.requireNonNull(matrix, () -> Messages.text("shapes.null", name));
        if (matrix.getNumRows() != rows || matrix.getNumCols() != cols) {
            throw new IllegalArgumentException(Messages.text("shapes.wrong-shape", name, rows, cols, describe(matrix)));
        }
        return matrix;
    }

    /**
     * Checks that {@code matrix} is a column vector of length {@code rows}.
     *
     * @return {@code matrix}
     */
    public static SimpleMatrix requireColumn(String name, SimpleMatrix matrix, int rows) {
        return require(name, matrix, rows, 1);
    }

    /** Checks that {@code actual} has the same shape as {@code expected}, naming both. */
    public static SimpleMatrix requireSameShape(String name, SimpleMatrix actual, SimpleMatrix expected) {
        return require(name, actual, expected.getNumRows(), expected.getNumCols());
    }

    /** @return "rows×cols" of {@code matrix}, or "null" */
    public static String describe(SimpleMatrix matrix) {
        return matrix == null ? "null" : matrix.getNumRows() + "×" + matrix.getNumCols();
    }

    /**
     * Checks that every entry of {@code matrix} is finite.
     *
     * @throws IllegalArgumentException naming the first non-finite entry
     */
    public static SimpleMatrix requireFinite(String name, SimpleMatrix matrix) {
        for (int r = 0; r < matrix.getNumRows(); r++) {
            for (int c = 0; c < matrix.getNumCols(); c++) {
                double v = matrix.get(r, c);
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException(Messages.text("shapes.not-finite", name, r, c, v));
                }
            }
        }
        return matrix;
    }
}
