package org.rnnautograder.suite;

import java.util.List;
import org.ejml.simple.SimpleMatrix;
import org.rnnautograder.assignment.Shapes;
import org.rnnautograder.fixtures.Tolerance;
import org.rnnautograder.i18n.Messages;

/**
 * Assertions whose failure messages are written for a student: what was expected, what came, where (which
 * method, which entry, which case) and the most likely cause. Every failure is a {@link CheckFailure}.
 */
public final class Expect {
    private Expect() {}

    /** Fails with {@code message}. */
    public static CheckFailure fail(String message) {
        throw new CheckFailure(message);
    }

    /** Fails with {@code what} + {@code hint} unless {@code condition}. */
    public static void that(boolean condition, String what, String hint) {
        if (!condition) {
            throw new CheckFailure(Messages.join(what, hint));
        }
    }

    /**
     * Compares a matrix with the expected one, entry by entry, within {@code tol}.
     *
     * @param where   the method and value, e.g. "RnnCell.forward: s_t"
     * @param context the inputs, e.g. "fixture 'forward tanh n=3 m=5'"
     * @param hint    the most likely cause when the values differ, or null
     */
    public static void close(String where, String context, SimpleMatrix expected, SimpleMatrix actual, Tolerance tol,
            String hint) {
        if (actual == null) {
            throw new CheckFailure(Messages.text("expect.null-matrix", where, context, Shapes.describe(expected)));
        }
        if (actual.getNumRows() != expected.getNumRows() || actual.getNumCols() != expected.getNumCols()) {
            throw new CheckFailure(Messages.join(Messages.text("expect.wrong-shape", where, context,
                    Shapes.describe(expected), Shapes.describe(actual)), hint));
        }
        int worstR = -1, worstC = -1;
        double worst = -1;
        int bad = 0;
        for (int r = 0; r < expected.getNumRows(); r++) {
            for (int c = 0; c < expected.getNumCols(); c++) {
                double e = expected.get(r, c), a = actual.get(r, c);
                if (!tol.accepts(e, a)) {
                    bad++;
                    double d = Double.isFinite(a) ? Math.abs(a - e) : Double.POSITIVE_INFINITY;
                    if (d > worst) {
                        worst = d;
                        worstR = r;
                        worstC = c;
                    }
                }
            }
        }
        if (bad > 0) {
            throw new CheckFailure(Messages.join(Messages.text("expect.entries-differ", where, context, bad,
                    expected.getNumElements(), "[" + worstR + "," + worstC + "]", fmt(expected.get(worstR, worstC)),
                    fmt(actual.get(worstR, worstC))), hint));
        }
    }

    /** Compares two numbers within {@code tol}. */
    public static void close(String where, String context, double expected, double actual, Tolerance tol, String hint) {
        if (!tol.accepts(expected, actual)) {
            throw new CheckFailure(Messages.join(Messages.text("expect.wrong-value", where, context, fmt(expected),
                    fmt(actual)), hint));
        }
    }

    /** Compares two values with {@code equals}. */
    public static void equal(String where, String context, Object expected, Object actual, String hint) {
        if (!java.util.Objects.equals(expected, actual)) {
            throw new CheckFailure(Messages.join(Messages.text("expect.wrong-value", where, context, show(expected),
                    show(actual)), hint));
        }
    }

    /** Compares two int arrays. */
    public static void equal(String where, String context, int[] expected, int[] actual, String hint) {
        equal(where, context, expected == null ? null : java.util.Arrays.toString(expected),
                actual == null ? null : java.util.Arrays.toString(actual), hint);
    }

    /**
     * Checks that {@code call} threw an exception of one of {@code types} (IllegalArgumentException for bad ids,
     * for instance), and that the message is not empty.
     */
    @SafeVarargs
    public static void throwsClearly(String where, String context, Runnable call, String hint,
            Class<? extends Throwable>... types) {
        try {
            call.run();
        } catch (RuntimeException e) {
            if (e instanceof org.rnnautograder.assignment.NotImplementedYetException
                    || StudentFacingFailures.isSandboxFailure(e)) {
                throw e; // no answer to the bad input: the check fails with the reason (hang, exit, out of memory)
            }
            for (Class<? extends Throwable> t : types) {
                if (t.isInstance(e)) {
                    if (e.getMessage() == null || e.getMessage().isBlank()) {
                        throw new CheckFailure(Messages.text("expect.exception-without-message", where,
                                StudentFacingFailures.typeOf(e), context));
                    }
                    return;
                }
            }
            throw new CheckFailure(Messages.join(Messages.text("expect.wrong-exception", where,
                    StudentFacingFailures.typeOf(e), context, names(types)), hint));
        }
        throw new CheckFailure(Messages.join(Messages.text("expect.accepted-bad-input", where, context, names(types)),
                hint));
    }

    private static String names(Class<?>[] types) {
        return String.join(Messages.text("expect.or"), java.util.Arrays.stream(types).map(Class::getSimpleName).toList());
    }


    /** @return a short, readable form of a number */
    public static String fmt(double v) {
        if (v == 0 || !Double.isFinite(v)) {
            return String.valueOf(v);
        }
        double a = Math.abs(v);
        return a >= 1e-3 && a < 1e6 ? String.format(java.util.Locale.ROOT, "%.6g", v).replaceAll("0+$", "").replaceAll("\\.$", "")
                : String.format(java.util.Locale.ROOT, "%.4e", v);
    }

    private static String show(Object o) {
        if (o instanceof String s) {
            return "\"" + s + "\"";
        }
        if (o instanceof List<?> l && l.size() > 40) {
            return l.subList(0, 40) + Messages.text("expect.more-items", l.size());
        }
        return String.valueOf(o);
    }
}
