package org.rnnautograder.grading;

import java.io.PrintStream;
import java.util.List;
import org.junit.platform.launcher.TestPlan;
import org.rnnautograder.report.ScoreTable;

/**
 * Student mode: registered through {@code META-INF/services/org.junit.platform.launcher.TestExecutionListener},
 * so Surefire runs it with the suite; when the run ends it prints the score table. It prints nothing when no
 * graded check ran (for example in the autograder's own build). Grading mode deactivates it.
 */
public final class StudentModeListener extends ScoreCollector {
    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        List<CheckResult> results = results();
        if (results.isEmpty()) {
            return;
        }
        // System.out, not the native stream: Surefire's forked JVM talks to Maven over its native stdout
        PrintStream out = System.out;
        out.print(ScoreTable.render(results));
        out.flush();
    }
}
