package org.rnnautograder.suite;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;
import org.rnnautograder.assignment.CrossEntropy;
import org.rnnautograder.assignment.Shapes;
import org.rnnautograder.fixtures.FixtureCase;
import org.rnnautograder.fixtures.FixtureFile;
import org.rnnautograder.fixtures.FixtureFiles;
import org.rnnautograder.fixtures.Tolerance;
import org.rnnautograder.i18n.Messages;

/**
 * CrossEntropy: a numerically stable softmax o = softmax(z); L_t = −ln o[y_t]; dL_t/dz = o − onehot(y_t); and
 * L = Σ_t L_t, summed over time, not averaged ("总误差就是各个时刻词的误差之和").
 */
public class CrossEntropyChecks extends ComponentChecks {
    private static final FixtureFile FIXTURES = FixtureFiles.bundled("CrossEntropy");

    // ---- softmax ----

    @Test
    @Check(id = "crossentropy.softmax.fixtures", points = 2)
    void softmaxFixtures() {
        CrossEntropy ce = student().crossEntropy();
        for (FixtureCase c : FIXTURES.forMethod("softmax")) {
            SimpleMatrix z = c.inputMatrix("logits");
            SimpleMatrix o = ce.softmax(z.copy());
            Expect.close("CrossEntropy.softmax(z)", fixture(c, "z = " + MatrixArguments.show(z)),
                    c.expectedMatrix("o"), o, c.tolerance(), diagnoseSoftmax(z, o));
        }
    }

    @Test
    @Check(id = "crossentropy.softmax.distribution", points = 1)
    void softmaxIsADistribution() {
        CrossEntropy ce = student().crossEntropy();
        Property.forAll(Messages.text("crossentropy.property.distribution"), seed("ce.softmax.distribution"), 30,
                (r, size) -> logits(r, 1 + r.nextInt(size + 2), r.nextInt(3) == 0 ? 1000 : 1 + r.nextInt(50)),
                z -> "m=" + z.getNumRows() + ", max |z| = " + Expect.fmt(maxAbs(z)),
                z -> {
                    SimpleMatrix o = ce.softmax(z.copy());
                    requireColumn("CrossEntropy.softmax(z)", z.getNumRows(), o);
                    double sum = 0;
                    for (int i = 0; i < o.getNumRows(); i++) {
                        double p = o.get(i, 0);
                        Expect.that(Double.isFinite(p), Messages.text("crossentropy.fail.not-finite", i, p),
                                maxAbs(z) > 700 ? subtractMax() : Messages.text("crossentropy.hint.division-by-zero"));
                        Expect.that(p >= 0 && p <= 1, Messages.text("crossentropy.fail.out-of-range", i, Expect.fmt(p)),
                                Messages.text("crossentropy.hint.entry-range"));
                        sum += p;
                    }
                    Expect.that(Math.abs(sum - 1) <= 1e-9 * o.getNumRows(),
                            Messages.text("crossentropy.fail.sum", Expect.fmt(sum)),
                            Messages.text("crossentropy.hint.sum"));
                });
    }

    @Test
    @Check(id = "crossentropy.softmax.shift-invariant", points = 1)
    void softmaxIsShiftInvariant() {
        CrossEntropy ce = student().crossEntropy();
        Property.forAll("softmax(z + c) = softmax(z)", seed("ce.softmax.shift"), 20,
                (r, size) -> {
                    SimpleMatrix z = logits(r, 1 + r.nextInt(size + 2), 5);
                    double c = (r.nextBoolean() ? 1 : -1) * (r.nextInt(3) == 0 ? 1000 : 50 * r.nextDouble());
                    return new Object[] {z, c};
                },
                in -> "m=" + ((SimpleMatrix) in[0]).getNumRows() + ", c = " + Expect.fmt((Double) in[1]),
                in -> {
                    SimpleMatrix z = (SimpleMatrix) in[0];
                    double c = (Double) in[1];
                    SimpleMatrix o = ce.softmax(z.copy());
                    SimpleMatrix shifted = ce.softmax(z.plus(c));
                    Expect.close("CrossEntropy.softmax(z + c)",
                            Messages.text("crossentropy.where.shift", Expect.fmt(c)), o, shifted, Tolerance.DEFAULT, hasNonFinite(shifted) || hasNonFinite(o) ? subtractMax()
                                    : Messages.text("crossentropy.hint.shift"));
                });
    }

    // ---- loss ----

    @Test
    @Check(id = "crossentropy.loss.fixtures", points = 1)
    void lossFixtures() {
        CrossEntropy ce = student().crossEntropy();
        for (FixtureCase c : FIXTURES.forMethod("loss")) {
            SimpleMatrix o = c.inputMatrix("o");
            int target = c.input("target", Integer.class);
            double got = ce.loss(o.copy(), target);
            double want = c.expected("loss", Double.class);
            Expect.close("CrossEntropy.loss(o, " + target + ")", fixture(c, "o = " + MatrixArguments.show(o)), want,
                    got, c.tolerance(), diagnoseLoss(o.get(target, 0), got));
        }
    }

    @Test
    @Check(id = "crossentropy.loss.property", points = 1)
    void lossIsMinusLn() {
        CrossEntropy ce = student().crossEntropy();
        Property.forAll("loss(o, y) = −ln o[y]", seed("ce.loss"), 30,
                (r, size) -> {
                    SimpleMatrix o = probabilities(r, 1 + r.nextInt(size + 2));
                    return new Object[] {o, r.nextInt(o.getNumRows())};
                },
                in -> "m=" + ((SimpleMatrix) in[0]).getNumRows() + ", y = " + in[1],
                in -> {
                    SimpleMatrix o = (SimpleMatrix) in[0];
                    int y = (Integer) in[1];
                    double got = ce.loss(o.copy(), y);
                    Expect.close("CrossEntropy.loss(o, " + y + ")", "o[" + y + "] = " + Expect.fmt(o.get(y, 0)),
                            -Math.log(o.get(y, 0)), got, Tolerance.DEFAULT, diagnoseLoss(o.get(y, 0), got));
                });
    }

    // ---- gradient ----

    @Test
    @Check(id = "crossentropy.gradient.fixtures", points = 1)
    void gradientFixtures() {
        CrossEntropy ce = student().crossEntropy();
        for (FixtureCase c : FIXTURES.forMethod("gradient")) {
            SimpleMatrix o = c.inputMatrix("o");
            int target = c.input("target", Integer.class);
            SimpleMatrix got = ce.gradient(o.copy(), target);
            Expect.close("CrossEntropy.gradient(o, " + target + ")", fixture(c, "o = " + MatrixArguments.show(o)),
                    c.expectedMatrix("dz"), got, c.tolerance(), diagnoseGradient(o, target, got));
        }
    }

    @Test
    @Check(id = "crossentropy.gradient.property", points = 1)
    void gradientIsOMinusOneHot() {
        CrossEntropy ce = student().crossEntropy();
        Property.forAll("gradient(o, y) = o − onehot(y)", seed("ce.gradient"), 30,
                (r, size) -> {
                    SimpleMatrix o = probabilities(r, 1 + r.nextInt(size + 2));
                    return new Object[] {o, r.nextInt(o.getNumRows())};
                },
                in -> "m=" + ((SimpleMatrix) in[0]).getNumRows() + ", y = " + in[1],
                in -> {
                    SimpleMatrix o = (SimpleMatrix) in[0];
                    int y = (Integer) in[1];
                    SimpleMatrix want = o.copy();
                    want.set(y, 0, want.get(y, 0) - 1);
                    SimpleMatrix got = ce.gradient(o.copy(), y);
                    Expect.close("CrossEntropy.gradient(o, " + y + ")", "o = " + MatrixArguments.show(o), want, got,
                            Tolerance.DEFAULT, diagnoseGradient(o, y, got));
                });
    }

    // ---- sequence loss ----

    @Test
    @Check(id = "crossentropy.sequence-loss", points = 1)
    void sequenceLoss() {
        CrossEntropy ce = student().crossEntropy();
        for (FixtureCase c : FIXTURES.forMethod("sequenceLoss")) {
            List<SimpleMatrix> outputs = c.input("outputs", new TypeReference<List<SimpleMatrix>>() {});
            int[] targets = c.input("targets", int[].class);
            double got = ce.sequenceLoss(CellMath.copyAll(outputs), targets.clone());
            Expect.close("CrossEntropy.sequenceLoss", fixture(c, "targets = " + Arrays.toString(targets)),
                    c.expected("loss", Double.class), got, c.tolerance(), diagnoseSequence(outputs, targets, got));
        }
        Property.forAll("sequenceLoss(o_1 … o_T, y) = Σ_t −ln o_t[y_t]", seed("ce.sequence"), 12,
                (r, size) -> {
                    int m = 1 + r.nextInt(6), t = 1 + r.nextInt(size);
                    List<SimpleMatrix> outputs = new ArrayList<>();
                    int[] targets = new int[t];
                    for (int i = 0; i < t; i++) {
                        outputs.add(probabilities(r, m));
                        targets[i] = r.nextInt(m);
                    }
                    return new Object[] {outputs, targets};
                },
                in -> "T=" + ((int[]) in[1]).length + ", m=" + ((SimpleMatrix) ((List<?>) in[0]).get(0)).getNumRows(),
                in -> {
                    @SuppressWarnings("unchecked")
                    List<SimpleMatrix> outputs = (List<SimpleMatrix>) in[0];
                    int[] targets = (int[]) in[1];
                    double got = ce.sequenceLoss(CellMath.copyAll(outputs), targets.clone());
                    Expect.close("CrossEntropy.sequenceLoss", "targets = " + Arrays.toString(targets),
                            sumOfLosses(outputs, targets), got, Tolerance.DEFAULT, diagnoseSequence(outputs, targets, got));
                });
    }

    // ---- bad input, mutation, aliasing, reference ----

    @Test
    @Check(id = "crossentropy.bad-input", points = 1)
    void badInput() {
        CrossEntropy ce = student().crossEntropy();
        SimpleMatrix o = new SimpleMatrix(new double[][] {{0.2}, {0.5}, {0.3}});
        String hint = Messages.text("crossentropy.hint.range-check");
        Expect.throwsClearly("CrossEntropy.loss(o, 3)", "m = 3, target = 3", () -> ce.loss(o.copy(), 3), hint,
                IllegalArgumentException.class);
        Expect.throwsClearly("CrossEntropy.loss(o, -1)", "m = 3, target = -1", () -> ce.loss(o.copy(), -1), hint,
                IllegalArgumentException.class);
        List<SimpleMatrix> outputs = List.of(o.copy(), o.copy(), o.copy());
        int[] targets = {0, 1, 2, 0, 1};
        String lengths = Messages.text("crossentropy.where.lengths", outputs.size(), targets.length);
        String lengthHint = Messages.text("crossentropy.hint.length-check");
        Expect.throwsClearly("CrossEntropy.sequenceLoss", lengths, () -> ce.sequenceLoss(CellMath.copyAll(outputs), targets.clone()),
                lengthHint, IllegalArgumentException.class);
        try {
            ce.sequenceLoss(CellMath.copyAll(outputs), targets.clone());
        } catch (IllegalArgumentException e) {
            String m = String.valueOf(e.getMessage());
            Expect.that(m.contains("3") && m.contains("5"),
                    Messages.text("crossentropy.fail.vague-length-message", lengths, m), lengthHint);
        }
        List<SimpleMatrix> two = List.of(o.copy(), o.copy());
        Expect.throwsClearly("CrossEntropy.sequenceLoss",
                Messages.text("crossentropy.where.lengths-one-target", two.size()),
                () -> ce.sequenceLoss(CellMath.copyAll(two), new int[] {0}), lengthHint, IllegalArgumentException.class);
    }

    @Test
    @Check(id = "crossentropy.inputs-untouched", points = 1)
    void inputsUntouched() {
        CrossEntropy ce = student().crossEntropy();
        SimpleMatrix z = new SimpleMatrix(new double[][] {{1}, {2}, {3}});
        SimpleMatrix arg = z.copy();
        SimpleMatrix o = ce.softmax(arg);
        MatrixArguments.unchanged("CrossEntropy.softmax(logits)", "logits", z, arg,
                Messages.text("crossentropy.hint.softmax-in-place"));
        MatrixArguments.notTheArgument("CrossEntropy.softmax(logits)", "logits", arg, o,
                Messages.text("crossentropy.hint.softmax-new-matrix"));

        SimpleMatrix p = new SimpleMatrix(new double[][] {{0.2}, {0.5}, {0.3}});
        arg = p.copy();
        ce.loss(arg, 1);
        MatrixArguments.unchanged("CrossEntropy.loss(o, 1)", "o", p, arg,
                Messages.text("crossentropy.hint.loss-reads-only"));

        arg = p.copy();
        SimpleMatrix dz = ce.gradient(arg, 1);
        MatrixArguments.unchanged("CrossEntropy.gradient(o, 1)", "o", p, arg,
                Messages.text("crossentropy.hint.gradient-in-place"));
        MatrixArguments.notTheArgument("CrossEntropy.gradient(o, 1)", "o", arg, dz,
                Messages.text("crossentropy.hint.gradient-new-matrix"));

        List<SimpleMatrix> outputs = List.of(p.copy(), p.copy());
        List<SimpleMatrix> outputsArg = new ArrayList<>(CellMath.copyAll(outputs));
        int[] targets = {2, 0};
        ce.sequenceLoss(outputsArg, targets);
        String readsOutputs = Messages.text("crossentropy.hint.outputs-read-only");
        Expect.that(outputsArg.size() == 2, Messages.text("crossentropy.fail.outputs-modified", outputsArg.size()),
                readsOutputs);
        for (int t = 0; t < outputs.size(); t++) {
            MatrixArguments.unchanged("CrossEntropy.sequenceLoss(outputs, targets)", "outputs.get(" + t + ")",
                    outputs.get(t), outputsArg.get(t), readsOutputs);
        }
        Expect.that(Arrays.equals(targets, new int[] {2, 0}),
                Messages.text("crossentropy.fail.targets-modified", Arrays.toString(targets)),
                Messages.text("crossentropy.hint.targets-read-only"));
    }

    @Test
    @Check(id = "crossentropy.reference", points = 1, needsReference = true)
    void agreesWithReference() {
        CrossEntropy want = reference().crossEntropy();
        CrossEntropy ce = student().crossEntropy();
        Property.forAll(Messages.text("activation.property.agrees-with-reference", "CrossEntropy"),
                seed("ce.reference"), 12,
                (r, size) -> {
                    int m = 1 + r.nextInt(size + 3), t = 1 + r.nextInt(size);
                    List<SimpleMatrix> logits = new ArrayList<>();
                    int[] targets = new int[t];
                    double scale = r.nextInt(4) == 0 ? 1000 : 3;
                    for (int i = 0; i < t; i++) {
                        logits.add(logits(r, m, scale));
                        targets[i] = r.nextInt(m);
                    }
                    return new Object[] {logits, targets};
                },
                in -> "m=" + ((SimpleMatrix) ((List<?>) in[0]).get(0)).getNumRows() + ", T=" + ((int[]) in[1]).length,
                in -> {
                    @SuppressWarnings("unchecked")
                    List<SimpleMatrix> logits = (List<SimpleMatrix>) in[0];
                    int[] targets = (int[]) in[1];
                    List<SimpleMatrix> outputs = new ArrayList<>();
                    for (int t = 0; t < targets.length; t++) {
                        SimpleMatrix z = logits.get(t);
                        SimpleMatrix o = want.softmax(z.copy());
                        outputs.add(o);
                        SimpleMatrix got = ce.softmax(z.copy());
                        Expect.close("CrossEntropy.softmax(z)", "z = " + MatrixArguments.show(z), o, got,
                                Tolerance.DEFAULT, diagnoseSoftmax(z, got));
                        if (o.get(targets[t], 0) < 1e-12) {
                            // −ln of an underflowed probability is Infinity (or huge): compare where it is meaningful
                            targets[t] = argmax(o);
                        }
                        int y = targets[t];
                        double loss = ce.loss(o.copy(), y);
                        Expect.close("CrossEntropy.loss(o, " + y + ")", "o = " + MatrixArguments.show(o),
                                want.loss(o.copy(), y), loss, Tolerance.DEFAULT, diagnoseLoss(o.get(y, 0), loss));
                        SimpleMatrix dz = ce.gradient(o.copy(), y);
                        Expect.close("CrossEntropy.gradient(o, " + y + ")", "o = " + MatrixArguments.show(o),
                                want.gradient(o.copy(), y), dz, Tolerance.DEFAULT, diagnoseGradient(o, y, dz));
                    }
                    double got = ce.sequenceLoss(CellMath.copyAll(outputs), targets.clone());
                    Expect.close("CrossEntropy.sequenceLoss", "targets = " + Arrays.toString(targets),
                            want.sequenceLoss(CellMath.copyAll(outputs), targets.clone()), got, Tolerance.DEFAULT,
                            diagnoseSequence(outputs, targets, got));
                });
    }

    // ---- diagnosis: which typical bug produces exactly what came ----

    static String diagnoseSoftmax(SimpleMatrix z, SimpleMatrix got) {
        if (got == null || got.getNumRows() != z.getNumRows() || got.getNumCols() != 1) {
            return Messages.text("crossentropy.hint.softmax-shape");
        }
        if (hasNonFinite(got)) {
            return maxAbs(z) > 700 ? subtractMax() : Messages.text("crossentropy.hint.softmax-division-by-zero");
        }
        double max = z.elementMax();
        SimpleMatrix e = z.minus(max).elementExp();
        if (close(e, got)) {
            return Messages.text("crossentropy.hint.softmax-no-division");
        }
        if (close(z.elementExp(), got)) {
            return Messages.text("crossentropy.hint.softmax-no-normalising");
        }
        if (close(z.divide(z.elementSum()), got)) {
            return Messages.text("crossentropy.hint.softmax-no-exp");
        }
        return Messages.text("crossentropy.hint.softmax");
    }

    static String diagnoseLoss(double p, double got) {
        double want = -Math.log(p);
        if (Double.isNaN(got) || Double.isInfinite(got)) {
            return Messages.text("crossentropy.hint.loss-not-finite");
        }
        if (want != 0 && approx(-want, got)) {
            return Messages.text("crossentropy.hint.loss-sign");
        }
        if (want != 0 && approx(-Math.log10(p), got)) {
            return Messages.text("crossentropy.hint.loss-log10");
        }
        if (want != 0 && approx(Math.log10(p), got)) {
            return Messages.text("crossentropy.hint.loss-log10-sign");
        }
        if (approx(1 - p, got) || approx(p, got)) {
            return Messages.text("crossentropy.hint.loss-probability");
        }
        return Messages.text("crossentropy.hint.loss");
    }

    static String diagnoseGradient(SimpleMatrix o, int target, SimpleMatrix got) {
        if (got == null || got.getNumRows() != o.getNumRows() || got.getNumCols() != 1) {
            return Messages.text("crossentropy.hint.gradient-shape");
        }
        SimpleMatrix onehot = new SimpleMatrix(o.getNumRows(), 1);
        onehot.set(target, 0, 1);
        if (o.getNumRows() > 0 && close(o, got)) {
            return Messages.text("crossentropy.hint.gradient-missing-minus-one");
        }
        if (close(onehot.minus(o), got)) {
            return Messages.text("crossentropy.hint.gradient-sign");
        }
        if (close(o.minus(1), got)) {
            return Messages.text("crossentropy.hint.gradient-every-entry");
        }
        for (int other = 0; other < o.getNumRows(); other++) {
            if (other != target) {
                SimpleMatrix shifted = o.copy();
                shifted.set(other, 0, shifted.get(other, 0) - 1);
                if (close(shifted, got)) {
                    return Messages.text("crossentropy.hint.gradient-wrong-row", other, target);
                }
            }
        }
        return Messages.text("crossentropy.hint.gradient");
    }

    static String diagnoseSequence(List<SimpleMatrix> outputs, int[] targets, double got) {
        double sum = sumOfLosses(outputs, targets);
        int t = targets.length;
        if (t > 1 && approx(sum / t, got)) {
            return Messages.text("crossentropy.hint.sequence-averaged");
        }
        if (approx(-sum, got) && sum != 0) {
            return Messages.text("crossentropy.hint.sequence-sign");
        }
        if (t > 1 && approx(-Math.log(outputs.get(t - 1).get(targets[t - 1], 0)), got)) {
            return Messages.text("crossentropy.hint.sequence-last-step");
        }
        if (t > 1 && approx(-Math.log(outputs.get(0).get(targets[0], 0)), got)) {
            return Messages.text("crossentropy.hint.sequence-first-step");
        }
        return Messages.text("crossentropy.hint.sequence");
    }

    // ---- helpers ----

    /** The most likely cause of non-finite probabilities for logits of ±1000. */
    private static String subtractMax() {
        return Messages.text("crossentropy.hint.subtract-max");
    }

    /** @return "fixture '<name>', " + {@code inputs}, the context of a fixture case */
    private static String fixture(FixtureCase c, String inputs) {
        return Messages.text("crossentropy.where.fixture", c.name(), inputs);
    }

    private static double sumOfLosses(List<SimpleMatrix> outputs, int[] targets) {
        double sum = 0;
        for (int t = 0; t < targets.length; t++) {
            sum += -Math.log(outputs.get(t).get(targets[t], 0));
        }
        return sum;
    }

    private static int argmax(SimpleMatrix o) {
        int best = 0;
        for (int i = 1; i < o.getNumRows(); i++) {
            if (o.get(i, 0) > o.get(best, 0)) {
                best = i;
            }
        }
        return best;
    }

    private static boolean approx(double want, double got) {
        return Tolerance.DEFAULT.accepts(want, got);
    }

    private static boolean close(SimpleMatrix want, SimpleMatrix got) {
        return CellMath.within(want, got, Tolerance.DEFAULT);
    }

    private static boolean hasNonFinite(SimpleMatrix m) {
        for (int i = 0; i < m.getNumRows(); i++) {
            for (int j = 0; j < m.getNumCols(); j++) {
                if (!Double.isFinite(m.get(i, j))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static double maxAbs(SimpleMatrix m) {
        return m.elementMaxAbs();
    }

    private static void requireColumn(String where, int m, SimpleMatrix got) {
        if (got == null) {
            Expect.fail(Messages.text("crossentropy.fail.null", where, m));
        }
        Expect.that(got.getNumRows() == m && got.getNumCols() == 1,
                Messages.text("crossentropy.fail.not-column", where, m, Shapes.describe(got)),
                Messages.text("crossentropy.hint.column"));
    }

    /** Logits: m×1, uniform in [−scale, scale], sometimes with ties. */
    private static SimpleMatrix logits(Random r, int m, double scale) {
        SimpleMatrix z = new SimpleMatrix(m, 1);
        for (int i = 0; i < m; i++) {
            z.set(i, 0, i > 0 && r.nextInt(6) == 0 ? z.get(i - 1, 0) : scale * (2 * r.nextDouble() - 1));
        }
        return z;
    }

    /** A random probability vector: positive entries of very different sizes, summing to 1. */
    private static SimpleMatrix probabilities(Random r, int m) {
        SimpleMatrix o = new SimpleMatrix(m, 1);
        for (int i = 0; i < m; i++) {
            o.set(i, 0, 1e-3 + Math.exp(3 * r.nextGaussian()));
        }
        return o.divide(o.elementSum());
    }
}
