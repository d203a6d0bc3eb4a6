package org.rnnautograder.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.rnnautograder.grading.CheckResult;
import org.rnnautograder.grading.SubmissionResult;
import org.rnnautograder.report.ReportWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Benchmark: grade N copies of the demo submissions with {@code grade --jobs J}, then run {@code mvn -o test}
 * (student mode) in each copy one by one; compare the public points and print submissions per minute of each.
 * Needs Maven on the PATH and the autograder installed in the local repository ({@code mvn install}).
 */
@Command(name = "bench-grade", mixinStandardHelpOptions = true,
        description = {"Benchmark: 'grade --jobs J' on N copies of examples/ versus 'mvn -o test' in each copy one by one.",
                "Prints submissions per minute of each, their ratio, and whether the public scores agree.",
                "Needs 'mvn install' at the root first (student mode resolves the autograder from ~/.m2)."})
public final class BenchGradeCommand implements Runnable {
    @Mixin
    ReferenceOption reference;

    @Option(names = "--examples", paramLabel = "DIR", defaultValue = "examples", description = "Demo submissions to copy. Default: ${DEFAULT-VALUE}")
    Path examples;

    @Option(names = "--count", defaultValue = "30", description = "Submissions to grade. Default: ${DEFAULT-VALUE}")
    int count;

    @Option(names = "--jobs", defaultValue = "2", description = "grade --jobs. Default: ${DEFAULT-VALUE}")
    int jobs;

    @Option(names = "--seed", defaultValue = "1", description = "Grading seed. Default: ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--mvn", defaultValue = "mvn", description = "Maven command. Default: ${DEFAULT-VALUE}")
    String mvn;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private static final Pattern POINTS = Pattern.compile("(?m)^Points (\\d+)/(\\d+)$");

    @Override
    public void run() {
        PrintWriter w = spec.commandLine().getOut();
        try {
            Path work = Files.createTempDirectory("rnn-bench-grade-");
            List<Path> sources;
            try (Stream<Path> s = Files.list(examples)) {
                sources = s.filter(Files::isDirectory).sorted().toList();
            }
            if (sources.isEmpty()) {
                throw new IllegalArgumentException("no submissions in " + examples);
            }
            Path classDir = work.resolve("class");
            for (int i = 0; i < count; i++) {
                Path src = sources.get(i % sources.size());
                copy(src, classDir.resolve(String.format(Locale.ROOT, "%02d-%s", i + 1, src.getFileName())));
            }
            w.printf(Locale.ROOT, "%d submissions (copies of %d in %s) in %s%n", count, sources.size(), examples, classDir);

            long t0 = System.nanoTime();
            StringWriter gradeOut = new StringWriter();
            int code = Main.run(new String[] {"grade", classDir.toString(), "--out", work.resolve("grades").toString(),
                    "--seed", Long.toString(seed), "--jobs", Integer.toString(jobs), "--reference", reference.dir.toString()},
                    new PrintWriter(gradeOut, true), new PrintWriter(gradeOut, true));
            double gradeSeconds = (System.nanoTime() - t0) / 1e9;
            if (code != 0) {
                throw new IllegalStateException("grade failed (exit " + code + "):\n" + gradeOut);
            }

            Map<String, Integer> studentMode = new LinkedHashMap<>();
            long t1 = System.nanoTime();
            List<Path> subs;
            try (Stream<Path> s = Files.list(classDir)) {
                subs = s.sorted().toList();
            }
            for (Path sub : subs) {
                Process p = new ProcessBuilder(mvn, "-o", "-q", "test").directory(sub.toFile()).redirectErrorStream(true).start();
                String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                p.waitFor();
                Matcher m = POINTS.matcher(text);
                studentMode.put(sub.getFileName().toString(), m.find() ? Integer.parseInt(m.group(1)) : -1);
            }
            double mvnSeconds = (System.nanoTime() - t1) / 1e9;

            int agree = 0;
            List<String> disagree = new ArrayList<>();
            for (Map.Entry<String, Integer> e : studentMode.entrySet()) {
                SubmissionResult r = ReportWriter.readResult(work.resolve("grades").resolve(e.getKey()).resolve("result.json"));
                int publicPoints = r.checks().stream().filter(c -> !c.needsReference()).mapToInt(CheckResult::earned).sum();
                boolean same = r.status() == SubmissionResult.Status.COMPILE_ERROR ? e.getValue() == -1 : publicPoints == e.getValue();
                if (same) {
                    agree++;
                } else {
                    disagree.add(e.getKey() + " (grade: " + publicPoints + ", mvn test: " + e.getValue() + ")");
                }
            }
            double gradeRate = count / gradeSeconds * 60, mvnRate = count / mvnSeconds * 60;
            w.printf(Locale.ROOT, "grade --jobs %d: %.1f s, %.1f submissions/min%n", jobs, gradeSeconds, gradeRate);
            w.printf(Locale.ROOT, "mvn -o test one by one: %.1f s, %.1f submissions/min%n", mvnSeconds, mvnRate);
            w.printf(Locale.ROOT, "ratio grade / mvn: %.2f×%n", gradeRate / mvnRate);
            w.printf(Locale.ROOT, "public scores agree on %d of %d submissions (a submission that does not compile: no Points line in mvn, 0 in grade)%s%n",
                    agree, count, disagree.isEmpty() ? "" : "; differ: " + disagree);
            w.printf(Locale.ROOT, "machine: %d cores, Java %s%n", Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(from)) {
            files = walk.filter(Files::isRegularFile).filter(p -> !from.relativize(p).startsWith("target")).toList();
        }
        for (Path f : files) {
            Path target = to.resolve(from.relativize(f).toString());
            Files.createDirectories(target.getParent());
            Files.copy(f, target);
        }
    }
}
