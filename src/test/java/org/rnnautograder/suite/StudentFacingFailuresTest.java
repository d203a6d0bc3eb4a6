package org.rnnautograder.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.rnnautograder.assignment.NotImplementedYetException;
import org.rnnautograder.assignment.SubmissionLoadException;
import org.rnnautograder.grading.CheckResult;
import org.rnnautograder.grading.ScoreCollector;
import org.rnnautograder.suite.probe.LoopProbe;

/** What a student reads when a check throws, times out or meets a stub. */
class StudentFacingFailuresTest {
    @Test
    void aStubIsOneLine() {
        Throwable t = StudentFacingFailures.translate(new RuntimeException(new NotImplementedYetException("RnnCell.backward")));
        CheckFailure f = assertInstanceOf(CheckFailure.class, t);
        assertEquals(CheckFailure.Kind.NOT_IMPLEMENTED, f.kind());
        assertEquals("RnnCell.backward — not implemented yet", f.getMessage());
        assertEquals(0, f.getStackTrace().length, "no stack trace");
    }

    @Test
    void aMissingSubmissionSaysWhatToFix() {
        CheckFailure f = (CheckFailure) StudentFacingFailures.translate(new SubmissionLoadException("No submission found: …"));
        assertEquals(CheckFailure.Kind.NOT_LOADED, f.kind());
        assertTrue(f.getMessage().startsWith("No submission found"));
    }

    @Test
    void anExceptionTheSandboxDidNotRecreateIsNamedByItsOriginalType() {
        RuntimeException remote = new org.rnnautograder.sandbox.StudentCodeException("java.lang.ClassCastException",
                "class A cannot be cast to class B", null);
        assertEquals("ClassCastException", StudentFacingFailures.typeOf(remote));
        assertEquals("IllegalStateException", StudentFacingFailures.typeOf(new IllegalStateException()));
        CheckFailure f = assertThrows(CheckFailure.class, () -> Expect.throwsClearly("OneHot.encode(5, 5)", "id = m",
                () -> { throw remote; }, null, IllegalArgumentException.class));
        assertTrue(f.getMessage().startsWith("OneHot.encode(5, 5) threw ClassCastException (id = m), but IllegalArgumentException"),
                f.getMessage());
    }

    @Test
    void aTimeoutPointsAtAnInfiniteLoop() {
        CheckFailure f = (CheckFailure) StudentFacingFailures.translate(new TimeoutException("loopsForever() timed out after 20 seconds"));
        assertEquals(CheckFailure.Kind.TIMEOUT, f.kind());
        assertTrue(f.getMessage().contains("did not finish within") && f.getMessage().contains("infinite loop"), f.getMessage());
    }

    @Test
    void theSuiteRunsEveryCheckInASeparateThreadWithADeadline() {
        Timeout t = ComponentChecks.class.getAnnotation(Timeout.class);
        assertEquals(Timeout.ThreadMode.SEPARATE_THREAD, t.threadMode());
        assertEquals(ComponentChecks.DEADLINE_SECONDS, t.value());
    }

    @Test
    void anInfiniteLoopFailsItsCheckAndTheRunGoesOn() {
        ScoreCollector collector = new ScoreCollector();
        LauncherFactory.create(LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false).build())
                .execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(LoopProbe.class)).build(), collector);
        Map<String, CheckResult> byId = new java.util.HashMap<>();
        collector.results().forEach(r -> byId.put(r.id(), r));
        CheckResult loop = byId.get("probe.infinite-loop");
        assertEquals(CheckResult.Status.FAILED, loop.status());
        assertTrue(loop.message().contains("did not finish within") && loop.message().contains("infinite loop"), loop.message());
        CheckResult crash = byId.get("probe.student-exception");
        assertEquals(CheckResult.Status.FAILED, crash.status(), "the run went on after the timeout");
        assertTrue(crash.message().startsWith("Your code threw IllegalStateException: s_prev was null at ")
                && crash.message().contains("studentcode.CrashingStep.crash(CrashingStep.java:"), crash.message());
    }
}
