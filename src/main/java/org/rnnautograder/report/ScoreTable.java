package org.rnnautograder.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rnnautograder.grading.CheckResult;

/**
 * The console score table: one row per component (earned / possible, public vs instructor-graded points), then
 * one paragraph per failed check, then the {@code Points X/Y} line that GitHub Classroom's reporter reads.
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
        out.append("\nRNN assignment — score\n").append(rule);
        out.append(String.format("%-16s %10s %8s %14s %14s%n", "component", "points", "checks", "passed", "by instructor"));
        out.append(rule);
        for (Map.Entry<String, int[]> e : byComponent.entrySet()) {
            int[] r = e.getValue();
            out.append(String.format("%-16s %10s %8d %14d %14s%n", e.getKey(), r[0] + "/" + r[1], r[3], r[4],
                    r[2] == 0 ? "" : r[2] + " pts"));
        }
        Totals t = totals(results);
        out.append(rule);
        out.append(String.format("%-16s %10s%n", "total", t.earned() + "/" + t.possible()));
        if (t.instructorPoints() > 0) {
            out.append(t.instructorPoints()).append(" more points are graded by your instructor (checks against the"
                    + " reference solution on fresh inputs).\n");
        }
        List<CheckResult> failed = results.stream()
                .filter(r -> r.status() == CheckResult.Status.FAILED || r.status() == CheckResult.Status.NOT_IMPLEMENTED)
                .toList();
        List<CheckResult> notYet = failed.stream().filter(r -> r.status() == CheckResult.Status.NOT_IMPLEMENTED).toList();
        List<CheckResult> wrong = failed.stream().filter(r -> r.status() == CheckResult.Status.FAILED).toList();
        if (!wrong.isEmpty()) {
            out.append("\nWhat to fix:\n");
            for (CheckResult r : wrong) {
                out.append("\n✗ ").append(r.component()).append(" — ").append(r.title()).append(" (").append(r.id())
                        .append(", 0/").append(r.points()).append(")\n");
                out.append(indent(r.message())).append('\n');
            }
        }
        if (!notYet.isEmpty()) {
            out.append("\nNot implemented yet:\n");
            for (CheckResult r : notYet) {
                out.append("  ").append(r.message().replace(" — not implemented yet", "")).append(" — not implemented yet, 0/")
                        .append(r.points()).append("  (").append(r.title()).append(")\n");
            }
        }
        out.append("\nPoints ").append(t.earned()).append('/').append(t.possible()).append('\n');
        return out.toString();
    }

    private static String indent(String text) {
        return "  " + text.strip().replace("\n", "\n  ");
    }
}
