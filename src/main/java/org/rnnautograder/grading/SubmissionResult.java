package org.rnnautograder.grading;

import java.util.List;
import java.util.Map;

/**
 * Everything grading one submission produced: the input of every report. Written as {@code result.json} in the
 * submission's output folder (Jackson), so class reports and resumed batches can read it back.
 *
 * @param submission        the submission's name (its folder name)
 * @param status            whether the suite ran
 * @param checks            one result per graded check, in suite order
 * @param outputs           check id → what the student's code printed during that check (capped); absent if nothing
 * @param evidence          check id → named series for plots, e.g. "loss" → the student's loss per epoch,
 *                          "stepError" → the BPTT gradient error per sequence length T = 1, 2, …
 * @param compileErrors     the compiler's messages ("file:line: message") when status is COMPILE_ERROR
 * @param message           a one-paragraph explanation when status is not GRADED; empty otherwise
 * @param score             points earned
 * @param maxScore          points possible
 * @param executionSeconds  wall time of grading
 * @param seed              the seed every random input was drawn from (regrading with it reproduces the result)
 * @param autograderVersion the autograder's version
 * @param fixturesHash      SHA-256 of the fixtures the suite used
 * @param isolation         which isolation the student's code ran under, as a sentence
 */
public record SubmissionResult(String submission, Status status, List<CheckResult> checks, Map<String, String> outputs,
        Map<String, Map<String, double[]>> evidence, List<String> compileErrors, String message, int score, int maxScore,
        double executionSeconds, long seed, String autograderVersion, String fixturesHash, String isolation) {

    /** How far grading got. */
    public enum Status {
        /** The suite ran (whatever the score). */
        GRADED,
        /** The submission does not compile: every check scores 0. */
        COMPILE_ERROR,
        /** It compiled, but its entry point could not be loaded: every check scores 0. */
        NOT_LOADED,
        /** The grader itself failed on this submission (an internal error, not the student's fault). */
        INTERNAL_ERROR
    }

    public SubmissionResult {
        checks = List.copyOf(checks);
        outputs = Map.copyOf(outputs);
        evidence = Map.copyOf(evidence);
        compileErrors = List.copyOf(compileErrors);
    }

    /** @return points earned per component, in suite order */
    public Map<String, int[]> byComponent() {
        Map<String, int[]> out = new java.util.LinkedHashMap<>();
        for (CheckResult c : checks) {
            int[] r = out.computeIfAbsent(c.component(), k -> new int[2]);
            r[0] += c.earned();
            r[1] += c.points();
        }
        return out;
    }
}
