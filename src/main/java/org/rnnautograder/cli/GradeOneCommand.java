package org.rnnautograder.cli;

import java.nio.file.Path;
import org.rnnautograder.grading.Grader;
import org.rnnautograder.grading.Rubric;
import org.rnnautograder.grading.SubmissionResult;
import org.rnnautograder.grading.TrustedSubmission;
import org.rnnautograder.report.ReportWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Internal: grades one submission in this JVM and writes its reports. {@code grade} runs it in a fresh JVM per
 * submission, so a grader failure on one submission cannot touch another.
 */
@Command(name = "grade-one", hidden = true, mixinStandardHelpOptions = true,
        description = "Internal: grade one submission in this JVM (used by 'grade').")
public final class GradeOneCommand implements Runnable {
    @Mixin
    ReferenceOption reference;

    @Mixin
    LanguageOption lang;

    @Option(names = "--rubric", paramLabel = "FILE")
    Path rubric;

    @Option(names = "--out", paramLabel = "DIR", required = true)
    Path out;

    @Option(names = "--seed", required = true)
    long seed;

    @Option(names = "--name", required = true)
    String name;

    @Parameters(paramLabel = "SUBMISSION")
    Path submission;

    @Override
    public void run() {
        lang.apply();
        Rubric r = rubric == null ? Rubric.DEFAULTS : Rubric.read(rubric);
        try (TrustedSubmission ref = TrustedSubmission.load(reference.dir)) {
            SubmissionResult result = new Grader(ref.submission(), r, Grader.defaultLimits()).grade(name, submission, seed);
            try {
                ReportWriter.writeSubmission(out, result);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("could not write the reports into " + out, e);
            }
        }
    }
}
