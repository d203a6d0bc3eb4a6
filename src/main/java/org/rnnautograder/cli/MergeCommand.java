package org.rnnautograder.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.rnnautograder.batch.ShardMerger;
import org.rnnautograder.grading.SubmissionResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Joins the outputs of several grade runs (shards) into one. */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = {"Join the output folders of 'grade' runs (typically 'grade --shard I/N') into DIR: every graded",
                "submission's folder is copied, then one grades.csv and report.html are written over all of them",
                "(sorted by submission name, as 'grade CLASS_FOLDER' orders them)."},
        footer = {"", "A submission in several inputs must be the same grading (same seed and result, apart from the time);",
                "shards written by 'grade --shard' must all be there. Exit codes: 0 merged; 1 usage or input error."})
public final class MergeCommand implements Runnable {
    @Parameters(paramLabel = "OUT_DIR", arity = "1..*", description = "Output folders of grade.")
    List<Path> inputs;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "A new or empty folder.")
    Path out;

    @picocli.CommandLine.Mixin
    LanguageOption lang;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        PrintWriter w = spec.commandLine().getOut();
        lang.apply();
        ShardMerger.Merged m;
        try {
            m = ShardMerger.merge(inputs, out);
        } catch (IOException e) {
            throw new UncheckedIOException("could not merge into " + out + ": " + e.getMessage(), e);
        }
        for (String note : m.notes()) {
            w.println("note: " + note);
        }
        w.printf(Locale.ROOT, "merged %d submission%s from %d folder%s into %s%s%n", m.results().size(),
                m.results().size() == 1 ? "" : "s", inputs.size(), inputs.size() == 1 ? "" : "s", out,
                m.duplicates() == 0 ? "" : " (" + m.duplicates() + " identical duplicate" + (m.duplicates() == 1 ? "" : "s") + " skipped)");
        for (SubmissionResult r : m.results()) {
            w.printf(Locale.ROOT, "%-28s %-14s %9s%n", r.submission(), r.status().name().toLowerCase(Locale.ROOT),
                    r.score() + "/" + r.maxScore());
        }
        w.println("class report: " + out.resolve("report.html").toAbsolutePath());
        w.println("gradebook:    " + out.resolve("grades.csv").toAbsolutePath());
    }
}
