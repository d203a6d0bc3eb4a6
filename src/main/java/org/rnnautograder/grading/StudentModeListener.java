package org.rnnautograder.grading;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.platform.launcher.TestPlan;
import org.rnnautograder.i18n.Messages;
import org.rnnautograder.report.ScoreTable;

/**
 * Student mode: registered through {@code META-INF/services/org.junit.platform.launcher.TestExecutionListener},
 * so Surefire runs it with the suite; when the run ends it prints the score table. It prints nothing when no
 * graded check ran (for example in the autograder's own build). Grading mode deactivates it.
 *
 * <p>Under Surefire (which sets the {@code basedir} system property to the project folder) it also writes the table
 * as Markdown to {@value #SCORE_FILE} in the project, for CI: the student workflow appends it to the job summary.
 */
public final class StudentModeListener extends ScoreCollector {
    /** The Markdown score table, relative to the Maven project folder. */
    public static final String SCORE_FILE = "target/rnn-autograder/score.md";

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        List<CheckResult> results = results();
        if (results.isEmpty()) {
            return;
        }
        String table = ScoreTable.render(results);
        // System.out, not the native stream: Surefire's forked JVM talks to Maven over its native stdout
        PrintStream out = System.out;
        out.print(table);
        out.flush();
        String basedir = System.getProperty("basedir");
        if (basedir != null && Files.isDirectory(Path.of(basedir, "target"))) {
            try {
                writeScoreFile(Path.of(basedir).resolve(SCORE_FILE), results, table);
            } catch (IOException | RuntimeException e) {
                out.println(Messages.text("student-mode.score-file-failed", SCORE_FILE, e.getMessage()));
            }
        }
    }

    /**
     * Writes the table as Markdown: a heading with the points, then the console table in a code block. The heading
     * stays English in every language: CI reads its "Points X/Y".
     */
    static void writeScoreFile(Path file, List<CheckResult> results, String table) throws IOException {
        ScoreTable.Totals t = ScoreTable.totals(results);
        String md = "## RNN assignment — Points " + t.earned() + "/" + t.possible() + "\n\n"
                + "```text\n" + table.strip().replace("```", "'''") + "\n```\n";
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, md, StandardCharsets.UTF_8);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
