package org.rnnautograder.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rnnautograder.grading.CheckResult;
import org.rnnautograder.grading.SubmissionResult;

/**
 * {@code feedback.html}: the content of {@link FeedbackMarkdown} as one self-contained page (inline CSS, no
 * external resource, no script), every string HTML-escaped, plus inline SVG plots of the evidence: a bar chart per
 * "stepError" series (BPTT gradient error by sequence length T, from T = 1) and a line chart per "loss" series (training loss per epoch);
 * any other series gets a line chart under its own name. No evidence, no plot section.
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
        b.append("<header>\n<h1>RNN assignment — feedback for ").append(h(r.submission())).append("</h1>\n");
        b.append("<p class=\"score\" id=\"score\">Score: ").append(t.earned()).append('/').append(t.possible());
        if (t.instructorPoints() > 0) {
            b.append(" <small>(").append(t.instructorPoints()).append(" more points are graded by your instructor)</small>");
        }
        b.append("</p>\n<dl class=\"meta\">\n");
        meta(b, "Submission", r.submission());
        meta(b, "Status", ResultView.statusWord(r.status()));
        meta(b, "Seed", r.seed() + " (regrading with this seed reproduces this result)");
        meta(b, "Autograder version", r.autograderVersion());
        meta(b, "Fixtures SHA-256", r.fixturesHash());
        meta(b, "Isolation", r.isolation());
        b.append("</dl>\n</header>\n");

        String status = ResultView.statusParagraph(r);
        if (!status.isEmpty()) {
            b.append("<section>\n<h2>Why nothing ran</h2>\n<pre class=\"status\">").append(h(status)).append("</pre>\n</section>\n");
        }

        List<ResultView.ComponentRow> rows = ResultView.componentRows(r);
        if (!rows.isEmpty()) {
            b.append("<section>\n<h2>Score by component</h2>\n<table>\n<thead><tr><th>component</th><th class=\"num\">points</th>"
                    + "<th class=\"num\">checks</th><th class=\"num\">passed</th><th class=\"num\">by instructor</th></tr></thead>\n<tbody>\n");
            for (ResultView.ComponentRow row : rows) {
                b.append("<tr><td>").append(h(row.component())).append("</td><td class=\"num\">").append(row.earned()).append('/')
                        .append(row.possible()).append("</td><td class=\"num\">").append(row.checks())
                        .append("</td><td class=\"num\">").append(row.passed()).append("</td><td class=\"num\">")
                        .append(row.instructorPoints() == 0 ? "" : row.instructorPoints() + " pts").append("</td></tr>\n");
            }
            b.append("</tbody>\n<tfoot><tr><th>total</th><th class=\"num\">").append(t.earned()).append('/').append(t.possible())
                    .append("</th><th></th><th></th><th></th></tr></tfoot>\n</table>\n</section>\n");
        }

        List<CheckResult> failed = ResultView.withStatus(r, CheckResult.Status.FAILED);
        if (!failed.isEmpty()) {
            b.append("<section>\n<h2>What to fix</h2>\n");
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
            b.append("<section>\n<h2>Not implemented yet</h2>\n<ul>\n");
            for (CheckResult c : notYet) {
                b.append("<li class=\"not_implemented\">").append(h(ResultView.name(c))).append(" (").append(h(c.id()))
                        .append(", 0/").append(c.points()).append("): ").append(h(c.message().strip()));
                printed(b, r, c);
                b.append("</li>\n");
            }
            b.append("</ul>\n</section>\n");
        }
        List<CheckResult> skipped = ResultView.withStatus(r, CheckResult.Status.SKIPPED);
        if (!skipped.isEmpty()) {
            b.append("<section>\n<h2>Skipped</h2>\n<ul>\n");
            for (CheckResult c : skipped) {
                b.append("<li class=\"skipped\">").append(h(ResultView.name(c))).append(" (").append(h(c.id())).append("): ")
                        .append(h(c.message().isBlank() ? "no reason given" : c.message().strip()));
                if (c.needsReference()) {
                    b.append(" — ").append(c.points()).append(" points graded by your instructor");
                }
                b.append("</li>\n");
            }
            b.append("</ul>\n</section>\n");
        }

        List<Plot> plots = plots(r);
        if (!plots.isEmpty()) {
            Map<String, CheckResult> byId = new java.util.HashMap<>();
            r.checks().forEach(c -> byId.put(c.id(), c));
            b.append("<section id=\"plots\">\n<h2>Plots</h2>\n");
            for (Plot p : plots) {
                CheckResult c = byId.get(p.checkId());
                String caption = (c == null ? p.checkId() : ResultView.name(c) + " (" + c.id() + ")");
                b.append("<figure>\n").append(svg(p)).append("\n<figcaption>").append(h(caption)).append("</figcaption>\n</figure>\n");
            }
            b.append("</section>\n");
        }

        if (!r.checks().isEmpty()) {
            Map<String, String> numbers = ResultView.numbers(r);
            b.append("<section>\n<h2>All checks</h2>\n<table>\n<thead><tr><th>#</th><th>check</th><th>id</th><th>status</th>"
                    + "<th class=\"num\">points</th></tr></thead>\n<tbody>\n");
            for (CheckResult c : r.checks()) {
                String s = c.status().name().toLowerCase(Locale.ROOT);
                b.append("<tr><td>").append(numbers.get(c.id())).append("</td><td>").append(h(ResultView.name(c)))
                        .append("</td><td>").append(h(c.id())).append("</td><td class=\"").append(s).append("\">")
                        .append(s.replace('_', ' ')).append("</td><td class=\"num\">").append(c.earned()).append('/')
                        .append(ResultView.countedPoints(c)).append("</td></tr>\n");
            }
            b.append("</tbody>\n</table>\n</section>\n");
        }
        return HtmlPage.page("Feedback — " + r.submission() + " — " + t.earned() + "/" + t.possible(), b.toString());
    }

    /** @return the chart for one series */
    static String svg(Plot p) {
        return switch (p.series()) {
            case "stepError" -> SvgPlot.bars("BPTT gradient error by sequence length T", "sequence length T (x_1 … x_T)", "relative error", 1, p.values(),
                    SvgPlot.Scale.AUTO);
            case "loss" -> SvgPlot.line("your training loss per epoch", "epoch", "loss", 1, p.values(), SvgPlot.Scale.LINEAR);
            default -> SvgPlot.line(p.series(), "index", p.series(), 0, p.values(), SvgPlot.Scale.AUTO);
        };
    }

    private static void printed(StringBuilder b, SubmissionResult r, CheckResult c) {
        String out = ResultView.printed(r, c);
        if (!out.isEmpty()) {
            b.append("<p>Your code printed:</p>\n<pre class=\"out\">").append(h(out)).append("</pre>\n");
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
