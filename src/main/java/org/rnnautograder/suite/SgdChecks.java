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
            compareStep(p, g, lr, c.expected("params", RnnParameters.class), got, "fixture '" + c.name() + "'",
                    c.tolerance());
        }
    }

    @Test
    @Check(id = "sgd.step.descends", points = 2)
    void stepDescends() {
        Sgd sgd = student().sgd();
        Property.forAll("a step against the gradient of L(θ) = ½‖θ − θ*‖² lowers L; η = 0 is the identity",
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
                        Expect.close("Sgd.step with η = 0: block " + RnnParameters.BLOCKS.get(b), "learning rate 0",
                                theta.blocks().get(b), same.blocks().get(b), Tolerance.DEFAULT,
                                zeroStepHint(theta, g, b, same.blocks().get(b)));
                    }
                    RnnParameters next = sgd.step(theta.copy(), g.copy(), lr);
                    requireParams(next, "Sgd.step");
                    double after = quadratic(next, target);
                    Expect.that(after < before,
                            "The loss rose or stayed: L(θ) = " + Expect.fmt(before) + " before the step, L(θ') = "
                                    + Expect.fmt(after) + " after it (η = " + Expect.fmt(lr) + ", expected about "
                                    + Expect.fmt((1 - lr) * (1 - lr) * before) + ").",
                            after > before
                                    ? "The most likely cause is adding the gradient (θ + η g) instead of subtracting it: "
                                            + "gradient descent steps against the gradient, θ' = θ − η g."
                                    : "Every block must move: θ' = θ − η g for U, W, V, b_a and b_y.");
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
            compareGrads("Sgd.clipByGlobalNorm(g, " + Expect.fmt(maxNorm) + ")", "fixture '" + c.name() + "', ‖g‖ = "
                    + Expect.fmt(norm(g.blocks())), c.expected("grads", RnnGradients.class), got, c.tolerance(),
                    clipNormHint(g, maxNorm, got));
        }
    }

    @Test
    @Check(id = "sgd.clip-norm.property", points = 2)
    void clipNormProperty() {
        Sgd sgd = student().sgd();
        Property.forAll("clipByGlobalNorm(g, c) = g·c/‖g‖ when ‖g‖ > c, else g; ‖g‖ over all five blocks",
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
                            "The clipped gradient has norm " + Expect.fmt(gotNorm) + ", above the bound c = "
                                    + Expect.fmt(maxNorm) + " (‖g‖ was " + Expect.fmt(norm) + ").", hint);
                    double factor = norm > maxNorm ? maxNorm / norm : 1.0;
                    compareGrads("Sgd.clipByGlobalNorm(g, " + Expect.fmt(maxNorm) + ")",
                            norm > maxNorm ? "‖g‖ = " + Expect.fmt(norm) + " > c: every block times c/‖g‖ = " + Expect.fmt(factor)
                                    : "‖g‖ = " + Expect.fmt(norm) + " ≤ c: unchanged",
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
            compareGrads("Sgd.clipByValue(g, " + Expect.fmt(maxValue) + ")", "fixture '" + c.name() + "'",
                    c.expected("grads", RnnGradients.class), got, c.tolerance(), clipValueHint(g, maxValue, got));
        }
        Property.forAll("clipByValue(g, c) = min(c, max(−c, g)) entry by entry", seed("sgd.clip-value"), 20,
                (r, size) -> new Object[] {randomGrads(r, 1 + r.nextInt(size + 1), 1 + r.nextInt(size + 1), 3, 3, 3, 3, 3),
                    0.1 + 2 * r.nextDouble()},
                in -> "m=" + ((RnnGradients) in[0]).dU().getNumCols() + ", n=" + ((RnnGradients) in[0]).dU().getNumRows()
                        + ", c=" + Expect.fmt((Double) in[1]),
                in -> {
                    RnnGradients g = (RnnGradients) in[0];
                    double c = (Double) in[1];
                    RnnGradients got = sgd.clipByValue(g.copy(), c);
                    compareGrads("Sgd.clipByValue(g, " + Expect.fmt(c) + ")", "random gradients",
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
                "Compute θ − η g into new matrices (SimpleMatrix.minus and scale return new ones); never change θ in place.");
        unchanged("Sgd.step", "grads g", GRAD_BLOCKS, bigCopy.blocks(), big.blocks(),
                "Scaling g in place (e.g. through getDDRM() or set) changes the caller's gradient; use g.scale(η), which returns a new matrix.");
        notAliased("Sgd.step", stepped == null ? null : stepped.blocks(), RnnParameters.BLOCKS, p.blocks(), big.blocks());
        RnnParameters same = sgd.step(p, big, 0.0);
        notAliased("Sgd.step with η = 0", same == null ? null : same.blocks(), RnnParameters.BLOCKS, p.blocks(), big.blocks());

        RnnGradients clipped = sgd.clipByGlobalNorm(big, 1.0);
        unchanged("Sgd.clipByGlobalNorm", "grads g", GRAD_BLOCKS, bigCopy.blocks(), big.blocks(),
                "Scale into new matrices (g.scale(c/‖g‖) returns a new one); don't rescale g in place.");
        notAliased("Sgd.clipByGlobalNorm (above the bound)", clipped == null ? null : clipped.blocks(), GRAD_BLOCKS,
                big.blocks(), List.of());
        RnnGradients kept = sgd.clipByGlobalNorm(small, 1.0);
        unchanged("Sgd.clipByGlobalNorm", "grads g", GRAD_BLOCKS, smallCopy.blocks(), small.blocks(), null);
        notAliased("Sgd.clipByGlobalNorm (below the bound)", kept == null ? null : kept.blocks(), GRAD_BLOCKS,
                small.blocks(), List.of());

        RnnGradients valued = sgd.clipByValue(big, 0.5);
        unchanged("Sgd.clipByValue", "grads g", GRAD_BLOCKS, bigCopy.blocks(), big.blocks(),
                "Clamp into new matrices (copy() first, then set entries of the copy).");
        notAliased("Sgd.clipByValue", valued == null ? null : valued.blocks(), GRAD_BLOCKS, big.blocks(), List.of());
    }

    @Test
    @Check(id = "sgd.reference", points = 1, needsReference = true)
    void agreesWithReference() {
        Sgd ref = reference().sgd();
        Sgd sgd = student().sgd();
        Property.forAll("Sgd agrees with the reference solution", seed("sgd.reference"), 12,
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
                            "random θ and g", Tolerance.DEFAULT);
                    RnnGradients got = sgd.clipByGlobalNorm(g.copy(), maxNorm);
                    compareGrads("Sgd.clipByGlobalNorm(g, " + Expect.fmt(maxNorm) + ")", "‖g‖ = " + Expect.fmt(norm(g.blocks())),
                            ref.clipByGlobalNorm(g.copy(), maxNorm), got, Tolerance.DEFAULT, clipNormHint(g, maxNorm, got));
                    RnnGradients gotV = sgd.clipByValue(g.copy(), maxValue);
                    compareGrads("Sgd.clipByValue(g, " + Expect.fmt(maxValue) + ")", "random gradients",
                            ref.clipByValue(g.copy(), maxValue), gotV, Tolerance.EXACT, clipValueHint(g, maxValue, gotV));
                });
    }

    // ------------------------------------------------------------------ comparisons and diagnoses

    private static void compareStep(RnnParameters theta, RnnGradients g, double lr, RnnParameters expected,
            RnnParameters got, String context, Tolerance tol) {
        requireParams(got, "Sgd.step");
        for (int b = 0; b < 5; b++) {
            Expect.close("Sgd.step: block " + RnnParameters.BLOCKS.get(b), context + ", η = " + Expect.fmt(lr),
                    expected.blocks().get(b), got.blocks().get(b), tol, stepHint(theta, g, lr, b, got.blocks().get(b)));
        }
    }

    private static String zeroStepHint(RnnParameters theta, RnnGradients g, int b, SimpleMatrix got) {
        String rule = "With η = 0 the step must return θ unchanged (as new matrices): θ − 0·g = θ.";
        String cause = stepHint(theta, g, 0.0, b, got);
        return cause.startsWith("Expected") ? rule : rule + " " + cause;
    }

    /** The most likely cause of a wrong block b of θ' = step(θ, g, η). */
    static String stepHint(RnnParameters theta, RnnGradients g, double lr, int b, SimpleMatrix got) {
        String name = RnnParameters.BLOCKS.get(b);
        SimpleMatrix t = theta.blocks().get(b), d = g.blocks().get(b);
        if (got == null || got.getNumRows() != t.getNumRows() || got.getNumCols() != t.getNumCols()) {
            return "Block " + name + " of θ' must have the shape of " + name + " in θ.";
        }
        boolean moves = lr != 0 && d.elementMaxAbs() > 0;
        if (moves && matches(got, t.plus(d.scale(lr)))) {
            return "The most likely cause is adding the gradient (θ + η g) instead of subtracting it: gradient descent "
                    + "steps against the gradient, θ' = θ − η g.";
        }
        if (moves && matches(got, t)) {
            return "Block " + name + " was not updated: it came back equal to θ. Did you forget it? Every one of the five "
                    + "blocks (U, W, V, b_a, b_y) must become θ − η g.";
        }
        if (lr != 1 && d.elementMaxAbs() > 0 && matches(got, t.minus(d))) {
            return "It looks like θ − g: the gradient must be multiplied by the learning rate η first (θ − η g).";
        }
        if (matches(got, d.scale(-lr)) || matches(got, d.scale(lr))) {
            return "It looks like only the change η g was returned: the new parameters are θ − η g.";
        }
        for (int other = 0; other < 5; other++) {
            SimpleMatrix o = g.blocks().get(other);
            if (other != b && o.getNumRows() == d.getNumRows() && o.getNumCols() == d.getNumCols()
                    && o.elementMaxAbs() > 0 && lr != 0 && matches(got, t.minus(o.scale(lr)))) {
                return "It looks like " + name + " was updated with the gradient of another block ("
                        + GRAD_BLOCKS.get(other) + "): use d" + name + " for " + name + ".";
            }
        }
        return "Expected θ' = θ − η g entry by entry for block " + name + ".";
    }

    /** The most likely cause of a wrong clipByGlobalNorm(g, c). */
    static String clipNormHint(RnnGradients g, double c, RnnGradients got) {
        if (got == null) {
            return "Return new gradients, never null.";
        }
        List<SimpleMatrix> in = g.blocks(), out = got.blocks();
        double norm = norm(in);
        String rule = "Compute ‖g‖ = sqrt(Σ of the squares of every entry of all five blocks together); if ‖g‖ > c,"
                + " multiply every block by c/‖g‖, otherwise return an unchanged copy.";
        if (norm > c && matchesAll(out, in)) {
            return "The gradient came back unclipped although ‖g‖ = " + Expect.fmt(norm) + " > c = " + Expect.fmt(c)
                    + ". " + rule;
        }
        List<SimpleMatrix> perBlock = new ArrayList<>();
        for (SimpleMatrix b : in) {
            double f = norm(List.of(b));
            perBlock.add(f > c ? b.scale(c / f) : b.copy());
        }
        if (!matchesAll(perBlock, in) && matchesAll(out, perBlock)) {
            return "The most likely cause is clipping each block separately (each block to norm c). The norm is one"
                    + " number over all five blocks together, and every block is scaled by the same factor c/‖g‖,"
                    + " so the direction of the whole gradient stays the same.";
        }
        if (norm < c && norm > 0 && matchesAll(out, scaled(in, c / norm))) {
            return "A gradient whose norm ‖g‖ = " + Expect.fmt(norm) + " is already ≤ c was scaled up to norm c: only clip"
                    + " when ‖g‖ > c; otherwise return the gradient unchanged (as a copy).";
        }
        if (norm > c && matchesAll(out, scaled(in, norm / c))) {
            return "The scale factor is upside down: multiply by c/‖g‖ (which is < 1), not ‖g‖/c.";
        }
        double squares = norm * norm;
        if (squares > c && matchesAll(out, scaled(in, c / squares))) {
            return "It looks like the squared norm Σg² was used: take the square root, ‖g‖ = sqrt(Σg²).";
        }
        for (int skip = 0; skip < 5; skip++) {
            List<SimpleMatrix> rest = new ArrayList<>(in);
            rest.remove(skip);
            double partial = norm(rest);
            if (partial != norm && partial > c && matchesAll(out, scaled(in, c / partial))) {
                return "It looks like the norm left out block " + GRAD_BLOCKS.get(skip) + ": ‖g‖ sums the squares of all"
                        + " five blocks (dU, dW, dV, db_a, db_y).";
            }
        }
        if (norm > c) {
            for (int only = 0; only < 5; only++) {
                if (matchesAll(out.subList(only, only + 1), scaled(in.subList(only, only + 1), c / norm))) {
                    for (int other = 0; other < 5; other++) {
                        if (other != only && matches(out.get(other), in.get(other)) && in.get(other).elementMaxAbs() > 0) {
                            return "Block " + GRAD_BLOCKS.get(other) + " was not scaled: every block is multiplied by c/‖g‖.";
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
            return "Return new gradients, never null.";
        }
        List<SimpleMatrix> in = g.blocks(), out = got.blocks();
        if (matchesAll(out, map(in, v -> Math.min(c, v))) && !matchesAll(in, map(in, v -> Math.min(c, v)))) {
            return "Only the upper side was clamped: entries below −c must become −c too, min(c, max(−c, g)).";
        }
        if (matchesAll(out, map(in, v -> Math.max(-c, v)))) {
            return "Only the lower side was clamped: entries above c must become c too, min(c, max(−c, g)).";
        }
        if (matchesAll(out, map(in, v -> Math.min(c, Math.abs(v))))) {
            return "The sign was lost: clamp g itself to [−c, c], don't take |g|.";
        }
        if (matchesAll(out, in)) {
            return "The gradient came back unchanged although some entries are outside [−c, c].";
        }
        return "Each entry must become min(c, max(−c, g)); entries already inside [−c, c] stay as they are.";
    }

    private static void compareGrads(String where, String context, RnnGradients expected, RnnGradients got,
            Tolerance tol, String hint) {
        compareGrads(where, context, expected.blocks(), got, tol, hint);
    }

    private static void compareGrads(String where, String context, List<SimpleMatrix> expected, RnnGradients got,
            Tolerance tol, String hint) {
        requireGrads(got, where);
        for (int b = 0; b < 5; b++) {
            Expect.close(where + ": block " + GRAD_BLOCKS.get(b), context, expected.get(b), got.blocks().get(b), tol, hint);
        }
    }

    private static void requireParams(RnnParameters p, String where) {
        Expect.that(p != null, where + " returned null.", "Return new parameters: RnnParameters.ofBlocks(…) or new RnnParameters(…).");
    }

    private static void requireGrads(RnnGradients g, String where) {
        Expect.that(g != null, where + " returned null.", "Return new gradients: new RnnGradients(…).");
    }

    private static void unchanged(String method, String argument, List<String> names, List<SimpleMatrix> before,
            List<SimpleMatrix> after, String hint) {
        for (int b = 0; b < before.size(); b++) {
            SimpleMatrix x = before.get(b), y = after.get(b);
            for (int i = 0; i < x.getNumElements(); i++) {
                if (Double.compare(x.get(i), y.get(i)) != 0 && !(x.get(i) == y.get(i))) {
                    Expect.fail("Your " + method + " modified its argument " + argument + ": block " + names.get(b)
                            + " entry " + i + " was " + Expect.fmt(x.get(i)) + " before the call and "
                            + Expect.fmt(y.get(i)) + " after it. Return new matrices instead."
                            + (hint == null ? "" : " " + hint));
                }
            }
        }
    }

    /** In-process only (over the sandbox results are always copies): the result must not reuse argument matrices. */
    private static void notAliased(String method, List<SimpleMatrix> result, List<String> names, List<SimpleMatrix> args1,
            List<SimpleMatrix> args2) {
        if (result == null) {
            Expect.fail(method + " returned null. Return new matrices.");
        }
        for (int b = 0; b < result.size(); b++) {
            SimpleMatrix x = result.get(b);
            for (SimpleMatrix a : args1) {
                if (x == a) {
                    Expect.fail("Your " + method + " returned its argument's matrix as block " + names.get(b)
                            + " of the result. Return new matrices (copy() it), so that changing the result can"
                            + " never change the caller's θ or g.");
                }
            }
            for (SimpleMatrix a : args2) {
                if (x == a) {
                    Expect.fail("Your " + method + " returned the gradient's matrix as block " + names.get(b)
                            + " of the new parameters. Return new matrices.");
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
