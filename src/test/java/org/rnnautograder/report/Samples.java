package org.rnnautograder.report;

import static org.rnnautograder.grading.CheckResult.Status.FAILED;
import static org.rnnautograder.grading.CheckResult.Status.NOT_IMPLEMENTED;
import static org.rnnautograder.grading.CheckResult.Status.PASSED;
import static org.rnnautograder.grading.CheckResult.Status.SKIPPED;

import java.util.List;
import java.util.Map;
import org.rnnautograder.grading.CheckResult;
import org.rnnautograder.grading.SubmissionResult;

/** Hand-built results: one that passes everything, one with every kind of trouble, one that does not compile. */
final class Samples {
    private Samples() {}

    static final long SEED = 20240917L;
    static final String VERSION = "0.1.0";
    static final String HASH = "3f2a9c0d5e7b41a8c6d2e0f19b7a3c5d8e1f2a4b6c8d0e2f4a6b8c0d2e4f6a8b";
    static final String ISOLATION = "a separate JVM with no network and a 2 GB heap.";

    /** What bob's code printed in oh.2: markup, an ampersand, Chinese, an emoji, control characters, a fence. */
    static final String NASTY_OUTPUT = "<script>alert('x')</script> & \"quotes\" 你好，世界 😀\u0000\u0007\u001b[31mred\n"
            + "```\nnot a fence end ]]> --> \n";

    static final String MULTILINE_FAILURE = "softmax(z) is wrong for z = [1, 2, 3] (column 0):\n"
            + "  expected  [0.0900, 0.2447, 0.6652]\n  got       [0.3333, 0.3333, 0.3333]\n"
            + "  hint: did you divide by the sum of exp(z) & not by m? a < b\n";

    static CheckResult check(String id, String component, String title, int points, CheckResult.Status s, String message,
            boolean ref) {
        return new CheckResult(id, component, title, points, s == PASSED ? points : 0, s, message, ref);
    }

    static SubmissionResult passing() {
        List<CheckResult> checks = List.of(
                check("oh.1", "OneHot", "encodes an id as a one-hot column", 2, PASSED, "", false),
                check("oh.2", "OneHot", "softmax sums to 1", 3, PASSED, "", false),
                check("cell.forward", "RnnCell", "forward step matches the fixtures", 5, PASSED, "", false),
                check("cell.backward", "RnnCell", "backward step matches numerical gradients", 5, PASSED, "", false),
                check("rnn.train", "Rnn", "training lowers the loss", 5, PASSED, "", false),
                check("rnn.reference", "Rnn", "agrees with the reference on fresh inputs", 5, PASSED, "", true));
        return new SubmissionResult("alice", SubmissionResult.Status.GRADED, checks, Map.of(),
                Map.of("rnn.train", Map.of("loss", new double[] {3.2, 2.5, 1.9, 1.4, 1.1, 0.9, 0.8, 0.72, 0.68, 0.66})),
                List.of(), "", 25, 25, 12.5, SEED, VERSION, HASH, ISOLATION);
    }

    static final String BOB = "bob, \"the builder\"";

    static SubmissionResult failing() {
        return failing(7.25);
    }

    static SubmissionResult failing(double seconds) {
        List<CheckResult> checks = List.of(
                check("oh.1", "OneHot", "encodes an id as a one-hot column", 2, PASSED, "", false),
                check("oh.2", "OneHot", "softmax sums to 1", 3, FAILED, MULTILINE_FAILURE, false),
                check("cell.forward", "RnnCell", "forward step matches the fixtures", 5, NOT_IMPLEMENTED,
                        "RnnCell.forward — not implemented yet", false),
                check("cell.backward", "RnnCell", "backward step matches numerical gradients", 5, FAILED,
                        "dL/dW_hh differs from the numerical gradient at t = 3: relative error 0.41 > 1e-4.", false),
                check("rnn.train", "Rnn", "training lowers the loss", 5, SKIPPED,
                        "needs RnnCell.forward, which is not implemented yet", false),
                check("rnn.reference", "Rnn", "agrees with the reference on fresh inputs", 5, SKIPPED,
                        "graded by your instructor (needs the reference solution)", true));
        return new SubmissionResult(BOB, SubmissionResult.Status.GRADED, checks,
                Map.of("oh.2", NASTY_OUTPUT, "cell.forward", "starting forward…\n"),
                Map.of("cell.backward", Map.of("stepError", new double[] {2e-9, 5e-8, 3e-6, 0.41, 0.38, 0.2}),
                        "rnn.train", Map.of("loss", new double[] {3.3, 3.1, 4.8, Double.NaN, Double.NaN})),
                List.of(), "", 2, 20, seconds, SEED, VERSION, HASH, ISOLATION);
    }

    static SubmissionResult compileError() {
        return new SubmissionResult("carol", SubmissionResult.Status.COMPILE_ERROR, List.of(), Map.of(), Map.of(),
                List.of("src/main/java/rnn/RnnCell.java:42: error: ';' expected",
                        "src/main/java/rnn/Rnn.java:7: error: cannot find symbol <T> & friends"),
                "javac reported 2 errors.", 0, 25, 3.0, SEED, VERSION, HASH, ISOLATION);
    }

    static List<SubmissionResult> all() {
        return List.of(passing(), failing(), compileError());
    }
}
