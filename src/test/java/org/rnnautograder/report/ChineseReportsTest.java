package org.rnnautograder.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.rnnautograder.assignment.NotImplementedYetException;
import org.rnnautograder.fixtures.Json;
import org.rnnautograder.grading.CheckResult;
import org.rnnautograder.i18n.Language;
import org.rnnautograder.i18n.Messages;
import org.rnnautograder.suite.StudentFacingFailures;

/**
 * The reports in Simplified Chinese: headings, labels and sentences from the catalogue, the numbers unchanged, the
 * HTML pages marked {@code lang="zh-CN"}, and what programs read (the {@code Points X/Y} line, Gradescope's field
 * names and status values) the same as in English. The console table lines up by display width.
 */
class ChineseReportsTest {
    /** @return what {@code render} gives with the language set to Chinese (restored afterwards) */
    static <T> T inChinese(Supplier<T> render) {
        Language before = Messages.use(Language.ZH);
        try {
            return render.get();
        } finally {
            Messages.use(before);
        }
    }

    static void assertContainsAll(String text, List<String> parts) {
        for (String s : parts) {
            assertTrue(text.contains(s), () -> s + "\n--- not in ---\n" + text);
        }
    }

    static void assertContainsNone(String text, List<String> parts) {
        for (String s : parts) {
            assertFalse(text.contains(s), () -> "still English: " + s + "\n--- in ---\n" + text);
        }
    }

    @Test
    void scoreTableIsChineseWithTheSameNumbersAndTheSamePointsLine() {
        String table = inChinese(() -> ScoreTable.render(Samples.failing().checks()));
        assertContainsAll(table, List.of("循环神经网络作业 — 得分", "组件", "得分", "检查项数", "通过", "由老师评分",
                "合计", "另有 5 分由老师评分", "需要修改的地方：", "尚未实现：", "5 分",
                "✗ OneHot — softmax sums to 1 (oh.2, 0/3)", "relative error 0.41 > 1e-4.",
                "  RnnCell.forward — 尚未实现，0/5（forward step matches the fixtures）\n"));
        assertContainsNone(table, List.of("component", "by instructor", "total", "What to fix", "Not implemented yet",
                "not implemented yet", "more points", " pts"));
        assertTrue(table.endsWith("\nPoints 2/20\n"), "GitHub Classroom reads this line: " + table);
        assertEquals(ScoreTable.render(Samples.failing().checks()).lines().filter(l -> l.startsWith("Points ")).toList(),
                table.lines().filter(l -> l.startsWith("Points ")).toList(), "the same Points line in both languages");
    }

    @Test
    void chineseTableColumnsLineUpByDisplayWidth() {
        String table = inChinese(() -> ScoreTable.render(Samples.failing().checks()));
        List<String> lines = table.lines().toList();
        int first = lines.indexOf("-".repeat(66)), last = lines.lastIndexOf("-".repeat(66));
        List<String> rows = new ArrayList<>(lines.subList(first + 1, last));
        rows.remove("-".repeat(66));
        rows.add(lines.get(last + 1)); // the total
        assertEquals(5, rows.size(), table); // header, three components, total
        List<Integer> header = columnEnds(rows.get(0));
        assertEquals(List.of(4, 27, 36, 51, 66), header, "组件 then right-aligned columns ending at 27, 36, 51, 66");
        for (String row : rows) {
            List<Integer> ends = columnEnds(row);
            int n = Math.min(4, ends.size()); // points, checks, passed; "5 分" holds a space of its own
            assertEquals(header.subList(1, n), ends.subList(1, n), () -> "misaligned: " + row);
            if (ends.size() > 4) {
                assertEquals(66, ends.get(ends.size() - 1), () -> "instructor points misaligned: " + row);
            }
        }
        assertTrue(rows.get(3).endsWith("  5 分"), rows.get(3));
        assertEquals(66, DisplayWidth.of(rows.get(3)), "Rnn's row reaches the last column with 5 分");
    }

    /** @return the display column at which each run of non-space characters ends */
    static List<Integer> columnEnds(String line) {
        List<Integer> ends = new ArrayList<>();
        int column = 0;
        boolean inRun = false;
        for (int i = 0; i < line.length(); ) {
            int cp = line.codePointAt(i);
            boolean space = cp == ' ';
            if (inRun && space) {
                ends.add(column);
            }
            inRun = !space;
            column += DisplayWidth.of(new String(Character.toChars(cp)));
            i += Character.charCount(cp);
        }
        if (inRun) {
            ends.add(column);
        }
        return ends;
    }

    @Test
    void displayWidthCountsWideCharactersTwice() {
        assertEquals(3, DisplayWidth.of("abc"));
        assertEquals(4, DisplayWidth.of("组件"));
        assertEquals(10, DisplayWidth.of("由老师评分"));
        assertEquals(2, DisplayWidth.of("："), "full-width punctuation");
        assertEquals(2, DisplayWidth.of("Ａ"), "full-width Latin");
        assertEquals(2, DisplayWidth.of("😀"), "an emoji, one code point of two chars");
        assertEquals(2, DisplayWidth.of("한"));
        assertEquals(1, DisplayWidth.of("e\u0301"), "a combining accent takes no column");
        assertEquals(1, DisplayWidth.of("—"));
        assertEquals(1, DisplayWidth.of("✗"));
        assertEquals("组件" + " ".repeat(12), DisplayWidth.padRight("组件", 16));
        assertEquals(" ".repeat(6) + "得分", DisplayWidth.padLeft("得分", 10));
        assertEquals(String.format("%-16s|%10s", "OneHot", "2/5"),
                DisplayWidth.padRight("OneHot", 16) + "|" + DisplayWidth.padLeft("2/5", 10), "as String.format for ASCII");
        assertEquals("toolongforthis", DisplayWidth.padLeft("toolongforthis", 4), "never cut");
    }

    @Test
    void notImplementedIsRecognisedInEitherLanguage() {
        // the check's message comes from the run that graded it, in that run's language
        Throwable zhFailure = inChinese(() -> StudentFacingFailures.translate(new NotImplementedYetException("Rnn.backward")));
        String zhMessage = zhFailure.getMessage();
        assertEquals("Rnn.backward — 尚未实现", zhMessage);
        List<CheckResult> checks = List.of(Samples.check("rnn.bptt", "Rnn", "BPTT", 4, CheckResult.Status.NOT_IMPLEMENTED,
                zhMessage, false));
        String en = ScoreTable.render(checks);
        assertTrue(en.contains("  Rnn.backward — not implemented yet, 0/4  (BPTT)\n"), en);
        String zh = inChinese(() -> ScoreTable.render(checks));
        assertTrue(zh.contains("  Rnn.backward — 尚未实现，0/4（BPTT）\n"), zh);
        assertEquals(1, FeedbackHtmlTest.count(zh, "尚未实现，"), "said once, not twice: " + zh);
        assertEquals(java.util.Optional.of("Rnn.backward"), ResultView.notImplementedMethod(zhMessage));
        assertEquals(java.util.Optional.of("RnnCell.forward"),
                ResultView.notImplementedMethod("RnnCell.forward — not implemented yet"));
        assertEquals(java.util.Optional.empty(), ResultView.notImplementedMethod("Sgd.step threw"));
    }

    @Test
    void feedbackMarkdownIsChinese() {
        String md = inChinese(() -> FeedbackMarkdown.render(Samples.failing()));
        assertContainsAll(md, List.of("# 循环神经网络作业 — bob, \"the builder\" 的反馈\n", "**得分：2/20** （另有 5 分由老师评分）",
                "- 提交：bob, \"the builder\"", "- 状态：已评分", "- 随机种子：" + Samples.SEED + "（",
                "- 自动评分程序版本：0.1.0", "- 测试用例 SHA-256：" + Samples.HASH, "## 各组件得分",
                "| 组件 | 得分 | 检查项数 | 通过 | 由老师评分 |", "| OneHot | 2/5 | 2 | 1 |  |", "| Rnn | 0/5 | 2 | 0 | 5 分 |",
                "| **合计** | **2/20** |", "## 需要修改的地方", "### ✗ OneHot — softmax sums to 1 (oh.2, 0/3)",
                "你的代码输出了：\n\n````text\n", "## 尚未实现", "(cell.forward, 0/5): RnnCell.forward — 尚未实现\n",
                "你的代码输出了（cell.forward）：", "## 已跳过", "— 5 分由老师评分", "## 全部检查项",
                "| # | 检查项 | 编号 | 状态 | 得分 |", "| 1.1 | OneHot — encodes an id as a one-hot column | oh.1 | 通过 | 2/2 |",
                "| 2.1 | RnnCell — forward step matches the fixtures | cell.forward | 未实现 | 0/5 |", "feedback.html"));
        assertContainsNone(md, List.of("feedback for", "Score:", "Seed:", "Score by component", "What to fix",
                "## Not implemented yet", "## Skipped", "All checks", "Your code printed", "| passed |", "| failed |"));
        String carol = inChinese(() -> FeedbackMarkdown.render(Samples.compileError()));
        assertContainsAll(carol, List.of("**得分：0/25**", "## 为什么没有运行任何检查项", "你提交的代码无法编译", "编译器信息：",
                "src/main/java/rnn/RnnCell.java:42: error: ';' expected", "- 状态：编译错误"));
    }

    @Test
    void feedbackHtmlIsChineseAndSaysSo() {
        String html = inChinese(() -> FeedbackHtml.render(Samples.failing()));
        assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"zh-CN\">"), html);
        assertContainsAll(html, List.of("<h1>循环神经网络作业 — bob, &quot;the builder&quot; 的反馈</h1>",
                "id=\"score\">得分：2/20 <small>（另有 5 分由老师评分）</small>", "<dt>随机种子</dt><dd>" + Samples.SEED + "（",
                "<h2>各组件得分</h2>", "<th>组件</th><th class=\"num\">得分</th>", "<th>合计</th><th class=\"num\">2/20</th>",
                "<h2>需要修改的地方</h2>", "<h2>尚未实现</h2>", "<h2>已跳过</h2>", "<h2>图表</h2>", "<h2>全部检查项</h2>",
                "<p>你的代码输出了：</p>", "class=\"not_implemented\">未实现</td>", "class=\"passed\">通过</td>",
                "BPTT 梯度误差随序列长度 T 的变化", "序列长度 T（x_1 … x_T）", "相对误差（对数坐标）", "你的每轮训练损失",
                "训练轮次", "2 个值未画出（NaN、±∞）", "<title>反馈 — bob, &quot;the builder&quot; — 2/20</title>"));
        assertContainsNone(html, List.of("lang=\"en\"", "feedback for", "Score:", "What to fix", "Not implemented yet",
                "All checks", "(log scale)", "values not drawn", "training loss per epoch", ">passed<", ">failed<"));
        assertEquals(2, FeedbackHtmlTest.count(html, "<svg"));
    }

    @Test
    void classReportIsChineseAndSaysSo() {
        String html = inChinese(() -> ClassReportHtml.render(Samples.all()));
        assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"zh-CN\">"), html);
        assertContainsAll(html, List.of("<h1>循环神经网络作业 — 全班报告</h1>", "<dt>提交份数</dt><dd>3</dd>",
                "<dt>平均分</dt><dd>9 / 25</dd>", "<dt>分数中位数</dt><dd>2 / 25</dd>", "已评分 2 份，编译错误 1 份",
                "<h2>分数</h2>", "分数分布", "20–25", "每 10 分一档的提交份数。", "<h2>各检查项（最难的在前）</h2>",
                "通过率按全部 3 份提交计算", "<th class=\"num\">通过率</th>", "<th class=\"num\">未运行</th>",
                "<td>OneHot — softmax sums to 1</td><td>oh.2</td><td class=\"num\">3</td><td class=\"num\">33%</td>",
                "<h2>全部提交</h2>", "<th>随机种子</th>", "<td>编译错误</td>",
                "href=\"bob%2C%20%22the%20builder%22/feedback.html\""));
        assertContainsNone(html, List.of("class report", "Mean score", "score histogram", "hardest first", "pass rate",
                "compile error", "Submissions"));
    }

    @Test
    void gradescopeOutputsAreChineseAndItsFieldsAreNot() throws Exception {
        JsonNode root = Json.MAPPER.readTree(inChinese(() -> GradescopeResults.toJson(Samples.failing())));
        JsonNode english = Json.MAPPER.readTree(GradescopeResults.toJson(Samples.failing()));
        assertEquals(GradescopeResultsTest.TOP, GradescopeResultsTest.names(root));
        String summary = root.get("output").asText();
        assertTrue(summary.startsWith("得分：2/20。 另有 5 分由老师评分。 随机种子 " + Samples.SEED + "，"), summary);
        JsonNode tests = root.get("tests");
        for (int i = 0; i < tests.size(); i++) {
            assertEquals(english.get("tests").get(i).get("status"), tests.get(i).get("status"), "passed/failed are read");
            assertEquals("visible", tests.get(i).get("visibility").asText());
            assertEquals(english.get("tests").get(i).get("score"), tests.get(i).get("score"));
        }
        assertEquals("通过（oh.1）。", tests.get(0).get("output").asText());
        assertTrue(tests.get(1).get("output").asText().contains("你的代码输出了：\n<script>"));
        assertEquals("RnnCell.forward — 尚未实现\n\n你的代码输出了：\nstarting forward…\n", tests.get(2).get("output").asText());
        assertTrue(tests.get(4).get("output").asText().startsWith("已跳过：needs RnnCell.forward"));
        assertTrue(tests.get(5).get("output").asText().endsWith("\n这个检查项（5 分）由老师评分。"));
        assertEquals("RnnCell.forward — not implemented yet\n\nYour code printed:\nstarting forward…\n",
                english.get("tests").get(2).get("output").asText(), "and back in English from the same message");
    }

    @Test
    void junitXmlKeepsItsNamesAndExplainsInChinese() {
        String xml = inChinese(() -> JUnitXmlReport.toXml(Samples.compileError()));
        assertContainsAll(xml, List.of("name=\"rnn.carol\"", "<testcase classname=\"rnn.Submission\" name=\"load\"",
                "type=\"COMPILE_ERROR\"", "你提交的代码无法编译", "编译器信息："));
    }
}
