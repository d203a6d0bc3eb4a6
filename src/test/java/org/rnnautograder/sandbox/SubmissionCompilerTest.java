package org.rnnautograder.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnautograder.assignment.Submission;
import org.rnnautograder.assignment.SubmissionLoadException;
import org.rnnautograder.assignment.Submissions;
import org.rnnautograder.i18n.Language;
import org.rnnautograder.i18n.Messages;

class SubmissionCompilerTest {
    private final SubmissionCompiler compiler = new SubmissionCompiler();

    @Test
    void compilesAMinimalSubmissionAndCopiesResources(@TempDir Path dir) throws Exception {
        Path sub = FixtureSubmissions.minimal(dir.resolve("student"));
        CompilationResult r = compiler.compile(sub, dir.resolve("out"));

        assertTrue(r.success(), () -> r.summary() + " " + r.diagnostics());
        assertTrue(r.servicesFilePresent());
        assertTrue(Files.isRegularFile(dir.resolve("out/submission/FixtureSubmission.class")));
        assertTrue(Files.isRegularFile(dir.resolve("out").resolve(Submissions.SERVICES_FILE)));
        try (URLClassLoader loader = SubmissionCompiler.trustedClassLoader(r.outputDir())) {
            Submission s = Submissions.load(loader);
            assertEquals(5, s.oneHot().encode(2, 5).getNumRows());
        }
    }

    @Test
    void aCompileErrorIsDataWithFileLineAndMessage(@TempDir Path dir) {
        Path sub = FixtureSubmissions.write(dir.resolve("student"), Map.of(
                "src/main/java/submission/Broken.java", """
                        package submission;

                        public class Broken {
                            int x = "not an int";
                        }
                        """));
        CompilationResult r = compiler.compile(sub, dir.resolve("out"));

        assertEquals(CompilationResult.Status.COMPILE_ERRORS, r.status());
        assertFalse(r.success());
        CompileDiagnostic first = r.errors().get(0);
        assertEquals("src/main/java/submission/Broken.java", first.file());
        assertEquals(4, first.line());
        assertTrue(first.column() > 0);
        assertTrue(first.message().contains("incompatible types"), first.message());
        assertTrue(r.summary().contains("Broken.java:4"), r.summary());
    }

    @Test
    void inChineseTheSummaryAndTheCompilersOwnMessageAreChineseAndKeepFileAndLine(@TempDir Path dir) {
        Path sub = FixtureSubmissions.write(dir.resolve("student"), Map.of(
                "src/main/java/submission/Broken.java", """
                        package submission;

                        public class Broken {
                            int x = "not an int";
                        }
                        """));
        Language before = Messages.use(Language.ZH);
        try {
            CompilationResult r = compiler.compile(sub, dir.resolve("out"));
            assertEquals(CompilationResult.Status.COMPILE_ERRORS, r.status());
            CompileDiagnostic first = r.errors().get(0);
            assertEquals(4, first.line());
            assertTrue(first.message().contains("不兼容的类型"), "javac speaks Chinese: " + first.message());
            assertTrue(r.summary().startsWith("你的代码无法编译：共 1 个错误；第一个是 "), r.summary());
            assertTrue(r.summary().contains("src/main/java/submission/Broken.java:4"), r.summary());
        } finally {
            Messages.use(before);
        }
    }

    @Test
    void inChineseAMissingSourceDirectoryAndServicesFileAreExplainedInChinese(@TempDir Path dir) {
        Language before = Messages.use(Language.ZH);
        try {
            CompilationResult none = compiler.compile(FixtureSubmissions.write(dir.resolve("empty"),
                    Map.of("README.md", "hi")), dir.resolve("out-empty"));
            assertEquals("提交中没有 src/main/java 目录：Java 源文件应放在 src/main/java/ 下（与模板相同），但这个目录不存在。",
                    none.summary());

            Path noServices = FixtureSubmissions.write(dir.resolve("student"), Map.of(
                    "src/main/java/submission/FixtureSubmission.java", FixtureSubmissions.SUBMISSION,
                    "src/main/java/submission/Misbehaving.java", FixtureSubmissions.MISBEHAVING,
                    "src/main/java/submission/Parts.java", FixtureSubmissions.PARTS));
            CompilationResult r = compiler.compile(noServices, dir.resolve("out"));
            assertTrue(r.success(), r::summary);
            assertEquals("已编译 3 个文件。注意：src/main/resources/ 中缺少 " + Submissions.SERVICES_FILE
                    + "，因此无法加载这份提交。", r.summary());
        } finally {
            Messages.use(before);
        }
    }

    /** Submissions.load in this JVM (as for the trusted reference): its explanation follows the language. */
    @Test
    void loadingWithoutAServicesFileIsExplainedInTheChosenLanguage(@TempDir Path dir) throws Exception {
        CompilationResult r = compiler.compile(FixtureSubmissions.write(dir.resolve("student"), Map.of(
                "src/main/java/submission/FixtureSubmission.java", FixtureSubmissions.SUBMISSION,
                "src/main/java/submission/Misbehaving.java", FixtureSubmissions.MISBEHAVING,
                "src/main/java/submission/Parts.java", FixtureSubmissions.PARTS)), dir.resolve("out"));
        assertTrue(r.success(), r::summary);
        try (URLClassLoader loader = SubmissionCompiler.trustedClassLoader(r.outputDir())) {
            SubmissionLoadException en = assertThrows(SubmissionLoadException.class, () -> Submissions.load(loader));
            assertTrue(en.getMessage().startsWith("No submission found: expected one class implementing "
                    + Submission.class.getName()), en.getMessage());
            Language before = Messages.use(Language.ZH);
            try {
                SubmissionLoadException zh = assertThrows(SubmissionLoadException.class, () -> Submissions.load(loader));
                assertTrue(zh.getMessage().startsWith("没有找到提交：" + Submissions.SERVICES_FILE + "（src/main/resources/"
                        + Submissions.SERVICES_FILE + "）中应写有一个实现 " + Submission.class.getName() + " 的类"),
                        zh.getMessage());
            } finally {
                Messages.use(before);
            }
        }
    }

    @Test
    void reportsAMissingSourceDirectory(@TempDir Path dir) {
        Path sub = FixtureSubmissions.write(dir.resolve("student"), Map.of("README.md", "hi"));
        CompilationResult r = compiler.compile(sub, dir.resolve("out"));
        assertEquals(CompilationResult.Status.NO_SOURCE_DIRECTORY, r.status());
        assertTrue(r.summary().contains("src/main/java"), r.summary());
    }

    @Test
    void reportsASourceDirectoryWithoutJavaFiles(@TempDir Path dir) {
        Path sub = FixtureSubmissions.write(dir.resolve("student"), Map.of("src/main/java/submission/notes.txt", "x"));
        CompilationResult r = compiler.compile(sub, dir.resolve("out"));
        assertEquals(CompilationResult.Status.NO_JAVA_FILES, r.status());
    }

    @Test
    void flagsAMissingServicesFileButStillCompiles(@TempDir Path dir) {
        Path sub = FixtureSubmissions.write(dir.resolve("student"), Map.of(
                "src/main/java/submission/FixtureSubmission.java", FixtureSubmissions.SUBMISSION,
                "src/main/java/submission/Misbehaving.java", FixtureSubmissions.MISBEHAVING,
                "src/main/java/submission/Parts.java", FixtureSubmissions.PARTS));
        CompilationResult r = compiler.compile(sub, dir.resolve("out"));
        assertTrue(r.success(), r::summary);
        assertFalse(r.servicesFilePresent());
        assertTrue(r.summary().contains(Submissions.SERVICES_FILE), r.summary());
    }

    @Test
    void skipsSymbolicLinks(@TempDir Path dir) throws Exception {
        Path secret = FixtureSubmissions.write(dir.resolve("secret"), Map.of("rubric.txt", "expected values")).resolve("rubric.txt");
        Path sub = FixtureSubmissions.minimal(dir.resolve("student"));
        Files.createSymbolicLink(sub.resolve("src/main/resources/stolen.txt"), secret);
        CompilationResult r = compiler.compile(sub, dir.resolve("out"));
        assertTrue(r.success(), r::summary);
        assertFalse(Files.exists(dir.resolve("out/stolen.txt")));
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.file().endsWith("stolen.txt") && d.kind().equals("WARNING")));
    }

    /**
     * A processor that would run if javac did annotation processing: it is on the class path of the second
     * compilation (registered in META-INF/services/javax.annotation.processing.Processor) and writes a marker.
     * The control compilation without -proc:none proves it would run; ours must not run it.
     */
    @Test
    void neverRunsAnnotationProcessors(@TempDir Path dir) throws Exception {
        Path marker = dir.resolve("processor-ran.marker");
        Path processorRepo = FixtureSubmissions.write(dir.resolve("processor"), Map.of(
                "src/main/java/evil/Evil.java", """
                        package evil;

                        import java.util.Set;
                        import javax.annotation.processing.*;
                        import javax.lang.model.SourceVersion;
                        import javax.lang.model.element.TypeElement;

                        @SupportedAnnotationTypes("*")
                        public class Evil extends AbstractProcessor {
                            @Override
                            public synchronized void init(ProcessingEnvironment env) {
                                super.init(env);
                                try {
                                    java.nio.file.Files.writeString(java.nio.file.Path.of("%s"), "ran");
                                } catch (java.io.IOException e) {
                                    throw new RuntimeException(e);
                                }
                            }
                            @Override
                            public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
                                return false;
                            }
                            @Override
                            public SourceVersion getSupportedSourceVersion() { return SourceVersion.latestSupported(); }
                        }
                        """.formatted(marker.toString().replace("\\", "\\\\")),
                "src/main/resources/META-INF/services/javax.annotation.processing.Processor", "evil.Evil\n"));
        CompilationResult processor = compiler.compile(processorRepo, dir.resolve("processor-out"));
        assertTrue(processor.success(), processor::summary);
        assertFalse(Files.exists(marker), "compiling the processor itself must not run it");

        Path victim = FixtureSubmissions.minimal(dir.resolve("student"));
        List<Path> cp = new ArrayList<>(ContractClasspath.entries());
        cp.add(processor.outputDir());
        CompilationResult r = new SubmissionCompiler(cp).compile(victim, dir.resolve("out"));
        assertTrue(r.success(), r::summary);
        assertFalse(Files.exists(marker), "-proc:none must keep the processor from running");

        // control: plain javac with the same class path does run it
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        Files.createDirectories(dir.resolve("control-out"));
        List<String> args = new ArrayList<>(List.of("--release", "17", "-d", dir.resolve("control-out").toString(),
                "-classpath", String.join(java.io.File.pathSeparator, cp.stream().map(Path::toString).toList())));
        args.add(victim.resolve("src/main/java/submission/FixtureSubmission.java").toString());
        args.add(victim.resolve("src/main/java/submission/Misbehaving.java").toString());
        args.add(victim.resolve("src/main/java/submission/Parts.java").toString());
        javac.run(null, new java.io.PrintStream(java.io.OutputStream.nullOutputStream()),
                new java.io.PrintStream(java.io.OutputStream.nullOutputStream()), args.toArray(String[]::new));
        assertTrue(Files.exists(marker), "control: without -proc:none javac runs the processor, so the check above means something");
    }
}
