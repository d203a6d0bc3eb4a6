package org.rnnautograder.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnautograder.cli.Main;
import org.rnnautograder.fixtures.Json;

/** {@code grade --shard i/n} and {@code merge}: two shards merged equal one run with the same seed. */
class ShardMergeTest {
    private static final Path ROOT = Paths.get(System.getProperty("basedir", "")).toAbsolutePath();
    private static final List<String> CLASS = List.of("does-not-compile", "loss-averaged", "softmax-without-max");

    record Cli(int code, String out, String err) {}

    static Cli cli(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Cli(code, out.toString(), err.toString());
    }

    @Test
    void slicesAreStableSortedAndRoundRobin() {
        Map<String, Integer> all = new LinkedHashMap<>();
        for (String n : List.of("e", "b", "a", "d", "c")) {
            all.put(n, n.charAt(0) - 'a');
        }
        assertEquals(List.of("a", "c", "e"), List.copyOf(Shard.parse("1/2").select(all).keySet()));
        assertEquals(List.of("b", "d"), List.copyOf(Shard.parse(" 2 / 2 ").select(all).keySet()));
        assertEquals(List.of("a", "b", "c", "d", "e"), List.copyOf(Shard.parse("1/1").select(all).keySet()));
        assertEquals(List.of(), List.copyOf(Shard.parse("7/7").select(all).keySet()));
        for (String bad : List.of("0/2", "3/2", "2", "a/b", "1/0", "-1/2")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Shard.parse(bad), bad);
            assertTrue(e.getMessage().contains("--shard must be I/N"), e.getMessage());
        }
    }

    @Test
    void helpAndUsageErrors(@TempDir Path tmp) {
        assertEquals(0, cli("merge", "--help").code());
        assertTrue(cli("grade", "--help").out().contains("--shard"));
        Cli noSeed = cli("grade", "examples/loss-averaged", "--shard", "1/2", "--out", tmp.resolve("o").toString());
        assertEquals(Main.USAGE, noSeed.code());
        assertTrue(noSeed.err().contains("--shard needs --seed"), noSeed.err());
        Cli badShard = cli("grade", "examples/loss-averaged", "--shard", "3/2", "--seed", "1");
        assertEquals(Main.USAGE, badShard.code());
        assertTrue(badShard.err().contains("1 ≤ I ≤ N"), badShard.err());
        Cli noInput = cli("merge", tmp.resolve("nothing").toString(), "--out", tmp.resolve("m").toString());
        assertEquals(Main.USAGE, noInput.code());
        assertTrue(noInput.err().contains("does not exist"), noInput.err());
        assertEquals(Main.USAGE, cli("merge", tmp.toString()).code(), "--out is required");
    }

    @Test
    void twoShardsMergedEqualOneRun(@TempDir Path tmp) throws IOException {
        Path klass = Files.createDirectories(tmp.resolve("class"));
        for (String name : CLASS) {
            copyTree(ROOT.resolve("examples").resolve(name), klass.resolve(name));
        }
        String seed = "20240611";
        Path single = tmp.resolve("single"), s1 = tmp.resolve("shard1"), s2 = tmp.resolve("shard2"), merged = tmp.resolve("merged");
        Cli one = cli("grade", klass.toString(), "--seed", seed, "--jobs", "2", "--out", single.toString());
        assertEquals(0, one.code(), one.err() + one.out());
        Cli a = cli("grade", klass.toString(), "--seed", seed, "--jobs", "2", "--shard", "1/2", "--out", s1.toString());
        assertEquals(0, a.code(), a.err() + a.out());
        assertTrue(a.out().contains("(shard 1/2 of a class of 3)"), a.out());
        // shard 2 lists the submissions in another order: the slice does not depend on it
        Cli b = cli("grade", klass.resolve("softmax-without-max").toString(), klass.resolve("loss-averaged").toString(),
                klass.resolve("does-not-compile").toString(), "--seed", seed, "--shard", "2/2", "--out", s2.toString());
        assertEquals(0, b.code(), b.err() + b.out());

        assertEquals(List.of("does-not-compile", "softmax-without-max"), submissionsIn(s1));
        assertEquals(List.of("loss-averaged"), submissionsIn(s2));
        assertEquals(2, Files.readString(s1.resolve("grades.csv")).lines().count() - 1, "shard 1's class reports cover its slice");

        Cli missing = cli("merge", s1.toString(), "--out", merged.toString());
        assertEquals(Main.USAGE, missing.code());
        assertTrue(missing.err().contains("missing shard 2/2"), missing.err());

        Cli m = cli("merge", s1.toString(), s2.toString(), "--out", merged.toString());
        assertEquals(0, m.code(), m.err() + m.out());
        assertEquals(Files.readString(single.resolve("grades.csv")), Files.readString(merged.resolve("grades.csv")));
        assertTrue(Files.isRegularFile(merged.resolve("report.html")));
        assertEquals(CLASS, submissionsIn(merged));
        for (String name : CLASS) {
            for (String file : List.of("results.json", "junit.xml", "feedback.md", "feedback.html", "result.json")) {
                assertTrue(Files.isRegularFile(merged.resolve(name).resolve(file)), name + "/" + file);
            }
            assertEquals(withoutTime(single.resolve(name).resolve("results.json"), "execution_time"),
                    withoutTime(merged.resolve(name).resolve("results.json"), "execution_time"), name + "/results.json");
            assertEquals(withoutTime(single.resolve(name).resolve("result.json"), "executionSeconds"),
                    withoutTime(merged.resolve(name).resolve("result.json"), "executionSeconds"), name + "/result.json");
        }

        // a duplicate that is the same grading is fine; one with another seed is refused
        Cli dup = cli("merge", single.toString(), s1.toString(), s2.toString(), "--out", tmp.resolve("merged-dup").toString());
        assertEquals(0, dup.code(), dup.err());
        assertTrue(dup.out().contains("3 identical duplicates skipped"), dup.out());
        Path other = tmp.resolve("other-seed");
        copyTree(s2, other);
        Files.delete(other.resolve(Shard.FILE));
        Path result = other.resolve("loss-averaged/result.json");
        ObjectNode r = (ObjectNode) Json.MAPPER.readTree(result.toFile());
        r.put("seed", 99L);
        Files.writeString(result, Json.MAPPER.writeValueAsString(r));
        Cli conflict = cli("merge", s1.toString(), s2.toString(), other.toString(), "--out", tmp.resolve("merged-conflict").toString());
        assertEquals(Main.USAGE, conflict.code());
        assertTrue(conflict.err().contains("conflicting results for loss-averaged") && conflict.err().contains("seed 99"), conflict.err());
        Cli notEmpty = cli("merge", s1.toString(), s2.toString(), "--out", merged.toString());
        assertEquals(Main.USAGE, notEmpty.code());
        assertTrue(notEmpty.err().contains("not empty"), notEmpty.err());
    }

    private static JsonNode withoutTime(Path file, String field) throws IOException {
        ObjectNode n = (ObjectNode) Json.MAPPER.readTree(file.toFile());
        assertFalse(n.path(field).isMissingNode(), field + " in " + file);
        n.remove(field);
        for (JsonNode check : n.path("checks")) { // result.json: each check's own time, too
            ((ObjectNode) check).remove("seconds");
        }
        return n;
    }

    private static List<String> submissionsIn(Path out) throws IOException {
        try (Stream<Path> s = Files.list(out)) {
            return s.filter(p -> Files.isRegularFile(p.resolve("result.json"))).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.sorted().toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }
}
