package org.rnnautograder.gradcheck;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import org.ejml.simple.SimpleMatrix;
import org.rnnautograder.assignment.ActivationKind;
import org.rnnautograder.assignment.RnnGradients;
import org.rnnautograder.assignment.RnnParameters;
import org.rnnautograder.i18n.Messages;

/**
 * The BPTT doctor: given a sequence problem and a black-box backward pass, finds
 * <ol>
 *   <li>the shortest prefix length T at which the gradient first goes wrong (T = 1, 2, … against the
 *       correct BPTT of {@link ReferenceRnn});</li>
 *   <li>the time step whose contribution is wrong: with distinct one-hot inputs, column id(x_t) of dU is
 *       exactly dz_t, so each step's dz_t can be read and compared;</li>
 *   <li>the most likely cause: the student's gradient is matched against every {@link BugModel} on the
 *       full problem (largest per-block relative distance d = ‖s − b‖ / (‖s‖ + ‖b‖)). A cause is named only
 *       when d ≤ {@link #MATCH_TOL}, the correct gradient does not match, and the runner-up is at least
 *       {@link #MARGIN} times farther and above MATCH_TOL. A scaling is fitted (c = ⟨s, g⟩ / ⟨g, g⟩) and
 *       reported as −1, 1/T, 1/m or the constant itself.</li>
 * </ol>
 * When nothing matches it says so ("no known bug pattern matches") and never guesses.
 *
 * <p>Its findings are sentences of the message catalogue ({@code doctor.*}), in the {@link Messages#language()}
 * current when {@link #diagnose} runs.
 */
public final class BpttDoctor {
    /** Relative distance within which two gradients count as equal (rounding of a different loop order is ~1e-14). */
    public static final double MATCH_TOL = 1e-6;
    /** How much farther the runner-up must be than the best match. */
    public static final double MARGIN = 100;

    private static final List<String> BLOCK_NAMES = List.of("dU", "dW", "dV", "db_a", "db_y");

    private BpttDoctor() {}

    /**
     * Diagnoses {@code student} on the seeded default problem {@link RnnProblemGenerator#doctorProblem}.
     */
    public static Diagnosis diagnose(StudentBackward student, long seed, ActivationKind g1) {
        return diagnose(RnnProblemGenerator.doctorProblem(seed, g1), student);
    }

    /**
     * Diagnoses {@code student} on {@code problem}: calls it on every prefix x_1 … x_k (k = 1 … T) and on the
     * whole sequence, each time with defensive copies.
     *
     * @param problem the problem; not modified
     * @param student the backward pass under diagnosis; may throw
     * @return the diagnosis
     */
    public static Diagnosis diagnose(RnnProblem problem, StudentBackward student) {
        Objects.requireNonNull(problem, "problem must not be null");
        Objects.requireNonNull(student, "student must not be null");
        String shape = problem.shape();
        // (a) + (b): prefixes
        int firstWrong = 0;
        List<String> wrongBlocks = List.of();
        List<Integer> wrongSteps = List.of();
        String stepFinding = Messages.text("doctor.steps.all-right", problem.T());
        RnnGradients full = null;
        for (int k = 1; k <= problem.T(); k++) {
            RnnProblem prefix = problem.prefix(k);
            RnnGradients s;
            try {
                s = call(student, prefix);
            } catch (Exception | StackOverflowError e) {
                return error(shape, k, e);
            }
            RnnGradients g = ReferenceRnn.gradients(prefix);
            double[] d = GradientDistance.blocks(s, g);
            List<String> wrong = new ArrayList<>();
            for (int b = 0; b < 5; b++) {
                if (d[b] > MATCH_TOL) {
                    wrong.add(BLOCK_NAMES.get(b));
                }
            }
            if (k == problem.T()) {
                full = s;
            }
            if (!wrong.isEmpty() && firstWrong == 0) {
                firstWrong = k;
                wrongBlocks = wrong;
                wrongSteps = wrongSteps(prefix, s, g);
                stepFinding = stepFinding(prefix, wrongSteps, wrongBlocks);
            }
        }
        // (c): the cause, on the full problem
        RnnGradients correct = ReferenceRnn.gradients(problem);
        double dCorrect = GradientDistance.max(full, correct);
        List<Diagnosis.CauseScore> scores = new ArrayList<>();
        scores.add(new Diagnosis.CauseScore("CORRECT", dCorrect, null));
        double c = GradientDistance.bestScale(full, correct);
        for (BugModel bug : BugModel.values()) {
            if (!bug.appliesTo(problem)) {
                continue;
            }
            if (bug == BugModel.SCALED) {
                if (Double.isNaN(c) || near(c, 1) || near(c, -1) || near(c, 1.0 / problem.T())
                        || near(c, 1.0 / problem.m()) || c == 0) {
                    continue; // explained by CORRECT / SIGN_FLIPPED / AVERAGED_OVER_T / DIVIDED_BY_M
                }
                scores.add(new Diagnosis.CauseScore(bug.name(),
                        GradientDistance.max(full, BugModel.scale(correct, c)), c));
            } else {
                Double factor = bug.isScaling() ? bug.factor(problem) : null;
                scores.add(new Diagnosis.CauseScore(bug.name(), GradientDistance.max(full, bug.inject(problem)),
                        factor));
            }
        }
        scores.sort(Comparator.comparingDouble(Diagnosis.CauseScore::distance));
        if (dCorrect <= MATCH_TOL) {
            return new Diagnosis("CORRECT", shape, firstWrong, wrongBlocks, wrongSteps, stepFinding, null, null,
                    Messages.text("doctor.explain.correct"), scores, null);
        }
        List<Diagnosis.CauseScore> matching = scores.stream().filter(s -> s.distance() <= MATCH_TOL)
                .collect(Collectors.toList());
        if (matching.size() > 1) {
            String names = matching.stream().map(Diagnosis.CauseScore::model).collect(Collectors.joining(", "));
            return new Diagnosis("AMBIGUOUS", shape, firstWrong, wrongBlocks, wrongSteps, stepFinding, null, null,
                    Messages.text("doctor.explain.ambiguous", names), scores, null);
        }
        if (matching.size() == 1) {
            Diagnosis.CauseScore best = matching.get(0);
            Diagnosis.CauseScore runnerUp = scores.get(1);
            if (runnerUp.distance() >= MARGIN * best.distance()) {
                BugModel bug = BugModel.valueOf(best.model());
                String explanation = bug.explanation();
                if (bug.isScaling()) {
                    explanation = Messages.text("doctor.explain.factor", explanation, describeFactor(c, problem));
                }
                return new Diagnosis("BUG", shape, firstWrong, wrongBlocks, wrongSteps, stepFinding, bug.name(),
                        bug.isScaling() ? c : null, explanation, scores, null);
            }
        }
        return new Diagnosis("NO_MATCH", shape, firstWrong, wrongBlocks, wrongSteps, stepFinding, null, null,
                Messages.text("doctor.explain.no-match", scores.get(0).model(),
                        String.format(Locale.ROOT, "%.2g", scores.get(0).distance())), scores, null);
    }

    private static boolean near(double c, double target) {
        return Math.abs(c - target) <= 1e-4 * Math.abs(target);
    }

    /** @return "1/T = 1/4", "1/m = 1/7", "−1" or the number */
    static String describeFactor(double c, RnnProblem p) {
        if (near(c, -1)) {
            return "−1";
        }
        if (near(c, 1.0 / p.T())) {
            return "1/T = 1/" + p.T();
        }
        if (near(c, 1.0 / p.m())) {
            return "1/m = 1/" + p.m();
        }
        for (int k = 2; k <= 100; k++) {
            if (near(c, 1.0 / k)) {
                return String.format(Locale.ROOT, "c = 1/%d", k);
            }
            if (near(c, k)) {
                return String.format(Locale.ROOT, "c = %d", k);
            }
        }
        return String.format(Locale.ROOT, "c = %.6g", c);
    }

    private static RnnGradients call(StudentBackward student, RnnProblem p) throws Exception {
        List<SimpleMatrix> xs = new ArrayList<>();
        for (SimpleMatrix x : p.xs()) {
            xs.add(x.copy());
        }
        RnnParameters params = p.params().copy();
        RnnGradients g = student.backward(params, xs, p.targets());
        if (g == null) {
            throw new IllegalStateException(Messages.text("doctor.error.null"));
        }
        g.requireShapesOf(p.params());
        for (int b = 0; b < 5; b++) {
            org.rnnautograder.assignment.Shapes.requireFinite(BLOCK_NAMES.get(b), g.blocks().get(b));
        }
        return g;
    }

    private static Diagnosis error(String shape, int k, Throwable e) {
        String message = Messages.text("doctor.error.prefix", k, e);
        return new Diagnosis("STUDENT_ERROR", shape, 0, List.of(), List.of(), null, null, null,
                Messages.text("doctor.explain.failed"), List.of(), message);
    }

    /**
     * Steps t ≤ k whose dz_t is wrong, read from column id(x_t) of dU (which is exactly dz_t when the
     * inputs x_1 … x_k are distinct one-hot vectors). Empty when the inputs do not allow it.
     */
    private static List<Integer> wrongSteps(RnnProblem prefix, RnnGradients s, RnnGradients g) {
        int k = prefix.T();
        int[] ids = new int[k];
        for (int t = 1; t <= k; t++) {
            ids[t - 1] = prefix.oneHotId(t);
            if (ids[t - 1] < 0) {
                return List.of();
            }
            for (int u = 0; u < t - 1; u++) {
                if (ids[u] == ids[t - 1]) {
                    return List.of();
                }
            }
        }
        List<Integer> wrong = new ArrayList<>();
        for (int t = 1; t <= k; t++) {
            double d = GradientDistance.block(s.dU().extractVector(false, ids[t - 1]),
                    g.dU().extractVector(false, ids[t - 1]));
            if (d > MATCH_TOL) {
                wrong.add(t);
            }
        }
        return wrong;
    }

    private static String stepFinding(RnnProblem prefix, List<Integer> steps, List<String> blocks) {
        int k = prefix.T();
        boolean readable = distinctOneHot(prefix);
        if (!readable) {
            return Messages.text("doctor.steps.newest-or-flow", k - 1, k);
        }
        if (steps.isEmpty()) {
            return Messages.text("doctor.steps.dz-right", k, String.join(", ", blocks));
        }
        String list = steps.stream().map(String::valueOf).collect(Collectors.joining(", "));
        if (steps.size() == 1 && steps.get(0) == k) {
            return Messages.text("doctor.steps.newest-only", k);
        }
        if (!steps.contains(k)) {
            return steps.size() > 1 ? Messages.text("doctor.steps.flow-back-many", list, k, k - 1)
                    : Messages.text("doctor.steps.flow-back-one", list, k, k - 1);
        }
        return Messages.text("doctor.steps.wrong", list);
    }

    private static boolean distinctOneHot(RnnProblem p) {
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int t = 1; t <= p.T(); t++) {
            int id = p.oneHotId(t);
            if (id < 0 || !seen.add(id)) {
                return false;
            }
        }
        return true;
    }
}
