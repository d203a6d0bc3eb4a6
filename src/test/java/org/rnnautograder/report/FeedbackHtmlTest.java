package org.rnnautograder.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class FeedbackHtmlTest {
    static int count(String haystack, String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(haystack);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void studentOutputIsEscaped() {
        String html = FeedbackHtml.render(Samples.failing());
        assertFalse(html.toLowerCase().contains("<script"), "no raw <script> anywhere");
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot; 你好，世界 😀"), html);
        assertTrue(html.contains("hint: did you divide by the sum of exp(z) &amp; not by m? a &lt; b"));
        assertTrue(html.contains("bob, &quot;the builder&quot;"));
        assertFalse(html.contains("\u0000") || html.contains("\u001b") || html.contains("\u0007"));
    }

    @Test
    void selfContained() {
        for (var r : Samples.all()) {
            String html = FeedbackHtml.render(r).replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
            assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"en\">"));
            assertTrue(html.contains("<meta charset=\"utf-8\">"));
            for (String external : List.of("<link", "<script", " src=", "url(", "@import", "http://", "https://")) {
                assertFalse(html.contains(external), external + " in " + r.submission());
            }
        }
    }

    @Test
    void oneSvgPerEvidenceSeries() {
        String bob = FeedbackHtml.render(Samples.failing());
        assertEquals(2, count(bob, "<svg"));
        assertTrue(bob.contains("BPTT gradient error by sequence length T") && bob.contains("your training loss per epoch"));
        assertTrue(bob.contains("(log scale)"), "step errors spanning 8 decades are on a log axis");
        assertTrue(bob.contains("2 values not drawn"), "the NaN losses are reported, not silently dropped");
        assertEquals(1, count(FeedbackHtml.render(Samples.passing()), "<svg"));
        String carol = FeedbackHtml.render(Samples.compileError());
        assertEquals(0, count(carol, "<svg"));
        assertFalse(carol.contains("id=\"plots\""), "no evidence, no plot section");
    }

    @Test
    void sameContentAsTheMarkdown() {
        String html = FeedbackHtml.render(Samples.failing());
        for (String s : List.of("id=\"score\">Score: 2/20", Long.toString(Samples.SEED), Samples.VERSION, Samples.HASH,
                Samples.ISOLATION, "What to fix", "Not implemented yet", "Skipped", "Your code printed:",
                "✗ OneHot — softmax sums to 1", "5 points graded by your instructor", "All checks")) {
            assertTrue(html.contains(s), s);
        }
        String carol = FeedbackHtml.render(Samples.compileError());
        assertTrue(carol.contains("Why nothing ran") && carol.contains("does not compile")
                && carol.contains("cannot find symbol &lt;T&gt; &amp; friends"));
    }

    @Test
    void deterministic() {
        assertEquals(FeedbackHtml.render(Samples.failing()), FeedbackHtml.render(Samples.failing()));
    }
}
