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
import org.rnnautograder.i18n.Messages;

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
            String where = Messages.text("activation.where.fixture", c.name(), MatrixArguments.show(z));
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
                    z -> Messages.text("activation.shape.z", Shapes.describe(z)),
                    z -> {
                        SimpleMatrix plus = g.value(z.plus(h));
                        SimpleMatrix minus = g.value(z.minus(h));
                        requireShape(name + ": Activation.value(z)", z, plus);
                        requireShape(name + ": Activation.value(z)", z, minus);
                        SimpleMatrix numeric = plus.minus(minus).divide(2 * h);
                        SimpleMatrix derivative = g.derivative(z.copy());
                        Expect.close(name + ": Activation.derivative(z)",
                                Messages.text("activation.where.central-differences", h), numeric,
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
            String valueOf = Messages.text("activation.method-of-kind", "Activation.value(z)", name);
            String derivativeOf = Messages.text("activation.method-of-kind", "Activation.derivative(z)", name);
            String inPlace = Messages.text("activation.hint.in-place");
            SimpleMatrix arg = z.copy();
            SimpleMatrix value = g.value(arg);
            MatrixArguments.unchanged(valueOf, "z", z, arg, inPlace);
            MatrixArguments.notTheArgument(valueOf, "z", arg, value, Messages.text("activation.hint.value-returns-z"));
            arg = z.copy();
            SimpleMatrix derivative = g.derivative(arg);
            MatrixArguments.unchanged(derivativeOf, "z", z, arg, inPlace);
            MatrixArguments.notTheArgument(derivativeOf, "z", arg, derivative,
                    Messages.text("activation.hint.derivative-returns-z"));
        }
    }

    @Test
    @Check(id = "activation.reference", points = 1, needsReference = true)
    void agreesWithReference() {
        for (ActivationKind kind : ActivationKind.values()) {
            Activation want = reference().activation(kind);
            Activation g = student().activation(kind);
            String name = name(kind);
            Property.forAll(Messages.text("activation.property.agrees-with-reference", name),
                    seed("activation.ref." + name), 10,
                    (r, size) -> withZeros(randomZ(r, 1 + r.nextInt(size + 1), 1 + r.nextInt(size + 1), 4.0, 0), r),
                    z -> Messages.text("activation.shape.z", Shapes.describe(z)),
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
                return Messages.text("activation.hint.tanh-value-identity");
            }
            return Messages.text("activation.hint.tanh-value");
        }
        if (matches(got, z, v -> v > 0 ? v : 0.0, true)) {
            return onlyFirstColumn();
        }
        if (matches(got, z, v -> v > 0 ? 1.0 : 0.0, false)) {
            return Messages.text("activation.hint.relu-value-is-derivative");
        }
        if (matches(got, z, Math::abs, false)) {
            return Messages.text("activation.hint.relu-value-abs");
        }
        return Messages.text("activation.hint.relu-value");
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
                return Messages.text("activation.hint.tanh-derivative-from-s");
            }
            if (matches(got, z, Math::tanh, false)) {
                return Messages.text("activation.hint.tanh-derivative-is-value");
            }
            if (matches(got, z, v -> 1 - Math.tanh(v), false)) {
                return Messages.text("activation.hint.tanh-derivative-no-square");
            }
            if (matches(got, z, v -> 1 - Math.tanh(Math.tanh(v)) * Math.tanh(Math.tanh(v)), false)) {
                return Messages.text("activation.hint.tanh-derivative-twice");
            }
            return Messages.text("activation.hint.tanh-derivative");
        }
        DoubleUnaryOperator right = v -> v > 0 ? 1.0 : 0.0;
        if (matches(got, z, right, true)) {
            return onlyFirstColumn();
        }
        if (matches(got, z, v -> v >= 0 ? 1.0 : 0.0, false)) {
            return Messages.text("activation.hint.relu-derivative-at-zero");
        }
        if (matches(got, z, v -> v > 0 ? v : 0.0, false)) {
            return Messages.text("activation.hint.relu-derivative-is-value");
        }
        return Messages.text("activation.hint.relu-derivative");
    }

    private static String onlyFirstColumn() {
        return Messages.text("activation.hint.first-column-only");
    }

    private static String diagnoseShape(SimpleMatrix z, SimpleMatrix got) {
        if (got != null && (got.getNumRows() != z.getNumRows() || got.getNumCols() != z.getNumCols())) {
            return Messages.text("activation.hint.shape", Shapes.describe(z));
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
            Expect.fail(Messages.text("activation.fail.null", where));
        }
        String shape = diagnoseShape(z, got);
        if (shape != null) {
            Expect.fail(Messages.text("activation.fail.shape", where, Shapes.describe(z), Shapes.describe(got), shape));
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
