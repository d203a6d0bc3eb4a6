package org.rnnautograder.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnautograder.fixtures.Json;
import org.rnnautograder.grading.SubmissionResult;

class ReportWriterTest {
    @Test
    void writesEveryFileAndNoTempFiles(@TempDir Path out) throws Exception {
        for (SubmissionResult r : Samples.all()) {
            Path dir = ReportWriter.writeSubmission(out, r);
            assertEquals(out.resolve(r.submission()), dir);
        }
        ReportWriter.writeClass(out, Samples.all());
        List<String> files = AtomicFilesTest.everything(out).stream().map(p -> out.relativize(p).toString()).toList();
        List<String> expected = new java.util.ArrayList<>(List.of("grades.csv", "report.html"));
        for (String s : List.of("alice", "bob, \"the builder\"", "carol")) {
            for (String f : List.of("feedback.html", "feedback.md", "junit.xml", "result.json", "results.json")) {
                expected.add(s + "/" + f);
            }
        }
        assertEquals(expected.stream().sorted().toList(), files.stream().sorted().toList());
    }

    @Test
    void resultReadsBackIncludingNaN(@TempDir Path out) throws Exception {
        SubmissionResult r = Samples.failing();
        Path dir = ReportWriter.writeSubmission(out, r);
        SubmissionResult back = ReportWriter.readResult(dir.resolve(ReportWriter.RESULT_FILE));
        assertEquals(Json.PRETTY.writeValueAsString(r), Json.PRETTY.writeValueAsString(back));
        assertEquals(r.checks(), back.checks());
        assertEquals(r.outputs(), back.outputs());
        assertTrue(Double.isNaN(back.evidence().get("rnn.train").get("loss")[3]));
        assertEquals(r.submission(), ReportWriter.readResult(dir).submission(), "a folder works too");
    }

    @Test
    void finishedMarksResumableWork(@TempDir Path out) throws Exception {
        assertTrue(ReportWriter.finished(out, "alice").isEmpty());
        ReportWriter.writeSubmission(out, Samples.passing());
        assertEquals(25, ReportWriter.finished(out, "alice").orElseThrow().score());
        Files.delete(out.resolve("alice").resolve(ReportWriter.RESULT_FILE)); // as if interrupted before the last file
        assertTrue(ReportWriter.finished(out, "alice").isEmpty());
    }

    @Test
    void submissionNamesCannotEscapeTheOutputFolder(@TempDir Path out) {
        for (String bad : List.of("..", ".", "", "a/b", "../x", "a\\b", "x\0y")) {
            assertThrows(IllegalArgumentException.class, () -> ReportWriter.submissionDir(out, bad), bad);
        }
        assertEquals(out.resolve("ok name, 中文"), ReportWriter.submissionDir(out, "ok name, 中文"));
    }

    @Test
    void rewritingIsByteIdentical(@TempDir Path out) throws Exception {
        ReportWriter.writeClass(out.resolve("1"), Samples.all());
        ReportWriter.writeClass(out.resolve("2"), Samples.all());
        for (String f : List.of("grades.csv", "report.html")) {
            assertEquals(Files.readString(out.resolve("1").resolve(f)), Files.readString(out.resolve("2").resolve(f)));
        }
    }
}
