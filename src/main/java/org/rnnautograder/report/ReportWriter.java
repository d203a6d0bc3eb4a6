package org.rnnautograder.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.rnnautograder.fixtures.Json;
import org.rnnautograder.grading.SubmissionResult;

/**
 * Writes the reports to disk, each file atomically ({@link AtomicFiles}).
 *
 * <p>Per submission, in {@code <outDir>/<submission>/}: {@code results.json} (Gradescope), {@code junit.xml},
 * {@code feedback.md}, {@code feedback.html}, and last {@code result.json} (the {@link SubmissionResult} itself).
 * Because {@code result.json} is written last, its presence means the submission's reports are complete: an
 * interrupted batch asks {@link #finished} and skips those submissions instead of regrading them.
 *
 * <p>Per class, in {@code <outDir>/}: {@code grades.csv} and {@code report.html}.
 */
public final class ReportWriter {
    /** The file that holds the {@link SubmissionResult}, and marks a submission as done. */
    public static final String RESULT_FILE = "result.json";

    private ReportWriter() {}

    /**
     * Writes every per-submission report.
     *
     * @return the submission's folder
     * @throws IllegalArgumentException if the submission's name is not a single, plain folder name
     */
    public static Path writeSubmission(Path outDir, SubmissionResult r) throws IOException {
        Path dir = submissionDir(outDir, r.submission());
        AtomicFiles.write(dir.resolve("results.json"), GradescopeResults.toJson(r));
        AtomicFiles.write(dir.resolve("junit.xml"), JUnitXmlReport.toXml(r));
        AtomicFiles.write(dir.resolve("feedback.md"), FeedbackMarkdown.render(r));
        AtomicFiles.write(dir.resolve("feedback.html"), FeedbackHtml.render(r));
        AtomicFiles.write(dir.resolve(RESULT_FILE), Json.PRETTY.writeValueAsString(r) + "\n");
        return dir;
    }

    /** Writes {@code grades.csv} and {@code report.html} for the class, in the order given. */
    public static void writeClass(Path outDir, List<SubmissionResult> results) throws IOException {
        AtomicFiles.write(outDir.resolve("grades.csv"), GradesCsv.render(results));
        AtomicFiles.write(outDir.resolve("report.html"), ClassReportHtml.render(results));
    }

    /**
     * Reads a {@link SubmissionResult} back.
     *
     * @param path a {@code result.json} file, or a submission folder holding one
     */
    public static SubmissionResult readResult(Path path) throws IOException {
        Path file = Files.isDirectory(path) ? path.resolve(RESULT_FILE) : path;
        return Json.MAPPER.readValue(file.toFile(), SubmissionResult.class);
    }

    /** @return the submission's result when its reports were all written (a resumed batch skips it), else empty */
    public static Optional<SubmissionResult> finished(Path outDir, String submission) throws IOException {
        Path file = submissionDir(outDir, submission).resolve(RESULT_FILE);
        return Files.isRegularFile(file) ? Optional.of(readResult(file)) : Optional.empty();
    }

    /**
     * @return {@code outDir/submission}
     * @throws IllegalArgumentException unless {@code submission} names one folder directly inside {@code outDir}
     */
    public static Path submissionDir(Path outDir, String submission) {
        if (submission == null || submission.isBlank() || submission.equals(".") || submission.equals("..")
                || submission.indexOf('/') >= 0 || submission.indexOf('\\') >= 0 || submission.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("not a plain folder name for a submission: \"" + submission + "\"");
        }
        Path dir = outDir.resolve(submission);
        Path abs = dir.toAbsolutePath().normalize();
        if (!outDir.toAbsolutePath().normalize().equals(abs.getParent())) {
            throw new IllegalArgumentException("submission \"" + submission + "\" would be written outside " + outDir);
        }
        return dir;
    }
}
