package org.rnnautograder.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FeedbackMarkdownTest {
    /** @return the text outside fenced code blocks */
    static String outsideFences(String md) {
        StringBuilder out = new StringBuilder();
        String fence = null;
        for (String line : md.split("\n", -1)) {
            if (fence == null && line.startsWith("```")) {
                fence = line.replaceAll("[^`].*$", "");
            } else if (fence != null && line.equals(fence)) {
                fence = null;
            } else if (fence == null) {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }

    @Test
    void headerTableFailuresNotImplementedAndSkipped() {
        String md = FeedbackMarkdown.render(Samples.failing());
        assertTrue(md.startsWith("# RNN assignment — feedback for bob, \"the builder\"\n"), md);
        for (String s : List.of("**Score: 2/20** (5 more points are graded by your instructor)",
                "- Seed: " + Samples.SEED, "- Autograder version: 0.1.0", "- Isolation: " + Samples.ISOLATION,
                "| OneHot | 2/5 | 2 | 1 |  |", "| RnnCell | 0/10 | 2 | 0 |  |", "| Rnn | 0/5 | 2 | 0 | 5 pts |",
                "| **total** | **2/20** |", "## What to fix", "### ✗ OneHot — softmax sums to 1 (oh.2, 0/3)",
                "```text\n" + Samples.MULTILINE_FAILURE.strip() + "\n```",
                "dL/dW\\_hh differs from the numerical gradient at t = 3: relative error 0.41 &gt; 1e-4.",
                "## Not implemented yet", "- RnnCell — forward step matches the fixtures (cell.forward, 0/5): RnnCell.forward",
                "## Skipped", "- Rnn — training lowers the loss (rnn.train): needs RnnCell.forward",
                "5 points graded by your instructor")) {
            assertTrue(md.contains(s), () -> s + "\n--- in ---\n" + md);
        }
    }

    @Test
    void studentOutputIsFencedWithAFenceLongerThanAnyInside() {
        String md = FeedbackMarkdown.render(Samples.failing());
        assertTrue(md.contains("Your code printed:\n\n````text\n<script>alert('x')</script> & \"quotes\" 你好，世界 😀"), md);
        String outside = outsideFences(md);
        assertFalse(outside.contains("<script"), "no raw HTML outside code blocks:\n" + outside);
        assertFalse(md.contains("\u0000") || md.contains("\u001b"), "control characters removed");
    }

    @Test
    void compileErrorExplainsWhyNothingRan() {
        String md = FeedbackMarkdown.render(Samples.compileError());
        assertTrue(md.contains("**Score: 0/25**"));
        assertTrue(md.contains("## Why nothing ran\n\n```text\nYour submission does not compile"), md);
        assertTrue(md.contains("src/main/java/rnn/RnnCell.java:42: error: ';' expected"));
        assertFalse(md.contains("## Score by component"));
    }

    @Test
    void deterministic() {
        assertEquals(FeedbackMarkdown.render(Samples.failing()), FeedbackMarkdown.render(Samples.failing()));
    }
}
