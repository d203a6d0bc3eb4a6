package org.rnnautograder.report;

import java.util.List;
import java.util.Map;
import org.rnnautograder.grading.CheckResult;
import org.rnnautograder.grading.SubmissionResult;
import org.rnnautograder.i18n.Messages;

/**
 * {@code feedback.md} for a student: header (submission, score, seed, version, isolation), score table by
 * component, one section per failed check (its paragraph and, in a fenced block, what the code printed), the
 * checks not implemented yet, the skipped checks and why, and every check's status. Student-controlled text is
 * either escaped (inline) or fenced with a fence longer than any backtick run it contains. Headings, labels and
 * sentences are in the current language ({@link Messages#language()}).
 */
public final class FeedbackMarkdown {
    private FeedbackMarkdown() {}

    /** @return the Markdown text, "\n" line ends */
    public static String render(SubmissionResult r) {
        ScoreTable.Totals t = ResultView.totals(r);
        StringBuilder md = new StringBuilder();
        md.append("# ").append(Messages.text("report.feedback.title", Escaping.markdownInline(r.submission()))).append("\n\n");
        md.append("**").append(Messages.text("report.score", t.earned(), t.possible())).append("**");
        if (t.instructorPoints() > 0) {
            md.append(' ').append(Messages.text("report.instructor-points-note", t.instructorPoints()));
        }
        md.append("\n\n");
        item(md, Messages.text("report.meta.submission"), Escaping.markdownInline(r.submission()));
        item(md, Messages.text("report.meta.status"), ResultView.statusWord(r.status()));
        item(md, Messages.text("report.meta.seed"), Messages.text("report.meta.seed-value", r.seed()));
        item(md, Messages.text("report.meta.version"), Escaping.markdownInline(r.autograderVersion()));
        item(md, Messages.text("report.meta.fixtures"), Escaping.markdownInline(r.fixturesHash()));
        item(md, Messages.text("report.meta.isolation"), Escaping.markdownInline(r.isolation()));
        md.append('\n');

        String status = ResultView.statusParagraph(r);
        if (!status.isEmpty()) {
            heading(md, Messages.text("report.why-nothing-ran"));
            md.append(Escaping.markdownFence(status, "text")).append('\n');
        }

        List<ResultView.ComponentRow> rows = ResultView.componentRows(r);
        if (!rows.isEmpty()) {
            heading(md, Messages.text("report.score-by-component"));
            md.append("| ").append(Messages.text("report.col.component")).append(" | ").append(Messages.text("report.col.points"))
                    .append(" | ").append(Messages.text("report.col.checks")).append(" | ")
                    .append(Messages.text("report.check-status.passed")).append(" | ")
                    .append(Messages.text("report.col.by-instructor")).append(" |\n");
            md.append("|---|---:|---:|---:|---:|\n");
            for (ResultView.ComponentRow row : rows) {
                md.append("| ").append(Escaping.markdownInline(row.component())).append(" | ").append(row.earned()).append('/')
                        .append(row.possible()).append(" | ").append(row.checks()).append(" | ").append(row.passed())
                        .append(" | ").append(row.instructorPoints() == 0 ? "" : Messages.text("report.pts", row.instructorPoints()))
                        .append(" |\n");
            }
            md.append("| **").append(Messages.text("report.total")).append("** | **").append(t.earned()).append('/')
                    .append(t.possible()).append("** | | | |\n\n");
        }

        List<CheckResult> failed = ResultView.withStatus(r, CheckResult.Status.FAILED);
        if (!failed.isEmpty()) {
            heading(md, Messages.text("report.what-to-fix"));
            for (CheckResult c : failed) {
                md.append("### ✗ ").append(Escaping.markdownInline(ResultView.name(c))).append(" (")
                        .append(Escaping.markdownInline(c.id())).append(", 0/").append(c.points()).append(")\n\n");
                paragraph(md, c.message());
                printed(md, r, c);
            }
        }
        List<CheckResult> notYet = ResultView.withStatus(r, CheckResult.Status.NOT_IMPLEMENTED);
        if (!notYet.isEmpty()) {
            heading(md, Messages.text("report.not-implemented-yet"));
            for (CheckResult c : notYet) {
                md.append("- ").append(Escaping.markdownInline(ResultView.name(c))).append(" (")
                        .append(Escaping.markdownInline(c.id())).append(", 0/").append(c.points()).append("): ")
                        .append(Escaping.markdownInline(ResultView.notImplementedMessage(c.message()))).append('\n');
            }
            md.append('\n');
            for (CheckResult c : notYet) {
                printed(md, r, c);
            }
        }
        List<CheckResult> skipped = ResultView.withStatus(r, CheckResult.Status.SKIPPED);
        if (!skipped.isEmpty()) {
            heading(md, Messages.text("report.skipped"));
            for (CheckResult c : skipped) {
                md.append("- ").append(Escaping.markdownInline(ResultView.name(c))).append(" (")
                        .append(Escaping.markdownInline(c.id())).append("): ")
                        .append(Escaping.markdownInline(c.message().isBlank() ? Messages.text("report.no-reason")
                                : c.message().strip()));
                if (c.needsReference()) {
                    md.append(" — ").append(Messages.text("report.skipped.instructor-points", c.points()));
                }
                md.append('\n');
            }
            md.append('\n');
        }

        if (!r.checks().isEmpty()) {
            Map<String, String> numbers = ResultView.numbers(r);
            heading(md, Messages.text("report.all-checks"));
            md.append("| # | ").append(Messages.text("report.col.check")).append(" | ").append(Messages.text("report.col.id"))
                    .append(" | ").append(Messages.text("report.col.status")).append(" | ")
                    .append(Messages.text("report.col.points")).append(" |\n|---|---|---|---|---:|\n");
            for (CheckResult c : r.checks()) {
                md.append("| ").append(numbers.get(c.id())).append(" | ").append(Escaping.markdownInline(ResultView.name(c)))
                        .append(" | ").append(Escaping.markdownInline(c.id())).append(" | ")
                        .append(ResultView.statusWord(c.status())).append(" | ")
                        .append(c.earned()).append('/').append(ResultView.countedPoints(c)).append(" |\n");
            }
            md.append('\n');
        }
        if (!r.evidence().isEmpty()) {
            md.append(Messages.text("report.plots-in-html")).append('\n');
        }
        return md.toString();
    }

    private static void heading(StringBuilder md, String text) {
        md.append("## ").append(text).append("\n\n");
    }

    /** Appends "- label: value" ({@code value} already safe Markdown). */
    private static void item(StringBuilder md, String label, String value) {
        md.append("- ").append(Messages.text("report.label-value", label, value)).append('\n');
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
            md.append(c.status() == CheckResult.Status.NOT_IMPLEMENTED
                    ? Messages.text("report.printed-during", Escaping.markdownInline(c.id()))
                    : Messages.text("report.printed"));
            md.append("\n\n").append(Escaping.markdownFence(out, "text")).append('\n');
        }
    }
}
