package org.rnnautograder.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rnnautograder.grading.CheckResult;
import org.rnnautograder.grading.SubmissionResult;
import org.rnnautograder.i18n.Messages;

/**
 * {@code report.html} for a class: size, mean and median score, a score histogram (bins of 10 points), every check's
 * pass rate across the class, lowest first (the checks most students fail), and every submission with its score
 * and a relative link to {@code <submission>/feedback.html}. Self-contained like {@link FeedbackHtml}, and like it in
 * the current language.
 *
 * <p>A check's pass rate is over the whole class: a submission that did not run (or lacks the check) counts as not
 * passing it.
 */
public final class ClassReportHtml {
    private ClassReportHtml() {}

    /** How the class did on one check. */
    public record CheckStat(String id, String component, String title, int points, int passed, int failed,
            int notImplemented, int skipped, int missing, int classSize) {
        /** @return passed / class size, in [0, 1]; 0 for an empty class */
        public double passRate() {
            return classSize == 0 ? 0 : (double) passed / classSize;
        }
    }

    /** @return one entry per check seen in the class, sorted by pass rate ascending, then suite order */
    public static List<CheckStat> checkStats(List<SubmissionResult> results) {
        Map<String, CheckResult> first = new LinkedHashMap<>();
        for (SubmissionResult r : results) {
            for (CheckResult c : r.checks()) {
                first.putIfAbsent(c.id(), c);
            }
        }
        List<CheckStat> out = new ArrayList<>();
        for (CheckResult meta : first.values()) {
            int[] n = new int[5]; // passed, failed, not implemented, skipped, missing
            for (SubmissionResult r : results) {
                CheckResult c = r.checks().stream().filter(x -> x.id().equals(meta.id())).findFirst().orElse(null);
                n[c == null ? 4 : c.status().ordinal()]++;
            }
            out.add(new CheckStat(meta.id(), meta.component(), meta.title(), meta.points(), n[0], n[1], n[2], n[3], n[4],
                    results.size()));
        }
        List<String> order = new ArrayList<>(first.keySet());
        out.sort(Comparator.comparingDouble(CheckStat::passRate).thenComparingInt(s -> order.indexOf(s.id())));
        return out;
    }

    /** @return the scores (earned points) of every result, in the order given */
    public static int[] scores(List<SubmissionResult> results) {
        return results.stream().mapToInt(r -> ResultView.totals(r).earned()).toArray();
    }

    /** @return the mean, NaN for an empty class */
    public static double mean(int[] xs) {
        return xs.length == 0 ? Double.NaN : java.util.Arrays.stream(xs).average().orElse(Double.NaN);
    }

    /** @return the median (mean of the middle two for an even count), NaN for an empty class */
    public static double median(int[] xs) {
        if (xs.length == 0) {
            return Double.NaN;
        }
        int[] s = xs.clone();
        java.util.Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2.0;
    }

    /**
     * @return counts per 10-point bin: bin i holds scores in [10i, 10i+9], the last bin also the top score (so with
     * 100 points possible, 100 falls in "90–100"); as many bins as reaching {@code maxPossible} (and the best score) needs
     */
    public static int[] histogram(int[] scores, int maxPossible) {
        int[] bins = new int[binCount(scores, maxPossible)];
        for (int s : scores) {
            bins[Math.min(bins.length - 1, Math.max(0, s) / 10)]++;
        }
        return bins;
    }

    private static int top(int[] scores, int maxPossible) {
        int top = maxPossible;
        for (int s : scores) {
            top = Math.max(top, s);
        }
        return top;
    }

    private static int binCount(int[] scores, int maxPossible) {
        return Math.max(1, (top(scores, maxPossible) + 9) / 10);
    }

    /** @return the page */
    public static String render(List<SubmissionResult> results) {
        int[] scores = scores(results);
        int maxPossible = results.stream().mapToInt(r -> ResultView.totals(r).possible()).max().orElse(0);
        StringBuilder b = new StringBuilder();
        b.append("<header>\n<h1>").append(h(Messages.text("report.class.title"))).append("</h1>\n<dl class=\"meta\">\n");
        meta(b, Messages.text("report.class.submission-count"), Integer.toString(results.size()));
        meta(b, Messages.text("report.class.mean"),
                results.isEmpty() ? "—" : ResultView.decimal(Math.round(mean(scores) * 100) / 100.0) + " / " + maxPossible);
        meta(b, Messages.text("report.class.median"),
                results.isEmpty() ? "—" : ResultView.decimal(median(scores)) + " / " + maxPossible);
        Map<SubmissionResult.Status, Integer> byStatus = new LinkedHashMap<>();
        results.forEach(r -> byStatus.merge(r.status(), 1, Integer::sum));
        StringBuilder st = new StringBuilder();
        byStatus.forEach((s, n) -> st.append(st.length() == 0 ? "" : Messages.text("report.class.status-separator"))
                .append(Messages.text("report.class.status-count", n, ResultView.statusWord(s))));
        meta(b, Messages.text("report.meta.status"), st.length() == 0 ? "—" : st.toString());
        b.append("</dl>\n</header>\n");

        if (!results.isEmpty()) {
            int[] bins = histogram(scores, maxPossible);
            List<String> labels = new ArrayList<>();
            double[] counts = new double[bins.length];
            for (int i = 0; i < bins.length; i++) {
                labels.add((10 * i) + "–" + (i == bins.length - 1 ? top(scores, maxPossible) : 10 * i + 9));
                counts[i] = bins[i];
            }
            b.append("<section id=\"histogram\">\n<h2>").append(h(Messages.text("report.class.scores")))
                    .append("</h2>\n<figure>\n")
                    .append(SvgPlot.bars(Messages.text("report.chart.histogram.title"),
                            Messages.text("report.chart.histogram.x"), Messages.text("report.chart.histogram.y"), labels,
                            counts, SvgPlot.Scale.LINEAR))
                    .append("\n<figcaption>").append(h(Messages.text("report.class.histogram-caption")))
                    .append("</figcaption>\n</figure>\n</section>\n");
        }

        List<CheckStat> stats = checkStats(results);
        if (!stats.isEmpty()) {
            b.append("<section id=\"checks\">\n<h2>").append(h(Messages.text("report.class.checks-hardest-first")))
                    .append("</h2>\n<p>").append(h(Messages.text("report.class.pass-rate-note", results.size())))
                    .append("</p>\n<table>\n<thead><tr>")
                    .append(HtmlPage.th("", Messages.text("report.col.check")))
                    .append(HtmlPage.th("", Messages.text("report.col.id")))
                    .append(HtmlPage.th("num", Messages.text("report.col.worth")))
                    .append(HtmlPage.th("num", Messages.text("report.col.pass-rate")))
                    .append(HtmlPage.th("num", Messages.text("report.check-status.passed")))
                    .append(HtmlPage.th("num", Messages.text("report.check-status.failed")))
                    .append(HtmlPage.th("num", Messages.text("report.check-status.not-implemented")))
                    .append(HtmlPage.th("num", Messages.text("report.check-status.skipped")))
                    .append(HtmlPage.th("num", Messages.text("report.col.did-not-run")))
                    .append("</tr></thead>\n<tbody>\n");
            for (CheckStat s : stats) {
                b.append("<tr><td>").append(h(s.component() + " — " + s.title())).append("</td><td>").append(h(s.id()))
                        .append("</td><td class=\"num\">").append(s.points()).append("</td><td class=\"num\">")
                        .append(String.format(Locale.ROOT, "%.0f%%", 100 * s.passRate())).append("</td><td class=\"num\">")
                        .append(s.passed()).append("</td><td class=\"num\">").append(s.failed()).append("</td><td class=\"num\">")
                        .append(s.notImplemented()).append("</td><td class=\"num\">").append(s.skipped())
                        .append("</td><td class=\"num\">").append(s.missing()).append("</td></tr>\n");
            }
            b.append("</tbody>\n</table>\n</section>\n");
        }

        b.append("<section id=\"submissions\">\n<h2>").append(h(Messages.text("report.class.submissions")))
                .append("</h2>\n<table>\n<thead><tr>")
                .append(HtmlPage.th("", Messages.text("report.col.submission")))
                .append(HtmlPage.th("", Messages.text("report.col.status")))
                .append(HtmlPage.th("num", Messages.text("report.col.score")))
                .append(HtmlPage.th("", Messages.text("report.col.seed")))
                .append("</tr></thead>\n<tbody>\n");
        for (SubmissionResult r : results) {
            ScoreTable.Totals t = ResultView.totals(r);
            b.append("<tr><td><a href=\"").append(h(feedbackLink(r.submission()))).append("\">").append(h(r.submission()))
                    .append("</a></td><td>").append(h(ResultView.statusWord(r.status()))).append("</td><td class=\"num\">")
                    .append(t.earned()).append('/').append(t.possible()).append("</td><td>").append(r.seed()).append("</td></tr>\n");
        }
        b.append("</tbody>\n</table>\n</section>\n");
        return HtmlPage.page(Messages.text("report.class.title"), b.toString());
    }

    /** @return the relative link to a submission's feedback page, its folder name percent-encoded */
    public static String feedbackLink(String submission) {
        return Escaping.urlPathSegment(submission) + "/feedback.html";
    }

    private static void meta(StringBuilder b, String term, String value) {
        b.append("<dt>").append(h(term)).append("</dt><dd>").append(h(value)).append("</dd>\n");
    }

    private static String h(String s) {
        return Escaping.html(s);
    }
}
