package org.rnnautograder.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnautograder.cli.Main;
import org.rnnautograder.fixtures.Json;

/**
 * {@code gradescope-package}: the zip's run_autograder, run with bash in a fake /autograder tree
 * ({@code AUTOGRADER_ROOT}), writes a valid results.json — 100 for the reference, less with the cause for a buggy
 * example, 0 with a message for code that does not compile or an empty upload.
 */
class GradescopePackageTest {
    private static Path zip(Path tmp, String... more) throws IOException {
        Path jar = PackagingSupport.shadedJar(Files.createDirectories(tmp.resolve("jar")));
        Path zip = tmp.resolve("autograder.zip");
        List<String> args = new java.util.ArrayList<>(List.of("gradescope-package", zip.toString(), "--jar", jar.toString(),
                "--seed", "424242", "--reference", PackagingSupport.ROOT.resolve("reference-solutions").toString()));
        args.addAll(List.of(more));
        ExportTemplateTest.Cli c = ExportTemplateTest.cli(args.toArray(String[]::new));
        assertEquals(0, c.code(), c.err() + c.out());
        return zip;
    }

    /** Unzips as Gradescope does, into root/source, and makes root/submission and root/results. */
    private static Path autograderRoot(Path zip, Path root) throws IOException {
        Path source = Files.createDirectories(root.resolve("source"));
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (Enumeration<? extends ZipEntry> e = z.entries(); e.hasMoreElements();) {
                ZipEntry ze = e.nextElement();
                Path t = source.resolve(ze.getName());
                if (ze.isDirectory()) {
                    Files.createDirectories(t);
                    continue;
                }
                Files.createDirectories(t.getParent());
                try (InputStream in = z.getInputStream(ze)) {
                    Files.copy(in, t);
                }
            }
        }
        Files.createDirectories(root.resolve("submission"));
        return root;
    }

    private static JsonNode grade(Path root, Path submission) throws Exception {
        Path sub = root.resolve("submission");
        PackagingSupport.deleteTree(sub);
        Files.createDirectories(sub);
        if (submission != null) {
            PackagingSupport.copyTree(submission, sub);
        }
        Files.deleteIfExists(root.resolve("results/results.json"));
        PackagingSupport.Outcome o = PackagingSupport.run(root, Map.of("AUTOGRADER_ROOT", root.toString()),
                List.of("bash", root.resolve("source/run_autograder").toString()));
        assertEquals(0, o.code(), o.output());
        Path results = root.resolve("results/results.json");
        assertTrue(Files.isRegularFile(results), o.output());
        return Json.MAPPER.readTree(results.toFile()); // valid JSON, or this throws
    }

    @Test
    void helpAndClearErrors(@TempDir Path tmp) throws IOException {
        assertEquals(0, ExportTemplateTest.cli("gradescope-package", "--help").code());
        Path notShaded = PackagingSupport.thinJar(tmp);
        ExportTemplateTest.Cli thin = ExportTemplateTest.cli("gradescope-package", tmp.resolve("a.zip").toString(), "--jar", notShaded.toString());
        assertEquals(Main.USAGE, thin.code());
        assertTrue(thin.err().contains("not the shaded jar") && thin.err().contains("run `mvn package` first"), thin.err());
        assertFalse(Files.exists(tmp.resolve("a.zip")));
        Files.writeString(tmp.resolve("b.zip"), "mine");
        ExportTemplateTest.Cli exists = ExportTemplateTest.cli("gradescope-package", tmp.resolve("b.zip").toString());
        assertEquals(Main.USAGE, exists.code());
        assertTrue(exists.err().contains("exists"), exists.err());
        assertEquals("mine", Files.readString(tmp.resolve("b.zip")));
    }

    @Test
    void runAutograderGradesTheReferenceAndABuggyExample(@TempDir Path tmp) throws Exception {
        Path zip = zip(tmp);
        try (FileSystem fs = FileSystems.newFileSystem(URI.create("jar:" + zip.toUri()), Map.of("enablePosixFileAttributes", "true"))) {
            assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(fs.getPath("/run_autograder"))));
            assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(fs.getPath("/setup.sh"))));
            assertTrue(Files.readString(fs.getPath("/autograder.env")).contains("RNN_AUTOGRADER_SEED=424242"));
            assertTrue(Files.isRegularFile(fs.getPath("/reference-solutions/src/main/java/submission/BasicRnn.java")));
            Files.copy(fs.getPath("/rnn-autograder.jar"), tmp.resolve("inner.jar"));
            try (ZipFile jar = new ZipFile(tmp.resolve("inner.jar").toFile())) {
                assertTrue(jar.stream().noneMatch(e -> e.getName().startsWith("submission/")), "no reference class in the jar");
            }
        }
        Path root = autograderRoot(zip, tmp.resolve("autograder"));
        for (String script : List.of("run_autograder", "setup.sh")) {
            PackagingSupport.Outcome syntax = PackagingSupport.run(root.resolve("source"), Map.of(), List.of("bash", "-n", script));
            assertEquals(0, syntax.code(), script + ": " + syntax.output());
        }

        JsonNode empty = grade(root, null);
        assertEquals(0.0, empty.get("score").asDouble());
        assertTrue(empty.get("output").asText().contains("No Java sources found"), empty.toString());

        JsonNode reference = grade(root, PackagingSupport.ROOT.resolve("reference-solutions"));
        assertEquals(100.0, reference.get("score").asDouble(), reference.get("output").asText());
        assertEquals(100.0, reference.get("max_score").asDouble());
        assertEquals("424242", reference.get("extra_data").get("seed").asText());

        JsonNode buggy = grade(root, PackagingSupport.ROOT.resolve("examples/loss-averaged"));
        assertTrue(buggy.get("score").asDouble() < 100.0, buggy.toString());
        assertTrue(buggy.toString().contains("you averaged over time"), "the cause is named: " + buggy);

        JsonNode broken = grade(root, PackagingSupport.ROOT.resolve("examples/does-not-compile"));
        assertEquals(0.0, broken.get("score").asDouble());
        assertTrue(broken.get("output").asText().contains("does not compile"), broken.toString());
    }

    @Test
    void aChinesePackageGivesChineseFeedback(@TempDir Path tmp) throws Exception {
        Path zip = zip(tmp, "--lang", "zh");
        Path root = autograderRoot(zip, tmp.resolve("autograder"));
        assertTrue(Files.readString(root.resolve("source/autograder.env")).contains("RNN_AUTOGRADER_LANG=zh"));

        JsonNode empty = grade(root, null);
        assertEquals(0.0, empty.get("score").asDouble());
        assertTrue(empty.get("output").asText().contains("没有 Java 源文件"), "the script's own message is Chinese: " + empty);

        JsonNode buggy = grade(root, PackagingSupport.ROOT.resolve("examples/loss-averaged"));
        assertTrue(buggy.get("score").asDouble() < 100.0, buggy.toString());
        assertTrue(buggy.toString().contains("你对时间取了平均"), "the cause is named in Chinese: " + buggy);
        assertTrue(buggy.get("output").asText().startsWith("得分"), buggy.get("output").asText());
        for (JsonNode test : buggy.get("tests")) {
            assertTrue(List.of("passed", "failed").contains(test.get("status").asText()), "status stays machine-read: " + test);
        }
    }
}
