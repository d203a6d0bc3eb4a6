package org.rnnautograder.grading;

import static org.junit.platform.engine.discovery.ClassNameFilter.includeClassNamePatterns;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.rnnautograder.suite.Check;
import org.rnnautograder.suite.ComponentChecks;
import org.rnnautograder.suite.Evidence;

/**
 * Runs the graded suite in this JVM through the JUnit Platform Launcher, against whatever
 * {@link org.rnnautograder.suite.SuiteContext} holds, and collects a {@link CheckResult} per check, the student's
 * output per check and the evidence for plots. Auto-registered listeners (the student-mode table) stay off.
 */
public final class SuiteRunner {
    /** The package of the graded suite. */
    public static final String SUITE_PACKAGE = "org.rnnautograder.suite";

    private SuiteRunner() {}

    /**
     * What one run produced.
     *
     * @param checks   one result per check, in suite order
     * @param outputs  check id → captured output (only non-empty ones)
     * @param evidence check id → named series
     * @param millis   check id → wall time of the check in ms (its {@link CheckResult#seconds()}), for checks that ran
     */
    public record Run(List<CheckResult> checks, Map<String, String> outputs, Map<String, Map<String, double[]>> evidence,
            Map<String, Long> millis) {}

    /** A check as discovered, before it runs. */
    public record CheckInfo(String id, String component, String title, int defaultPoints, boolean needsReference) {}

    /**
     * A launcher without auto-registered listeners: the student-mode listener (registered through
     * META-INF/services for Surefire) must not print its table in grading mode.
     */
    private static Launcher launcher() {
        return LauncherFactory.create(LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false).build());
    }

    /** @param checkClasses the check classes to run; none: the whole suite */
    private static LauncherDiscoveryRequest request(Class<?>... checkClasses) {
        LauncherDiscoveryRequestBuilder builder = LauncherDiscoveryRequestBuilder.request();
        if (checkClasses.length == 0) {
            builder.selectors(selectPackage(SUITE_PACKAGE));
        } else {
            for (Class<?> c : checkClasses) {
                builder.selectors(selectClass(c));
            }
        }
        return builder
                .filters(includeClassNamePatterns(".*Checks"))
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "false")
                .build();
    }

    /** @return every graded check of the suite, in suite order (discovery only, nothing runs) */
    public static List<CheckInfo> catalog() {
        TestPlan plan = launcher().discover(request());
        List<CheckInfo> out = new ArrayList<>();
        for (TestIdentifier root : plan.getRoots()) {
            for (TestIdentifier t : plan.getDescendants(root)) {
                Method m = t.isTest() && t.getSource().orElse(null) instanceof MethodSource s ? s.getJavaMethod() : null;
                if (m != null && m.isAnnotationPresent(Check.class)) {
                    Check c = m.getAnnotation(Check.class);
                    out.add(new CheckInfo(c.id(), ComponentChecks.componentOf(m.getDeclaringClass()),
                            org.rnnautograder.suite.CheckTitles.of(m), c.points(), c.needsReference()));
                }
            }
        }
        out.sort(java.util.Comparator.comparingInt((CheckInfo c) -> ComponentChecks.componentIndex(c.component()))
                .thenComparing(CheckInfo::id));
        return out;
    }

    /**
     * Checks that every id the rubric names exists.
     *
     * @throws IllegalArgumentException naming the unknown ids and listing the known ones
     */
    public static void validate(Rubric rubric) {
        List<String> known = catalog().stream().map(CheckInfo::id).toList();
        List<String> unknown = rubric.points().keySet().stream().filter(id -> !known.contains(id)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("the rubric names checks that do not exist: " + unknown
                    + ". Known check ids: " + known);
        }
    }

    /** @return results in which every check failed for one reason (a submission that does not compile or load) */
    public static List<CheckResult> allFailed(Rubric rubric, String message) {
        return catalog().stream().map(c -> {
            int points = rubric.pointsOf(c.id(), c.defaultPoints());
            return new CheckResult(c.id(), c.component(), c.title(), points, 0, CheckResult.Status.FAILED, message,
                    c.needsReference());
        }).toList();
    }

    /**
     * Runs the suite once.
     *
     * @param rubric     point overrides
     * @param takeOutput returns and clears what the student's code printed since the last call; null if none
     */
    public static Run run(Rubric rubric, Supplier<String> takeOutput) {
        return run(rubric, takeOutput, new Class<?>[0]);
    }

    /**
     * Runs some check classes of the suite once (the suite's tests use this to grade one component).
     *
     * @param checkClasses the {@code *Checks} classes to run; none: the whole suite
     */
    public static Run run(Rubric rubric, Supplier<String> takeOutput, Class<?>... checkClasses) {
        Map<String, String> outputs = new LinkedHashMap<>();
        Evidence.drain();
        ScoreCollector collector = new ScoreCollector(rubric) {
            @Override
            public void executionStarted(TestIdentifier test) {
                super.executionStarted(test);
                checkId(test).ifPresent(id -> {
                    Evidence.begin(id);
                    if (takeOutput != null) {
                        takeOutput.get(); // output between checks belongs to no check
                    }
                });
            }

            @Override
            public void executionFinished(TestIdentifier test, TestExecutionResult outcome) {
                super.executionFinished(test, outcome);
                checkId(test).ifPresent(id -> {
                    String printed = takeOutput == null ? "" : takeOutput.get();
                    if (printed != null && !printed.isEmpty()) {
                        outputs.put(id, printed);
                    }
                });
            }
        };
        launcher().execute(request(checkClasses), collector);
        List<CheckResult> results = collector.results();
        Map<String, Long> millis = new LinkedHashMap<>();
        results.stream().filter(r -> r.status() != CheckResult.Status.SKIPPED)
                .forEach(r -> millis.put(r.id(), (long) (r.seconds() * 1000)));
        return new Run(results, outputs, Evidence.drain(), millis);
    }

    private static java.util.Optional<String> checkId(TestIdentifier test) {
        if (test.isTest() && test.getSource().orElse(null) instanceof MethodSource s) {
            try {
                Check c = s.getJavaMethod().getAnnotation(Check.class);
                return java.util.Optional.ofNullable(c).map(Check::id);
            } catch (RuntimeException e) {
                return java.util.Optional.empty();
            }
        }
        return java.util.Optional.empty();
    }
}
