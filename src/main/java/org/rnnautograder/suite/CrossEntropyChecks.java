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

/**
 * CrossEntropy: a numerically stable softmax o = softmax(z); L_t = −ln o[y_t]; dL_t/dz = o − onehot(y_t); and
 * L = Σ_t L_t, summed over time, not averaged ("总误差就是各个时刻词的误差之和").
 */
public class CrossEntropyChecks extends ComponentChecks {
    private static final FixtureFile FIXTURES = FixtureFiles.bundled("CrossEntropy");

    private static final String SUBTRACT_MAX = "Most likely cause: softmax does not subtract the max logit first —"
            + " exp(1000) overflows to Infinity and exp(−1000) underflows to 0, so the division gives NaN. Compute"
            + " exp(z[i] − max z) / Σ_j exp(z[j] − max z); the result is the same (softmax is shift-invariant) and"
            + " stays finite.";

    // ---- softmax ----

    @Test
    @Check(id = "crossentropy.softmax.fixtures", points = 2)
    void softmaxFixtures() {
        CrossEntropy ce = student().crossEntropy();
        for (FixtureCase c : FIXTURES.forMethod("softmax")) {
            SimpleMatrix z = c.inputMatrix("logits");
            SimpleMatrix o = ce.softmax(z.copy());
            Expect.close("CrossEntropy.softmax(z)", "fixture '" + c.name() + "', z = " + MatrixArguments.show(z),
                    c.expectedMatrix("o"), o, c.tolerance(), diagnoseSoftmax(z, o));
        }
    }

    @Test
    @Check(id = "crossentropy.softmax.distribution", points = 1)
    void softmaxIsADistribution() {
        CrossEntropy ce = student().crossEntropy();
        Property.forAll("softmax(z) is finite, in [0, 1] and sums to 1", seed("ce.softmax.distribution"), 30,
                (r, size) -> logits(r, 1 + r.nextInt(size + 2), r.nextInt(3) == 0 ? 1000 : 1 + r.nextInt(50)),
                z -> "m=" + z.getNumRows() + ", max |z| = " + Expect.fmt(maxAbs(z)),
                z -> {
                    SimpleMatrix o = ce.softmax(z.copy());
                    requireColumn("CrossEntropy.softmax(z)", z.getNumRows(), o);
                    double sum = 0;
                    for (int i = 0; i < o.getNumRows(); i++) {
                        double p = o.get(i, 0);
                        Expect.that(Double.isFinite(p), "softmax(z)[" + i + "] is " + p + ".",
                                maxAbs(z) > 700 ? SUBTRACT_MAX
                                        : "Check for a division by zero: divide by Σ_j exp(z[j] − max z), which is ≥ 1.");
                        Expect.that(p >= 0 && p <= 1, "softmax(z)[" + i + "] = " + Expect.fmt(p) + " is not in [0, 1].",
                                "Every entry is exp(z[i] − max z) / Σ_j exp(z[j] − max z): positive and at most 1.");
                        sum += p;
                    }
                    Expect.that(Math.abs(sum - 1) <= 1e-9 * o.getNumRows(),
                            "softmax(z) sums to " + Expect.fmt(sum) + ", not 1.",
                            "Divide every exp(z[i] − max z) by the sum over all j of exp(z[j] − max z).");
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
                    Expect.close("CrossEntropy.softmax(z + c)", "compared with your softmax(z), c = " + Expect.fmt(c),
                            o, shifted, Tolerance.DEFAULT,
                            hasNonFinite(shifted) || hasNonFinite(o) ? SUBTRACT_MAX
                                    : "Adding the same c to every logit must not change softmax: exp(z[i] + c − max(z + c))"
                                            + " = exp(z[i] − max z).");
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
            Expect.close("CrossEntropy.loss(o, " + target + ")", "fixture '" + c.name() + "', o = "
                    + MatrixArguments.show(o), want, got, c.tolerance(), diagnoseLoss(o.get(target, 0), got));
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
            Expect.close("CrossEntropy.gradient(o, " + target + ")", "fixture '" + c.name() + "', o = "
                    + MatrixArguments.show(o), c.expectedMatrix("dz"), got, c.tolerance(), diagnoseGradient(o, target, got));
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
            Expect.close("CrossEntropy.sequenceLoss", "fixture '" + c.name() + "', targets = " + Arrays.toString(targets),
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
        String hint = "Check the range first: if (target < 0 || target >= o.getNumRows()) throw new"
                + " IllegalArgumentException(\"target must be in 0 … m−1, but was \" + target).";
        Expect.throwsClearly("CrossEntropy.loss(o, 3)", "m = 3, target = 3", () -> ce.loss(o.copy(), 3), hint,
                IllegalArgumentException.class);
        Expect.throwsClearly("CrossEntropy.loss(o, -1)", "m = 3, target = -1", () -> ce.loss(o.copy(), -1), hint,
                IllegalArgumentException.class);
        List<SimpleMatrix> outputs = List.of(o.copy(), o.copy(), o.copy());
        int[] targets = {0, 1, 2, 0, 1};
        String lengths = "3 outputs, 5 targets";
        String lengthHint = "Compare outputs.size() with targets.length first and throw new"
                + " IllegalArgumentException naming both lengths.";
        Expect.throwsClearly("CrossEntropy.sequenceLoss", lengths, () -> ce.sequenceLoss(CellMath.copyAll(outputs), targets.clone()),
                lengthHint, IllegalArgumentException.class);
        try {
            ce.sequenceLoss(CellMath.copyAll(outputs), targets.clone());
        } catch (IllegalArgumentException e) {
            String m = String.valueOf(e.getMessage());
            Expect.that(m.contains("3") && m.contains("5"), "CrossEntropy.sequenceLoss rejected " + lengths
                    + ", but its message \"" + m + "\" does not name both lengths (3 and 5).", lengthHint);
        }
        List<SimpleMatrix> two = List.of(o.copy(), o.copy());
        Expect.throwsClearly("CrossEntropy.sequenceLoss", "2 outputs, 1 target",
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
                "Most likely cause: an in-place update of the logits (logits.set(…) in a loop); logits.minus(max)"
                        + ".elementExp() returns new matrices.");
        MatrixArguments.notTheArgument("CrossEntropy.softmax(logits)", "logits", arg, o,
                "Return a new m×1 matrix of probabilities.");

        SimpleMatrix p = new SimpleMatrix(new double[][] {{0.2}, {0.5}, {0.3}});
        arg = p.copy();
        ce.loss(arg, 1);
        MatrixArguments.unchanged("CrossEntropy.loss(o, 1)", "o", p, arg, "loss only reads o[target].");

        arg = p.copy();
        SimpleMatrix dz = ce.gradient(arg, 1);
        MatrixArguments.unchanged("CrossEntropy.gradient(o, 1)", "o", p, arg,
                "Most likely cause: gradient subtracts 1 from o itself (o.set(target, o.get(target) − 1); return o;)."
                        + " Copy it first: SimpleMatrix dz = o.copy(); dz.set(target, 0, dz.get(target, 0) − 1);"
                        + " return dz;");
        MatrixArguments.notTheArgument("CrossEntropy.gradient(o, 1)", "o", arg, dz,
                "Return a new matrix: SimpleMatrix dz = o.copy(); dz.set(target, 0, dz.get(target, 0) − 1); return dz;");

        List<SimpleMatrix> outputs = List.of(p.copy(), p.copy());
        List<SimpleMatrix> outputsArg = new ArrayList<>(CellMath.copyAll(outputs));
        int[] targets = {2, 0};
        ce.sequenceLoss(outputsArg, targets);
        Expect.that(outputsArg.size() == 2, "Your CrossEntropy.sequenceLoss modified its argument outputs: it had 2"
                + " matrices before the call and " + outputsArg.size() + " after it.",
                "sequenceLoss only reads the outputs.");
        for (int t = 0; t < outputs.size(); t++) {
            MatrixArguments.unchanged("CrossEntropy.sequenceLoss(outputs, targets)", "outputs.get(" + t + ")",
                    outputs.get(t), outputsArg.get(t), "sequenceLoss only reads the outputs.");
        }
        Expect.that(Arrays.equals(targets, new int[] {2, 0}), "Your CrossEntropy.sequenceLoss modified its argument"
                + " targets: it was [2, 0] before the call and is " + Arrays.toString(targets) + " after it.",
                "sequenceLoss only reads the targets.");
    }

    @Test
    @Check(id = "crossentropy.reference", points = 1, needsReference = true)
    void agreesWithReference() {
        CrossEntropy want = reference().crossEntropy();
        CrossEntropy ce = student().crossEntropy();
        Property.forAll("CrossEntropy agrees with the reference", seed("ce.reference"), 12,
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
            return "softmax returns an m×1 column with one probability per logit.";
        }
        if (hasNonFinite(got)) {
            return maxAbs(z) > 700 ? SUBTRACT_MAX
                    : "Look for a division by zero: Σ_j exp(z[j] − max z) is at least 1 when the max is subtracted.";
        }
        double max = z.elementMax();
        SimpleMatrix e = z.minus(max).elementExp();
        if (close(e, got)) {
            return "Most likely cause: you did not divide by the sum: o[i] = exp(z[i] − max z) / Σ_j exp(z[j] − max z).";
        }
        if (close(z.elementExp(), got)) {
            return "Most likely cause: you returned exp(z) without normalising: divide by Σ_j exp(z[j]) (after"
                    + " subtracting the max).";
        }
        if (close(z.divide(z.elementSum()), got)) {
            return "Most likely cause: you divided z by its sum without exp: o[i] = exp(z[i] − max z) / Σ_j"
                    + " exp(z[j] − max z).";
        }
        return "Expected o[i] = exp(z[i] − max z) / Σ_j exp(z[j] − max z).";
    }

    static String diagnoseLoss(double p, double got) {
        double want = -Math.log(p);
        if (Double.isNaN(got) || Double.isInfinite(got)) {
            return "Expected a finite −ln o[target]: o[target] > 0 here, so −ln o[target] is finite.";
        }
        if (want != 0 && approx(-want, got)) {
            return "Most likely cause: you returned ln o[target] instead of −ln o[target] (the sign is missing; the"
                    + " loss is never negative).";
        }
        if (want != 0 && approx(-Math.log10(p), got)) {
            return "Most likely cause: you used Math.log10; the loss uses the natural log: −Math.log(o[target]).";
        }
        if (want != 0 && approx(Math.log10(p), got)) {
            return "Most likely cause: you used Math.log10 and lost the sign; the loss is −Math.log(o[target]).";
        }
        if (approx(1 - p, got) || approx(p, got)) {
            return "Most likely cause: you returned a probability, not the loss: L_t = −Math.log(o[target]).";
        }
        return "Expected L_t = −ln o[target] (Math.log is the natural log).";
    }

    static String diagnoseGradient(SimpleMatrix o, int target, SimpleMatrix got) {
        if (got == null || got.getNumRows() != o.getNumRows() || got.getNumCols() != 1) {
            return "gradient returns an m×1 column dz_o = o − onehot(target).";
        }
        SimpleMatrix onehot = new SimpleMatrix(o.getNumRows(), 1);
        onehot.set(target, 0, 1);
        if (o.getNumRows() > 0 && close(o, got)) {
            return "Most likely cause: the −1 at the target is missing: dz_o = o − onehot(target), so subtract 1 at row"
                    + " target.";
        }
        if (close(onehot.minus(o), got)) {
            return "Most likely cause: the sign is flipped: dz_o = o − onehot(target), not onehot(target) − o.";
        }
        if (close(o.minus(1), got)) {
            return "Most likely cause: you subtracted 1 from every entry; subtract 1 only at row target.";
        }
        for (int other = 0; other < o.getNumRows(); other++) {
            if (other != target) {
                SimpleMatrix shifted = o.copy();
                shifted.set(other, 0, shifted.get(other, 0) - 1);
                if (close(shifted, got)) {
                    return "Most likely cause: the 1 was subtracted at row " + other + " instead of row target = "
                            + target + ".";
                }
            }
        }
        return "Expected dz_o = o − onehot(target): a copy of o with 1 subtracted at row target.";
    }

    static String diagnoseSequence(List<SimpleMatrix> outputs, int[] targets, double got) {
        double sum = sumOfLosses(outputs, targets);
        int t = targets.length;
        if (t > 1 && approx(sum / t, got)) {
            return "Most likely cause: you averaged over time; the notes sum it: L = Σ_t −ln o_t[y_t] (do not divide by"
                    + " T).";
        }
        if (approx(-sum, got) && sum != 0) {
            return "Most likely cause: the sign is missing: L = Σ_t −ln o_t[y_t] is ≥ 0.";
        }
        if (t > 1 && approx(-Math.log(outputs.get(t - 1).get(targets[t - 1], 0)), got)) {
            return "Most likely cause: only the last time step counts; add the loss of every step t = 1 … T.";
        }
        if (t > 1 && approx(-Math.log(outputs.get(0).get(targets[0], 0)), got)) {
            return "Most likely cause: only the first time step counts (a return inside the loop?); add the loss of"
                    + " every step t = 1 … T.";
        }
        return "Expected L = Σ_t −ln o_t[y_t], the sum of loss(o_t, y_t) over every time step.";
    }

    // ---- helpers ----

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
            Expect.fail(where + " returned null: return a new " + m + "×1 matrix.");
        }
        Expect.that(got.getNumRows() == m && got.getNumCols() == 1, where + " must be " + m + "×1, but was "
                + Shapes.describe(got) + ".", "softmax returns one probability per logit, as a column.");
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
