package org.rnnautograder.assignment;

import java.util.Arrays;
import org.rnnautograder.i18n.Messages;

/**
 * One training instance of the next-token model: the inputs x_1 … x_T as ids, and the targets
 * y_1 … y_T, where y_t is the token that follows x_t (the inputs shifted by one). Given code.
 *
 * @param inputs  ids x_1 … x_T, T ≥ 1
 * @param targets ids y_1 … y_T
 */
public record TrainingPair(int[] inputs, int[] targets) {
    public TrainingPair {
        if (inputs == null || targets == null) {
            throw new NullPointerException(Messages.text("contract.null-both", "inputs", "targets"));
        }
        if (inputs.length == 0 || inputs.length != targets.length) {
            throw new IllegalArgumentException(Messages.text("contract.pair-lengths", inputs.length, targets.length));
        }
        inputs = inputs.clone();
        targets = targets.clone();
    }

    @Override
    public int[] inputs() {
        return inputs.clone();
    }

    @Override
    public int[] targets() {
        return targets.clone();
    }

    /** @return T */
    public int length() {
        return inputs.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrainingPair p && Arrays.equals(inputs, p.inputs) && Arrays.equals(targets, p.targets);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(inputs) + Arrays.hashCode(targets);
    }

    @Override
    public String toString() {
        return "TrainingPair[inputs=" + Arrays.toString(inputs) + ", targets=" + Arrays.toString(targets) + "]";
    }
}
