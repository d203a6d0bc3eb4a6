package org.rnnautograder.grading;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.rnnautograder.suite.Check;
import org.rnnautograder.suite.CheckFailure;
import org.rnnautograder.suite.ComponentChecks;

/**
 * Collects one {@link CheckResult} per graded check as the JUnit Platform runs the suite. Tests that are not
 * {@link Check}s (the autograder's own tests, a student's own tests) are ignored.
 */
public class ScoreCollector implements TestExecutionListener {
    private final Rubric rubric;
    private final List<CheckResult> results = Collections.synchronizedList(new ArrayList<>());
    /** unique id of a running check → System.nanoTime() at its start */
    private final Map<String, Long> started = new ConcurrentHashMap<>();

    public ScoreCollector(Rubric rubric) {
        this.rubric = rubric;
    }

    public ScoreCollector() {
        this(Rubric.DEFAULTS);
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        Method m = checkMethod(test);
        if (m != null) {
            results.add(result(m, CheckResult.Status.SKIPPED, reason));
        }
    }

    @Override
    public void executionStarted(TestIdentifier test) {
        if (checkMethod(test) != null) {
            started.put(test.getUniqueId(), System.nanoTime());
        }
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult outcome) {
        Method m = checkMethod(test);
        if (m == null) {
            return;
        }
        Long start = started.remove(test.getUniqueId());
        double seconds = start == null ? 0 : (System.nanoTime() - start) / 1e9;
        Throwable t = outcome.getThrowable().orElse(null);
        CheckResult.Status status = switch (outcome.getStatus()) {
            case SUCCESSFUL -> CheckResult.Status.PASSED;
            case ABORTED -> CheckResult.Status.SKIPPED;
            case FAILED -> t instanceof CheckFailure f && f.kind() == CheckFailure.Kind.NOT_IMPLEMENTED
                    ? CheckResult.Status.NOT_IMPLEMENTED : CheckResult.Status.FAILED;
        };
        results.add(result(m, status, t == null ? "" : String.valueOf(t.getMessage())).withSeconds(seconds));
    }

    private CheckResult result(Method m, CheckResult.Status status, String message) {
        Check check = m.getAnnotation(Check.class);
        int points = rubric.pointsOf(check.id(), check.points());
        return new CheckResult(check.id(), ComponentChecks.componentOf(m.getDeclaringClass()),
                org.rnnautograder.suite.CheckTitles.of(m), points, status == CheckResult.Status.PASSED ? points : 0, status,
                message == null ? "" : message, check.needsReference());
    }

    private static Method checkMethod(TestIdentifier test) {
        if (!test.isTest() || !(test.getSource().orElse(null) instanceof MethodSource source)) {
            return null;
        }
        try {
            Method m = source.getJavaMethod();
            return m.isAnnotationPresent(Check.class) ? m : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** @return the results so far, in a stable order: by component order of the suite, then by id */
    public List<CheckResult> results() {
        synchronized (results) {
            List<CheckResult> copy = new ArrayList<>(results);
            copy.sort(java.util.Comparator.comparingInt((CheckResult r) -> ComponentChecks.componentIndex(r.component()))
                    .thenComparing(CheckResult::id));
            return copy;
        }
    }

    /** @return the ids of the checks collected so far */
    public Set<String> ids() {
        Set<String> ids = new TreeSet<>();
        results().forEach(r -> ids.add(r.id()));
        return ids;
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        // subclasses report
    }
}
