package org.rnnautograder.suite;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;
import org.rnnautograder.assignment.ActivationKind;
import org.rnnautograder.assignment.CellGradients;
import org.rnnautograder.assignment.CellOutput;
import org.rnnautograder.assignment.Rnn;
import org.rnnautograder.assignment.RnnCell;
import org.rnnautograder.assignment.RnnGradients;
import org.rnnautograder.assignment.RnnParameters;
import org.rnnautograder.assignment.RnnTrace;
import org.rnnautograder.assignment.Shapes;
import org.rnnautograder.assignment.Submission;
import org.rnnautograder.fixtures.FixtureCase;
import org.rnnautograder.fixtures.FixtureFile;
import org.rnnautograder.fixtures.FixtureFiles;
import org.rnnautograder.fixtures.Tolerance;
import org.rnnautograder.gradcheck.BpttDoctor;
import org.rnnautograder.gradcheck.CheckMode;
import org.rnnautograder.gradcheck.Diagnosis;
import org.rnnautograder.gradcheck.GradCheckOptions;
import org.rnnautograder.gradcheck.GradCheckReport;
import org.rnnautograder.gradcheck.ReferenceRnn;
import org.rnnautograder.gradcheck.RnnGradCheck;
import org.rnnautograder.gradcheck.RnnProblem;
import org.rnnautograder.gradcheck.RnnProblemGenerator;
import org.rnnautograder.i18n.Messages;

/**
 * Rnn: the cell unrolled over x_1 … x_T from s_0 = 0, and BPTT for L = Σ_t −ln o_t[y_t] (summed, not averaged).
 *
 * <p>Isolation: no check calls the student's CrossEntropy.sequenceLoss — losses are computed here from the
 * student's outputs (−Σ ln o_t[y_t]) — so a CrossEntropy bug does not cost Rnn points. Rnn calls the
 * student's RnnCell, so a cell bug does show up here; the messages then say so ("fix RnnCell.backward first").
 * A wrong gradient is diagnosed by the {@link BpttDoctor} (first wrong prefix T, the wrong step, the most likely
 * cause), and the gradient check records the error per prefix length as evidence "stepError".
 */
public class RnnChecks extends ComponentChecks {
    private static final FixtureFile FIXTURES = FixtureFiles.bundled("Rnn");

    @Test
    @Check(id = "rnn.forward.fixtures", points = 3)
    void forwardFixtures() {
        for (FixtureCase c : FIXTURES.forMethod("forward")) {
            ActivationKind g1 = ActivationKind.valueOf(c.input("g1", String.class));
            RnnParameters p = RnnCellChecks.params(c);
            List<SimpleMatrix> xs = c.inputMatrices("xs");
            List<SimpleMatrix> states = c.expected("states", LIST);
            List<SimpleMatrix> outputs = c.expected("outputs", LIST);
            RnnTrace trace = student().rnn(g1).forward(p.copy(), CellMath.copyAll(xs));
            checkTrace(trace, p, xs, g1, states, outputs, Messages.text("rnncell.where.fixture", c.name(), g1),
                    c.tolerance());
        }
    }

    @Test
    @Check(id = "rnn.forward.composes-cell", points = 3)
    void composesCell() {
        Submission s = student();
        Property.forAll(Messages.text("rnn.property.composes-cell"), seed("rnn.compose"), 8,
                (r, size) -> problem(r.nextLong(), size, size, ActivationKind.values()[size % 2], size % 3 != 2),
                RnnProblem::shape,
                p -> {
                    Rnn rnn = s.rnn(p.g1());
                    RnnCell cell = s.rnnCell(p.g1());
                    RnnTrace trace = rnn.forward(p.params().copy(), CellMath.copyAll(p.xs()));
                    List<SimpleMatrix> states = new ArrayList<>();
                    List<SimpleMatrix> outputs = new ArrayList<>();
                    SimpleMatrix state = new SimpleMatrix(p.n(), 1);
                    states.add(state);
                    for (SimpleMatrix x : p.xs()) {
                        CellOutput out = cell.forward(p.params().copy(), x.copy(), state.copy());
                        Expect.that(out != null, Messages.text("rnncell.forward.null"),
                                Messages.text("rnncell.hint.return-output"));
                        state = out.s_t();
                        states.add(state);
                        outputs.add(out.o_t());
                    }
                    checkTrace(trace, p.params(), p.xs(), p.g1(), states, outputs,
                            Messages.text("rnn.where.own-cell"), Tolerance.DEFAULT);
                });
    }

    @Test
    @Check(id = "rnn.forward.bad-input", points = 1)
    void badInput() {
        Rnn rnn = student().rnn(ActivationKind.TANH);
        RnnParameters p = RnnProblemGenerator.random(seed("rnn.bad"), 4, 3, 2, ActivationKind.TANH, true, 1).params();
        Expect.throwsClearly("Rnn.forward(params, [])", Messages.text("rnn.where.empty"),
                () -> rnn.forward(p.copy(), List.of()), Messages.text("rnn.hint.empty"),
                IllegalArgumentException.class);
        SimpleMatrix good = new SimpleMatrix(4, 1);
        good.set(1, 0, 1);
        SimpleMatrix bad = new SimpleMatrix(5, 1);
        bad.set(1, 0, 1);
        Expect.throwsClearly("Rnn.forward(params, [x_1 4×1, x_2 5×1])", Messages.text("rnn.where.bad-shape", 4, 5),
                () -> rnn.forward(p.copy(), List.of(good, bad)), Messages.text("rnn.hint.bad-shape"),
                IllegalArgumentException.class);
    }

    @Test
    @Check(id = "rnn.backward.fixtures", points = 4)
    void backwardFixtures() {
        for (FixtureCase c : FIXTURES.forMethod("backward")) {
            ActivationKind g1 = ActivationKind.valueOf(c.input("g1", String.class));
            RnnParameters p = RnnCellChecks.params(c);
            List<SimpleMatrix> xs = c.inputMatrices("xs");
            int[] targets = c.input("targets", int[].class);
            RnnTrace trace = new RnnTrace(c.input("states", LIST), c.input("outputs", LIST));
            RnnGradients got = student().rnn(g1).backward(p.copy(), CellMath.copyAll(xs), copy(trace), targets.clone());
            requireGradients(got, p, Messages.text("common.fixture", c.name()));
            for (int b = 0; b < 5; b++) {
                String name = "d" + RnnParameters.BLOCKS.get(b);
                CellMath.close("Rnn.backward: " + name,
                        Messages.text("rnn.where.fixture-trace", c.name(), g1, xs.size()),
                        c.expectedMatrix(name), got.blocks().get(b), c.tolerance(),
                        () -> diagnoseWithEvidence(student(), g1));
            }
        }
    }

    @Test
    @Check(id = "rnn.backward.gradcheck", points = 5)
    void gradientCheck() {
        Submission s = student();
        Property.forAll(Messages.text("rnn.property.gradcheck"), seed("rnn.gradcheck"), 8,
                (r, size) -> problem(r.nextLong(), size, size, ActivationKind.values()[size % 2], size % 3 != 2),
                RnnProblem::shape,
                p -> {
                    Rnn rnn = s.rnn(p.g1());
                    RnnTrace trace = rnn.forward(p.params().copy(), CellMath.copyAll(p.xs()));
                    Expect.that(trace != null, Messages.text("rnn.forward.null"),
                            Messages.text("rnn.hint.return-trace"));
                    RnnGradients claimed = rnn.backward(p.params().copy(), CellMath.copyAll(p.xs()), trace, p.targets());
                    requireGradients(claimed, p.params(), "T = " + p.T());
                    int entries = p.n() * (2 * p.m() + p.n() + 1) + p.m();
                    GradCheckOptions options = GradCheckOptions.defaults().withSeed(seed("rnn.gradcheck.entries") + p.T())
                            .withMode(entries <= 80 ? CheckMode.FULL : CheckMode.SAMPLED);
                    GradCheckReport report = RnnGradCheck.checkSequence(p, theta -> loss(rnn, theta, p), claimed, options);
                    if (!report.passed()) {
                        throw new CheckFailure(Messages.text("rnn.gradcheck.failed", report.summary(),
                                diagnoseWithEvidence(s, p.g1())));
                    }
                });
    }

    @Test
    @Check(id = "rnn.backward.sum-not-mean", points = 2)
    void sumNotMean() {
        Random r = new Random(seed("rnn.sum"));
        int m = 4, n = 3;
        RnnParameters p = new RnnParameters(RnnCellChecks.uniform(r, n, m, 1), new SimpleMatrix(n, n),
                RnnCellChecks.uniform(r, m, n, 1), RnnCellChecks.uniform(r, n, 1, 0.5), RnnCellChecks.uniform(r, m, 1, 0.5));
        SimpleMatrix x = new SimpleMatrix(m, 1);
        x.set(r.nextInt(m), 0, 1);
        int y = r.nextInt(m);
        Rnn rnn = student().rnn(ActivationKind.TANH);
        RnnGradients one = backward(rnn, p, List.of(x), new int[] {y});
        requireGradients(one, p, "T = 1");
        for (int T = 2; T <= 3; T++) {
            List<SimpleMatrix> xs = new ArrayList<>();
            int[] ys = new int[T];
            for (int t = 0; t < T; t++) {
                xs.add(x.copy());
                ys[t] = y;
            }
            RnnGradients many = backward(rnn, p, xs, ys);
            requireGradients(many, p, "T = " + T);
            String ctx = Messages.text("rnn.where.identical-steps", T);
            for (int b : new int[] {0, 2, 3, 4}) {
                String name = "d" + RnnParameters.BLOCKS.get(b);
                double factor = fit(many.blocks().get(b), one.blocks().get(b));
                int steps = T;
                CellMath.close("Rnn.backward: " + name, ctx, one.blocks().get(b).scale(T), many.blocks().get(b),
                        Tolerance.DEFAULT, () -> sumHint(factor, steps));
            }
        }
    }

    @Test
    @Check(id = "rnn.reference", points = 2, needsReference = true)
    void matchesReference() {
        Submission ref = reference();
        Submission s = student();
        Property.forAll(Messages.text("rnn.property.reference"), seed("rnn.reference"), 8,
                (r, size) -> problem(r.nextLong(), size + 1, size, ActivationKind.values()[(size / 2) % 2], size % 4 != 3),
                RnnProblem::shape,
                p -> {
                    Rnn want = ref.rnn(p.g1());
                    Rnn got = s.rnn(p.g1());
                    RnnTrace wantTrace = want.forward(p.params().copy(), CellMath.copyAll(p.xs()));
                    RnnTrace gotTrace = got.forward(p.params().copy(), CellMath.copyAll(p.xs()));
                    checkTrace(gotTrace, p.params(), p.xs(), p.g1(), wantTrace.states(), wantTrace.outputs(),
                            Messages.text("rnn.where.reference"), Tolerance.DEFAULT);
                    RnnGradients wantG = want.backward(p.params().copy(), CellMath.copyAll(p.xs()), wantTrace,
                            p.targets());
                    RnnGradients gotG = got.backward(p.params().copy(), CellMath.copyAll(p.xs()), gotTrace, p.targets());
                    requireGradients(gotG, p.params(), "T = " + p.T());
                    for (int b = 0; b < 5; b++) {
                        String name = "d" + RnnParameters.BLOCKS.get(b);
                        CellMath.close("Rnn.backward: " + name, Messages.text("rnn.where.reference-t", p.T()),
                                wantG.blocks().get(b), gotG.blocks().get(b), Tolerance.DEFAULT,
                                () -> diagnoseWithEvidence(s, p.g1()));
                    }
                });
    }

    @Test
    @Check(id = "rnn.inputs-untouched", points = 1)
    void inputsUntouched() {
        for (ActivationKind g1 : ActivationKind.values()) {
            RnnProblem prob = problem(seed("rnn.untouched") + g1.ordinal(), 4, 3, g1, g1 == ActivationKind.TANH);
            Rnn rnn = student().rnn(prob.g1());
            RnnParameters p = prob.params().copy();
            List<SimpleMatrix> xs = CellMath.copyAll(prob.xs());
            RnnTrace trace = rnn.forward(p, xs);
            Expect.that(trace != null, Messages.text("rnn.forward.null"), Messages.text("rnn.hint.return-trace"));
            RnnCellChecks.paramsUnchanged("Rnn.forward", prob.params(), p);
            xsUnchanged("Rnn.forward", prob.xs(), xs);
            RnnTrace before = copy(trace);
            int[] targets = prob.targets();
            rnn.backward(p, xs, trace, targets);
            RnnCellChecks.paramsUnchanged("Rnn.backward", prob.params(), p);
            xsUnchanged("Rnn.backward", prob.xs(), xs);
            for (int t = 0; t <= trace.T(); t++) {
                CellMath.unchanged("Rnn.backward", "trace.s(" + t + ")", before.s(t), trace.s(t));
            }
            for (int t = 1; t <= trace.T(); t++) {
                CellMath.unchanged("Rnn.backward", "trace.o(" + t + ")", before.o(t), trace.o(t));
            }
            Expect.equal(Messages.text("rnn.where.targets"), Messages.text("common.after-the-call"),
                    Arrays.toString(prob.targets()), Arrays.toString(targets), Messages.text("rnn.hint.targets"));
        }
    }

    @Test
    @Check(id = "rnn.new-results", points = 1)
    void newResults() {
        RnnProblem prob = problem(seed("rnn.new"), 3, 3, ActivationKind.TANH, true);
        Rnn rnn = student().rnn(prob.g1());
        RnnParameters p = prob.params().copy();
        List<SimpleMatrix> xs = CellMath.copyAll(prob.xs());
        RnnTrace trace = rnn.forward(p, xs);
        Expect.that(trace != null, Messages.text("rnn.forward.null"), Messages.text("rnn.hint.return-trace"));
        List<Object> argsF = new ArrayList<>(List.of(RnnCellChecks.args(p)));
        for (int t = 0; t < xs.size(); t++) {
            argsF.add(new Object[] {"xs.get(" + t + ")", xs.get(t)});
        }
        Object[][] fwd = argsF.toArray(new Object[0][]);
        for (int t = 0; t <= trace.T(); t++) {
            RnnCellChecks.notAnArgument("Rnn.forward", Messages.text("rnn.trace.s", t), trace.s(t), fwd);
        }
        for (int t = 1; t <= trace.T(); t++) {
            RnnCellChecks.notAnArgument("Rnn.forward", Messages.text("rnn.trace.o", t), trace.o(t), fwd);
        }
        RnnGradients g = rnn.backward(p, xs, trace, prob.targets());
        requireGradients(g, p, "T = " + prob.T());
        List<Object> argsB = new ArrayList<>(argsF);
        for (int t = 0; t <= trace.T(); t++) {
            argsB.add(new Object[] {"trace.s(" + t + ")", trace.s(t)});
        }
        for (int t = 1; t <= trace.T(); t++) {
            argsB.add(new Object[] {"trace.o(" + t + ")", trace.o(t)});
        }
        Object[][] bwd = argsB.toArray(new Object[0][]);
        for (int b = 0; b < 5; b++) {
            RnnCellChecks.notAnArgument("Rnn.backward", "d" + RnnParameters.BLOCKS.get(b), g.blocks().get(b), bwd);
        }
    }

    // ------------------------------------------------------------------ helpers

    private static final com.fasterxml.jackson.core.type.TypeReference<List<SimpleMatrix>> LIST =
            new com.fasterxml.jackson.core.type.TypeReference<>() {};

    /**
     * A random problem: T = {@code T} (≥ 1), m and n growing with {@code size}, parameter scale 1.
     */
    static RnnProblem problem(long seed, int size, int T, ActivationKind g1, boolean oneHot) {
        Random r = new Random(seed);
        int m = 3 + size / 3 + r.nextInt(2);
        int n = 2 + size / 4 + r.nextInt(2);
        return RnnProblemGenerator.random(r.nextLong(), m, n, Math.max(1, T), g1, oneHot, 1.0);
    }

    /** L = Σ_t −ln o_t[y_t] from the student's forward — never the student's CrossEntropy. */
    static double loss(Rnn rnn, RnnParameters theta, RnnProblem p) {
        RnnTrace trace = rnn.forward(theta, CellMath.copyAll(p.xs()));
        int[] ys = p.targets();
        double l = 0;
        for (int t = 1; t <= ys.length; t++) {
            l -= Math.log(trace.o(t).get(ys[t - 1], 0));
        }
        return l;
    }

    private static RnnGradients backward(Rnn rnn, RnnParameters p, List<SimpleMatrix> xs, int[] ys) {
        RnnTrace trace = rnn.forward(p.copy(), CellMath.copyAll(xs));
        Expect.that(trace != null, Messages.text("rnn.forward.null"), Messages.text("rnn.hint.return-trace"));
        return rnn.backward(p.copy(), CellMath.copyAll(xs), trace, ys.clone());
    }

    private static RnnTrace copy(RnnTrace t) {
        return new RnnTrace(CellMath.copyAll(t.states()), CellMath.copyAll(t.outputs()));
    }

    private static void xsUnchanged(String method, List<SimpleMatrix> before, List<SimpleMatrix> after) {
        Expect.equal(Messages.text("rnn.where.xs-count", method), Messages.text("common.after-the-call"), before.size(),
                after.size(), Messages.text("rnn.hint.xs-count"));
        for (int t = 0; t < before.size(); t++) {
            CellMath.unchanged(method, "xs.get(" + t + ") (x_" + (t + 1) + ")", before.get(t), after.get(t));
        }
    }

    static void requireGradients(RnnGradients g, RnnParameters p, String context) {
        Expect.that(g != null, Messages.text("rnn.backward.null-in", context),
                Messages.text("rnn.hint.return-gradients"));
        for (int b = 0; b < 5; b++) {
            SimpleMatrix want = p.blocks().get(b), got = g.blocks().get(b);
            Expect.that(got.getNumRows() == want.getNumRows() && got.getNumCols() == want.getNumCols(),
                    Messages.text("rnn.backward.shape", RnnParameters.BLOCKS.get(b), Shapes.describe(want),
                            Shapes.describe(got), context),
                    Messages.text("rnncell.hint.gradient-shape"));
        }
    }

    /**
     * Compares a student's trace with the expected states and outputs: T, s_0 = 0, then s_t and o_t step by step;
     * the first difference fails with the step and the most likely cause.
     */
    private static void checkTrace(RnnTrace trace, RnnParameters p, List<SimpleMatrix> xs, ActivationKind g1,
            List<SimpleMatrix> states, List<SimpleMatrix> outputs, String context, Tolerance tol) {
        Expect.that(trace != null, Messages.text("rnn.forward.null-in", context),
                Messages.text("rnn.hint.return-full-trace"));
        Expect.equal(Messages.text("rnn.where.trace-length"), context, outputs.size(), trace.T(),
                Messages.text("rnn.hint.trace-length"));
        CellMath.close("Rnn.forward: s_0", context, states.get(0), trace.s(0), tol,
                () -> Messages.text("rnn.hint.s0"));
        for (int t = 1; t <= outputs.size(); t++) {
            int step = t;
            String where = Messages.text("rnn.where.step", context, t);
            CellMath.close("Rnn.forward: s_" + t, where, states.get(t), trace.s(t), tol,
                    () -> forwardStepHint(p, xs, g1, states, trace, step));
            CellMath.close("Rnn.forward: o_" + t, where, outputs.get(t - 1), trace.o(t), tol,
                    () -> forwardStepHint(p, xs, g1, states, trace, step));
        }
    }

    /** Why step t of the trace is wrong when steps before it are right. */
    private static String forwardStepHint(RnnParameters p, List<SimpleMatrix> xs, ActivationKind g1,
            List<SimpleMatrix> states, RnnTrace trace, int t) {
        SimpleMatrix x = xs.get(t - 1);
        CellOutput fromZero = CellMath.forward(p, x, new SimpleMatrix(p.n(), 1), g1);
        CellOutput right = CellMath.forward(p, x, states.get(t - 1), g1);
        if (t > 1 && !CellMath.same(fromZero.s_t(), right.s_t()) && CellMath.same(fromZero.s_t(), trace.s(t))) {
            return Messages.text("rnn.hint.state-not-carried", t, t - 1);
        }
        if (t > 1 && t - 2 >= 0 && CellMath.same(CellMath.forward(p, x, states.get(t - 2), g1).s_t(), trace.s(t))
                && !CellMath.same(states.get(t - 2), states.get(t - 1))) {
            return Messages.text("rnn.hint.state-off-by-one", t, t - 2, t - 1);
        }
        String cell = cellForwardNote(p, x, states.get(t - 1), g1);
        if (!cell.isEmpty()) {
            return cell;
        }
        return Messages.text("rnn.hint.calls-cell-wrongly");
    }

    /** "" when the student's cell forward is right on this step, else a note saying it is not (and why). */
    private static String cellForwardNote(RnnParameters p, SimpleMatrix x, SimpleMatrix sPrev, ActivationKind g1) {
        try {
            CellOutput right = CellMath.forward(p, x, sPrev, g1);
            CellOutput got = student().rnnCell(g1).forward(p.copy(), x.copy(), sPrev.copy());
            if (got != null && CellMath.same(right.s_t(), got.s_t()) && CellMath.same(right.o_t(), got.o_t())) {
                return "";
            }
            String why = got == null ? Messages.text("rnn.note.returns-null")
                    : CellMath.forwardHint(p, x, sPrev, g1, got.s_t(), got.o_t());
            return Messages.text("rnn.note.cell-forward-wrong", why);
        } catch (RuntimeException | StackOverflowError e) {
            return "";
        }
    }

    /** "" when the student's cell backward is right on a random step, else a note saying it is not (and why). */
    static String cellBackwardNote(Submission s, ActivationKind g1, long seed) {
        try {
            RnnCellChecks.Step step = RnnCellChecks.Step.random(new Random(seed), 5, g1, true);
            SimpleMatrix sT = CellMath.forward(step.p, step.x, step.sPrev, g1).s_t();
            CellGradients right = CellMath.backward(step.p, step.x, step.sPrev, sT, step.dLogits, step.dsNext, g1);
            CellGradients got = s.rnnCell(g1).backward(step.p.copy(), step.x.copy(), step.sPrev.copy(), sT.copy(),
                    step.dLogits.copy(), step.dsNext.copy());
            if (got != null && CellMath.same(CellMath.blocks(right), CellMath.blocks(got))) {
                return "";
            }
            String why = got == null ? Messages.text("rnn.note.returns-null")
                    : CellMath.backwardHint(step.p, step.x, step.sPrev, sT, step.dLogits, step.dsNext, g1, got);
            return Messages.text("rnn.note.cell-backward-wrong", why);
        } catch (RuntimeException | StackOverflowError e) {
            return "";
        }
    }

    /** "" when the student's CrossEntropy.gradient is o − onehot(y) on a small case, else a note. */
    static String crossEntropyNote(Submission s) {
        try {
            SimpleMatrix o = new SimpleMatrix(new double[][] {{0.2}, {0.5}, {0.3}});
            SimpleMatrix got = s.crossEntropy().gradient(o.copy(), 1);
            if (got != null && CellMath.same(CellMath.dLogits(o, 1), got)) {
                return "";
            }
            return Messages.text("rnn.note.cross-entropy-wrong");
        } catch (RuntimeException | StackOverflowError e) {
            return "";
        }
    }

    /** {@link #diagnose} on a new line, after recording the error per prefix length as evidence "stepError". */
    private static String diagnoseWithEvidence(Submission s, ActivationKind g1) {
        Evidence.record("stepError", stepErrors(s, g1, seed("rnn.steps")));
        return System.lineSeparator() + diagnose(s, g1, seed("rnn.doctor"));
    }

    /** The BPTT doctor's findings for the student's forward + backward, plus notes on the cell it calls. */
    static String diagnose(Submission s, ActivationKind g1, long seed) {
        Diagnosis d = BpttDoctor.diagnose((theta, xs, ys) -> {
            Rnn rnn = s.rnn(g1);
            RnnTrace trace = rnn.forward(theta.copy(), CellMath.copyAll(xs));
            return rnn.backward(theta, xs, trace, ys);
        }, seed, g1);
        StringBuilder sb = new StringBuilder(d.text());
        if (!"CORRECT".equals(d.verdict())) {
            String cell = cellBackwardNote(s, g1, seed);
            if (!cell.isEmpty()) {
                sb.append(System.lineSeparator()).append("  ").append(cell);
            }
            String ce = crossEntropyNote(s);
            if (!ce.isEmpty()) {
                sb.append(System.lineSeparator()).append("  ").append(ce);
            }
        }
        return sb.toString();
    }

    /**
     * The error of the student's gradient against the truth ({@link ReferenceRnn}) on each prefix of one
     * seeded problem (T = 8): entry k − 1 is the largest relative block distance ‖s − g‖ / (‖s‖ + ‖g‖) at T = k
     * (1 when the student's code fails there).
     */
    static double[] stepErrors(Submission s, ActivationKind g1, long seed) {
        RnnProblem p = RnnProblemGenerator.random(seed, 6, 4, 8, g1, true, 1.0);
        double[] err = new double[p.T()];
        for (int k = 1; k <= p.T(); k++) {
            RnnProblem prefix = p.prefix(k);
            try {
                Rnn rnn = s.rnn(g1);
                RnnTrace trace = rnn.forward(prefix.params().copy(), CellMath.copyAll(prefix.xs()));
                RnnGradients got = rnn.backward(prefix.params().copy(), CellMath.copyAll(prefix.xs()), trace,
                        prefix.targets());
                err[k - 1] = CellMath.distance(got, ReferenceRnn.gradients(prefix));
            } catch (RuntimeException | StackOverflowError e) {
                err[k - 1] = 1;
            }
        }
        return err;
    }

    /** @return c minimising ‖a − c b‖ */
    private static double fit(SimpleMatrix a, SimpleMatrix b) {
        double ab = 0, bb = 0;
        for (int r = 0; r < a.getNumRows(); r++) {
            for (int c = 0; c < a.getNumCols(); c++) {
                ab += a.get(r, c) * b.get(r, c);
                bb += b.get(r, c) * b.get(r, c);
            }
        }
        return bb == 0 ? Double.NaN : ab / bb;
    }

    private static String sumHint(double factor, int T) {
        if (Math.abs(factor - 1) < 1e-6) {
            return Messages.text("rnn.hint.not-summed", T);
        }
        return Messages.text("rnn.hint.sum-factor", T, Expect.fmt(factor));
    }
}
