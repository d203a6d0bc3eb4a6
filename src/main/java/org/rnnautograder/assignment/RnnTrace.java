package org.rnnautograder.assignment;

import java.util.List;
import org.ejml.simple.SimpleMatrix;

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
            throw new NullPointerException("states and outputs must not be null");
        }
        if (outputs.isEmpty()) {
            throw new IllegalArgumentException("a trace needs T ≥ 1 outputs, but had 0");
        }
        if (states.size() != outputs.size() + 1) {
            throw new IllegalArgumentException("states must hold s_0 … s_T, that is T + 1 = " + (outputs.size() + 1)
                    + " vectors for T = " + outputs.size() + " outputs, but held " + states.size());
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
            throw new IndexOutOfBoundsException("s_t exists for t in 0 … " + T() + ", but t was " + t);
        }
        return states.get(t);
    }

    /** @return o_t for t in 1 … T */
    public SimpleMatrix o(int t) {
        if (t < 1 || t > T()) {
            throw new IndexOutOfBoundsException("o_t exists for t in 1 … " + T() + ", but t was " + t);
        }
        return outputs.get(t - 1);
    }
}
