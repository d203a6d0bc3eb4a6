package org.rnnautograder.suite;

import org.rnnautograder.i18n.Messages;
import org.ejml.simple.SimpleMatrix;
import org.rnnautograder.assignment.Shapes;

/**
 * Helpers for the checks: a compact form of small matrices for messages, and the "did the call modify its
 * argument / return its argument" checks with student-facing messages.
 */
final class MatrixArguments {
    private MatrixArguments() {}

    /** @return a compact form of a small matrix, e.g. "[[-2], [0], [0.5]]", or "a 7×5 matrix" */
    static String show(SimpleMatrix m) {
        if (m == null) {
            return "null";
        }
        if (m.getNumElements() > 12) {
            return Messages.text("matrix.a-matrix", Shapes.describe(m));
        }
        StringBuilder b = new StringBuilder("[");
        for (int r = 0; r < m.getNumRows(); r++) {
            b.append(r == 0 ? "[" : ", [");
            for (int c = 0; c < m.getNumCols(); c++) {
                b.append(c == 0 ? "" : ", ").append(Expect.fmt(m.get(r, c)));
            }
            b.append(']');
        }
        return b.append(']').toString();
    }

    /**
     * Fails unless {@code after} (the argument as it is after the call) equals {@code before} (a deep copy taken
     * before the call) exactly.
     *
     * @param method   e.g. "CrossEntropy.gradient(o, 1)"
     * @param argument the parameter's name, e.g. "o"
     */
    static void unchanged(String method, String argument, SimpleMatrix before, SimpleMatrix after, String hint) {
        unchanged(method, argument, before, after, " " + hint,
                " " + Messages.text("matrix.caller-still-needs", argument) + " " + hint);
    }

    /**
     * Fails unless {@code after} equals {@code before} exactly (bit for bit, or numerically equal), with "Your
     * {@code method} modified its argument {@code argument}: …" naming the changed shape or the first changed
     * entry, and then {@code shapeTail} or {@code entryTail}.
     */
    static void unchanged(String method, String argument, SimpleMatrix before, SimpleMatrix after, String shapeTail,
            String entryTail) {
        if (after.getNumRows() != before.getNumRows() || after.getNumCols() != before.getNumCols()) {
            throw new CheckFailure(Messages.text("matrix.modified-shape", method, argument, Shapes.describe(before),
                    Shapes.describe(after)) + shapeTail);
        }
        for (int r = 0; r < before.getNumRows(); r++) {
            for (int c = 0; c < before.getNumCols(); c++) {
                double b = before.get(r, c), a = after.get(r, c);
                if (Double.doubleToLongBits(a) != Double.doubleToLongBits(b) && a != b) {
                    throw new CheckFailure(Messages.text("matrix.modified-entry", method, argument,
                            argument + "[" + r + "," + c + "]", Expect.fmt(b), Expect.fmt(a)) + entryTail);
                }
            }
        }
    }

    /** Fails when the call returned its argument object itself (visible only in-process). */
    static void notTheArgument(String method, String argument, Object argumentObject, Object result, String hint) {
        if (result == argumentObject) {
            throw new CheckFailure(Messages.join(Messages.text("matrix.returned-argument", method, argument), hint));
        }
    }
}
