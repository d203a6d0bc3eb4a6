package org.rnnautograder.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.rnnautograder.grading.CheckResult;
import org.rnnautograder.grading.SubmissionResult;
import org.rnnautograder.i18n.Messages;

/**
 * {@code feedback.html}: the content of {@link FeedbackMarkdown} as one self-contained page (inline CSS, no
 * external resource, no script), every string HTML-escaped, plus inline SVG plots of the evidence: a bar chart per
 * "stepError" series (BPTT gradient error by sequence length T, from T = 1) and a line chart per "loss" series (training loss per epoch);
 * any other series gets a line chart under its own name. No evidence, no plot section. Text, chart titles and axis
 * labels are in the current language ({@link Messages#language()}), and so is the page's {@code lang}.
 */
public final class FeedbackHtml {
    private FeedbackHtml() {}

    /** One plotted series. */
    public record Plot(String checkId, String series, double[] values) {}

    /** @return the evidence in a stable order: by the check's place in the suite, then by series name */
    public static List<Plot> plots(SubmissionResult r) {
        Map<String, String> numbers = ResultView.numbers(r);
        List<String> order = new ArrayList<>(numbers.keySet());
        List<Plot> out = new ArrayList<>();
        r.evidence().forEach((id, series) -> series.forEach((name, values) -> out.add(new Plot(id, name, values))));
        out.sort(Comparator.comparingInt((Plot p) -> order.contains(p.checkId()) ? order.indexOf(p.checkId()) : order.size())
                .thenComparing(Plot::checkId).thenComparing(Plot::series));
        return out;
    }

    /** @return the page */
    public static String render(SubmissionResult r) {
        ScoreTable.Totals t = ResultView.totals(r);
        StringBuilder b = new StringBuilder();
        b.append("<header>\n<h1>").append(h(Messages.text("report.feedback.title", r.submission()))).append("</h1>\n");
        b.append("<p class=\"score\" id=\"score\">").append(h(Messages.text("report.score", t.earned(), t.possible())));
        if (t.instructorPoints() > 0) {
            b.append(" <small>").append(h(Messages.text("report.instructor-points-note", t.instructorPoints()))).append("</small>");
        }
        b.append("</p>\n<dl class=\"meta\">\n");
        meta(b, Messages.text("report.meta.submission"), r.submission());
        meta(b, Messages.text("report.meta.status"), ResultView.statusWord(r.status()));
        meta(b, Messages.text("report.meta.seed"), Messages.text("report.meta.seed-value", r.seed()));
        meta(b, Messages.text("report.meta.version"), r.autograderVersion());
        meta(b, Messages.text("report.meta.fixtures"), r.fixturesHash());
        meta(b, Messages.text("report.meta.isolation"), r.isolation());
        b.append("</dl>\n</header>\n");

        String status = ResultView.statusParagraph(r);
        if (!status.isEmpty()) {
            b.append("<section>\n<h2>").append(h(Messages.text("report.why-nothing-ran"))).append("</h2>\n<pre class=\"status\">")
                    .append(h(status)).append("</pre>\n</section>\n");
        }

        List<ResultView.ComponentRow> rows = ResultView.componentRows(r);
        if (!rows.isEmpty()) {
            b.append("<section>\n<h2>").append(h(Messages.text("report.score-by-component"))).append("</h2>\n<table>\n<thead><tr>")
                    .append(HtmlPage.th("", Messages.text("report.col.component")))
                    .append(HtmlPage.th("num", Messages.text("report.col.points")))
                    .append(HtmlPage.th("num", Messages.text("report.col.checks")))
                    .append(HtmlPage.th("num", Messages.text("report.check-status.passed")))
                    .append(HtmlPage.th("num", Messages.text("report.col.by-instructor"))).append("</tr></thead>\n<tbody>\n");
            for (ResultView.ComponentRow row : rows) {
                b.append("<tr><td>").append(h(row.component())).append("</td><td class=\"num\">").append(row.earned()).append('/')
                        .append(row.possible()).append("</td><td class=\"num\">").append(row.checks())
                        .append("</td><td class=\"num\">").append(row.passed()).append("</td><td class=\"num\">")
                        .append(row.instructorPoints() == 0 ? "" : h(Messages.text("report.pts", row.instructorPoints())))
                        .append("</td></tr>\n");
            }
            b.append("</tbody>\n<tfoot><tr>").append(HtmlPage.th("", Messages.text("report.total"))).append("<th class=\"num\">").append(t.earned())
                    .append('/').append(t.possible()).append("</th><th></th><th></th><th></th></tr></tfoot>\n</table>\n</section>\n");
        }

        List<CheckResult> failed = ResultView.withStatus(r, CheckResult.Status.FAILED);
        if (!failed.isEmpty()) {
            b.append("<section>\n<h2>").append(h(Messages.text("report.what-to-fix"))).append("</h2>\n");
            for (CheckResult c : failed) {
                b.append("<article id=\"").append(h(anchor(c.id()))).append("\">\n<h3 class=\"failed\">✗ ").append(h(ResultView.name(c)))
                        .append(" <small>(").append(h(c.id())).append(", 0/").append(c.points()).append(")</small></h3>\n");
                if (!c.message().isBlank()) {
                    b.append("<pre class=\"msg\">").append(h(c.message().strip())).append("</pre>\n");
                }
                printed(b, r, c);
                b.append("</article>\n");
            }
            b.append("</section>\n");
        }
        List<CheckResult> notYet = ResultView.withStatus(r, CheckResult.Status.NOT_IMPLEMENTED);
        if (!notYet.isEmpty()) {
            b.append("<section>\n<h2>").append(h(Messages.text("report.not-implemented-yet"))).append("</h2>\n<ul>\n");
            for (CheckResult c : notYet) {
                b.append("<li class=\"not_implemented\">").append(h(ResultView.name(c))).append(" (").append(h(c.id()))
                        .append(", 0/").append(c.points()).append("): ").append(h(ResultView.notImplementedMessage(c.message())));
                printed(b, r, c);
                b.append("</li>\n");
            }
            b.append("</ul>\n</section>\n");
        }
        List<CheckResult> skipped = ResultView.withStatus(r, CheckResult.Status.SKIPPED);
        if (!skipped.isEmpty()) {
            b.append("<section>\n<h2>").append(h(Messages.text("report.skipped"))).append("</h2>\n<ul>\n");
            for (CheckResult c : skipped) {
                b.append("<li class=\"skipped\">").append(h(ResultView.name(c))).append(" (").append(h(c.id())).append("): ")
                        .append(h(c.message().isBlank() ? Messages.text("report.no-reason") : c.message().strip()));
                if (c.needsReference()) {
                    b.append(" — ").append(h(Messages.text("report.skipped.instructor-points", c.points())));
                }
                b.append("</li>\n");
            }
            b.append("</ul>\n</section>\n");
        }

        List<Plot> plots = plots(r);
        if (!plots.isEmpty()) {
            Map<String, CheckResult> byId = new java.util.HashMap<>();
            r.checks().forEach(c -> byId.put(c.id(), c));
            b.append("<section id=\"plots\">\n<h2>").append(h(Messages.text("report.plots"))).append("</h2>\n");
            for (Plot p : plots) {
                CheckResult c = byId.get(p.checkId());
                String caption = (c == null ? p.checkId() : ResultView.name(c) + " (" + c.id() + ")");
                b.append("<figure>\n").append(svg(p)).append("\n<figcaption>").append(h(caption)).append("</figcaption>\n</figure>\n");
            }
            b.append("</section>\n");
        }

        if (!r.checks().isEmpty()) {
            Map<String, String> numbers = ResultView.numbers(r);
            b.append("<section>\n<h2>").append(h(Messages.text("report.all-checks"))).append("</h2>\n<table>\n<thead><tr><th>#</th>")
                    .append(HtmlPage.th("", Messages.text("report.col.check"))).append(HtmlPage.th("", Messages.text("report.col.id")))
                    .append(HtmlPage.th("", Messages.text("report.col.status"))).append(HtmlPage.th("num", Messages.text("report.col.points")))
                    .append("</tr></thead>\n<tbody>\n");
            for (CheckResult c : r.checks()) {
                String s = c.status().name().toLowerCase(java.util.Locale.ROOT); // the CSS class
                b.append("<tr><td>").append(numbers.get(c.id())).append("</td><td>").append(h(ResultView.name(c)))
                        .append("</td><td>").append(h(c.id())).append("</td><td class=\"").append(s).append("\">")
                        .append(h(ResultView.statusWord(c.status()))).append("</td><td class=\"num\">").append(c.earned()).append('/')
                        .append(ResultView.countedPoints(c)).append("</td></tr>\n");
            }
            b.append("</tbody>\n</table>\n</section>\n");
        }
        return HtmlPage.page(Messages.text("report.feedback.page-title", r.submission(), t.earned() + "/" + t.possible()),
                b.toString());
    }

    /** @return the chart for one series */
    static String svg(Plot p) {
        return switch (p.series()) {
            case "stepError" -> SvgPlot.bars(Messages.text("report.chart.step-error.title"),
                    Messages.text("report.chart.step-error.x"), Messages.text("report.chart.step-error.y"), 1, p.values(),
                    SvgPlot.Scale.AUTO);
            case "loss" -> SvgPlot.line(Messages.text("report.chart.loss.title"), Messages.text("report.chart.loss.x"),
                    Messages.text("report.chart.loss.y"), 1, p.values(), SvgPlot.Scale.LINEAR);
            default -> SvgPlot.line(p.series(), Messages.text("report.chart.index"), p.series(), 0, p.values(),
                    SvgPlot.Scale.AUTO);
        };
    }

    private static void printed(StringBuilder b, SubmissionResult r, CheckResult c) {
        String out = ResultView.printed(r, c);
        if (!out.isEmpty()) {
            b.append("<p>").append(h(Messages.text("report.printed"))).append("</p>\n<pre class=\"out\">").append(h(out)).append("</pre>\n");
        }
    }

    private static void meta(StringBuilder b, String term, String value) {
        b.append("<dt>").append(h(term)).append("</dt><dd>").append(h(value)).append("</dd>\n");
    }

    private static String anchor(String id) {
        return "check-" + id.replaceAll("[^A-Za-z0-9_.-]", "_");
    }

    private static String h(String s) {
        return Escaping.html(s);
    }
}
