package org.rnnautograder.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnautograder.cli.Main;

/**
 * {@code export-template}: the exported repository is standalone — its pom resolves the autograder from the
 * vendored file repository and nothing else of ours — the vendored jar holds no reference solution, the student
 * workflow's script steps report the score, and {@code mvn test} in the export scores 0 on the template and every
 * public point once the reference's code is copied in.
 */
class ExportTemplateTest {
    private static final String VENDORED = ".autograder-repo/org/rnnautograder/rnn-autograder/0.1.0/rnn-autograder-0.1.0";

    record Cli(int code, String out, String err) {}

    static Cli cli(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Cli(code, out.toString(), err.toString());
    }

    private static Path export(Path tmp) throws IOException {
        Path jar = PackagingSupport.thinJar(Files.createDirectories(tmp.resolve("jar")));
        Path repo = tmp.resolve("student-repo");
        Cli c = cli("export-template", repo.toString(), "--template", PackagingSupport.ROOT.resolve("student-template").toString(),
                "--jar", jar.toString());
        assertEquals(0, c.code(), c.err() + c.out());
        return repo;
    }

    @Test
    void helpAndClearErrors(@TempDir Path tmp) throws IOException {
        Cli help = cli("export-template", "--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("Usage:") && help.out().contains(".autograder-repo"), help.out());

        Path busy = Files.createDirectories(tmp.resolve("busy"));
        Files.writeString(busy.resolve("notes.txt"), "mine");
        Cli notEmpty = cli("export-template", busy.toString(), "--template", PackagingSupport.ROOT.resolve("student-template").toString(),
                "--jar", PackagingSupport.thinJar(tmp).toString());
        assertEquals(Main.USAGE, notEmpty.code());
        assertTrue(notEmpty.err().contains("is not empty"), notEmpty.err());
        assertEquals("mine", Files.readString(busy.resolve("notes.txt")));

        Cli noJar = cli("export-template", tmp.resolve("new").toString(), "--jar", tmp.resolve("no-such.jar").toString());
        assertEquals(Main.USAGE, noJar.code());
        assertTrue(noJar.err().contains("run `mvn package` first") && noJar.err().contains("no-such.jar: not found"), noJar.err());
        assertFalse(noJar.err().contains("\tat "), noJar.err());
    }

    @Test
    void aShadedJarIsNotVendored(@TempDir Path tmp) throws IOException {
        Path fat = tmp.resolve("fat.jar");
        try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(Files.newOutputStream(fat))) {
            for (String e : List.of("org/rnnautograder/suite/RnnChecks.class", "org/ejml/simple/SimpleMatrix.class",
                    "submission/BasicRnn.class", AutograderArtifact.EMBEDDED_POM)) {
                z.putNextEntry(new ZipEntry(e));
                z.closeEntry();
            }
        }
        String problems = String.join("; ", AutograderArtifact.problems(fat));
        assertTrue(problems.contains("not thin") && problems.contains("org/") && problems.contains("submission/BasicRnn.class"),
                problems);
        Cli c = cli("export-template", tmp.resolve("out").toString(), "--jar", fat.toString());
        assertEquals(Main.USAGE, c.code());
        assertTrue(c.err().contains("not thin"), c.err());
    }

    @Test
    void theExportIsStandaloneAndHoldsNoReference(@TempDir Path tmp) throws IOException {
        Path repo = export(tmp);
        String pom = Files.readString(repo.resolve("pom.xml"));
        assertTrue(pom.contains("<url>file://${project.basedir}/.autograder-repo</url>"), pom);
        assertTrue(Files.isRegularFile(repo.resolve(".github/workflows/autograding.yml")));
        assertTrue(Files.isRegularFile(repo.resolve("src/main/java/submission/BasicRnn.java")));
        assertFalse(Files.exists(repo.resolve("target")));

        // the vendored pom is the autograder's, with its real dependencies
        String vendoredPom = Files.readString(repo.resolve(VENDORED + ".pom"));
        for (String dep : List.of("<artifactId>ejml-simple</artifactId>", "<artifactId>jackson-databind</artifactId>",
                "<artifactId>picocli</artifactId>", "<artifactId>junit-jupiter</artifactId>",
                "<artifactId>junit-platform-launcher</artifactId>")) {
            assertTrue(vendoredPom.contains(dep), dep);
        }
        assertEquals(TemplateExporter.digest("SHA-1", Files.readAllBytes(repo.resolve(VENDORED + ".jar"))),
                Files.readString(repo.resolve(VENDORED + ".jar.sha1")));

        // the vendored jar: public checks and fixtures, nothing of the reference solution
        Path jar = repo.resolve(VENDORED + ".jar");
        assertEquals(List.of(), AutograderArtifact.problems(jar));
        List<String> referenceFiles;
        Path refSources = PackagingSupport.ROOT.resolve("reference-solutions/src/main/java");
        try (Stream<Path> walk = Files.walk(refSources)) {
            referenceFiles = walk.filter(p -> p.toString().endsWith(".java")).map(p -> refSources.relativize(p).toString()).toList();
        }
        assertFalse(referenceFiles.isEmpty());
        List<String> entries = new ArrayList<>();
        try (ZipFile z = new ZipFile(jar.toFile())) {
            for (Enumeration<? extends ZipEntry> e = z.entries(); e.hasMoreElements();) {
                entries.add(e.nextElement().getName());
            }
        }
        assertTrue(entries.stream().anyMatch(e -> e.startsWith("org/rnnautograder/suite/")), "the public checks ship");
        assertTrue(entries.contains("fixtures/rnn.json"), "the public fixtures ship");
        for (String e : entries) {
            assertFalse(e.startsWith("submission/") || e.contains("/submission/"), e);
            assertFalse(e.startsWith("reference-solutions") || e.endsWith(".java"), e);
            for (String ref : referenceFiles) {
                String stem = ref.replaceAll("\\.java$", "");
                assertFalse(e.equals(stem + ".class") || e.startsWith(stem + "$"), "reference class " + e);
            }
        }
    }

    /** The student workflow's steps, as {@link MiniYaml} reads them. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> workflowSteps(Path workflow) throws IOException {
        Map<String, Object> yaml = (Map<String, Object>) MiniYaml.parse(Files.readString(workflow, StandardCharsets.UTF_8));
        Map<String, Object> jobs = (Map<String, Object>) yaml.get("jobs");
        assertNotNull(jobs, "no jobs in " + workflow);
        assertEquals(1, jobs.size(), "one job");
        Map<String, Object> job = (Map<String, Object>) jobs.values().iterator().next();
        assertEquals("ubuntu-latest", job.get("runs-on"));
        assertEquals("bash", ((Map<String, Object>) ((Map<String, Object>) yaml.get("defaults")).get("run")).get("shell"));
        return (List<Map<String, Object>>) job.get("steps");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theWorkflowIsWellFormed() throws IOException {
        List<Map<String, Object>> steps = workflowSteps(PackagingSupport.ROOT.resolve("student-template/.github/workflows/autograding.yml"));
        Map<String, Map<String, Object>> uses = new LinkedHashMap<>();
        for (Map<String, Object> s : steps) {
            assertTrue(s.containsKey("uses") ^ s.containsKey("run"), "a step uses an action or runs a script: " + s);
            if (s.containsKey("uses")) {
                uses.put(((String) s.get("uses")).replaceAll("@.*", ""), (Map<String, Object>) s.get("with"));
            }
        }
        assertEquals(List.of("actions/checkout", "actions/setup-java", "actions/upload-artifact"), List.copyOf(uses.keySet()));
        assertEquals("temurin", uses.get("actions/setup-java").get("distribution"));
        assertEquals("17", uses.get("actions/setup-java").get("java-version"));
        String uploaded = (String) uses.get("actions/upload-artifact").get("path");
        assertTrue(uploaded.contains("target/surefire-reports") && uploaded.contains("target/rnn-autograder"), uploaded);
        Map<String, Object> checks = steps.stream().filter(s -> "checks".equals(s.get("id"))).findFirst().orElseThrow();
        assertEquals("true", checks.get("continue-on-error"));
        assertTrue(((String) checks.get("run")).contains("mvn -B"), checks.toString());
    }

    /**
     * Runs the workflow's {@code run:} steps in order, as GitHub would (bash -eo pipefail, GITHUB_STEP_SUMMARY and
     * GITHUB_OUTPUT files), skipping {@code uses:} steps, and evaluating the few {@code if:} forms it uses.
     *
     * @return step name → outcome
     */
    static Map<String, PackagingSupport.Outcome> runWorkflow(Path repo, List<Map<String, Object>> steps, Map<String, String> env)
            throws IOException, InterruptedException {
        Map<String, PackagingSupport.Outcome> outcomes = new LinkedHashMap<>();
        Map<String, String> stepOutcome = new HashMap<>();
        boolean failed = false;
        Pattern stepIf = Pattern.compile("steps\\.([\\w-]+)\\.outcome == '(\\w+)'");
        for (Map<String, Object> s : steps) {
            String name = String.valueOf(s.get("name"));
            String cond = (String) s.get("if");
            boolean run;
            if (cond == null) {
                run = !failed;
            } else if (cond.equals("always()")) {
                run = true;
            } else {
                Matcher m = stepIf.matcher(cond);
                assertTrue(m.matches(), "runWorkflow cannot evaluate if: " + cond + " — teach it");
                run = m.group(2).equals(stepOutcome.get(m.group(1)));
            }
            if (!run || !s.containsKey("run")) {
                continue;
            }
            String script = (String) s.get("run");
            assertFalse(script.contains("${{"), "a script step must not need GitHub expressions: " + name);
            Path file = Files.createTempFile("step-", ".sh");
            Files.writeString(file, script);
            PackagingSupport.Outcome o = PackagingSupport.run(repo, env, List.of("bash", "--noprofile", "--norc", "-eo", "pipefail", file.toString()));
            Files.delete(file);
            outcomes.put(name, o);
            if (s.get("id") != null) {
                stepOutcome.put((String) s.get("id"), o.code() == 0 ? "success" : "failure");
            }
            if (o.code() != 0 && !"true".equals(String.valueOf(s.get("continue-on-error")))) {
                failed = true;
            }
        }
        return outcomes;
    }

    @Test
    void mvnTestInTheExportScoresAndTheWorkflowReports(@TempDir Path tmp) throws Exception {
        assumeTrue(PackagingSupport.onPath("mvn"), "mvn is not on PATH");
        Path repo = export(tmp);
        Path m2 = PackagingSupport.localRepoWithoutAutograder(tmp);
        try {
            buildAndScore(tmp, repo, m2);
        } finally {
            PackagingSupport.deleteTree(m2); // its links, not what they point to
        }
    }

    private static void buildAndScore(Path tmp, Path repo, Path m2) throws Exception {
        // offline, against a local repository without org/rnnautograder: the autograder can only come from .autograder-repo
        Files.createDirectories(repo.resolve(".mvn"));
        Files.write(repo.resolve(".mvn/maven.config"), PackagingSupport.offlineMavenOptions(m2));

        Path summary = tmp.resolve("step-summary.md");
        Map<String, String> env = Map.of("GITHUB_STEP_SUMMARY", summary.toString(), "GITHUB_OUTPUT", tmp.resolve("output").toString(),
                "GITHUB_ENV", tmp.resolve("env").toString(), "CI", "true");
        Map<String, PackagingSupport.Outcome> steps = runWorkflow(repo, workflowSteps(repo.resolve(".github/workflows/autograding.yml")), env);
        assertEquals(List.of("Run the checks", "Report the score", "Fail when a check fails"), List.copyOf(steps.keySet()));
        PackagingSupport.Outcome checks = steps.get("Run the checks");
        assertTrue(checks.output().contains("not implemented yet"), checks.output());
        assertEquals(1, checks.code(), "the template's checks fail:\n" + checks.output());
        PackagingSupport.Outcome report = steps.get("Report the score");
        assertEquals(0, report.code(), report.output());
        assertTrue(report.output().matches("(?s).*Points 0/\\d+\\s*"), "the score step ends with Points X/Y: " + report.output());
        String md = Files.readString(summary);
        assertTrue(md.startsWith("## RNN assignment — Points 0/") && md.contains("RnnCell") && md.contains("not implemented yet"), md);
        assertEquals(1, steps.get("Fail when a check fails").code());
        assertTrue(Files.isRegularFile(repo.resolve("target/surefire-reports/TEST-org.rnnautograder.suite.RnnChecks.xml"))
                || Files.list(repo.resolve("target/surefire-reports")).findAny().isPresent());
        assertTrue(Files.isRegularFile(repo.resolve("target/rnn-autograder/mvn-test.log")));

        // the autograder came from the vendored repository
        Path cached = m2.resolve("org/rnnautograder/rnn-autograder/0.1.0/_remote.repositories");
        assertTrue(Files.readString(cached).contains("rnn-autograder-0.1.0.jar>" + TemplateExporter.REPO_ID), Files.readString(cached));

        // student mode in Chinese: -Drnn.lang=zh reaches the checks through the pom's Surefire configuration
        PackagingSupport.Outcome zh = PackagingSupport.run(repo, Map.of(), List.of("mvn", "-B", "-q", "test", "-Drnn.lang=zh"));
        assertEquals(1, zh.code(), zh.output());
        assertTrue(zh.output().contains("RnnCell.forward — 尚未实现") && zh.output().contains("合计"), zh.output());
        assertTrue(Pattern.compile("(?m)^Points 0/\\d+$").matcher(zh.output()).find(), "the last line stays machine-read: "
                + zh.output());

        // the reference's code in the student's repository scores every public point
        Path src = repo.resolve("src/main/java");
        PackagingSupport.deleteTree(src);
        PackagingSupport.copyTree(PackagingSupport.ROOT.resolve("reference-solutions/src/main/java"), src);
        PackagingSupport.Outcome full = PackagingSupport.run(repo, Map.of(), List.of("mvn", "-B", "-q", "test"));
        assertEquals(0, full.code(), full.output());
        Matcher points = Pattern.compile("(?m)^Points (\\d+)/(\\d+)$").matcher(full.output());
        assertTrue(points.find(), full.output());
        assertEquals(points.group(2), points.group(1), "every public point: " + points.group());
        assertTrue(Integer.parseInt(points.group(2)) > 0);
    }
}
