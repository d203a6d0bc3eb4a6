package org.rnnautograder.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassReportHtmlTest {
    @Test
    void passRatesAreOverTheWholeClassHardestFirst() {
        List<ClassReportHtml.CheckStat> stats = ClassReportHtml.checkStats(Samples.all());
        assertEquals(List.of("oh.2", "cell.forward", "cell.backward", "rnn.train", "rnn.reference", "oh.1"),
                stats.stream().map(ClassReportHtml.CheckStat::id).toList());
        ClassReportHtml.CheckStat oh1 = stats.get(5);
        assertEquals(2, oh1.passed());
        assertEquals(1, oh1.missing(), "carol did not compile");
        assertEquals(2 / 3.0, oh1.passRate(), 1e-12);
        ClassReportHtml.CheckStat fwd = stats.get(1);
        assertEquals(1, fwd.passed());
        assertEquals(1, fwd.notImplemented());
        assertEquals(1 / 3.0, fwd.passRate(), 1e-12);
        assertEquals(1, stats.get(3).skipped());
        assertEquals(1, stats.get(0).failed());
    }

    @Test
    void meanMedianHistogram() {
        int[] scores = ClassReportHtml.scores(Samples.all());
        assertArrayEquals(new int[] {25, 2, 0}, scores);
        assertEquals(9.0, ClassReportHtml.mean(scores), 1e-12);
        assertEquals(2.0, ClassReportHtml.median(scores), 1e-12);
        assertEquals(13.5, ClassReportHtml.median(new int[] {25, 2, 0, 30}), 1e-12);
        assertArrayEquals(new int[] {2, 0, 1}, ClassReportHtml.histogram(scores, 25));
        assertArrayEquals(new int[] {1, 0, 0, 0, 0, 0, 0, 0, 0, 2}, ClassReportHtml.histogram(new int[] {0, 90, 100}, 100),
                "100 of 100 falls in the last bin, 90–100");
    }

    @Test
    void pageHasSizeStatsHistogramTablesAndEncodedLinks() {
        String html = ClassReportHtml.render(Samples.all());
        for (String s : List.of("<dt>Submissions</dt><dd>3</dd>", "<dt>Mean score</dt><dd>9 / 25</dd>",
                "<dt>Median score</dt><dd>2 / 25</dd>", "<svg", "score histogram", "20–25",
                "<td>OneHot — softmax sums to 1</td><td>oh.2</td><td class=\"num\">3</td><td class=\"num\">33%</td>",
                "<td class=\"num\">67%</td>", "href=\"bob%2C%20%22the%20builder%22/feedback.html\">bob, &quot;the builder&quot;</a>",
                "href=\"alice/feedback.html\"", "1 compile error")) {
            assertTrue(html.contains(s), s);
        }
        assertTrue(html.indexOf(">oh.2<") < html.indexOf(">oh.1<"), "hardest first");
        assertFalse(html.contains("<script"));
        assertEquals("%E4%B8%AD%E6%96%87/feedback.html", ClassReportHtml.feedbackLink("中文"));
        assertEquals("a%2F..%2Fb/feedback.html", ClassReportHtml.feedbackLink("a/../b"));
    }

    @Test
    void emptyClass() {
        String html = ClassReportHtml.render(List.of());
        assertTrue(html.contains("<dt>Submissions</dt><dd>0</dd>"));
        assertFalse(html.contains("<svg"));
    }
}
