package org.rnnautograder.report;

import java.util.List;
import java.util.Map;
import org.rnnautograder.grading.CheckResult;
import org.rnnautograder.grading.SubmissionResult;

/**
 * {@code feedback.md} for a student: header (submission, score, seed, version, isolation), score table by
 * component, one section per failed check (its paragraph and, in a fenced block, what the code printed), the
 * checks not implemented yet, the skipped checks and why, and every check's status. Student-controlled text is
 * either escaped (inline) or fenced with a fence longer than any backtick run it contains.
 */
public final class FeedbackMarkdown {
    private FeedbackMarkdown() {}

    /** @return the Markdown text, "\n" line ends */
    public static String render(SubmissionResult r) {
        ScoreTable.Totals t = ResultView.totals(r);
        StringBuilder md = new StringBuilder();
        md.append("# RNN assignment — feedback for ").append(Escaping.markdownInline(r.submission())).append("\n\n");
        md.append("**Score: ").append(t.earned()).append('/').append(t.possible()).append("**");
        if (t.instructorPoints() > 0) {
            md.append(" (").append(t.instructorPoints()).append(" more points are graded by your instructor)");
        }
        md.append("\n\n");
        md.append("- Submission: ").append(Escaping.markdownInline(r.submission())).append('\n');
        md.append("- Status: ").append(ResultView.statusWord(r.status())).append('\n');
        md.append("- Seed: ").append(r.seed()).append(" (regrading with this seed reproduces this result)\n");
        md.append("- Autograder version: ").append(Escaping.markdownInline(r.autograderVersion())).append('\n');
        md.append("- Fixtures SHA-256: ").append(Escaping.markdownInline(r.fixturesHash())).append('\n');
        md.append("- Isolation: ").append(Escaping.markdownInline(r.isolation())).append("\n\n");

        String status = ResultView.statusParagraph(r);
        if (!status.isEmpty()) {
            md.append("## Why nothing ran\n\n").append(Escaping.markdownFence(status, "text")).append('\n');
        }

        List<ResultView.ComponentRow> rows = ResultView.componentRows(r);
        if (!rows.isEmpty()) {
            md.append("## Score by component\n\n");
            md.append("| component | points | checks | passed | by instructor |\n");
            md.append("|---|---:|---:|---:|---:|\n");
            for (ResultView.ComponentRow row : rows) {
                md.append("| ").append(Escaping.markdownInline(row.component())).append(" | ").append(row.earned()).append('/')
                        .append(row.possible()).append(" | ").append(row.checks()).append(" | ").append(row.passed())
                        .append(" | ").append(row.instructorPoints() == 0 ? "" : row.instructorPoints() + " pts").append(" |\n");
            }
            md.append("| **total** | **").append(t.earned()).append('/').append(t.possible()).append("** | | | |\n\n");
        }

        List<CheckResult> failed = ResultView.withStatus(r, CheckResult.Status.FAILED);
        if (!failed.isEmpty()) {
            md.append("## What to fix\n\n");
            for (CheckResult c : failed) {
                md.append("### ✗ ").append(Escaping.markdownInline(ResultView.name(c))).append(" (")
                        .append(Escaping.markdownInline(c.id())).append(", 0/").append(c.points()).append(")\n\n");
                paragraph(md, c.message());
                printed(md, r, c);
            }
        }
        List<CheckResult> notYet = ResultView.withStatus(r, CheckResult.Status.NOT_IMPLEMENTED);
        if (!notYet.isEmpty()) {
            md.append("## Not implemented yet\n\n");
            for (CheckResult c : notYet) {
                md.append("- ").append(Escaping.markdownInline(ResultView.name(c))).append(" (")
                        .append(Escaping.markdownInline(c.id())).append(", 0/").append(c.points()).append("): ")
                        .append(Escaping.markdownInline(c.message().strip())).append('\n');
            }
            md.append('\n');
            for (CheckResult c : notYet) {
                printed(md, r, c);
            }
        }
        List<CheckResult> skipped = ResultView.withStatus(r, CheckResult.Status.SKIPPED);
        if (!skipped.isEmpty()) {
            md.append("## Skipped\n\n");
            for (CheckResult c : skipped) {
                md.append("- ").append(Escaping.markdownInline(ResultView.name(c))).append(" (")
                        .append(Escaping.markdownInline(c.id())).append("): ")
                        .append(Escaping.markdownInline(c.message().isBlank() ? "no reason given" : c.message().strip()));
                if (c.needsReference()) {
                    md.append(" — ").append(c.points()).append(" points graded by your instructor");
                }
                md.append('\n');
            }
            md.append('\n');
        }

        if (!r.checks().isEmpty()) {
            Map<String, String> numbers = ResultView.numbers(r);
            md.append("## All checks\n\n| # | check | id | status | points |\n|---|---|---|---|---:|\n");
            for (CheckResult c : r.checks()) {
                md.append("| ").append(numbers.get(c.id())).append(" | ").append(Escaping.markdownInline(ResultView.name(c)))
                        .append(" | ").append(Escaping.markdownInline(c.id())).append(" | ")
                        .append(c.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')).append(" | ")
                        .append(c.earned()).append('/').append(ResultView.countedPoints(c)).append(" |\n");
            }
            md.append('\n');
        }
        if (!r.evidence().isEmpty()) {
            md.append("Plots of your training loss and gradient errors are in feedback.html.\n");
        }
        return md.toString();
    }

    private static void paragraph(StringBuilder md, String message) {
        String m = message.strip();
        if (m.isEmpty()) {
            return;
        }
        if (m.contains("\n")) { // matrices and aligned listings: keep the layout
            md.append(Escaping.markdownFence(m, "text")).append('\n');
        } else {
            md.append(Escaping.markdownInline(m)).append("\n\n");
        }
    }

    private static void printed(StringBuilder md, SubmissionResult r, CheckResult c) {
        String out = ResultView.printed(r, c);
        if (!out.isEmpty()) {
            md.append("Your code printed");
            if (c.status() == CheckResult.Status.NOT_IMPLEMENTED) {
                md.append(" (").append(Escaping.markdownInline(c.id())).append(')');
            }
            md.append(":\n\n").append(Escaping.markdownFence(out, "text")).append('\n');
        }
    }
}
