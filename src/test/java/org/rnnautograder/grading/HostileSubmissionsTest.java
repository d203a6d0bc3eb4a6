package org.rnnautograder.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.rnnautograder.fixtures.Json;
import org.rnnautograder.report.ReportWriter;
import org.rnnautograder.sandbox.SandboxLimits;

/**
 * Hostile submissions in grading mode. Each is the reference solution with ONE method of ONE component patched to do
 * something hostile (exit, hang, exhaust memory or the stack, print fake results, write or read where it must not,
 * leave threads and processes behind, mutate its inputs, return NaN). For each: grading returns normally, the score
 * never exceeds the reference's, the patched component loses points (where the hostile thing is wrong at all), an
 * unrelated component keeps its points, the failing check says why in a student's words, and a correct submission
 * graded right after in the same JVM still gets the reference's full score. A table of the outcomes is printed at the
 * end.
 */
@TestMethodOrder(MethodOrderer.MethodName.class)
class HostileSubmissionsTest {
    private static final long SEED = 7_2026_11_26L;
    private static final Path REFERENCE_DIR = Path.of("reference-solutions").toAbsolutePath();
    private static final Path REFERENCE_SOURCE =
            REFERENCE_DIR.resolve("src/main/java/submission/OneHotEncoder.java").toAbsolutePath();
    private static final String SRC = "src/main/java/submission/";
    /** Marks the processes a hostile submission starts, so that only ours are looked for. */
    private static final String NONCE = String.format(Locale.ROOT, "%09d", ThreadLocalRandom.current().nextInt(1_000_000_000));

    /**
     * Short deadlines so that a hang costs 1.5 s per call instead of 5 (training 6 s instead of 15); a smaller heap
     * so that the allocation bomb hits the wall sooner. The reference passes comfortably within both.
     */
    private static final SandboxLimits LIMITS = Grader.defaultLimits()
            .withCallTimeout(Duration.ofMillis(1500))
            .withMethodTimeouts(Map.of("LanguageModel.train", Duration.ofSeconds(6)))
            .withHeapMb(128);

    private static TrustedSubmission reference;
    private static Grader grader;
    private static SubmissionResult referenceResult;
    private static final Map<String, Row> TABLE = Collections.synchronizedMap(new LinkedHashMap<>());
    /** submission name → the hostile's label in the table. */
    private static final Map<String, String> LABELS = Collections.synchronizedMap(new LinkedHashMap<>());
    /** hostile → every check it did not pass, with the start of the message. */
    private static final Map<String, List<String>> DETAILS = Collections.synchronizedMap(new LinkedHashMap<>());
    private static final long SUITE_START = System.nanoTime();

    /** One line of the printed table. */
    private record Row(String hostile, String score, String firstFailing, String reason, double seconds) {}

    @BeforeAll
    static void gradeTheReference() {
        reference = TrustedSubmission.load(REFERENCE_DIR);
        grader = new Grader(reference.submission(), Rubric.DEFAULTS, LIMITS);
        referenceResult = grader.grade("reference", REFERENCE_DIR, SEED);
        assertEquals(SubmissionResult.Status.GRADED, referenceResult.status(), referenceResult.message());
        assertEquals(referenceResult.maxScore(), referenceResult.score(),
                "the reference must score full marks under the test's limits: " + failing(referenceResult));
        TABLE.put("(reference)", new Row("(reference)", score(referenceResult), "—", "—", referenceResult.executionSeconds()));
    }

    @AfterAll
    static void printTable() {
        try {
            StringBuilder b = new StringBuilder("\nHostile submissions (seed " + SEED + ", " + isolationOf(referenceResult)
                    + "), total " + String.format(Locale.ROOT, "%.0f s", (System.nanoTime() - SUITE_START) / 1e9) + "\n");
            b.append(String.format(Locale.ROOT, "%-22s %-8s %6s  %-34s %s%n", "hostile", "score", "time", "first failing check", "reason"));
            synchronized (TABLE) {
                for (Row r : TABLE.values()) {
                    b.append(String.format(Locale.ROOT, "%-22s %-8s %5.1fs  %-34s %s%n", r.hostile(), r.score(), r.seconds(),
                            r.firstFailing(), abbreviate(r.reason(), 150)));
                }
            }
            b.append("\nEvery check the hostile submissions did not pass:\n");
            synchronized (DETAILS) {
                DETAILS.forEach((hostile, lines) -> {
                    b.append("  ").append(hostile).append(lines.isEmpty() ? ": none\n" : ":\n");
                    lines.forEach(l -> b.append("    ").append(l).append('\n'));
                });
            }
            System.out.println(b);
        } finally {
            if (reference != null) {
                reference.close();
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------- the hostiles

    @Test
    void exitInOneHotEncode(@TempDir Path tmp) {
        Path dir = hostile(tmp, "hostile-exit", "OneHotEncoder.java",
                "        SimpleMatrix x = new SimpleMatrix(size, 1);\n",
                "        System.exit(0);\n        SimpleMatrix x = new SimpleMatrix(size, 1);\n");
        SubmissionResult r = gradeHostile("System.exit(0)", "hostile-exit", dir, grader);
        CheckResult c = assertFailsWith(r, "onehot.encode.fixtures", "System.exit");
        assertTrue(c.message().contains("OneHot.encode"), c.message());
        assertLoses(r, "OneHot");
        assertFull(r, "Tokenizer");
    }

    @Test
    void haltInSgdStep(@TempDir Path tmp) {
        Path dir = hostile(tmp, "hostile-halt", "GradientDescent.java",
                "        List<SimpleMatrix> theta = params.blocks();\n",
                "        Runtime.getRuntime().halt(1);\n        List<SimpleMatrix> theta = params.blocks();\n");
        SubmissionResult r = gradeHostile("Runtime.halt(1)", "hostile-halt", dir, grader);
        CheckResult c = assertFailsWith(r, "sgd.step.fixtures", "Runtime.halt");
        assertTrue(c.message().contains("exit code 1"), c.message());
        assertLoses(r, "Sgd");
        assertFull(r, "Tokenizer");
        assertFull(r, "OneHot");
    }

    @Test
    void infiniteLoopInTanh(@TempDir Path tmp) {
        Path dir = hostile(tmp, "hostile-loop", "Tanh.java",
                "    public SimpleMatrix value(SimpleMatrix z) {\n",
                "    public SimpleMatrix value(SimpleMatrix z) {\n        long spins = 0;\n"
                        + "        while (z.getNumRows() >= 0) {\n            spins++;\n        }\n");
        SubmissionResult r = gradeHostile("while (true) {} in tanh", "hostile-loop", dir, grader);
        assertFailsWith(r, "activation.tanh.fixtures", "did not return within", "Activation.value");
        assertLoses(r, "Activation");
        assertLoses(r, "RnnCell"); // the cell calls tanh: realistic collateral
        assertFull(r, "Tokenizer");
        assertFull(r, "CrossEntropy");
    }

    @Test
    void allocationBombInSoftmax(@TempDir Path tmp) {
        Path dir = hostile(tmp, "hostile-alloc", "SoftmaxCrossEntropy.java",
                "        requireColumn(logits);\n",
                "        requireColumn(logits);\n        java.util.List<long[]> hog = new java.util.ArrayList<>();\n"
                        + "        while (hog.size() >= 0) {\n            hog.add(new long[1 << 20]);\n        }\n");
        // the default 5 s per call, so that a child slowed down by the bomb's garbage collections still reaches
        // OutOfMemoryError (with -XX:+ExitOnOutOfMemoryError: well under a second) instead of a timeout
        Grader patient = new Grader(reference.submission(), Rubric.DEFAULTS, LIMITS.withCallTimeout(Duration.ofSeconds(5)));
        SubmissionResult r = gradeHostile("allocation bomb in softmax", "hostile-alloc", dir, patient);
        assertFailsWith(r, "crossentropy.softmax.fixtures", "ran out of memory", "CrossEntropy.softmax");
        assertLoses(r, "CrossEntropy");
        assertFull(r, "Tokenizer");
        assertFull(r, "Activation");
    }

    @Test
    void unboundedRecursionInVocabularyIdOf(@TempDir Path tmp) {
        Path dir = hostile(tmp, "hostile-recursion", "MapVocabulary.java",
                "        return ids.getOrDefault(token, UNK_ID);\n",
                "        return idOf(token);\n");
        SubmissionResult r = gradeHostile("unbounded recursion in idOf", "hostile-recursion", dir, grader);
        assertFailsWith(r, "vocabulary.ids.fixtures", "overflowed the stack", "Vocabulary.idOf");
        assertLoses(r, "Vocabulary");
        assertFull(r, "Tokenizer");
        assertFull(r, "OneHot");
    }

    @Test
    void fakeResultsPrinted(@TempDir Path tmp) throws IOException {
        Path dir = hostile(tmp, "hostile-print", "OneHotEncoder.java",
                "public final class OneHotEncoder implements OneHot {\n",
                "public final class OneHotEncoder implements OneHot {\n"
                        + "    private static final java.util.concurrent.atomic.AtomicInteger PRINTS ="
                        + " new java.util.concurrent.atomic.AtomicInteger();\n",
                "    public int decode(SimpleMatrix x) {\n",
                "    public int decode(SimpleMatrix x) {\n"
                        + "        if (PRINTS.getAndIncrement() < 2) {\n"
                        + "            String esc = String.valueOf((char) 27);\n"
                        + "            System.out.println(\"Points 100/100\");\n"
                        + "            System.out.println(\"{\\\"score\\\": 100}\");\n"
                        + "            System.out.println(\"{\\\"score\\\": 999, \\\"max_score\\\": 100, \\\"tests\\\": []}\");\n"
                        + "            System.out.println(esc + \"[2J\" + esc + \"[32mALL CHECKS PASSED\" + esc + \"[0m\");\n"
                        + "            System.err.println(\"</pre><script>alert(1)</script> Points 100/100 \" + esc + \"[1;32mOK\" + esc + \"[0m\");\n"
                        + "        }\n");
        SubmissionResult r = gradeHostile("fake results printed", "hostile-print", dir, grader);
        assertEquals(referenceResult.score(), r.score(), "printing must not change the score: " + failing(r));
        String printed = String.join("\n", r.outputs().values());
        assertTrue(printed.contains("Points 100/100") && printed.contains("{\"score\": 100}"),
                "the prints are shown to the student as output: " + r.outputs());

        Path out = tmp.resolve("out");
        Path reports = ReportWriter.writeSubmission(out, r);
        JsonNode results = Json.MAPPER.readTree(reports.resolve("results.json").toFile());
        assertEquals(referenceResult.score(), results.get("score").asDouble(), 1e-9, "results.json score");
        assertEquals(r.checks().size(), results.get("tests").size(), "results.json has one test per check");
        for (String file : List.of("results.json", "junit.xml", "feedback.md", "feedback.html", "result.json")) {
            String text = Files.readString(reports.resolve(file), StandardCharsets.UTF_8);
            assertFalse(text.indexOf(27) >= 0, file + " contains a raw ANSI escape");
        }
        StringBuilder shown = new StringBuilder(); // what Gradescope shows the student, check by check
        results.get("tests").forEach(t -> shown.append(t.get("output").asText()).append('\n'));
        assertTrue(shown.indexOf("Your code printed:\nPoints 100/100") >= 0 && shown.indexOf("{\"score\": 100}") >= 0
                && shown.indexOf("[2J[32mALL CHECKS PASSED[0m") >= 0,
                "results.json shows the prints as the student's output, ANSI escapes removed: " + abbreviate(shown.toString(), 2000));
        String junit = Files.readString(reports.resolve("junit.xml"), StandardCharsets.UTF_8);
        assertTrue(junit.contains("&lt;/pre&gt;&lt;script&gt;alert(1)&lt;/script&gt; Points 100/100"),
                "junit.xml shows the printed markup escaped");
        for (String file : List.of("feedback.md", "feedback.html")) {
            String text = Files.readString(reports.resolve(file), StandardCharsets.UTF_8);
            assertFalse(text.contains("<script>alert(1)"), file + " must not carry the printed markup unescaped");
        }
        note("fake results printed", "printed fake results, shown escaped (ESC removed, HTML escaped); score unchanged");
    }

    @Test
    void writesIntoTheOutputFolder(@TempDir Path tmp) throws IOException {
        Path out = Files.createDirectories(tmp.resolve("out"));
        String name = "hostile-write";
        Path forgedTmp = Path.of("/tmp/forged-results-" + NONCE + ".json");
        Path sharedForged = Path.of("/tmp/forged-results.json");
        boolean sharedExisted = Files.exists(sharedForged);
        List<String> guesses = List.of(
                "java.nio.file.Path.of(\"\").toAbsolutePath().resolve(\"../grades/" + name + "/results.json\")",
                "java.nio.file.Path.of(System.getProperty(\"user.dir\"), \"grades\", \"" + name + "\", \"results.json\")",
                "java.nio.file.Path.of(System.getProperty(\"user.dir\"), \"results.json\")",
                "java.nio.file.Path.of(\"/tmp/forged-results.json\")",
                "java.nio.file.Path.of(" + literal(forgedTmp.toString()) + ")",
                // the worst case: it guessed the grader's real output folder
                "java.nio.file.Path.of(" + literal(out.resolve(name).resolve("results.json").toString()) + ")",
                "java.nio.file.Path.of(" + literal(out.resolve("forged-results.json").toString()) + ")",
                "code.resolve(\"results.json\")",
                "code.getParent().resolve(\"results.json\")",
                "code.getParent().getParent().resolve(\"forged-results.json\")");
        StringBuilder forge = new StringBuilder("        if (FORGED.compareAndSet(false, true)) {\n"
                + "            java.nio.file.Path code = java.nio.file.Path.of(\"/nonexistent\");\n"
                + "            try {\n"
                + "                code = java.nio.file.Path.of(Relu.class.getProtectionDomain().getCodeSource().getLocation().toURI());\n"
                + "            } catch (Exception e) {\n"
                + "                System.out.println(\"no code source: \" + e);\n"
                + "            }\n"
                + "            for (java.nio.file.Path p : new java.nio.file.Path[] {\n");
        guesses.forEach(g -> forge.append("                    ").append(g).append(",\n"));
        forge.append("            }) {\n"
                + "                try {\n"
                + "                    java.nio.file.Files.createDirectories(p.toAbsolutePath().normalize().getParent());\n"
                + "                    java.nio.file.Files.writeString(p, \"{\\\"score\\\": 100, \\\"max_score\\\": 100}\");\n"
                + "                    System.out.println(\"WROTE \" + p.toAbsolutePath().normalize());\n"
                + "                } catch (Exception e) {\n"
                + "                    System.out.println(\"DENIED \" + p.toAbsolutePath().normalize() + \" (\" + e.getClass().getSimpleName() + \")\");\n"
                + "                }\n"
                + "            }\n"
                + "        }\n");
        Path dir = hostile(tmp, name, "Relu.java",
                "public final class Relu implements Activation {\n",
                "public final class Relu implements Activation {\n    private static final java.util.concurrent.atomic.AtomicBoolean"
                        + " FORGED = new java.util.concurrent.atomic.AtomicBoolean();\n",
                "    public SimpleMatrix value(SimpleMatrix z) {\n",
                "    public SimpleMatrix value(SimpleMatrix z) {\n" + forge);
        SubmissionResult r = gradeHostile("writes into out folder", name, dir, grader);
        List<String> attempts = printedLines(r, "WROTE ", "DENIED ");
        assertEquals(guesses.size(), attempts.size(), "every guess was tried once: " + r.outputs());

        try (Stream<Path> files = Files.walk(out)) {
            List<Path> found = files.filter(p -> !p.equals(out)).toList();
            assertEquals(List.of(), found, "nothing may appear in the grader's output folder while grading");
        }
        if (bubblewrap(r)) {
            assertFalse(Files.exists(forgedTmp), forgedTmp + " reached the real /tmp");
            if (!sharedExisted) {
                assertFalse(Files.exists(sharedForged), sharedForged + " reached the real /tmp");
            }
            for (String line : attempts) {
                Path p = Path.of(line.substring(line.indexOf(' ') + 1).replaceFirst(" \\(.*\\)$", ""));
                assertFalse(Files.exists(p), "the child's write reached the grader's file system: " + p);
            }
        }
        Path reports = ReportWriter.writeSubmission(out, r);
        assertEquals(referenceResult.score(), Json.MAPPER.readTree(reports.resolve("results.json").toFile()).get("score").asDouble(),
                1e-9);
        assertEquals(referenceResult.score(), r.score(), "writing files must not change the score: " + failing(r));
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(Set.of(name), files.map(p -> p.getFileName().toString()).collect(Collectors.toSet()));
        }
        try (Stream<Path> files = Files.list(reports)) {
            assertEquals(Set.of("results.json", "junit.xml", "feedback.md", "feedback.html", "result.json"),
                    files.map(p -> p.getFileName().toString()).collect(Collectors.toSet()));
        }
        long wrote = attempts.stream().filter(l -> l.startsWith("WROTE")).count();
        note("writes into out folder", wrote + " of " + attempts.size() + " writes succeeded inside the sandbox, none"
                + " reached the grader's file system; score unchanged");
        DETAILS.put("writes into out folder", attempts);
        Files.deleteIfExists(forgedTmp);
    }

    @Test
    void readsFilesOutsideItsDirectory(@TempDir Path tmp) {
        Path dir = hostile(tmp, "hostile-read", "OneHotEncoder.java",
                "public final class OneHotEncoder implements OneHot {\n",
                "public final class OneHotEncoder implements OneHot {\n"
                        + "    private static final java.util.concurrent.atomic.AtomicBoolean TRIED = new java.util.concurrent.atomic.AtomicBoolean();\n"
                        + "    private static volatile boolean leaked;\n",
                "    public int decode(SimpleMatrix x) {\n",
                "    public int decode(SimpleMatrix x) {\n"
                        + "        if (TRIED.compareAndSet(false, true)) {\n"
                        + "            for (String f : new String[] {\"/etc/passwd\", " + literal(REFERENCE_SOURCE.toString()) + "}) {\n"
                        + "                try {\n"
                        + "                    String text = java.nio.file.Files.readString(java.nio.file.Path.of(f));\n"
                        + "                    leaked = true;\n"
                        + "                    System.out.println(\"READ-OK \" + f + \": \" + text.lines().findFirst().orElse(\"\"));\n"
                        + "                } catch (Exception e) {\n"
                        + "                    System.out.println(\"READ-DENIED \" + f + \" (\" + e.getClass().getSimpleName() + \")\");\n"
                        + "                }\n"
                        + "            }\n"
                        + "        }\n"
                        + "        if (leaked) {\n"
                        + "            return 0; // it 'uses' what it read: a wrong answer, never a higher score\n"
                        + "        }\n");
        SubmissionResult r = gradeHostile("reads outside its dir", "hostile-read", dir, grader);
        List<String> reads = printedLines(r, "READ-OK ", "READ-DENIED ");
        assertEquals(2, reads.size(), "both reads were tried: " + r.outputs());
        if (bubblewrap(r)) {
            assertTrue(reads.contains("READ-DENIED /etc/passwd (NoSuchFileException)"), reads.toString());
            assertTrue(reads.stream().anyMatch(l -> l.startsWith("READ-DENIED " + REFERENCE_SOURCE + " ")),
                    "the reference's source must not be readable from the child: " + reads);
            assertEquals(referenceResult.score(), r.score(), failing(r));
        }
        assertFull(r, "Tokenizer");
        note("reads outside its dir", String.join("; ", reads));
    }

    @Test
    void threadsAndProcessesLeftRunning(@TempDir Path tmp) throws Exception {
        Path dir = threadsAndProcesses(tmp, "hostile-threads");
        assertNoLeftovers("threads+processes", "hostile-threads", dir, grader);
    }

    /** The same under a plain child JVM (no bubblewrap): here `sleep` exists and no PID namespace cleans up. */
    @Test
    void threadsAndProcessesLeftRunningWithoutBubblewrap(@TempDir Path tmp) throws Exception {
        Path dir = threadsAndProcesses(tmp, "hostile-threads-plain");
        Grader plain = new Grader(reference.submission(), Rubric.DEFAULTS,
                LIMITS.withIsolation(SandboxLimits.IsolationPolicy.PLAIN));
        assertNoLeftovers("threads+processes plain", "hostile-threads-plain", dir, plain);
    }

    @Test
    void mutatesItsInputInCrossEntropyGradient(@TempDir Path tmp) {
        Path dir = hostile(tmp, "hostile-mutate", "SoftmaxCrossEntropy.java",
                "        SimpleMatrix dz = o.copy();\n        dz.set(target, 0, dz.get(target, 0) - 1);\n        return dz;\n",
                "        o.set(target, 0, o.get(target, 0) - 1);\n        return o;\n");
        SubmissionResult r = gradeHostile("mutates its input", "hostile-mutate", dir, grader);
        CheckResult c = assertFailsWith(r, "crossentropy.inputs-untouched", "modified its argument o",
                "CrossEntropy.gradient");
        assertTrue(c.message().contains("was 0.5 before the call and is -0.5 after it"), c.message());
        assertLoses(r, "CrossEntropy");
        assertFull(r, "Tokenizer");
        assertFull(r, "Activation");
    }

    @Test
    void returnsNaNFromRnnCellForward(@TempDir Path tmp) {
        Path dir = hostile(tmp, "hostile-nan", "BasicRnnCell.java",
                "        return new CellOutput(s_t, o_t);\n",
                "        s_t.set(0, 0, Double.NaN);\n        return new CellOutput(s_t, o_t);\n");
        SubmissionResult r = gradeHostile("NaN in s_t", "hostile-nan", dir, grader);
        assertFailsWith(r, "rnncell.forward.fixtures", "NaN", "s_t");
        assertLoses(r, "RnnCell");
        assertFull(r, "Tokenizer");
        assertFull(r, "CrossEntropy");
    }

    // ------------------------------------------------------------------------------------- threads and processes

    /** Starts, once, a non-daemon spinning thread, `sleep 1000 0.NONCE` and a JVM sleeping forever, then behaves. */
    private static Path threadsAndProcesses(Path tmp, String name) {
        return hostile(tmp, name, "OneHotEncoder.java",
                "public final class OneHotEncoder implements OneHot {\n",
                "public final class OneHotEncoder implements OneHot {\n"
                        + "    private static final java.util.concurrent.atomic.AtomicBoolean STARTED = new java.util.concurrent.atomic.AtomicBoolean();\n\n"
                        + "    /** Sleeps forever in a process of its own. */\n"
                        + "    public static final class Sleeper {\n"
                        + "        public static void main(String[] args) throws InterruptedException {\n"
                        + "            Thread.sleep(1_000_000_000L);\n"
                        + "        }\n"
                        + "    }\n",
                "    public List<SimpleMatrix> encodeSequence(int[] ids, int size) {\n",
                "    public List<SimpleMatrix> encodeSequence(int[] ids, int size) {\n"
                        + "        if (STARTED.compareAndSet(false, true)) {\n"
                        + "            Thread spinner = new Thread(() -> {\n"
                        + "                long n = 0;\n"
                        + "                while (n >= 0) {\n"
                        + "                    n = (n + 1) & 0xFFFFFFFL;\n"
                        + "                }\n"
                        + "            }, \"hostile-spinner\");\n"
                        + "            spinner.setDaemon(false);\n"
                        + "            spinner.start();\n"
                        + "            try {\n"
                        + "                Process p = new ProcessBuilder(\"sleep\", \"1000\", \"0." + NONCE + "\").start();\n"
                        + "                System.out.println(\"STARTED sleep \" + p.pid());\n"
                        + "            } catch (Exception e) {\n"
                        + "                System.out.println(\"DENIED sleep (\" + e.getClass().getSimpleName() + \")\");\n"
                        + "            }\n"
                        + "            try {\n"
                        + "                String javaExe = ProcessHandle.current().info().command().orElseThrow();\n"
                        + "                String cp = java.nio.file.Path.of(OneHotEncoder.class.getProtectionDomain().getCodeSource()\n"
                        + "                        .getLocation().toURI()).toString();\n"
                        + "                Process p = new ProcessBuilder(javaExe, \"-Xmx16m\", \"-XX:-UsePerfData\", \"-cp\", cp,\n"
                        + "                        \"submission.OneHotEncoder$Sleeper\", \"" + NONCE + "\").start();\n"
                        + "                System.out.println(\"STARTED java \" + p.pid());\n"
                        + "            } catch (Exception e) {\n"
                        + "                System.out.println(\"DENIED java (\" + e.getClass().getSimpleName() + \")\");\n"
                        + "            }\n"
                        + "        }\n");
    }

    private static void assertNoLeftovers(String label, String name, Path dir, Grader g) throws Exception {
        AtomicBoolean seen = new AtomicBoolean();
        AtomicBoolean grading = new AtomicBoolean(true);
        Thread watcher = new Thread(() -> {
            while (grading.get()) {
                if (!ours().isEmpty()) {
                    seen.set(true);
                }
                sleep(200);
            }
        }, "hostile-process-watcher");
        watcher.setDaemon(true);
        watcher.start();
        SubmissionResult r;
        try {
            r = gradeHostile(label, name, dir, g);
        } finally {
            grading.set(false);
            watcher.join();
        }
        List<String> started = printedLines(r, "STARTED ", "DENIED ");
        assertEquals(2, started.size(), "both processes were tried: " + r.outputs());
        if (started.stream().anyMatch(l -> l.startsWith("STARTED"))) {
            assertTrue(seen.get(), "the watcher never saw the submission's processes, so it could not see leftovers: " + started);
        }
        List<ProcessHandle> left = List.of();
        for (int i = 0; i < 25; i++) { // destroyForcibly is asynchronous: give the kernel a moment
            left = ours();
            if (left.isEmpty()) {
                break;
            }
            sleep(200);
        }
        String leftText = left.stream().map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList().toString();
        left.forEach(ProcessHandle::destroyForcibly);
        assertEquals("[]", leftText, "processes of the submission left running after grading (" + started + ")");
        assertEquals(referenceResult.score(), r.score(), "it behaves correctly otherwise: " + failing(r));
        note(label, String.join("; ", started) + (seen.get() ? "; all gone after close" : ""));
    }

    /** @return live processes started by a hostile submission: marked with NONCE, or `sleep 1000` descending from us */
    private static List<ProcessHandle> ours() {
        long me = ProcessHandle.current().pid();
        return ProcessHandle.allProcesses().filter(ProcessHandle::isAlive).filter(p -> {
            ProcessHandle.Info info = p.info();
            String args = String.join(" ", info.arguments().orElse(new String[0]));
            String line = info.commandLine().orElse("");
            if (args.contains(NONCE) || line.contains(NONCE)) {
                return true;
            }
            boolean sleep1000 = info.command().orElse("").endsWith("/sleep") && args.startsWith("1000");
            return sleep1000 && descendsFrom(p, me);
        }).toList();
    }

    private static boolean descendsFrom(ProcessHandle p, long ancestor) {
        for (Optional<ProcessHandle> q = p.parent(); q.isPresent(); q = q.get().parent()) {
            if (q.get().pid() == ancestor) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------------------------------------------ helpers

    /**
     * Copies reference-solutions/ to {@code tmp/name} and applies replacement pairs (target, replacement, …) to
     * {@code src/main/java/submission/<file>}. Each target must occur exactly once.
     */
    private static Path hostile(Path tmp, String name, String file, String... pairs) {
        assertEquals(0, pairs.length % 2, "pairs of target and replacement");
        Path dir = tmp.resolve(name);
        copy(REFERENCE_DIR, dir);
        Path source = dir.resolve(SRC + file);
        try {
            String text = Files.readString(source, StandardCharsets.UTF_8);
            for (int i = 0; i < pairs.length; i += 2) {
                int at = text.indexOf(pairs[i]);
                if (at < 0) {
                    fail("patch target not found in " + file + " (the reference changed?): \n" + pairs[i]);
                }
                if (text.indexOf(pairs[i], at + 1) >= 0) {
                    fail("patch target occurs more than once in " + file + ": \n" + pairs[i]);
                }
                text = text.substring(0, at) + pairs[i + 1] + text.substring(at + pairs[i].length());
            }
            Files.writeString(source, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    /**
     * Grades a hostile submission, checks the rules every hostile obeys, records a table row, then grades a correct
     * submission right after in the same JVM ("never stops the batch").
     */
    private static SubmissionResult gradeHostile(String label, String name, Path dir, Grader g) {
        SubmissionResult r = g.grade(name, dir, SEED);
        assertEquals(SubmissionResult.Status.GRADED, r.status(), label + ": " + r.message() + " " + r.compileErrors());
        assertTrue(r.score() <= referenceResult.score(), label + " scored " + score(r) + ", more than the reference's "
                + score(referenceResult));
        assertEquals(referenceResult.checks().size(), r.checks().size(), "every check ran");
        for (CheckResult c : r.checks()) {
            // every reason is the student's: no internal class names, no "lost process" from a restart gone wrong
            assertFalse(c.message().contains("SandboxException") || c.message().contains("org.rnnautograder."),
                    c.id() + " names grader internals: " + c.message());
            assertFalse(c.message().contains("stopped unexpectedly"), c.id() + ": " + c.message());
        }
        LABELS.put(name, label);
        Optional<CheckResult> first = r.checks().stream().filter(c -> c.status() != CheckResult.Status.PASSED).findFirst();
        TABLE.put(label, new Row(label, score(r), first.map(CheckResult::id).orElse("—"),
                first.map(CheckResult::message).orElse("—"), r.executionSeconds()));
        DETAILS.put(label, r.checks().stream().filter(c -> c.status() != CheckResult.Status.PASSED)
                .map(c -> String.format(Locale.ROOT, "%-36s %s", c.id(), abbreviate(c.message(), 140))).toList());

        SubmissionResult next = g.grade("correct-after-" + name, REFERENCE_DIR, SEED);
        assertEquals(SubmissionResult.Status.GRADED, next.status(), next.message());
        assertEquals(referenceResult.score(), next.score(), "a correct submission graded right after " + label
                + " lost points: " + failing(next));
        return r;
    }

    /** Replaces the reason of {@code label}'s row (for hostiles that fail nothing). */
    private static void note(String label, String reason) {
        TABLE.computeIfPresent(label, (k, row) -> row.firstFailing().equals("—")
                ? new Row(row.hostile(), row.score(), row.firstFailing(), reason, row.seconds()) : row);
    }

    private static CheckResult assertFailsWith(SubmissionResult r, String id, String... words) {
        CheckResult c = r.checks().stream().filter(x -> x.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no check " + id));
        assertEquals(CheckResult.Status.FAILED, c.status(), id + " should fail: " + c.message());
        for (String w : words) {
            assertTrue(c.message().contains(w), id + ": the message should say '" + w + "': " + c.message());
        }
        assertFalse(c.message().contains("org.rnnautograder.sandbox."), "no internal class names: " + c.message());
        TABLE.computeIfPresent(labelOf(r), (k, row) -> new Row(row.hostile(), row.score(), id, c.message(), row.seconds()));
        return c;
    }

    private static String labelOf(SubmissionResult r) {
        return LABELS.getOrDefault(r.submission(), r.submission());
    }

    private static void assertLoses(SubmissionResult r, String component) {
        int[] s = r.byComponent().get(component);
        assertNotNull(s, "no component " + component);
        assertTrue(s[0] < s[1], component + " should lose points but scored " + s[0] + "/" + s[1]);
    }

    private static void assertFull(SubmissionResult r, String component) {
        int[] s = r.byComponent().get(component);
        assertNotNull(s, "no component " + component);
        assertEquals(s[1], s[0], component + " is unrelated and must keep its points: " + r.checks().stream()
                .filter(c -> c.component().equals(component) && c.status() != CheckResult.Status.PASSED)
                .map(c -> c.id() + ": " + c.message()).toList());
    }

    /** @return the lines the student's code printed that start with one of {@code prefixes}, in order */
    private static List<String> printedLines(SubmissionResult r, String... prefixes) {
        List<String> out = new ArrayList<>();
        r.outputs().values().forEach(text -> text.lines().filter(l -> Stream.of(prefixes).anyMatch(l::startsWith))
                .forEach(out::add));
        return out;
    }

    private static boolean bubblewrap(SubmissionResult r) {
        return r.isolation().startsWith("bubblewrap");
    }

    private static String isolationOf(SubmissionResult r) {
        return r == null ? "?" : bubblewrap(r) ? "bubblewrap" : "plain child JVM";
    }

    private static String failing(SubmissionResult r) {
        return r.checks().stream().filter(c -> c.status() != CheckResult.Status.PASSED)
                .map(c -> c.id() + ": " + abbreviate(c.message(), 300)).toList().toString();
    }

    private static String score(SubmissionResult r) {
        return r.score() + "/" + r.maxScore();
    }

    private static String abbreviate(String s, int max) {
        String one = s.replace('\n', ' ');
        return one.length() <= max ? one : one.substring(0, max) + "…";
    }

    /** @return {@code s} as a Java string literal */
    private static String literal(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static void copy(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.filter(p -> !p.toString().contains("/target")).toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
