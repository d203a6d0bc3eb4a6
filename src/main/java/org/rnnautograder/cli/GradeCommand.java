package org.rnnautograder.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.rnnautograder.batch.Shard;
import org.rnnautograder.grading.AutograderVersion;
import org.rnnautograder.grading.Grader;
import org.rnnautograder.grading.Rubric;
import org.rnnautograder.grading.SubmissionResult;
import org.rnnautograder.grading.SuiteRunner;
import org.rnnautograder.fixtures.Json;
import org.rnnautograder.report.AtomicFiles;
import org.rnnautograder.report.ReportWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Grades submissions in grading mode: each in a fresh trusted JVM that compiles it, runs it sandboxed and writes
 * its reports; then the class reports. An interrupted batch, run again, skips what is finished.
 */
@Command(name = "grade", mixinStandardHelpOptions = true,
        description = {"Grade submissions: per-submission results.json (Gradescope), junit.xml, feedback.md/html;",
                "per class grades.csv and report.html. Each SUBMISSION is a student repo (src/main/java …) or a folder",
                "holding one per subfolder."},
        footer = {"", "Exit codes: 0 graded (whatever the scores); 1 usage or input error; 2 internal error.",
                "Run again with the same --out to resume an interrupted batch (the batch's seed is kept in batch.json).",
                "Scale-out: run 'grade CLASS --seed S --shard I/N --out OUT_I' for I = 1 … N (e.g. in parallel CI jobs), then",
                "'merge OUT_1 … OUT_N --out DIR' for one grades.csv and report.html."})
public final class GradeCommand implements Runnable {
    @Parameters(paramLabel = "SUBMISSION", arity = "1..*", description = "Submission folders, or folders of submissions.")
    List<Path> submissions;

    @Mixin
    ReferenceOption reference;

    @Mixin
    LanguageOption lang;

    @Option(names = "--rubric", paramLabel = "FILE", description = "JSON {\"points\": {\"<check id>\": points}} overriding default points.")
    Path rubric;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "grades", description = "Output folder. Default: ${DEFAULT-VALUE}")
    Path out;

    @Option(names = "--seed", description = "Seed of every random input (default: the batch's seed if resuming, else a fresh one).")
    Long seed;

    @Option(names = "--jobs", defaultValue = "1", description = "Submissions graded at once. Default: ${DEFAULT-VALUE}")
    int jobs;

    @Option(names = "--timeout", defaultValue = "600", description = "Seconds allowed per submission. Default: ${DEFAULT-VALUE}")
    int timeoutSeconds;

    @Option(names = "--shard", paramLabel = "I/N", description = {"Grade only the I-th of N slices of the class (1-based; needs --seed):",
            "names sorted, dealt round-robin. grades.csv and report.html then cover this slice; join shards with 'merge'."})
    String shard;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** What makes earlier results reusable: same seed, autograder, fixtures, rubric and feedback language. */
    record Batch(long seed, String autograderVersion, String fixturesHash, String rubric, String language) {}

    @Override
    public void run() {
        PrintWriter w = spec.commandLine().getOut();
        String language = lang.apply().tag();
        if (jobs < 1) {
            throw new IllegalArgumentException("--jobs must be ≥ 1, but was " + jobs);
        }
        Rubric r = rubric == null ? Rubric.DEFAULTS : Rubric.read(rubric);
        SuiteRunner.validate(r);
        if (!Files.isDirectory(reference.dir)) {
            throw new IllegalArgumentException("reference solution folder " + reference.dir + " does not exist (pass --reference DIR)");
        }
        Map<String, Path> all = SubmissionFolders.expand(submissions);
        Shard slice = null;
        int classSize = all.size();
        if (shard != null) {
            slice = Shard.parse(shard);
            if (seed == null) {
                throw new IllegalArgumentException("--shard needs --seed N: every shard of a class must draw the same random"
                        + " inputs (any number will do, e.g. --seed " + (new SecureRandom().nextLong() & Long.MAX_VALUE) + ")");
            }
            all = slice.select(all);
        }
        Batch batch = batch(r, language);
        w.printf(Locale.ROOT, "grading %d submission%s%s into %s — seed %d (regrade with --seed %d), %d job%s%n", all.size(),
                all.size() == 1 ? "" : "s", slice == null ? "" : " (shard " + slice + " of a class of " + classSize + ")", out,
                batch.seed(), batch.seed(), jobs, jobs == 1 ? "" : "s");
        Progress progress = new Progress(w, all.size());
        ExecutorService pool = Executors.newFixedThreadPool(jobs);
        List<Future<SubmissionResult>> futures = new ArrayList<>();
        for (Map.Entry<String, Path> e : all.entrySet()) {
            futures.add(pool.submit(() -> {
                Graded g = gradeOrReuse(e.getKey(), e.getValue(), batch, progress);
                progress.done(g.result(), g.reused());
                return g.result();
            }));
        }
        pool.shutdown();
        List<SubmissionResult> results = new ArrayList<>();
        for (Future<SubmissionResult> f : futures) {
            try {
                results.add(f.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("grading failed: " + e.getCause(), e.getCause());
            }
        }
        progress.finish();
        try {
            ReportWriter.writeClass(out, results);
            if (slice != null) {
                AtomicFiles.write(out.resolve(Shard.FILE), Json.PRETTY.writeValueAsString(new Shard.Record(slice.index(),
                        slice.count(), List.copyOf(all.keySet()), batch.seed())) + "\n");
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("could not write the class reports into " + out, e);
        }
        w.println();
        w.printf("%-28s %-14s %9s%n", "submission", "status", "score");
        for (SubmissionResult res : results) {
            w.printf(Locale.ROOT, "%-28s %-14s %9s%n", res.submission(), res.status().name().toLowerCase(Locale.ROOT),
                    res.score() + "/" + res.maxScore());
        }
        w.println();
        w.println("class report: " + out.resolve("report.html").toAbsolutePath());
        w.println("gradebook:    " + out.resolve("grades.csv").toAbsolutePath());
        if (slice != null) {
            w.println("shard " + slice + ": the class reports cover this slice; join the shards with: merge OUT_1 … OUT_"
                    + slice.count() + " --out DIR");
        }
    }

    private Batch batch(Rubric r, String language) {
        Path file = out.resolve("batch.json");
        String rubricText = String.valueOf(r.points());
        Batch previous = null;
        if (Files.isRegularFile(file)) {
            try {
                previous = Json.MAPPER.readValue(file.toFile(), Batch.class);
            } catch (IOException e) {
                previous = null; // unreadable: start a new batch
            }
        }
        long s;
        if (seed != null) {
            s = seed;
        } else if (previous != null) {
            s = previous.seed();
        } else {
            s = new SecureRandom().nextLong() & Long.MAX_VALUE;
        }
        Batch batch = new Batch(s, AutograderVersion.current(), Grader.fixturesHash(), rubricText, language);
        try {
            AtomicFiles.write(file, Json.MAPPER.writeValueAsString(batch));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("could not write " + file, e);
        }
        return batch;
    }

    /** A submission's result, and whether it came from an earlier run of the same batch. */
    private record Graded(SubmissionResult result, boolean reused) {}

    private Graded gradeOrReuse(String name, Path dir, Batch batch, Progress progress) {
        Path marker = ReportWriter.submissionDir(out, name).resolve("batch.json");
        try {
            java.util.Optional<SubmissionResult> old = ReportWriter.finished(out, name);
            if (old.isPresent() && Files.isRegularFile(marker) && Json.MAPPER.readValue(marker.toFile(), Batch.class).equals(batch)) {
                return new Graded(old.get(), true);
            }
        } catch (IOException | RuntimeException e) {
            // unreadable or from another batch: grade again
        }
        progress.started(name);
        SubmissionResult result = gradeInChildJvm(name, dir, batch);
        try {
            AtomicFiles.write(marker, Json.MAPPER.writeValueAsString(batch));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("could not write " + marker, e);
        }
        return new Graded(result, false);
    }

    private SubmissionResult gradeInChildJvm(String name, Path dir, Batch batch) {
        Path subOut = out.resolve(name);
        try {
            Files.createDirectories(subOut);
            Files.deleteIfExists(subOut.resolve("result.json"));
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx1g", "-cp", System.getProperty("java.class.path"), Main.class.getName(), "grade-one",
                    "--reference", reference.dir.toAbsolutePath().toString(), "--out", out.toAbsolutePath().toString(),
                    "--seed", Long.toString(batch.seed()), "--name", name, "--lang", batch.language()));
            if (rubric != null) {
                cmd.add("--rubric");
                cmd.add(rubric.toAbsolutePath().toString());
            }
            cmd.add(dir.toAbsolutePath().toString());
            Path log = subOut.resolve("grader.log");
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                return internalError(name, batch, org.rnnautograder.i18n.Messages.text("grade.internal-error.timeout",
                        timeoutSeconds));
            }
            if (p.exitValue() != 0 || !Files.isRegularFile(subOut.resolve("result.json"))) {
                String tail = Files.readString(log, StandardCharsets.UTF_8).lines().reduce("", (a, b) -> b.isBlank() ? a : b);
                return internalError(name, batch, "the grader failed on this submission (exit " + p.exitValue() + "): "
                        + tail + " — see " + log);
            }
            return ReportWriter.readResult(subOut.resolve("result.json"));
        } catch (IOException e) {
            return internalError(name, batch, "could not run the grader: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return internalError(name, batch, "interrupted");
        }
    }

    private SubmissionResult internalError(String name, Batch batch, String message) {
        String m = org.rnnautograder.i18n.Messages.text("grade.internal-error", message);
        List<org.rnnautograder.grading.CheckResult> checks =
                SuiteRunner.allFailed(rubric == null ? Rubric.DEFAULTS : Rubric.read(rubric), m);
        SubmissionResult r = new SubmissionResult(name, SubmissionResult.Status.INTERNAL_ERROR, checks, Map.of(), Map.of(),
                List.of(), m, 0, checks.stream().mapToInt(c -> c.points()).sum(), 0, batch.seed(),
                batch.autograderVersion(), batch.fixturesHash(), "none (nothing ran)");
        try {
            ReportWriter.writeSubmission(out, r);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("could not write the reports of " + name, e);
        }
        return r;
    }

    /** A progress bar on a terminal; one plain line per submission otherwise. */
    static final class Progress {
        private final PrintWriter w;
        private final int total;
        private final AtomicInteger finished = new AtomicInteger();
        private final boolean terminal = System.console() != null;

        Progress(PrintWriter w, int total) {
            this.w = w;
            this.total = total;
        }

        synchronized void started(String name) {
            if (terminal) {
                bar(name);
            }
        }

        synchronized void done(SubmissionResult r, boolean reused) {
            int n = finished.incrementAndGet();
            if (terminal) {
                bar(r.submission());
                return;
            }
            w.printf(Locale.ROOT, "[%d/%d] %s: %d/%d%s%n", n, total, r.submission(), r.score(), r.maxScore(),
                    reused ? " (already graded, skipped)" : r.status() == SubmissionResult.Status.GRADED ? ""
                            : " (" + r.status().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")");
        }

        private void bar(String name) {
            int n = finished.get();
            int width = 30, filled = total == 0 ? width : n * width / total;
            w.printf(Locale.ROOT, "\r[%s%s] %d/%d %-30.30s", "#".repeat(filled), ".".repeat(width - filled), n, total, name);
            w.flush();
        }

        synchronized void finish() {
            if (terminal) {
                w.println();
            }
        }
    }
}
