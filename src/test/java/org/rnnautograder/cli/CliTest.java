package org.rnnautograder.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: exit codes, --help, clear errors, the train and grade jobs end to end. */
class CliTest {
    record Outcome(int code, String out, String err) {}

    static Outcome run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Outcome(code, out.toString(), err.toString());
    }

    @Test
    void helpOnEveryCommandExitsZero() {
        for (String cmd : List.of("grade", "train", "bench-train", "fixtures", "export-template", "gradescope-package", "merge")) {
            Outcome o = run(cmd, "--help");
            assertEquals(0, o.code(), cmd);
            assertTrue(o.out().contains("Usage:"), o.out());
        }
        assertTrue(run("--help").out().contains("Exit codes"));
    }

    @Test
    void usageErrorsExitOneWithAMessageAndNoStackTrace() {
        Outcome unknown = run("train", "--no-such-option");
        assertEquals(Main.USAGE, unknown.code());
        assertTrue(unknown.err().contains("Unknown option"), unknown.err());
        Outcome badValue = run("train", "--hidden", "0");
        assertEquals(Main.USAGE, badValue.code());
        assertTrue(badValue.err().contains("hiddenSize n must be ≥ 1, but was 0"), badValue.err());
        assertFalse(badValue.err().contains("\tat "), "no stack trace: " + badValue.err());
        Outcome noCorpus = run("train", "--corpus", "/no/such/corpus.txt");
        assertEquals(Main.USAGE, noCorpus.code());
        assertTrue(noCorpus.err().contains("/no/such/corpus.txt"), noCorpus.err());
        Outcome noSubmission = run("grade", "/no/such/submission");
        assertEquals(Main.USAGE, noSubmission.code());
        assertTrue(noSubmission.err().contains("/no/such/submission"), noSubmission.err());
    }

    @Test
    void trainPrintsAFallingLossAndCompletions(@TempDir Path dir) throws Exception {
        Path corpus = dir.resolve("corpus.txt");
        Files.writeString(corpus, "# two sentences\nthe moon shone on the sea.\n今天天气很好。\n");
        Outcome o = run("train", "--corpus", corpus.toString(), "--hidden", "24", "--epochs", "120", "--every", "40",
                "--prefix", "the m", "--prefix", "今");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("epoch  120  loss per token"), o.out());
        assertTrue(o.out().contains("the m → the moon shone on the sea."), o.out());
        assertTrue(o.out().contains("今 → 今天天气很好。"), o.out());
    }

    @Test
    void aBadRubricIsAUsageError(@TempDir Path dir) throws Exception {
        Path rubric = dir.resolve("rubric.json");
        Files.writeString(rubric, "{\"points\": {\"no.such.check\": 3}}");
        Outcome o = run("grade", "examples/loss-averaged", "--rubric", rubric.toString(), "--out", dir.resolve("out").toString());
        assertEquals(Main.USAGE, o.code());
        assertTrue(o.err().contains("no.such.check"), o.err());
        Files.writeString(rubric, "{\"points\": {\"onehot.bad-input\": -1}}");
        assertEquals(Main.USAGE, run("grade", "examples/loss-averaged", "--rubric", rubric.toString()).code());
    }

    @Test
    void gradeWritesEveryReportAndResumesWithoutRegrading(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("grades");
        Path rubric = dir.resolve("rubric.json");
        Files.writeString(rubric, "{\"points\": {\"crossentropy.sequence-loss\": 11}}");
        Outcome first = run("grade", "examples/loss-averaged", "examples/does-not-compile", "--out", out.toString(),
                "--seed", "7", "--rubric", rubric.toString(), "--jobs", "2");
        assertEquals(0, first.code(), first.err() + first.out());
        for (String name : List.of("loss-averaged", "does-not-compile")) {
            for (String file : List.of("results.json", "junit.xml", "feedback.md", "feedback.html", "result.json")) {
                assertTrue(Files.isRegularFile(out.resolve(name).resolve(file)), name + "/" + file);
            }
        }
        assertTrue(Files.isRegularFile(out.resolve("grades.csv")) && Files.isRegularFile(out.resolve("report.html")));
        String csv = Files.readString(out.resolve("grades.csv"));
        assertTrue(csv.contains("loss-averaged,GRADED,") && csv.contains("does-not-compile,COMPILE_ERROR,"), csv);
        assertTrue(first.out().contains("loss-averaged") && first.out().contains("/110"), "the rubric adds 10 points: " + first.out());

        long before = Files.getLastModifiedTime(out.resolve("loss-averaged/results.json")).toMillis();
        Outcome again = run("grade", "examples/loss-averaged", "examples/does-not-compile", "--out", out.toString(),
                "--rubric", rubric.toString());
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("seed 7"), "the batch's seed is kept: " + again.out());
        assertTrue(again.out().contains("already graded, skipped"), again.out());
        assertEquals(before, Files.getLastModifiedTime(out.resolve("loss-averaged/results.json")).toMillis());
    }

    @Test
    void langChoosesTheFeedbackLanguageAndAnotherLanguageRegrades(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("grades");
        Outcome zh = run("grade", "examples/loss-averaged", "--out", out.toString(), "--seed", "7", "--lang", "zh");
        assertEquals(0, zh.code(), zh.err() + zh.out());
        String md = Files.readString(out.resolve("loss-averaged/feedback.md"));
        assertTrue(md.codePoints().filter(c -> c >= 0x4E00 && c <= 0x9FFF).count() > 50, md);
        String json = Files.readString(out.resolve("loss-averaged/results.json"));
        assertTrue(json.contains("CrossEntropy — ") && json.codePoints().anyMatch(c -> c >= 0x4E00 && c <= 0x9FFF), json);
        assertEquals(org.rnnautograder.i18n.Language.EN, org.rnnautograder.i18n.Messages.language(),
                "--lang holds for its own run only");

        Outcome en = run("grade", "examples/loss-averaged", "--out", out.toString(), "--lang", "en");
        assertEquals(0, en.code(), en.err() + en.out());
        assertFalse(en.out().contains("already graded, skipped"), "a result in another language is graded again: " + en.out());
        String english = Files.readString(out.resolve("loss-averaged/feedback.md"));
        assertTrue(english.contains("## What to fix"), english);
    }

    @Test
    void anUnknownLanguageIsAUsageErrorNamingTheChoices() {
        Outcome o = run("grade", "examples/loss-averaged", "--lang", "fr");
        assertEquals(Main.USAGE, o.code());
        assertTrue(o.err().contains("'fr'") && o.err().contains("en") && o.err().contains("zh"), o.err());
        assertFalse(o.err().contains("at org."), "no stack trace: " + o.err());
    }

    @Test
    void messagePrintsACatalogueEntryInEitherLanguage() {
        Outcome en = run("message", "--lang", "en", "grade.internal-error.timeout", "540");
        assertEquals(0, en.code(), en.err());
        assertEquals("grading took longer than 540 s and was stopped", en.out().strip());
        Outcome zh = run("message", "--lang", "zh", "grade.internal-error.timeout", "540");
        assertEquals("评分用时超过 540 秒，已被终止", zh.out().strip());
        Outcome missing = run("message", "no.such.key");
        assertEquals(Main.USAGE, missing.code());
        assertTrue(missing.err().contains("no.such.key"), missing.err());
    }
}
