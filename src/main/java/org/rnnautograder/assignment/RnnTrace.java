package org.rnnautograder.assignment;

import java.util.List;
import org.ejml.simple.SimpleMatrix;
import org.rnnautograder.i18n.Messages;

/**
 * Everything the forward pass over a sequence of length T computed, kept for BPTT. Given code.
 *
 * <p>{@code states} holds s_0, s_1, …, s_T (T + 1 entries; s_0 is the zero vector), {@code outputs}
 * holds o_1, …, o_T (T entries). Use {@link #s(int)} and {@link #o(int)} to index by time step t.
 *
 * @param states  s_0 … s_T, each n×1
 * @param outputs o_1 … o_T, each m×1
 */
public record RnnTrace(List<SimpleMatrix> states, List<SimpleMatrix> outputs) {
    public RnnTrace {
        if (states == null || outputs == null) {
            throw new NullPointerException(Messages.text("contract.null-both", "states", "outputs"));
        }
        if (outputs.isEmpty()) {
            throw new IllegalArgumentException(Messages.text("contract.trace-no-outputs"));
        }
        if (states.size() != outputs.size() + 1) {
            throw new IllegalArgumentException(Messages.text("contract.trace-states", outputs.size() + 1, outputs.size(),
                    states.size()));
        }
        int n = states.get(0) == null ? -1 : states.get(0).getNumRows();
        int m = outputs.get(0) == null ? -1 : outputs.get(0).getNumRows();
        for (int t = 0; t < states.size(); t++) {
            Shapes.requireColumn("s_" + t + " (n×1)", states.get(t), n);
        }
        for (int t = 1; t <= outputs.size(); t++) {
            Shapes.requireColumn("o_" + t + " (m×1)", outputs.get(t - 1), m);
        }
        states = List.copyOf(states);
        outputs = List.copyOf(outputs);
    }

    /** @return T, the number of time steps */
    public int T() {
        return outputs.size();
    }

    /** @return s_t for t in 0 … T (s_0 is the zero vector) */
    public SimpleMatrix s(int t) {
        if (t < 0 || t > T()) {
            throw new IndexOutOfBoundsException(Messages.text("contract.trace-s-index", T(), t));
        }
        return states.get(t);
    }

    /** @return o_t for t in 1 … T */
    public SimpleMatrix o(int t) {
        if (t < 1 || t > T()) {
            throw new IndexOutOfBoundsException(Messages.text("contract.trace-o-index", T(), t));
        }
        return outputs.get(t - 1);
    }
}
