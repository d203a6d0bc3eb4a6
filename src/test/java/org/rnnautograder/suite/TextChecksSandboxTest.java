package org.rnnautograder.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnautograder.grading.CheckResult;
import submission.RnnSubmission;

/**
 * Grading mode: the Tokenizer and Vocabulary checks run against the reference compiled as a submission and called
 * through the sandbox's proxies (values copied across, objects behind handles).
 */
class TextChecksSandboxTest {
    @TempDir
    Path dir;

    @Test
    void theSandboxedReferenceScoresFullPointsThroughTheProxies() {
        SuiteHarness.withSandboxedReference(dir, sandboxed -> {
            for (Class<?> checks : List.of(TokenizerChecks.class, VocabularyChecks.class)) {
                long start = System.nanoTime();
                Map<String, CheckResult> results = SuiteHarness.run(sandboxed, new RnnSubmission(), 42L, checks);
                double seconds = (System.nanoTime() - start) / 1e9;
                assertEquals(checks == TokenizerChecks.class ? 4 : 7, results.size());
                for (CheckResult r : results.values()) {
                    assertEquals(CheckResult.Status.PASSED, r.status(), r.id() + ": " + r.message());
                }
                // printed for whoever reads the log; speed is bench-grade's to measure, not a test's to bound
                System.out.printf("%s through the sandbox: %.2f s%n", checks.getSimpleName(), seconds);
            }
            return null;
        });
    }
}
