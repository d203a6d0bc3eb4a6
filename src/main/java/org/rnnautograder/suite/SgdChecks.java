package org.rnnautograder.suite;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;
import org.rnnautograder.assignment.RnnGradients;
import org.rnnautograder.assignment.RnnParameters;
import org.rnnautograder.assignment.Sgd;
import org.rnnautograder.fixtures.FixtureCase;
import org.rnnautograder.fixtures.FixtureFile;
import org.rnnautograder.fixtures.FixtureFiles;
import org.rnnautograder.fixtures.Tolerance;
import org.rnnautograder.i18n.Messages;

/**
 * Sgd: θ' = θ − η g for all five blocks, clipping by global norm (over all blocks together) and by value.
 *
 * <p>These checks use nothing of the submission but its Sgd: the loss of the descent property is a quadratic
 * L(θ) = ½‖θ − θ*‖² whose gradient θ − θ* the check builds itself.
 */
public class SgdChecks extends ComponentChecks {
    private static final FixtureFile FIXTURES = FixtureFiles.bundled("Sgd");
    private static final List<String> GRAD_BLOCKS = List.of("dU", "dW", "dV", "db_a", "db_y");

    // ------------------------------------------------------------------ step

    @Test
    @Check(id = "sgd.step.fixtures", points = 2)
    void stepFixtures() {
        Sgd sgd = student().sgd();
        for (FixtureCase c : FIXTURES.forMethod("step")) {
            RnnParameters p = c.input("params", RnnParameters.class);
            RnnGradients g = c.input("grads", RnnGradients.class);
            double lr = c.input("learningRate", Double.class);
            RnnParameters got = sgd.step(p.copy(), g.copy(), lr);
            compareStep(p, g, lr, c.expected("params", RnnParameters.class), got,
                    Messages.text("common.fixture", c.name()), c.tolerance());
        }
    }

    @Test
    @Check(id = "sgd.step.descends", points = 2)
    void stepDescends() {
        Sgd sgd = student().sgd();
        Property.forAll(Messages.text("sgd.property.descends"),
                seed("sgd.descend"), 24,
                (r, size) -> new Object[] {randomParams(r, 1 + r.nextInt(size + 1), 1 + r.nextInt(size + 1), 2),
                    r.nextLong(), 0.05 + 0.5 * r.nextDouble()},
                in -> "m=" + ((RnnParameters) in[0]).m() + ", n=" + ((RnnParameters) in[0]).n() + ", η="
                        + Expect.fmt((Double) in[2]),
                in -> {
                    RnnParameters theta = (RnnParameters) in[0];
                    Random r = new Random((Long) in[1]);
                    RnnParameters target = randomParams(r, theta.m(), theta.n(), 2);
                    double lr = (Double) in[2];
                    // L(θ) = ½ Σ (θ − θ*)², ∂L/∂θ = θ − θ*
                    RnnGradients g = RnnGradients.ofBlocks(blockwise(theta.blocks(), target.blocks(), (a, b) -> a - b));
                    double before = quadratic(theta, target);
                    RnnParameters same = sgd.step(theta.copy(), g.copy(), 0.0);
                    requireParams(same, "Sgd.step(θ, g, 0)");
                    for (int b = 0; b < 5; b++) {
                        Expect.close(Messages.text("sgd.where.block", Messages.text("sgd.where.zero-step"),
                                RnnParameters.BLOCKS.get(b)), Messages.text("sgd.context.zero-lr"),
                                theta.blocks().get(b), same.blocks().get(b), Tolerance.DEFAULT,
                                zeroStepHint(theta, g, b, same.blocks().get(b)));
                    }
                    RnnParameters next = sgd.step(theta.copy(), g.copy(), lr);
                    requireParams(next, "Sgd.step");
                    double after = quadratic(next, target);
                    Expect.that(after < before,
                            Messages.text("sgd.fail.loss-not-lower", Expect.fmt(before), Expect.fmt(after),
                                    Expect.fmt(lr), Expect.fmt((1 - lr) * (1 - lr) * before)),
                            after > before ? Messages.text("sgd.hint.adds-gradient")
                                    : Messages.text("sgd.hint.every-block-moves"));
                    compareStep(theta, g, lr, expectedStep(theta, g, lr), next, "L(θ) = ½‖θ − θ*‖²",
                            Tolerance.DEFAULT);
                });
    }

    // ------------------------------------------------------------------ clipByGlobalNorm

    @Test
    @Check(id = "sgd.clip-norm.fixtures", points = 1)
    void clipNormFixtures() {
        Sgd sgd = student().sgd();
        for (FixtureCase c : FIXTURES.forMethod("clipByGlobalNorm")) {
            RnnGradients g = c.input("grads", RnnGradients.class);
            double maxNorm = c.input("maxNorm", Double.class);
            RnnGradients got = sgd.clipByGlobalNorm(g.copy(), maxNorm);
            compareGrads("Sgd.clipByGlobalNorm(g, " + Expect.fmt(maxNorm) + ")",
                    Messages.text("sgd.context.fixture-norm", c.name(), Expect.fmt(norm(g.blocks()))),
                    c.expected("grads", RnnGradients.class), got, c.tolerance(),
                    clipNormHint(g, maxNorm, got));
        }
    }

    @Test
    @Check(id = "sgd.clip-norm.property", points = 2)
    void clipNormProperty() {
        Sgd sgd = student().sgd();
        Property.forAll(Messages.text("sgd.property.clip-norm"),
                seed("sgd.clip-norm"), 30,
                (r, size) -> {
                    int m = 1 + r.nextInt(size + 1), n = 1 + r.nextInt(size + 1);
                    double[] scales = new double[5];
                    for (int b = 0; b < 5; b++) {
                        scales[b] = Math.pow(10, -1 + 3 * r.nextDouble()); // blocks of very different sizes
                    }
                    RnnGradients g = randomGrads(r, m, n, scales);
                    double norm = norm(g.blocks());
                    // a third of the tries below the bound, the rest above it
                    double maxNorm = r.nextInt(3) == 0 ? norm * (1.1 + r.nextDouble()) : norm * (0.05 + 0.8 * r.nextDouble());
                    return new Object[] {g, maxNorm};
                },
                in -> "m=" + ((RnnGradients) in[0]).dU().getNumCols() + ", n=" + ((RnnGradients) in[0]).dU().getNumRows()
                        + ", ‖g‖=" + Expect.fmt(norm(((RnnGradients) in[0]).blocks())) + ", c=" + Expect.fmt((Double) in[1]),
                in -> {
                    RnnGradients g = (RnnGradients) in[0];
                    double maxNorm = (Double) in[1];
                    double norm = norm(g.blocks());
                    RnnGradients got = sgd.clipByGlobalNorm(g.copy(), maxNorm);
                    requireGrads(got, "Sgd.clipByGlobalNorm");
                    String hint = clipNormHint(g, maxNorm, got);
                    double gotNorm = norm(got.blocks());
                    Expect.that(gotNorm <= maxNorm * (1 + 1e-9),
                            Messages.text("sgd.fail.clipped-norm-too-big", Expect.fmt(gotNorm), Expect.fmt(maxNorm),
                                    Expect.fmt(norm)), hint);
                    double factor = norm > maxNorm ? maxNorm / norm : 1.0;
                    compareGrads("Sgd.clipByGlobalNorm(g, " + Expect.fmt(maxNorm) + ")",
                            norm > maxNorm ? Messages.text("sgd.context.above-bound", Expect.fmt(norm), Expect.fmt(factor))
                                    : Messages.text("sgd.context.below-bound", Expect.fmt(norm)),
                            scaled(g.blocks(), factor), got, Tolerance.DEFAULT, hint);
                });
    }

    // ------------------------------------------------------------------ clipByValue

    @Test
    @Check(id = "sgd.clip-value", points = 1)
    void clipValue() {
        Sgd sgd = student().sgd();
        for (FixtureCase c : FIXTURES.forMethod("clipByValue")) {
            RnnGradients g = c.input("grads", RnnGradients.class);
            double maxValue = c.input("maxValue", Double.class);
            RnnGradients got = sgd.clipByValue(g.copy(), maxValue);
            compareGrads("Sgd.clipByValue(g, " + Expect.fmt(maxValue) + ")",
                    Messages.text("common.fixture", c.name()), c.expected("grads", RnnGradients.class), got,
                    c.tolerance(), clipValueHint(g, maxValue, got));
        }
        Property.forAll(Messages.text("sgd.property.clip-value"), seed("sgd.clip-value"), 20,
                (r, size) -> new Object[] {randomGrads(r, 1 + r.nextInt(size + 1), 1 + r.nextInt(size + 1), 3, 3, 3, 3, 3),
                    0.1 + 2 * r.nextDouble()},
                in -> "m=" + ((RnnGradients) in[0]).dU().getNumCols() + ", n=" + ((RnnGradients) in[0]).dU().getNumRows()
                        + ", c=" + Expect.fmt((Double) in[1]),
                in -> {
                    RnnGradients g = (RnnGradients) in[0];
                    double c = (Double) in[1];
                    RnnGradients got = sgd.clipByValue(g.copy(), c);
                    compareGrads("Sgd.clipByValue(g, " + Expect.fmt(c) + ")", Messages.text("sgd.context.random-grads"),
                            map(g.blocks(), v -> Math.min(c, Math.max(-c, v))), got, Tolerance.EXACT,
                            clipValueHint(g, c, got));
                });
    }

    // ------------------------------------------------------------------ inputs, aliasing, reference

    @Test
    @Check(id = "sgd.inputs-untouched", points = 1)
    void inputsUntouched() {
        Sgd sgd = student().sgd();
        Random r = new Random(seed("sgd.untouched"));
        RnnParameters p = randomParams(r, 4, 3, 1);
        RnnGradients big = randomGrads(r, 4, 3, 5, 5, 5, 5, 5);
        RnnGradients small = randomGrads(r, 4, 3, 0.01, 0.01, 0.01, 0.01, 0.01);
        RnnParameters pCopy = p.copy();
        RnnGradients bigCopy = big.copy(), smallCopy = small.copy();

        RnnParameters stepped = sgd.step(p, big, 0.1);
        unchanged("Sgd.step", "params θ", RnnParameters.BLOCKS, pCopy.blocks(), p.blocks(),
                Messages.text("sgd.hint.step-params-in-place"));
        unchanged("Sgd.step", "grads g", GRAD_BLOCKS, bigCopy.blocks(), big.blocks(),
                Messages.text("sgd.hint.step-grads-in-place"));
        notAliased("Sgd.step", stepped == null ? null : stepped.blocks(), RnnParameters.BLOCKS, p.blocks(), big.blocks());
        RnnParameters same = sgd.step(p, big, 0.0);
        notAliased(Messages.text("sgd.where.zero-step"), same == null ? null : same.blocks(), RnnParameters.BLOCKS,
                p.blocks(), big.blocks());

        RnnGradients clipped = sgd.clipByGlobalNorm(big, 1.0);
        unchanged("Sgd.clipByGlobalNorm", "grads g", GRAD_BLOCKS, bigCopy.blocks(), big.blocks(),
                Messages.text("sgd.hint.clip-norm-in-place"));
        notAliased(Messages.text("sgd.where.clip-norm-above"), clipped == null ? null : clipped.blocks(), GRAD_BLOCKS,
                big.blocks(), List.of());
        RnnGradients kept = sgd.clipByGlobalNorm(small, 1.0);
        unchanged("Sgd.clipByGlobalNorm", "grads g", GRAD_BLOCKS, smallCopy.blocks(), small.blocks(), null);
        notAliased(Messages.text("sgd.where.clip-norm-below"), kept == null ? null : kept.blocks(), GRAD_BLOCKS,
                small.blocks(), List.of());

        RnnGradients valued = sgd.clipByValue(big, 0.5);
        unchanged("Sgd.clipByValue", "grads g", GRAD_BLOCKS, bigCopy.blocks(), big.blocks(),
                Messages.text("sgd.hint.clip-value-in-place"));
        notAliased("Sgd.clipByValue", valued == null ? null : valued.blocks(), GRAD_BLOCKS, big.blocks(), List.of());
    }

    @Test
    @Check(id = "sgd.reference", points = 1, needsReference = true)
    void agreesWithReference() {
        Sgd ref = reference().sgd();
        Sgd sgd = student().sgd();
        Property.forAll(Messages.text("sgd.property.reference"), seed("sgd.reference"), 12,
                (r, size) -> {
                    int m = 1 + r.nextInt(size + 2), n = 1 + r.nextInt(size + 2);
                    return new Object[] {randomParams(r, m, n, 1), randomGrads(r, m, n, 1, 3, 0.3, 2, 5),
                        0.2 * r.nextDouble(), 0.5 + 4 * r.nextDouble(), 0.1 + r.nextDouble()};
                },
                in -> "m=" + ((RnnParameters) in[0]).m() + ", n=" + ((RnnParameters) in[0]).n(),
                in -> {
                    RnnParameters p = (RnnParameters) in[0];
                    RnnGradients g = (RnnGradients) in[1];
                    double lr = (Double) in[2], maxNorm = (Double) in[3], maxValue = (Double) in[4];
                    compareStep(p, g, lr, ref.step(p.copy(), g.copy(), lr), sgd.step(p.copy(), g.copy(), lr),
                            Messages.text("sgd.context.random-params"), Tolerance.DEFAULT);
                    RnnGradients got = sgd.clipByGlobalNorm(g.copy(), maxNorm);
                    compareGrads("Sgd.clipByGlobalNorm(g, " + Expect.fmt(maxNorm) + ")", "‖g‖ = " + Expect.fmt(norm(g.blocks())),
                            ref.clipByGlobalNorm(g.copy(), maxNorm), got, Tolerance.DEFAULT, clipNormHint(g, maxNorm, got));
                    RnnGradients gotV = sgd.clipByValue(g.copy(), maxValue);
                    compareGrads("Sgd.clipByValue(g, " + Expect.fmt(maxValue) + ")", Messages.text("sgd.context.random-grads"),
                            ref.clipByValue(g.copy(), maxValue), gotV, Tolerance.EXACT, clipValueHint(g, maxValue, gotV));
                });
    }

    // ------------------------------------------------------------------ comparisons and diagnoses

    private static void compareStep(RnnParameters theta, RnnGradients g, double lr, RnnParameters expected,
            RnnParameters got, String context, Tolerance tol) {
        requireParams(got, "Sgd.step");
        for (int b = 0; b < 5; b++) {
            Expect.close(Messages.text("sgd.where.block", "Sgd.step", RnnParameters.BLOCKS.get(b)),
                    Messages.text("sgd.context.with-lr", context, Expect.fmt(lr)),
                    expected.blocks().get(b), got.blocks().get(b), tol, stepHint(theta, g, lr, b, got.blocks().get(b)));
        }
    }

    private static String zeroStepHint(RnnParameters theta, RnnGradients g, int b, SimpleMatrix got) {
        String rule = Messages.text("sgd.hint.zero-step");
        String cause = stepCause(theta, g, 0.0, b, got);
        return cause == null ? rule : rule + " " + cause;
    }

    /** The most likely cause of a wrong block b of θ' = step(θ, g, η), or the rule when no cause fits. */
    static String stepHint(RnnParameters theta, RnnGradients g, double lr, int b, SimpleMatrix got) {
        String cause = stepCause(theta, g, lr, b, got);
        return cause != null ? cause : Messages.text("sgd.hint.step-rule", RnnParameters.BLOCKS.get(b));
    }

    /** @return the most likely cause of a wrong block b of θ' = step(θ, g, η), or null when none fits */
    private static String stepCause(RnnParameters theta, RnnGradients g, double lr, int b, SimpleMatrix got) {
        String name = RnnParameters.BLOCKS.get(b);
        SimpleMatrix t = theta.blocks().get(b), d = g.blocks().get(b);
        if (got == null || got.getNumRows() != t.getNumRows() || got.getNumCols() != t.getNumCols()) {
            return Messages.text("sgd.hint.block-shape", name);
        }
        boolean moves = lr != 0 && d.elementMaxAbs() > 0;
        if (moves && matches(got, t.plus(d.scale(lr)))) {
            return Messages.text("sgd.hint.adds-gradient");
        }
        if (moves && matches(got, t)) {
            return Messages.text("sgd.hint.block-not-updated", name);
        }
        if (lr != 1 && d.elementMaxAbs() > 0 && matches(got, t.minus(d))) {
            return Messages.text("sgd.hint.forgot-lr");
        }
        if (matches(got, d.scale(-lr)) || matches(got, d.scale(lr))) {
            return Messages.text("sgd.hint.only-change");
        }
        for (int other = 0; other < 5; other++) {
            SimpleMatrix o = g.blocks().get(other);
            if (other != b && o.getNumRows() == d.getNumRows() && o.getNumCols() == d.getNumCols()
                    && o.elementMaxAbs() > 0 && lr != 0 && matches(got, t.minus(o.scale(lr)))) {
                return Messages.text("sgd.hint.wrong-block-gradient", name, GRAD_BLOCKS.get(other));
            }
        }
        return null;
    }

    /** The most likely cause of a wrong clipByGlobalNorm(g, c). */
    static String clipNormHint(RnnGradients g, double c, RnnGradients got) {
        if (got == null) {
            return Messages.text("sgd.hint.return-new-grads-not-null");
        }
        List<SimpleMatrix> in = g.blocks(), out = got.blocks();
        double norm = norm(in);
        String rule = Messages.text("sgd.hint.clip-norm-rule");
        if (norm > c && matchesAll(out, in)) {
            return Messages.text("sgd.hint.unclipped", Expect.fmt(norm), Expect.fmt(c), rule);
        }
        List<SimpleMatrix> perBlock = new ArrayList<>();
        for (SimpleMatrix b : in) {
            double f = norm(List.of(b));
            perBlock.add(f > c ? b.scale(c / f) : b.copy());
        }
        if (!matchesAll(perBlock, in) && matchesAll(out, perBlock)) {
            return Messages.text("sgd.hint.clips-per-block");
        }
        if (norm < c && norm > 0 && matchesAll(out, scaled(in, c / norm))) {
            return Messages.text("sgd.hint.scaled-up", Expect.fmt(norm));
        }
        if (norm > c && matchesAll(out, scaled(in, norm / c))) {
            return Messages.text("sgd.hint.factor-upside-down");
        }
        double squares = norm * norm;
        if (squares > c && matchesAll(out, scaled(in, c / squares))) {
            return Messages.text("sgd.hint.no-sqrt");
        }
        for (int skip = 0; skip < 5; skip++) {
            List<SimpleMatrix> rest = new ArrayList<>(in);
            rest.remove(skip);
            double partial = norm(rest);
            if (partial != norm && partial > c && matchesAll(out, scaled(in, c / partial))) {
                return Messages.text("sgd.hint.norm-left-out-block", GRAD_BLOCKS.get(skip));
            }
        }
        if (norm > c) {
            for (int only = 0; only < 5; only++) {
                if (matchesAll(out.subList(only, only + 1), scaled(in.subList(only, only + 1), c / norm))) {
                    for (int other = 0; other < 5; other++) {
                        if (other != only && matches(out.get(other), in.get(other)) && in.get(other).elementMaxAbs() > 0) {
                            return Messages.text("sgd.hint.block-not-scaled", GRAD_BLOCKS.get(other));
                        }
                    }
                }
            }
        }
        return rule;
    }

    /** The most likely cause of a wrong clipByValue(g, c). */
    static String clipValueHint(RnnGradients g, double c, RnnGradients got) {
        if (got == null) {
            return Messages.text("sgd.hint.return-new-grads-not-null");
        }
        List<SimpleMatrix> in = g.blocks(), out = got.blocks();
        if (matchesAll(out, map(in, v -> Math.min(c, v))) && !matchesAll(in, map(in, v -> Math.min(c, v)))) {
            return Messages.text("sgd.hint.upper-only");
        }
        if (matchesAll(out, map(in, v -> Math.max(-c, v)))) {
            return Messages.text("sgd.hint.lower-only");
        }
        if (matchesAll(out, map(in, v -> Math.min(c, Math.abs(v))))) {
            return Messages.text("sgd.hint.sign-lost");
        }
        if (matchesAll(out, in)) {
            return Messages.text("sgd.hint.value-unchanged");
        }
        return Messages.text("sgd.hint.clip-value-rule");
    }

    private static void compareGrads(String where, String context, RnnGradients expected, RnnGradients got,
            Tolerance tol, String hint) {
        compareGrads(where, context, expected.blocks(), got, tol, hint);
    }

    private static void compareGrads(String where, String context, List<SimpleMatrix> expected, RnnGradients got,
            Tolerance tol, String hint) {
        requireGrads(got, where);
        for (int b = 0; b < 5; b++) {
            Expect.close(Messages.text("sgd.where.block", where, GRAD_BLOCKS.get(b)), context, expected.get(b),
                    got.blocks().get(b), tol, hint);
        }
    }

    private static void requireParams(RnnParameters p, String where) {
        Expect.that(p != null, Messages.text("sgd.fail.returned-null", where),
                Messages.text("sgd.hint.return-new-params"));
    }

    private static void requireGrads(RnnGradients g, String where) {
        Expect.that(g != null, Messages.text("sgd.fail.returned-null", where),
                Messages.text("sgd.hint.return-new-grads"));
    }

    private static void unchanged(String method, String argument, List<String> names, List<SimpleMatrix> before,
            List<SimpleMatrix> after, String hint) {
        for (int b = 0; b < before.size(); b++) {
            SimpleMatrix x = before.get(b), y = after.get(b);
            for (int i = 0; i < x.getNumElements(); i++) {
                if (Double.compare(x.get(i), y.get(i)) != 0 && !(x.get(i) == y.get(i))) {
                    Expect.fail(Messages.text("sgd.fail.modified-argument", method, argument, names.get(b), i,
                            Expect.fmt(x.get(i)), Expect.fmt(y.get(i))) + (hint == null ? "" : " " + hint));
                }
            }
        }
    }

    /** In-process only (over the sandbox results are always copies): the result must not reuse argument matrices. */
    private static void notAliased(String method, List<SimpleMatrix> result, List<String> names, List<SimpleMatrix> args1,
            List<SimpleMatrix> args2) {
        if (result == null) {
            Expect.fail(Messages.text("sgd.fail.returned-null-matrices", method));
        }
        for (int b = 0; b < result.size(); b++) {
            SimpleMatrix x = result.get(b);
            for (SimpleMatrix a : args1) {
                if (x == a) {
                    Expect.fail(Messages.text("sgd.fail.returned-argument", method, names.get(b)));
                }
            }
            for (SimpleMatrix a : args2) {
                if (x == a) {
                    Expect.fail(Messages.text("sgd.fail.returned-gradient-matrix", method, names.get(b)));
                }
            }
        }
    }

    // ------------------------------------------------------------------ small math

    /** @return true when {@code got} is {@code expected} within the default tolerance */
    private static boolean matches(SimpleMatrix got, SimpleMatrix expected) {
        return expected != null && CellMath.within(expected, got, Tolerance.DEFAULT);
    }

    private static boolean matchesAll(List<SimpleMatrix> a, List<SimpleMatrix> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!matches(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    static double norm(List<SimpleMatrix> blocks) {
        double s = 0;
        for (SimpleMatrix b : blocks) {
            for (int i = 0; i < b.getNumElements(); i++) {
                s += b.get(i) * b.get(i);
            }
        }
        return Math.sqrt(s);
    }

    private static double quadratic(RnnParameters theta, RnnParameters target) {
        double s = 0;
        for (int b = 0; b < 5; b++) {
            SimpleMatrix x = theta.blocks().get(b), y = target.blocks().get(b);
            for (int i = 0; i < x.getNumElements(); i++) {
                s += (x.get(i) - y.get(i)) * (x.get(i) - y.get(i));
            }
        }
        return s / 2;
    }

    private static List<SimpleMatrix> scaled(List<SimpleMatrix> blocks, double factor) {
        return map(blocks, v -> v * factor);
    }

    private static List<SimpleMatrix> map(List<SimpleMatrix> blocks, DoubleUnaryOperator f) {
        List<SimpleMatrix> out = new ArrayList<>();
        for (SimpleMatrix b : blocks) {
            SimpleMatrix c = new SimpleMatrix(b.getNumRows(), b.getNumCols());
            for (int i = 0; i < b.getNumElements(); i++) {
                c.set(i, f.applyAsDouble(b.get(i)));
            }
            out.add(c);
        }
        return out;
    }

    private static List<SimpleMatrix> blockwise(List<SimpleMatrix> a, List<SimpleMatrix> b,
            java.util.function.DoubleBinaryOperator f) {
        List<SimpleMatrix> out = new ArrayList<>();
        for (int k = 0; k < a.size(); k++) {
            SimpleMatrix x = a.get(k), y = b.get(k), c = new SimpleMatrix(x.getNumRows(), x.getNumCols());
            for (int i = 0; i < x.getNumElements(); i++) {
                c.set(i, f.applyAsDouble(x.get(i), y.get(i)));
            }
            out.add(c);
        }
        return out;
    }

    private static RnnParameters expectedStep(RnnParameters theta, RnnGradients g, double lr) {
        return RnnParameters.ofBlocks(blockwise(theta.blocks(), g.blocks(), (t, d) -> t - lr * d));
    }

    private static SimpleMatrix random(Random r, int rows, int cols, double scale) {
        SimpleMatrix out = new SimpleMatrix(rows, cols);
        for (int i = 0; i < out.getNumElements(); i++) {
            out.set(i, (2 * r.nextDouble() - 1) * scale);
        }
        return out;
    }

    private static RnnParameters randomParams(Random r, int m, int n, double scale) {
        return new RnnParameters(random(r, n, m, scale), random(r, n, n, scale), random(r, m, n, scale),
                random(r, n, 1, scale), random(r, m, 1, scale));
    }

    private static RnnGradients randomGrads(Random r, int m, int n, double... scales) {
        return new RnnGradients(random(r, n, m, scales[0]), random(r, n, n, scales[1]), random(r, m, n, scales[2]),
                random(r, n, 1, scales[3]), random(r, m, 1, scales[4]));
    }
}
