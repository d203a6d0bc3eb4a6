package org.rnnautograder.suite;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Numbers a check wants plotted in the feedback (the student's training loss per epoch, the doctor's gradient
 * error per time step), recorded under the check that is running. Checks run one at a time; the runner calls
 * {@link #begin} before each and {@link #drain} at the end.
 */
public final class Evidence {
    private static final Map<String, Map<String, double[]>> RECORDED = new LinkedHashMap<>();
    private static String current;

    private Evidence() {}

    /** The runner: the check {@code checkId} starts now. */
    public static synchronized void begin(String checkId) {
        current = checkId;
    }

    /**
     * Records a named series for the running check (replaces an earlier series of the same name).
     *
     * @param name   e.g. "loss" or "stepError"
     * @param values the series; copied
     */
    public static synchronized void record(String name, double[] values) {
        if (current != null && values != null) {
            RECORDED.computeIfAbsent(current, k -> new LinkedHashMap<>()).put(name, values.clone());
        }
    }

    /** The runner: everything recorded since the last drain, by check id; clears it. */
    public static synchronized Map<String, Map<String, double[]>> drain() {
        Map<String, Map<String, double[]>> out = new LinkedHashMap<>(RECORDED);
        RECORDED.clear();
        current = null;
        return out;
    }
}
