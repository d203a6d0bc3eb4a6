package org.rnnautograder.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.rnnautograder.fixtures.Json;
import org.rnnautograder.grading.CheckResult;
import org.rnnautograder.grading.SubmissionResult;
import org.rnnautograder.report.AtomicFiles;
import org.rnnautograder.report.ReportWriter;

/**
 * Joins the output folders of several {@code grade} runs (typically {@code grade --shard i/n}): copies every
 * finished submission folder (one holding {@code result.json}) into the output, then writes one {@code grades.csv}
 * and {@code report.html} over all of them, sorted by submission name — the order {@code grade CLASS_FOLDER} uses.
 *
 * <p>A submission found in more than one input must be the same grading: the same seed and the same result apart
 * from the execution time; otherwise merging stops. When the inputs hold {@link Shard#FILE} records, every shard of
 * {@code 1 … n} must be there.
 */
public final class ShardMerger {
    private ShardMerger() {}

    /** What a merge did. */
    public record Merged(List<SubmissionResult> results, int duplicates, List<String> notes) {}

    /**
     * @param inputs output folders of {@code grade}
     * @param out    a new or empty folder
     * @throws IllegalArgumentException for a missing input, a non-empty output, conflicting duplicates, a missing shard
     */
    public static Merged merge(List<Path> inputs, Path out) throws IOException {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("nothing to merge: name at least one output folder of grade");
        }
        if (Files.exists(out)) {
            try (Stream<Path> s = Files.list(out)) {
                if (s.findAny().isPresent()) {
                    throw new IllegalArgumentException("--out " + out + " is not empty: merge into a new or empty folder");
                }
            }
        }
        List<String> notes = new ArrayList<>();
        checkShards(inputs, notes);
        Map<String, Path> from = new TreeMap<>();
        Map<String, SubmissionResult> results = new TreeMap<>();
        int duplicates = 0;
        for (Path in : inputs) {
            if (!Files.isDirectory(in)) {
                throw new IllegalArgumentException("output folder " + in + " does not exist or is not a folder");
            }
            int found = 0;
            List<Path> dirs;
            try (Stream<Path> s = Files.list(in)) {
                dirs = s.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
            }
            for (Path dir : dirs) {
                if (!Files.isRegularFile(dir.resolve(ReportWriter.RESULT_FILE))) {
                    notes.add(dir + " has no " + ReportWriter.RESULT_FILE + " (unfinished or not a submission): skipped");
                    continue;
                }
                SubmissionResult r = ReportWriter.readResult(dir);
                String name = dir.getFileName().toString();
                if (!name.equals(r.submission())) {
                    throw new IllegalArgumentException(dir + " holds the result of \"" + r.submission() + "\", not of \"" + name + "\"");
                }
                found++;
                SubmissionResult seen = results.get(name);
                if (seen != null) {
                    if (seen.seed() != r.seed()) {
                        throw new IllegalArgumentException("conflicting results for " + name + ": graded with seed " + seen.seed()
                                + " in " + from.get(name).getParent() + " and with seed " + r.seed() + " in " + in
                                + " — grade every shard with the same --seed, or remove one of them");
                    }
                    if (!sameApartFromTime(seen, r)) {
                        throw new IllegalArgumentException("conflicting results for " + name + " (same seed " + r.seed() + "): "
                                + seen.score() + "/" + seen.maxScore() + " in " + from.get(name).getParent() + " but " + r.score()
                                + "/" + r.maxScore() + " in " + in + " (another autograder version or rubric?) — remove one of them");
                    }
                    duplicates++;
                    continue;
                }
                results.put(name, r);
                from.put(name, dir);
            }
            if (found == 0) {
                notes.add(in + " holds no graded submission");
            }
        }
        Files.createDirectories(out);
        for (Map.Entry<String, Path> e : from.entrySet()) {
            copyTree(e.getValue(), ReportWriter.submissionDir(out, e.getKey()));
        }
        List<SubmissionResult> all = new ArrayList<>(results.values());
        ReportWriter.writeClass(out, all);
        copyBatch(inputs, out, notes);
        return new Merged(all, duplicates, notes);
    }

    /** @return whether two results are the same grading, ignoring the execution times (whole and per check) */
    public static boolean sameApartFromTime(SubmissionResult a, SubmissionResult b) {
        try {
            return Json.MAPPER.valueToTree(withoutTime(a)).equals(Json.MAPPER.valueToTree(withoutTime(b)));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static SubmissionResult withoutTime(SubmissionResult r) {
        List<CheckResult> checks = r.checks().stream().map(c -> c.withSeconds(0)).toList();
        return new SubmissionResult(r.submission(), r.status(), checks, r.outputs(), r.evidence(), r.compileErrors(),
                r.message(), r.score(), r.maxScore(), 0, r.seed(), r.autograderVersion(), r.fixturesHash(), r.isolation());
    }

    private static void checkShards(List<Path> inputs, List<String> notes) throws IOException {
        Integer of = null;
        Long seed = null;
        TreeSet<Integer> present = new TreeSet<>();
        for (Path in : inputs) {
            Path f = in.resolve(Shard.FILE);
            if (!Files.isRegularFile(f)) {
                continue;
            }
            Shard.Record rec = Json.MAPPER.readValue(f.toFile(), Shard.Record.class);
            if (of != null && of != rec.of()) {
                throw new IllegalArgumentException(in + " is shard " + rec.shard() + "/" + rec.of() + ", but another input is one of "
                        + of + " shards: merge the shards of one split");
            }
            if (seed != null && seed != rec.seed()) {
                throw new IllegalArgumentException(in + " was graded with seed " + rec.seed() + ", another shard with seed " + seed
                        + ": grade every shard with the same --seed");
            }
            of = rec.of();
            seed = rec.seed();
            present.add(rec.shard());
        }
        if (of != null) {
            List<Integer> missing = new ArrayList<>();
            for (int i = 1; i <= of; i++) {
                if (!present.contains(i)) {
                    missing.add(i);
                }
            }
            if (!missing.isEmpty()) {
                final int n = of;
                throw new IllegalArgumentException("missing shard" + (missing.size() == 1 ? " " : "s ")
                        + String.join(", ", missing.stream().map(k -> k + "/" + n).toList()) + ": merge the outputs of every shard"
                        + " (found " + present + " of " + n + ")");
            }
        }
    }

    private static void copyBatch(List<Path> inputs, Path out, List<String> notes) throws IOException {
        byte[] first = null;
        for (Path in : inputs) {
            Path f = in.resolve("batch.json");
            if (Files.isRegularFile(f)) {
                byte[] b = Files.readAllBytes(f);
                if (first != null && !Arrays.equals(first, b)) {
                    notes.add("the inputs' batch.json differ (seed, autograder, fixtures or rubric): none copied");
                    return;
                }
                first = b;
            }
        }
        if (first != null) {
            AtomicFiles.write(out.resolve("batch.json"), new String(first, java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.sorted().toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(t);
                } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    Files.copy(p, t, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
