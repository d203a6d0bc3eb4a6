package org.rnnautograder.gradcheck;

import java.util.List;
import java.util.function.Function;
import org.ejml.simple.SimpleMatrix;
import org.rnnautograder.assignment.ActivationKind;

/**
 * The {@link KinkGuard} of a relu RNN: a central difference is near a kink when some pre-activation
 * z_t[i] has different signs at θ − εv and θ + εv, or lies within SAFETY times its own change of 0:
 * <pre>
 *   near kink ⇔ ∃ t, i:  sign z⁻ ≠ sign z⁺   or   min(|z⁻|, |z⁺|) &lt; SAFETY · |z⁺ − z⁻|
 * </pre>
 * (|z⁺ − z⁻| is what the ±ε step moves z by, so this is "within ε times a safety factor of 0" measured
 * along the actual perturbation). Pre-activations come from the package's own {@link ReferenceRnn}: the
 * kinks are a property of the mathematical function, whoever implements it. tanh has no kinks.
 */
public final class RnnKinkGuard implements KinkGuard {
    /** The safety factor. */
    public static final double SAFETY = 10;

    private final Function<List<SimpleMatrix>, double[][]> preActivations;

    private RnnKinkGuard(Function<List<SimpleMatrix>, double[][]> preActivations) {
        this.preActivations = preActivations;
    }

    /** @return the guard of L on {@code problem} over blocks (U, W, V, b_a, b_y): NONE for tanh */
    public static KinkGuard forSequence(RnnProblem problem) {
        if (problem.g1() == ActivationKind.TANH) {
            return KinkGuard.NONE;
        }
        return new RnnKinkGuard(blocks -> ReferenceRnn.forward(blocks.subList(0, 5), problem.xs(),
                problem.targets(), problem.g1()).z());
    }

    /**
     * @return the guard of one cell step over blocks (U, W, V, b_a, b_y, s_prev) with input {@code x_t}:
     *         z = U x_t + W s_prev + b_a; NONE for tanh
     */
    public static KinkGuard forCell(SimpleMatrix x_t, ActivationKind g1) {
        if (g1 == ActivationKind.TANH) {
            return KinkGuard.NONE;
        }
        return new RnnKinkGuard(blocks -> {
            SimpleMatrix z = blocks.get(0).mult(x_t).plus(blocks.get(1).mult(blocks.get(5))).plus(blocks.get(3));
            return new double[][] {ReferenceRnn.array(z)};
        });
    }

    @Override
    public boolean nearKink(List<SimpleMatrix> minus, List<SimpleMatrix> plus) {
        double[][] zm = preActivations.apply(minus);
        double[][] zp = preActivations.apply(plus);
        for (int t = 0; t < zm.length; t++) {
            for (int i = 0; i < zm[t].length; i++) {
                double a = zm[t][i];
                double b = zp[t][i];
                if ((a > 0) != (b > 0) || Math.min(Math.abs(a), Math.abs(b)) < SAFETY * Math.abs(b - a)) {
                    return true;
                }
            }
        }
        return false;
    }
}
