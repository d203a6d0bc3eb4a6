package org.rnnautograder.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.rnnautograder.i18n.Language;
import org.rnnautograder.i18n.Messages;

/**
 * Renders feedback.html and report.html in headless Chromium, in English and in Chinese: the DOM it builds holds the
 * SVG charts, the score and the headings, and a screenshot is taken (copied to target/report-preview/ for a human to
 * look at). Skipped where /usr/bin/chromium is not installed (Debian: apt-get install chromium).
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ChromiumRenderTest {
    /** The browser; -Dchromium.path=... overrides (e.g. to check the skip path). */
    static final Path CHROMIUM = Path.of(System.getProperty("chromium.path", "/usr/bin/chromium"));
    static final long PROCESS_TIMEOUT_SECONDS = 90;

    @TempDir
    static Path work;
    static Path out;
    /** The same reports, written in Chinese. */
    static Path outZh;

    @BeforeAll
    static void writeReports() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM),
                "headless-browser check skipped: " + CHROMIUM + " is not installed (apt-get install chromium)");
        out = work.resolve("reports");
        for (var r : Samples.all()) {
            ReportWriter.writeSubmission(out, r);
        }
        ReportWriter.writeClass(out, Samples.all());
        outZh = work.resolve("reports-zh");
        Language before = Messages.use(Language.ZH);
        try {
            for (var r : Samples.all()) {
                ReportWriter.writeSubmission(outZh, r);
            }
            ReportWriter.writeClass(outZh, Samples.all());
        } finally {
            Messages.use(before);
        }
    }

    /** Runs Chromium headless on {@code page} with {@code mode} ("--dump-dom" or "--screenshot=..."); returns stdout. */
    static String chromium(Path page, String mode, String name) throws Exception {
        Path profile = Files.createTempDirectory(work, "profile-");
        Path stdout = work.resolve(name + ".out"), stderr = work.resolve(name + ".err");
        List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--hide-scrollbars", "--user-data-dir=" + profile, "--window-size=1200,1600", mode,
                page.toUri().toString()));
        Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!p.waitFor(PROCESS_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("chromium did not finish within " + PROCESS_TIMEOUT_SECONDS + " s: " + cmd);
        }
        assertEquals(0, p.exitValue(), () -> "chromium failed: " + cmd + "\n" + read(stderr));
        return Files.readString(stdout);
    }

    static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    static int count(String s, String needle) {
        return FeedbackHtmlTest.count(s, needle);
    }

    static void screenshot(Path page, String name) throws Exception {
        Path png = work.resolve(name + ".png");
        chromium(page, "--screenshot=" + png, name + "-shot");
        byte[] bytes = Files.readAllBytes(png);
        assertTrue(bytes.length > 10_000, "a real screenshot, not an empty page: " + bytes.length + " bytes");
        assertEquals((byte) 0x89, bytes[0]);
        assertEquals('P', bytes[1]);
        Path preview = Path.of("target", "report-preview");
        if (Files.isDirectory(Path.of("target"))) {
            Files.createDirectories(preview);
            Files.copy(png, preview.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void feedbackPageRendersWithItsPlotsAndScore() throws Exception {
        Path page = out.resolve(Samples.BOB).resolve("feedback.html");
        String dom = chromium(page, "--dump-dom", "feedback-dom");
        assertEquals(2, count(dom, "<svg"), dom);
        assertTrue(dom.contains("Score: 2/20"), dom);
        assertTrue(dom.contains("BPTT gradient error by sequence length T") && dom.contains("your training loss per epoch"));
        assertTrue(dom.contains("&lt;script&gt;alert"), "the student's <script> is text in the DOM");
        assertEquals(0, count(dom.toLowerCase(), "<script"), "and not an element");
        assertTrue(dom.contains("你好，世界"), "UTF-8 decoded as such");
        screenshot(page, "feedback");
    }

    @Test
    void classReportRendersWithHistogramAndLinks() throws Exception {
        Path page = out.resolve("report.html");
        String dom = chromium(page, "--dump-dom", "report-dom");
        assertEquals(1, count(dom, "<svg"), dom);
        assertTrue(dom.contains("score histogram") && dom.contains("<dd>9 / 25</dd>") && dom.contains("25/25"), dom);
        assertTrue(dom.contains("href=\"bob%2C%20%22the%20builder%22/feedback.html\""), dom);
        assertTrue(Files.isRegularFile(out.resolve(Samples.BOB).resolve("feedback.html")), "the link's target exists");
        screenshot(page, "report");
    }

    @Test
    void chineseFeedbackPageRendersWithChineseHeadings() throws Exception {
        Path page = outZh.resolve(Samples.BOB).resolve("feedback.html");
        String dom = chromium(page, "--dump-dom", "feedback-zh-dom");
        assertTrue(dom.contains("<html lang=\"zh-CN\">"), dom);
        assertEquals(2, count(dom, "<svg"), dom);
        for (String s : List.of("循环神经网络作业 — bob, \"the builder\" 的反馈", "得分：2/20", "各组件得分", "需要修改的地方",
                "尚未实现", "已跳过", "全部检查项", "BPTT 梯度误差随序列长度 T 的变化", "你的每轮训练损失", "你好，世界")) {
            assertTrue(dom.contains(s), () -> s + " in\n" + dom);
        }
        assertFalse(dom.contains("What to fix") || dom.contains("Score by component"), "no English heading left");
        screenshot(page, "feedback-zh");
    }

    @Test
    void chineseClassReportRendersWithChineseHeadings() throws Exception {
        Path page = outZh.resolve("report.html");
        String dom = chromium(page, "--dump-dom", "report-zh-dom");
        assertTrue(dom.contains("<html lang=\"zh-CN\">"), dom);
        assertEquals(1, count(dom, "<svg"), dom);
        for (String s : List.of("循环神经网络作业 — 全班报告", "<dd>9 / 25</dd>", "分数分布", "各检查项（最难的在前）", "全部提交",
                "25/25", "href=\"bob%2C%20%22the%20builder%22/feedback.html\"")) {
            assertTrue(dom.contains(s), () -> s + " in\n" + dom);
        }
        screenshot(page, "report-zh");
    }
}
