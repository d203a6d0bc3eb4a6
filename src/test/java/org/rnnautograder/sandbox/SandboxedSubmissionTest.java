package org.rnnautograder.sandbox;

import org.rnnautograder.fixtures.TableVocabulary;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnautograder.assignment.ActivationKind;
import org.rnnautograder.assignment.CellOutput;
import org.rnnautograder.assignment.CompletionConfig;
import org.rnnautograder.assignment.NotImplementedYetException;
import org.rnnautograder.assignment.RnnParameters;
import org.rnnautograder.assignment.Submission;
import org.rnnautograder.assignment.SubmissionLoadException;
import org.rnnautograder.assignment.Tokenizer;
import org.rnnautograder.assignment.TokenizerKind;
import org.rnnautograder.assignment.TrainingPair;
import org.rnnautograder.assignment.Vocabulary;
import org.rnnautograder.i18n.Language;
import org.rnnautograder.i18n.Messages;

/** One child JVM shared by all tests (restarted by the destructive ones); a few tests start their own. */
class SandboxedSubmissionTest {
    static final Duration TIMEOUT = Duration.ofSeconds(2);

    @TempDir
    static Path dir;
    static Path classes;
    static SandboxedSubmission sandbox;
    static Submission s;

    @BeforeAll
    static void start() {
        CompilationResult r = new SubmissionCompiler().compile(FixtureSubmissions.minimal(dir.resolve("student")),
                dir.resolve("classes"));
        assertTrue(r.success(), r::summary);
        classes = r.outputDir();
        sandbox = SandboxedSubmission.start(classes, SandboxLimits.defaults().withCallTimeout(TIMEOUT).withHeapMb(64)
                .withOutputCapChars(1000));
        s = sandbox.submission();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static Tokenizer misbehaving() {
        return s.tokenizer(TokenizerKind.WORD);
    }

    @Test
    void matricesComeBackWithTheirShapeAndValues() {
        SimpleMatrix x = s.oneHot().encode(2, 4);
        assertEquals(4, x.getNumRows());
        assertEquals(1, x.getNumCols());
        assertEquals(1.0, x.get(2, 0));
        assertEquals(0.0, x.get(3, 0));
        assertEquals(1, s.oneHot().decode(new SimpleMatrix(new double[][] {{0.1}, {0.7}, {0.2}})));
    }

    @Test
    void recordsCrossInBothDirections() {
        RnnParameters p = RnnParameters.initialize(3, 2, 7);
        SimpleMatrix x = s.oneHot().encode(1, 3);
        CellOutput out = s.rnnCell(ActivationKind.TANH).forward(p, x, new SimpleMatrix(2, 1));
        SimpleMatrix expectedS = p.U().mult(x);
        for (int i = 0; i < 2; i++) {
            assertEquals(Math.tanh(expectedS.get(i, 0)), out.s_t().get(i, 0), 0.0);
        }
        assertEquals(1.0, out.o_t().elementSum(), 1e-12);
    }

    @Test
    void handlesStayInTheChildAndProxiesForwardCalls() {
        Vocabulary v = s.vocabulary(List.of(List.of("the", "cat"), List.of("the", "dog")), 1);
        assertTrue(v.toString().startsWith("sandboxed Vocabulary"), v.toString());
        assertEquals(6, v.size());
        assertEquals(4, v.idOf("cat"));
        assertEquals(Vocabulary.UNK_ID, v.idOf("bird"));
        assertArrayEquals(new int[] {0, 3, 5, 1}, v.encode(List.of("the", "dog")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> v.tokenOf(9));
        assertEquals("id must be in 0 … 5, but was 9", e.getMessage());
    }

    @Test
    void handlesAndParentVocabulariesCanBeArguments() {
        Vocabulary studentVocab = s.vocabulary(List.of(List.of("a", "b")), 1);
        List<TrainingPair> pairs = s.languageModel().trainingPairs(studentVocab, List.of(List.of("a", "b")), 10);
        assertEquals(List.of(new TrainingPair(new int[] {0, 3, 4}, new int[] {3, 4, 1})), pairs);

        Vocabulary parentVocab = new TableVocabulary(List.of("<start>", "<end>", "<unk>", "b", "a"));
        List<TrainingPair> fromParent = s.languageModel().trainingPairs(parentVocab, List.of(List.of("a", "z")), 10);
        assertEquals(List.of(new TrainingPair(new int[] {0, 4, 2}, new int[] {4, 2, 1})), fromParent);

        List<String> done = s.languageModel().complete(parentVocab, RnnParameters.zeros(5, 2), ActivationKind.RELU,
                List.of("a"), new CompletionConfig(3, 0.5, 42));
        assertEquals(List.of("a", "sampled:42", "5"), done);
    }

    @Test
    void notImplementedYetCrossesIntact() {
        NotImplementedYetException e = assertThrows(NotImplementedYetException.class,
                () -> s.activation(ActivationKind.TANH));
        assertEquals("Submission.activation", e.method());
        NotImplementedYetException e2 = assertThrows(NotImplementedYetException.class,
                () -> s.rnnCell(ActivationKind.TANH).backward(null, null, null, null, null, null));
        assertEquals("RnnCell.backward", e2.method());
    }

    @Test
    void jdkExceptionsKeepTheirTypeAndOthersBecomeStudentCodeExceptions() {
        ArithmeticException a = assertThrows(ArithmeticException.class,
                () -> s.crossEntropy().gradient(new SimpleMatrix(2, 1), 0));
        assertEquals("division by zero, sort of", a.getMessage());
        assertEquals("submission.Parts$Ce", a.getStackTrace()[0].getClassName(), "student frames come first");

        StudentCodeException e = assertThrows(StudentCodeException.class,
                () -> s.crossEntropy().sequenceLoss(List.of(), new int[0]));
        assertEquals("submission.Parts$StudentTrouble", e.originalClassName());
        assertEquals("my own exception", e.originalMessage());
        assertTrue(e.getMessage().startsWith("CrossEntropy.sequenceLoss threw"), e.getMessage());
    }

    @Test
    void nanAndInfinitySurviveTheRoundTrip() {
        SimpleMatrix o = s.crossEntropy().softmax(new SimpleMatrix(new double[][] {{Double.NaN}, {1}}));
        assertTrue(Double.isNaN(o.get(0, 0)) && Double.isNaN(o.get(1, 0)));
        assertEquals(Double.POSITIVE_INFINITY, s.crossEntropy().loss(new SimpleMatrix(new double[][] {{0}, {1}}), 0));
        SimpleMatrix inf = new SimpleMatrix(new double[][] {{Double.NEGATIVE_INFINITY}, {0}});
        assertEquals(1, s.oneHot().decode(inf));
    }

    @Test
    void studentPrintsAreCapturedAndCapped() {
        sandbox.takeOutput();
        assertEquals(List.of("printed"), misbehaving().tokenize("print:10"));
        assertEquals("hello 你好\nto stderr\nxxxxxxxxxx", sandbox.lastCallOutput());

        misbehaving().tokenize("print:5000");
        String capped = sandbox.lastCallOutput();
        assertTrue(capped.length() < 1200, "capped at 1000 characters plus a marker, was " + capped.length());
        assertTrue(capped.contains("truncated"), capped);
        assertTrue(sandbox.output().startsWith("hello 你好\nto stderr\nxxxxxxxxxx"), "the session keeps earlier calls");
    }

    @Test
    void systemExitFailsThatCallAndTheNextCallRunsOnARestartedChild() {
        Vocabulary before = s.vocabulary(List.of(List.of("x")), 1);
        int restarts = sandbox.restarts();
        SandboxException e = assertThrows(SandboxException.class, () -> misbehaving().tokenize("exit"));
        assertEquals(SandboxException.Kind.EXITED, e.kind());
        assertEquals("Tokenizer.tokenize", e.method());
        assertTrue(e.getMessage().contains("System.exit") && e.getMessage().contains("exit code 3"), e.getMessage());

        assertEquals(List.of("a", "b"), misbehaving().tokenize("a b"));
        assertEquals(restarts + 1, sandbox.restarts());
        SandboxException stale = assertThrows(SandboxException.class, () -> before.size());
        assertEquals(SandboxException.Kind.STALE_HANDLE, stale.kind());
        assertTrue(stale.getMessage().contains("earlier run"), stale.getMessage());
    }

    @Test
    void anInfiniteLoopTimesOutWithinTheDeadline() {
        long t0 = System.nanoTime();
        SandboxException e = assertThrows(SandboxException.class, () -> misbehaving().tokenize("loop"));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(SandboxException.Kind.TIMEOUT, e.kind());
        assertTrue(ms < TIMEOUT.toMillis() + 3000, "took " + ms + " ms");
        assertTrue(e.getMessage().startsWith("Tokenizer.tokenize did not return within 2 s (infinite loop?)"),
                e.getMessage());
        assertEquals(List.of("ok"), misbehaving().tokenize("ok"));
    }

    @Test
    void deepRecursionIsReportedAsStackOverflow() {
        StudentCodeException e = assertThrows(StudentCodeException.class, () -> misbehaving().tokenize("recurse"));
        assertEquals("java.lang.StackOverflowError", e.originalClassName());
        assertTrue(e.getMessage().contains("overflowed the stack"), e.getMessage());
        assertEquals("recurse", e.getStackTrace()[0].getMethodName());
        int restarts = sandbox.restarts();
        assertEquals(List.of("still", "alive"), misbehaving().tokenize("still alive"));
        assertEquals(restarts, sandbox.restarts(), "a stack overflow does not cost the child");
    }

    @Test
    void anAllocationBombRunsOutOfMemoryAndTheChildIsReplaced() {
        SandboxException e = assertThrows(SandboxException.class, () -> misbehaving().tokenize("oom"));
        assertEquals(SandboxException.Kind.OUT_OF_MEMORY, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains("ran out of memory (the limit is 64 MiB)"), e.getMessage());
        assertEquals(List.of("fine"), misbehaving().tokenize("fine"));
    }

    @Test
    void writingToTheRawStdoutIsAProtocolError() {
        SandboxException e = assertThrows(SandboxException.class, () -> misbehaving().tokenize("garbage"));
        assertEquals(SandboxException.Kind.PROTOCOL, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains("private channel"), e.getMessage());
        assertEquals(List.of("fine"), misbehaving().tokenize("fine"));
    }

    @Test
    void underBubblewrapFilesOutsideAndTheNetworkAreOutOfReach() throws Exception {
        assumeTrue(sandbox.isolation().kind() == IsolationMode.Kind.BUBBLEWRAP,
                "bubblewrap is not usable here, so the child is a plain process that can see the file system: "
                        + sandbox.isolation().description());
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "expected values");
        StudentCodeException read = assertThrows(StudentCodeException.class,
                () -> misbehaving().tokenize("read:" + secret));
        assertTrue(read.getMessage().contains("NoSuchFileException"), read.getMessage());

        Path outside = Path.of("target", "stolen.txt").toAbsolutePath();
        if (outside.startsWith("/tmp")) {
            // a checkout under /tmp: the child's /tmp is its own tmpfs, so the write lands there, never here
            assertEquals(List.of("written"), misbehaving().tokenize("write:" + outside), "lands in the private /tmp");
        } else {
            StudentCodeException write = assertThrows(StudentCodeException.class,
                    () -> misbehaving().tokenize("write:" + outside));
            assertTrue(write.getMessage().contains("Read-only file system") || write.getMessage().contains("NoSuchFile"),
                    write.getMessage());
        }
        assertFalse(Files.exists(outside), "a write of the student's code never reaches the grader's file system");
        Path besideClasses = dir.resolve("stolen.txt");
        assertEquals(List.of("written"), misbehaving().tokenize("write:" + besideClasses), "lands in the private /tmp");
        assertFalse(Files.exists(besideClasses), "the private /tmp is not the parent's /tmp");
        StudentCodeException ownClasses = assertThrows(StudentCodeException.class,
                () -> misbehaving().tokenize("write:" + classes.resolve("x.txt")));
        assertTrue(ownClasses.getMessage().contains("Read-only file system"), ownClasses.getMessage());

        assertEquals(List.of("written"), misbehaving().tokenize("write:/tmp/private.txt"), "a private /tmp is writable");
        assertFalse(Files.exists(Path.of("/tmp/private.txt")));
        assertTrue(misbehaving().tokenize("net").get(0).startsWith("no network"));
    }

    @Test
    void aPlainProcessWorksToo() {
        try (SandboxedSubmission plain = SandboxedSubmission.start(classes,
                SandboxLimits.defaults().withIsolation(SandboxLimits.IsolationPolicy.PLAIN))) {
            assertEquals(IsolationMode.Kind.PROCESS, plain.isolation().kind());
            assertEquals(3, plain.submission().vocabulary(List.of(), 1).size());
        }
    }

    @Test
    void aMissingEntryPointIsASubmissionLoadException() {
        Path noServices = dir.resolve("no-services-classes");
        CompilationResult r = new SubmissionCompiler().compile(FixtureSubmissions.write(dir.resolve("no-services"),
                Map.of("src/main/java/submission/FixtureSubmission.java", FixtureSubmissions.SUBMISSION,
                        "src/main/java/submission/Misbehaving.java", FixtureSubmissions.MISBEHAVING,
                        "src/main/java/submission/Parts.java", FixtureSubmissions.PARTS)), noServices);
        assertTrue(r.success(), r::summary);
        SubmissionLoadException e = assertThrows(SubmissionLoadException.class,
                () -> SandboxedSubmission.start(noServices, SandboxLimits.defaults()));
        assertTrue(e.getMessage().startsWith("No submission found"), e.getMessage());
    }

    @Test
    void theChildIsStartedWithTheParentsLanguage() {
        Optional<Path> noBwrap = Optional.empty();
        List<String> en = new ChildCommand(SandboxLimits.defaults(), classes, noBwrap).build();
        Language before = Messages.use(Language.ZH);
        try {
            List<String> zh = new ChildCommand(SandboxLimits.defaults(), classes, noBwrap).build();
            assertTrue(zh.contains("-D" + Language.PROPERTY + "=zh"), zh.toString());
            assertTrue(zh.indexOf("-D" + Language.PROPERTY + "=zh") < zh.indexOf(SandboxChild.class.getName()),
                    "a JVM option, before the main class: " + zh);
        } finally {
            Messages.use(before);
        }
        assertTrue(en.contains("-D" + Language.PROPERTY + "=" + Messages.language().tag()), en.toString());
    }

    /**
     * In Chinese, what the child says (the contract's shape check) and what the parent says (output cap, timeout, exit,
     * stack overflow, a stale handle) is Chinese and keeps the facts: method, shapes, seconds, exit code.
     */
    @Test
    void inChineseTheChildAndTheParentExplainFailuresInChinese() {
        Language before = Messages.use(Language.ZH);
        try (SandboxedSubmission zh = SandboxedSubmission.start(classes, SandboxLimits.defaults()
                .withCallTimeout(TIMEOUT).withHeapMb(64).withOutputCapChars(1000))) {
            Tokenizer t = zh.submission().tokenizer(TokenizerKind.WORD);
            IllegalArgumentException shape = assertThrows(IllegalArgumentException.class, () -> t.tokenize("shape"));
            assertEquals("V（m×n，m = U 的列数） 的形状应为 4×3，实际为 3×4", shape.getMessage());

            t.tokenize("print:5000");
            assertTrue(zh.lastCallOutput().endsWith("\n…[输出已截断：超过 1000 个字符]\n"), zh.lastCallOutput());

            StudentCodeException deep = assertThrows(StudentCodeException.class, () -> t.tokenize("recurse"));
            assertTrue(deep.getMessage().startsWith("Tokenizer.tokenize 栈溢出了。最可能的原因："), deep.getMessage());
            assertTrue(deep.getMessage().contains("java.lang.StackOverflowError"), deep.getMessage());

            SandboxException loop = assertThrows(SandboxException.class, () -> t.tokenize("loop"));
            assertEquals(SandboxException.Kind.TIMEOUT, loop.kind());
            assertTrue(loop.getMessage().startsWith("Tokenizer.tokenize 没有在 2 秒内返回（死循环？），已被停止。"),
                    loop.getMessage());

            SandboxException stale = assertThrows(SandboxException.class, () -> t.tokenize("ok"));
            assertEquals(SandboxException.Kind.STALE_HANDLE, stale.kind());
            assertTrue(stale.getMessage().startsWith("这个 Tokenizer 是你的代码在之前一次运行中创建的，那次运行已被停止"
                    + "（Tokenizer.tokenize：超时）"), stale.getMessage());

            SandboxException exit = assertThrows(SandboxException.class,
                    () -> zh.submission().tokenizer(TokenizerKind.WORD).tokenize("exit"));
            assertEquals(SandboxException.Kind.EXITED, exit.kind());
            assertTrue(exit.getMessage().startsWith("Tokenizer.tokenize 结束了运行你代码的进程（退出码 3）"),
                    exit.getMessage());
            assertTrue(exit.getMessage().contains("System.exit(...)"), exit.getMessage());
        } finally {
            Messages.use(before);
        }
    }

    /** The loader's explanation is made in the child, so it is Chinese only if the child was started in Chinese. */
    @Test
    void inChineseAMissingEntryPointIsExplainedInChineseByTheChild() {
        Path noServices = dir.resolve("no-services-zh-classes");
        CompilationResult r = new SubmissionCompiler().compile(FixtureSubmissions.write(dir.resolve("no-services-zh"),
                Map.of("src/main/java/submission/FixtureSubmission.java", FixtureSubmissions.SUBMISSION,
                        "src/main/java/submission/Misbehaving.java", FixtureSubmissions.MISBEHAVING,
                        "src/main/java/submission/Parts.java", FixtureSubmissions.PARTS)), noServices);
        assertTrue(r.success(), r::summary);
        Language before = Messages.use(Language.ZH);
        try {
            SubmissionLoadException e = assertThrows(SubmissionLoadException.class,
                    () -> SandboxedSubmission.start(noServices, SandboxLimits.defaults()));
            assertTrue(e.getMessage().startsWith("没有找到提交："), e.getMessage());
            assertTrue(e.getMessage().contains("org.rnnautograder.assignment.Submission"), e.getMessage());
        } finally {
            Messages.use(before);
        }
    }

    @Test
    void reportsTheIsolationInForce() {
        IsolationMode mode = sandbox.isolation();
        assertFalse(mode.description().isBlank());
        System.out.println("[sandbox isolation] " + mode.kind() + ": " + mode.description());
    }
}
