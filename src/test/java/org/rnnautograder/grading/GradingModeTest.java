package org.rnnautograder.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rnnautograder.assignment.Submissions;
import org.rnnautograder.i18n.Language;
import org.rnnautograder.i18n.Messages;
import org.rnnautograder.report.GradescopeResults;
import org.rnnautograder.sandbox.CompilationResult;
import org.rnnautograder.sandbox.SubmissionCompiler;
import org.rnnautograder.suite.SuiteContext;

/**
 * Grading mode end to end: the reference scores 100, the template 0, every demo submission loses points exactly
 * in the component of its bug with feedback naming the cause, student mode and grading mode agree check by check,
 * and a regrade with the same seed reproduces the result.
 */
class GradingModeTest {
    private static final long SEED = 20261126L;
    private static TrustedSubmission reference;
    private static Grader grader;
    private static SubmissionResult referenceResult;

    @BeforeAll
    static void loadReference() {
        reference = TrustedSubmission.load(Path.of("reference-solutions"));
        grader = new Grader(reference.submission(), Rubric.DEFAULTS, Grader.defaultLimits());
        referenceResult = grader.grade("reference-solutions", Path.of("reference-solutions"), SEED);
    }

    @AfterAll
    static void close() {
        reference.close();
    }

    private static String failures(SubmissionResult r) {
        return r.checks().stream().filter(c -> c.status() != CheckResult.Status.PASSED)
                .map(c -> c.id() + ": " + c.message()).collect(Collectors.joining("\n"));
    }

    @Test
    void referenceScoresFullMarksInGradingMode() {
        assertEquals(SubmissionResult.Status.GRADED, referenceResult.status());
        assertEquals(100, referenceResult.maxScore(), "the default points sum to 100");
        assertEquals(100, referenceResult.score(), failures(referenceResult));
        assertFalse(referenceResult.isolation().isBlank());
        assertEquals(SEED, referenceResult.seed());
        assertEquals(64, referenceResult.fixturesHash().length());
    }

    @Test
    void templateScoresZeroWithEveryCheckNotImplemented() {
        SubmissionResult r = grader.grade("student-template", Path.of("student-template"), SEED);
        assertEquals(SubmissionResult.Status.GRADED, r.status());
        assertEquals(0, r.score());
        for (CheckResult c : r.checks()) {
            assertEquals(CheckResult.Status.NOT_IMPLEMENTED, c.status(), c.id() + ": " + c.message());
            assertTrue(c.message().endsWith("— not implemented yet") && !c.message().contains("\n"), c.message());
        }
    }

    @ParameterizedTest(name = "{0} loses points only in {1}")
    @CsvSource({
        "bptt-drops-ds-next,       Rnn,          ds_next",
        "clip-per-block,           Sgd,          each block separately",
        "loss-averaged,            CrossEntropy, averaged",
        "softmax-without-max,      CrossEntropy, subtract the max",
        "tokenizer-utf16,          Tokenizer,    code point",
        "vocabulary-ids-from-zero, Vocabulary,   reserved"})
    void eachExampleLosesPointsExactlyInTheComponentOfItsBug(String example, String component, String cause) throws Exception {
        SubmissionResult r = grader.grade(example, Path.of("examples", example), SEED);
        assertEquals(SubmissionResult.Status.GRADED, r.status());
        Map<String, int[]> want = referenceResult.byComponent(), got = r.byComponent();
        for (String c : want.keySet()) {
            if (c.equals(component)) {
                assertTrue(got.get(c)[0] < want.get(c)[0], example + " should lose points in " + c);
            } else {
                assertEquals(want.get(c)[0], got.get(c)[0], example + " lost points in " + c + ":\n" + failures(r));
            }
        }
        String feedback = r.checks().stream().filter(c -> c.component().equals(component) && c.earned() < c.points())
                .map(CheckResult::message).collect(Collectors.joining("\n"));
        assertTrue(feedback.contains(cause), "the feedback names the cause '" + cause + "':\n" + feedback);
        assertStudentModeAgrees(example, Path.of("examples", example), r);
    }

    /** Student mode (the submission in-process, no reference) gives every public check the same verdict. */
    private static void assertStudentModeAgrees(String name, Path dir, SubmissionResult grading) throws Exception {
        Path out = Files.createTempDirectory("rnn-student-mode-");
        CompilationResult compiled = new SubmissionCompiler().compile(dir, out.resolve("classes"));
        assertTrue(compiled.success(), compiled.summary());
        try (URLClassLoader loader = SubmissionCompiler.trustedClassLoader(compiled.outputDir())) {
            SuiteContext.install(Submissions.load(loader), null, SEED);
            SuiteRunner.Run student = SuiteRunner.run(Rubric.DEFAULTS, null);
            Map<String, CheckResult.Status> inStudentMode = new LinkedHashMap<>(), inGradingMode = new LinkedHashMap<>();
            student.checks().stream().filter(c -> !c.needsReference()).forEach(c -> inStudentMode.put(c.id(), c.status()));
            grading.checks().stream().filter(c -> !c.needsReference()).forEach(c -> inGradingMode.put(c.id(), c.status()));
            assertEquals(inGradingMode, inStudentMode, name + ": student mode and grading mode disagree");
            assertTrue(student.checks().stream().filter(CheckResult::needsReference)
                    .allMatch(c -> c.status() == CheckResult.Status.SKIPPED), "reference checks are skipped in student mode");
        } finally {
            SuiteContext.reset();
        }
    }

    @Test
    void referenceAgreesInStudentMode() throws Exception {
        assertStudentModeAgrees("reference-solutions", Path.of("reference-solutions"), referenceResult);
    }

    @Test
    void aSubmissionThatDoesNotCompileScoresZeroWithTheCompilerMessage() {
        SubmissionResult r = grader.grade("does-not-compile", Path.of("examples", "does-not-compile"), SEED);
        assertEquals(SubmissionResult.Status.COMPILE_ERROR, r.status());
        assertEquals(0, r.score());
        assertEquals(100, r.maxScore());
        assertTrue(r.compileErrors().stream().anyMatch(e -> e.contains("BasicRnnCell.java:")), r.compileErrors().toString());
        assertTrue(r.message().contains("does not compile") && r.message().contains("BasicRnnCell.java"), r.message());
    }

    @Test
    void aMissingEntryPointIsAClearMessageNotACrash(@TempDir Path dir) throws Exception {
        copy(Path.of("reference-solutions"), dir);
        Files.delete(dir.resolve("src/main/resources/" + Submissions.SERVICES_FILE));
        SubmissionResult r = grader.grade("no-entry-point", dir, SEED);
        assertEquals(SubmissionResult.Status.NOT_LOADED, r.status());
        assertEquals(0, r.score());
        assertTrue(r.message().contains(Submissions.SERVICES_FILE), r.message());
    }

    @Test
    void inChineseASubmissionThatDoesNotCompileIsExplainedInChineseWithTheCompilerMessage() {
        Language before = Messages.use(Language.ZH);
        try {
            SubmissionResult r = grader.grade("does-not-compile", Path.of("examples", "does-not-compile"), SEED);
            assertEquals(SubmissionResult.Status.COMPILE_ERROR, r.status());
            assertEquals(0, r.score());
            assertTrue(r.message().startsWith("你的提交无法编译，因此没有运行任何检查项。你的代码无法编译：共 "), r.message());
            assertTrue(r.message().contains("第一个错误：") && r.message().contains("BasicRnnCell.java:"), r.message());
            assertEquals("无（没有运行任何代码）", r.isolation());
            assertTrue(r.checks().stream().allMatch(c -> c.message().equals(r.message())), "every check says why");
        } finally {
            Messages.use(before);
        }
    }

    /** The explanation comes from the loader in the child JVM: it is Chinese because the child inherits the language. */
    @Test
    void inChineseAMissingEntryPointIsExplainedInChinese(@TempDir Path dir) throws Exception {
        copy(Path.of("reference-solutions"), dir);
        Files.delete(dir.resolve("src/main/resources/" + Submissions.SERVICES_FILE));
        Language before = Messages.use(Language.ZH);
        try {
            SubmissionResult r = grader.grade("no-entry-point", dir, SEED);
            assertEquals(SubmissionResult.Status.NOT_LOADED, r.status());
            assertTrue(r.message().startsWith("你的提交编译成功，但无法加载它的入口类，因此没有运行任何检查项。没有找到提交："),
                    r.message());
            assertTrue(r.message().contains(Submissions.SERVICES_FILE), r.message());
        } finally {
            Messages.use(before);
        }
    }

    @Test
    void regradingWithTheSameSeedGivesTheSameResultsJson() {
        SubmissionResult again = grader.grade("reference-solutions", Path.of("reference-solutions"), SEED);
        assertEquals(withoutTime(GradescopeResults.toJson(referenceResult)), withoutTime(GradescopeResults.toJson(again)));
        SubmissionResult example = grader.grade("loss-averaged", Path.of("examples", "loss-averaged"), SEED);
        SubmissionResult exampleAgain = grader.grade("loss-averaged", Path.of("examples", "loss-averaged"), SEED);
        assertEquals(withoutTime(GradescopeResults.toJson(example)), withoutTime(GradescopeResults.toJson(exampleAgain)));
    }

    private static String withoutTime(String json) {
        return json.replaceAll("\"execution_time\"\\s*:\\s*[0-9.]+", "\"execution_time\" : 0");
    }

    private static void copy(Path from, Path to) throws Exception {
        List<Path> files;
        try (var walk = Files.walk(from)) {
            files = walk.filter(Files::isRegularFile).filter(p -> !p.toString().contains("/target/")).toList();
        }
        for (Path f : files) {
            Path target = to.resolve(from.relativize(f).toString());
            Files.createDirectories(target.getParent());
            Files.copy(f, target);
        }
    }
}
