package org.rnnautograder.suite;

import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;
import org.rnnautograder.assignment.Activation;
import org.rnnautograder.assignment.ActivationKind;
import org.rnnautograder.assignment.Shapes;
import org.rnnautograder.fixtures.FixtureCase;
import org.rnnautograder.fixtures.FixtureFile;
import org.rnnautograder.fixtures.FixtureFiles;
import org.rnnautograder.fixtures.Tolerance;

/**
 * Activation: g1 = tanh or relu, value and derivative entry by entry, for a matrix of any shape. The derivative
 * takes z (not s = g1(z)); tanh'(z) = 1 − tanh(z)²; relu'(z) = 1 for z &gt; 0 and 0 for z ≤ 0.
 */
public class ActivationChecks extends ComponentChecks {
    private static final FixtureFile FIXTURES = FixtureFiles.bundled("Activation");

    @Test
    @Check(id = "activation.tanh.fixtures", points = 2)
    void tanhFixtures() {
        fixtures(ActivationKind.TANH);
    }

    @Test
    @Check(id = "activation.relu.fixtures", points = 1)
    void reluFixtures() {
        fixtures(ActivationKind.RELU);
    }

    private static void fixtures(ActivationKind kind) {
        Activation g = student().activation(kind);
        String name = name(kind);
        for (FixtureCase c : FIXTURES.forMethod(name)) {
            SimpleMatrix z = c.inputMatrix("z");
            String where = "fixture '" + c.name() + "', z = " + MatrixArguments.show(z);
            SimpleMatrix value = g.value(z.copy());
            Expect.close(name + ": Activation.value(z)", where, c.expectedMatrix("value"), value, c.tolerance(),
                    diagnoseValue(kind, z, value));
            SimpleMatrix derivative = g.derivative(z.copy());
            Expect.close(name + ": Activation.derivative(z)", where, c.expectedMatrix("derivative"), derivative,
                    c.tolerance(), diagnoseDerivative(kind, z, derivative));
        }
    }

    @Test
    @Check(id = "activation.property.central-differences", points = 1)
    void derivativeMatchesCentralDifferences() {
        for (ActivationKind kind : ActivationKind.values()) {
            Activation g = student().activation(kind);
            String name = name(kind);
            double h = 1e-6;
            Property.forAll(name + "'(z) = (" + name + "(z + h) − " + name + "(z − h)) / 2h", seed("activation.cd." + name),
                    12, (r, size) -> randomZ(r, 1 + r.nextInt(size), 1 + r.nextInt(size), 3.0, 1e-3),
                    z -> "z of shape " + Shapes.describe(z),
                    z -> {
                        SimpleMatrix plus = g.value(z.plus(h));
                        SimpleMatrix minus = g.value(z.minus(h));
                        requireShape(name + ": Activation.value(z)", z, plus);
                        requireShape(name + ": Activation.value(z)", z, minus);
                        SimpleMatrix numeric = plus.minus(minus).divide(2 * h);
                        SimpleMatrix derivative = g.derivative(z.copy());
                        Expect.close(name + ": Activation.derivative(z)",
                                "compared with central differences of your own value(z), h = " + h, numeric,
                                derivative, new Tolerance(1e-6, 1e-5), diagnoseDerivative(kind, z, derivative));
                    });
        }
    }

    @Test
    @Check(id = "activation.inputs-untouched", points = 1)
    void inputsUntouched() {
        SimpleMatrix z = new SimpleMatrix(new double[][] {{-1.5, 0, 2}, {0.5, -0.25, 3}});
        for (ActivationKind kind : ActivationKind.values()) {
            Activation g = student().activation(kind);
            String name = name(kind);
            SimpleMatrix arg = z.copy();
            SimpleMatrix value = g.value(arg);
            MatrixArguments.unchanged("Activation.value(z) of " + name, "z", z, arg,
                    "Most likely cause: z.set(…) in a loop; work on z.copy(), or use z.elementOp(…), which returns a new"
                            + " matrix.");
            MatrixArguments.notTheArgument("Activation.value(z) of " + name, "z", arg, value,
                    "Return a new matrix (z.copy() filled with g1(z), or z.elementOp(…)), not z itself.");
            arg = z.copy();
            SimpleMatrix derivative = g.derivative(arg);
            MatrixArguments.unchanged("Activation.derivative(z) of " + name, "z", z, arg,
                    "Most likely cause: z.set(…) in a loop; work on z.copy(), or use z.elementOp(…), which returns a new"
                            + " matrix.");
            MatrixArguments.notTheArgument("Activation.derivative(z) of " + name, "z", arg, derivative,
                    "Return a new matrix (z.copy() filled with g1'(z), or z.elementOp(…)), not z itself.");
        }
    }

    @Test
    @Check(id = "activation.reference", points = 1, needsReference = true)
    void agreesWithReference() {
        for (ActivationKind kind : ActivationKind.values()) {
            Activation want = reference().activation(kind);
            Activation g = student().activation(kind);
            String name = name(kind);
            Property.forAll(name + " agrees with the reference", seed("activation.ref." + name), 10,
                    (r, size) -> withZeros(randomZ(r, 1 + r.nextInt(size + 1), 1 + r.nextInt(size + 1), 4.0, 0), r),
                    z -> "z of shape " + Shapes.describe(z),
                    z -> {
                        SimpleMatrix value = g.value(z.copy());
                        Expect.close(name + ": Activation.value(z)", "z = " + MatrixArguments.show(z), want.value(z.copy()), value,
                                Tolerance.DEFAULT, diagnoseValue(kind, z, value));
                        SimpleMatrix derivative = g.derivative(z.copy());
                        Expect.close(name + ": Activation.derivative(z)", "z = " + MatrixArguments.show(z), want.derivative(z.copy()),
                                derivative, Tolerance.DEFAULT, diagnoseDerivative(kind, z, derivative));
                    });
        }
    }

    // ---- diagnosis: which typical bug produces exactly what came ----

    static String diagnoseValue(ActivationKind kind, SimpleMatrix z, SimpleMatrix got) {
        String shape = diagnoseShape(z, got);
        if (shape != null) {
            return shape;
        }
        if (kind == ActivationKind.TANH) {
            if (matches(got, z, Math::tanh, true)) {
                return onlyFirstColumn();
            }
            if (matches(got, z, v -> v, false)) {
                return "Your value(z) returned z unchanged: apply Math.tanh to every entry.";
            }
            return "Expected tanh(z) entry by entry: use Math.tanh(v) for each entry v of z.";
        }
        if (matches(got, z, v -> v > 0 ? v : 0.0, true)) {
            return onlyFirstColumn();
        }
        if (matches(got, z, v -> v > 0 ? 1.0 : 0.0, false)) {
            return "Your value(z) returned the derivative (1 where z > 0, else 0): value is max(0, z).";
        }
        if (matches(got, z, Math::abs, false)) {
            return "Your value(z) returned |z|: negative entries must become 0, relu(z) = max(0, z).";
        }
        return "Expected relu(z) = max(0, z) entry by entry.";
    }

    static String diagnoseDerivative(ActivationKind kind, SimpleMatrix z, SimpleMatrix got) {
        String shape = diagnoseShape(z, got);
        if (shape != null) {
            return shape;
        }
        if (kind == ActivationKind.TANH) {
            DoubleUnaryOperator right = v -> 1 - Math.tanh(v) * Math.tanh(v);
            if (matches(got, z, right, true)) {
                return onlyFirstColumn();
            }
            if (matches(got, z, v -> 1 - v * v, false)) {
                return "Most likely cause: you computed 1 − z² (as if the argument were s = tanh(z)). derivative"
                        + " receives z, not s: compute s = tanh(z) first, then 1 − s².";
            }
            if (matches(got, z, Math::tanh, false)) {
                return "Most likely cause: derivative returns g1(z) = tanh(z) itself; it must return g1'(z) ="
                        + " 1 − tanh(z)².";
            }
            if (matches(got, z, v -> 1 - Math.tanh(v), false)) {
                return "Most likely cause: you computed 1 − tanh(z) and forgot the square: g1'(z) = 1 − tanh(z)².";
            }
            if (matches(got, z, v -> 1 - Math.tanh(Math.tanh(v)) * Math.tanh(Math.tanh(v)), false)) {
                return "Most likely cause: tanh applied twice — derivative receives z and should compute"
                        + " 1 − tanh(z)², not 1 − tanh(tanh(z))².";
            }
            return "Expected g1'(z) = 1 − tanh(z)² entry by entry (computed from z, not from s).";
        }
        DoubleUnaryOperator right = v -> v > 0 ? 1.0 : 0.0;
        if (matches(got, z, right, true)) {
            return onlyFirstColumn();
        }
        if (matches(got, z, v -> v >= 0 ? 1.0 : 0.0, false)) {
            return "Most likely cause: relu'(0) came out as 1 — the contract says relu'(0) = 0: test z > 0, not z >= 0.";
        }
        if (matches(got, z, v -> v > 0 ? v : 0.0, false)) {
            return "Most likely cause: derivative returns g1(z) = max(0, z) itself; relu'(z) is 1 where z > 0 and 0"
                    + " elsewhere.";
        }
        return "Expected relu'(z) = 1 where z > 0 and 0 where z ≤ 0 (also 0 at exactly z = 0).";
    }

    private static String onlyFirstColumn() {
        return "Only the first column is right: z may be any matrix, not only a column vector — loop over all rows"
                + " and all columns (or use z.elementOp(…)).";
    }

    private static String diagnoseShape(SimpleMatrix z, SimpleMatrix got) {
        if (got != null && (got.getNumRows() != z.getNumRows() || got.getNumCols() != z.getNumCols())) {
            return "The result must have the same shape as z (" + Shapes.describe(z) + "): g1 works entry by entry"
                    + " on any matrix, not only on column vectors.";
        }
        return null;
    }

    /**
     * @param firstColumnOnly true: the first column matches {@code f} but a later column does not (the "column
     *                        vectors only" bug); false: every entry matches {@code f}
     */
    private static boolean matches(SimpleMatrix got, SimpleMatrix z, DoubleUnaryOperator f, boolean firstColumnOnly) {
        if (got == null || got.getNumRows() != z.getNumRows() || got.getNumCols() != z.getNumCols()) {
            return false;
        }
        Tolerance tol = Tolerance.DEFAULT;
        boolean laterWrong = false;
        for (int r = 0; r < z.getNumRows(); r++) {
            for (int c = 0; c < z.getNumCols(); c++) {
                boolean ok = tol.accepts(f.applyAsDouble(z.get(r, c)), got.get(r, c));
                if (c == 0 && !ok) {
                    return false;
                }
                if (c > 0 && !ok) {
                    if (!firstColumnOnly) {
                        return false;
                    }
                    laterWrong = true;
                }
            }
        }
        return !firstColumnOnly || laterWrong;
    }

    private static void requireShape(String where, SimpleMatrix z, SimpleMatrix got) {
        if (got == null) {
            Expect.fail(where + " returned null: return a new matrix of the shape of z.");
        }
        String shape = diagnoseShape(z, got);
        if (shape != null) {
            Expect.fail(where + " has the wrong shape: expected " + Shapes.describe(z) + ", but got "
                    + Shapes.describe(got) + ". " + shape);
        }
    }

    /** A random rows×cols matrix, entries in [−scale, scale] with |entry| ≥ {@code minAbs}. */
    static SimpleMatrix randomZ(Random r, int rows, int cols, double scale, double minAbs) {
        SimpleMatrix z = new SimpleMatrix(rows, cols);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                double v = minAbs + (scale - minAbs) * r.nextDouble();
                z.set(i, j, r.nextBoolean() ? v : -v);
            }
        }
        return z;
    }

    /** Sets one entry and about one in five of the others to exactly 0 (relu's kink). */
    private static SimpleMatrix withZeros(SimpleMatrix z, Random r) {
        z.set(r.nextInt(z.getNumRows()), r.nextInt(z.getNumCols()), 0);
        for (int i = 0; i < z.getNumRows(); i++) {
            for (int j = 0; j < z.getNumCols(); j++) {
                if (r.nextInt(5) == 0) {
                    z.set(i, j, 0);
                }
            }
        }
        return z;
    }

    private static String name(ActivationKind kind) {
        return kind == ActivationKind.TANH ? "tanh" : "relu";
    }
}
