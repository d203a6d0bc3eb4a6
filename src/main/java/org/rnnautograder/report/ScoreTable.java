package org.rnnautograder.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rnnautograder.grading.CheckResult;
import org.rnnautograder.i18n.Messages;

/**
 * The console score table: one row per component (earned / possible, public vs instructor-graded points), then
 * one paragraph per failed check, then the {@code Points X/Y} line that GitHub Classroom's reporter reads.
 *
 * <p>Text comes from the catalogue in the current language, except the {@code Points X/Y} line, which a program
 * reads and so is the same in every language. Columns are padded by display width ({@link DisplayWidth}), so a
 * table with Chinese labels lines up in a terminal too.
 */
public final class ScoreTable {
    private ScoreTable() {}

    /** Totals over a list of results. */
    public record Totals(int earned, int possible, int instructorPoints) {}

    /** @return earned and possible points over graded checks, and the points of skipped reference checks */
    public static Totals totals(List<CheckResult> results) {
        int earned = 0, possible = 0, instructor = 0;
        for (CheckResult r : results) {
            if (r.graded()) {
                earned += r.earned();
                possible += r.points();
            } else if (r.needsReference()) {
                instructor += r.points();
            } else {
                possible += r.points(); // a skipped public check still counts against the total
            }
        }
        return new Totals(earned, possible, instructor);
    }

    /** @return the table and the failure paragraphs, as plain text with a trailing newline */
    public static String render(List<CheckResult> results) {
        Map<String, int[]> byComponent = new LinkedHashMap<>(); // earned, possible, instructor, checks, passed
        for (CheckResult r : results) {
            int[] row = byComponent.computeIfAbsent(r.component(), k -> new int[5]);
            row[3]++;
            if (r.graded()) {
                row[0] += r.earned();
                row[1] += r.points();
                if (r.status() == CheckResult.Status.PASSED) {
                    row[4]++;
                }
            } else if (r.needsReference()) {
                row[2] += r.points();
            } else {
                row[1] += r.points();
            }
        }
        StringBuilder out = new StringBuilder();
        String rule = "-".repeat(66) + "\n";
        out.append('\n').append(Messages.text("report.table.title")).append('\n').append(rule);
        out.append(row(Messages.text("report.col.component"), Messages.text("report.col.points"),
                Messages.text("report.col.checks"), Messages.text("report.check-status.passed"),
                Messages.text("report.col.by-instructor")));
        out.append(rule);
        for (Map.Entry<String, int[]> e : byComponent.entrySet()) {
            int[] r = e.getValue();
            out.append(row(e.getKey(), r[0] + "/" + r[1], Integer.toString(r[3]), Integer.toString(r[4]),
                    r[2] == 0 ? "" : Messages.text("report.pts", r[2])));
        }
        Totals t = totals(results);
        out.append(rule);
        out.append(DisplayWidth.padRight(Messages.text("report.total"), 16)).append(' ')
                .append(DisplayWidth.padLeft(t.earned() + "/" + t.possible(), 10)).append('\n');
        if (t.instructorPoints() > 0) {
            out.append(Messages.text("report.table.instructor-points", t.instructorPoints())).append('\n');
        }
        List<CheckResult> failed = results.stream()
                .filter(r -> r.status() == CheckResult.Status.FAILED || r.status() == CheckResult.Status.NOT_IMPLEMENTED)
                .toList();
        List<CheckResult> notYet = failed.stream().filter(r -> r.status() == CheckResult.Status.NOT_IMPLEMENTED).toList();
        List<CheckResult> wrong = failed.stream().filter(r -> r.status() == CheckResult.Status.FAILED).toList();
        if (!wrong.isEmpty()) {
            out.append('\n').append(Messages.text("report.table.what-to-fix")).append('\n');
            for (CheckResult r : wrong) {
                out.append("\n✗ ").append(r.component()).append(" — ").append(r.title()).append(" (").append(r.id())
                        .append(", 0/").append(r.points()).append(")\n");
                out.append(indent(r.message())).append('\n');
            }
        }
        if (!notYet.isEmpty()) {
            out.append('\n').append(Messages.text("report.table.not-implemented")).append('\n');
            for (CheckResult r : notYet) {
                String method = ResultView.notImplementedMethod(r.message()).orElse(r.message().strip());
                out.append("  ").append(Messages.text("report.table.not-implemented-line",
                        Messages.text("failure.not-implemented", method), r.points(), r.title())).append('\n');
            }
        }
        // read by GitHub Classroom: the same in every language
        out.append("\nPoints ").append(t.earned()).append('/').append(t.possible()).append('\n');
        return out.toString();
    }

    /** @return one table row: the component left-aligned, the other columns right-aligned, by display width */
    private static String row(String component, String points, String checks, String passed, String instructor) {
        return DisplayWidth.padRight(component, 16) + " " + DisplayWidth.padLeft(points, 10) + " "
                + DisplayWidth.padLeft(checks, 8) + " " + DisplayWidth.padLeft(passed, 14) + " "
                + DisplayWidth.padLeft(instructor, 14) + "\n";
    }

    private static String indent(String text) {
        return "  " + text.strip().replace("\n", "\n  ");
    }
}
