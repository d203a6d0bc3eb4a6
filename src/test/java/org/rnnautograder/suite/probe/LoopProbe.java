package org.rnnautograder.suite.probe;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rnnautograder.suite.Check;
import org.rnnautograder.suite.ComponentChecks;

/**
 * Not part of the graded suite (its name does not end in "Checks"): a check whose "student code" never returns,
 * with a 1 s deadline instead of the suite's, to show a student's infinite loop fails the check instead of hanging.
 */
public class LoopProbe extends ComponentChecks {
    @Test
    @Check(id = "probe.infinite-loop", points = 1)
    @DisplayName("a student's infinite loop")
    @Timeout(value = 1, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void loopsForever() {
        long spins = 0;
        while (spins >= 0) { // like a student's loop whose bound is never reached
            spins = (spins + 1) % Long.MAX_VALUE;
        }
    }

    @Test
    @Check(id = "probe.student-exception", points = 1)
    @DisplayName("a student's exception")
    void throwsLikeStudentCode() {
        new studentcode.CrashingStep().crash();
    }
}
