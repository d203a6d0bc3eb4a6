package org.rnnautograder.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.rnnautograder.suite.SuiteContext;
import submission.RnnSubmission;

/** The whole suite, with the reference as both the submission and the reference, scores 100 for 50 seeds. */
class ReferenceSeedsTest {
    @AfterEach
    void reset() {
        SuiteContext.reset();
    }

    @TestFactory
    Stream<DynamicTest> referenceScores100ForFiftySeeds() {
        return LongStream.rangeClosed(1, 50).map(i -> i * 7919 + 13).mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed, () -> {
            SuiteContext.install(new RnnSubmission(), new RnnSubmission(), seed);
            try {
                SuiteRunner.Run run = SuiteRunner.run(Rubric.DEFAULTS, null);
                int score = run.checks().stream().mapToInt(CheckResult::earned).sum();
                int max = run.checks().stream().mapToInt(CheckResult::points).sum();
                assertEquals(100, max);
                assertEquals(100, score, "seed " + seed + ":\n" + run.checks().stream()
                        .filter(c -> c.status() != CheckResult.Status.PASSED)
                        .map(c -> c.id() + ": " + c.message()).collect(Collectors.joining("\n")));
            } finally {
                SuiteContext.reset();
            }
        }));
    }
}
