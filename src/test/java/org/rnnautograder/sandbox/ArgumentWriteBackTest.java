package org.rnnautograder.sandbox;

import org.rnnautograder.fixtures.TableVocabulary;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Method;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnautograder.assignment.ActivationKind;
import org.rnnautograder.assignment.CellOutput;
import org.rnnautograder.assignment.CompletionConfig;
import org.rnnautograder.assignment.RnnGradients;
import org.rnnautograder.assignment.RnnParameters;
import org.rnnautograder.assignment.RnnTrace;
import org.rnnautograder.assignment.Sgd;
import org.rnnautograder.assignment.Submission;
import org.rnnautograder.assignment.Submissions;
import org.rnnautograder.assignment.TokenizerKind;

/**
 * Argument write-back and aliasing: after a proxied call the caller's arguments and the identities in the
 * result are as after an in-process call of the same code (which some tests run alongside for comparison).
 */
class ArgumentWriteBackTest {
    @TempDir
    static Path dir;
    static SandboxedSubmission sandbox;
    static Submission s;
    static URLClassLoader inProcessLoader;
    static Submission inProcess;

    @BeforeAll
    static void start() {
        CompilationResult r = new SubmissionCompiler().compile(FixtureSubmissions.mutating(dir.resolve("student")),
                dir.resolve("classes"));
        assertTrue(r.success(), r::summary);
        sandbox = SandboxedSubmission.start(r.outputDir(), SandboxLimits.defaults().withHeapMb(128));
        s = sandbox.submission();
        inProcessLoader = SubmissionCompiler.trustedClassLoader(r.outputDir());
        inProcess = Submissions.load(inProcessLoader);
    }

    @AfterAll
    static void stop() throws Exception {
        sandbox.close();
        inProcessLoader.close();
    }

    private static SimpleMatrix column(double... values) {
        SimpleMatrix m = new SimpleMatrix(values.length, 1);
        for (int i = 0; i < values.length; i++) {
            m.set(i, 0, values[i]);
        }
        return m;
    }

    @Test
    void anInPlaceGradientChangesTheCallersMatrixAndIsReturnedAsIt() {
        SimpleMatrix o = column(0.2, 0.5, 0.3);
        SimpleMatrix result = s.crossEntropy().gradient(o, 1);
        assertEquals(-0.5, o.get(1, 0), 1e-15, "the caller's o was changed, as in-process");
        assertEquals(0.2, o.get(0, 0));
        assertSame(o, result, "the result is the caller's own o");
        CallEffects e = sandbox.lastCallEffects();
        assertEquals(List.of("#0"), e.writtenBack());
        assertEquals(List.of("result = #0"), e.aliases());
    }

    @Test
    void anInPlaceSgdStepChangesTheCallersParameterBlocksAndReturnsTheCallersRecord() {
        RnnParameters params = RnnParameters.initialize(4, 3, 1);
        RnnParameters before = params.copy();
        SimpleMatrix u = params.U();
        RnnGradients grads = RnnGradients.zerosLike(params);
        grads.dU().fill(1);
        grads.db_y().fill(2);
        RnnParameters result = s.sgd().step(params, grads, 0.5);
        assertSame(u, params.U(), "records cannot change, their matrices can");
        assertEquals(before.U().get(0, 0) - 0.5, params.U().get(0, 0), 1e-15);
        assertEquals(-1.0, params.b_y().get(2, 0));
        assertTrue(params.W().isIdentical(before.W(), 0), "W had a zero gradient: unchanged");
        assertSame(params, result, "step returned its argument");
        CallEffects e = sandbox.lastCallEffects();
        assertEquals(List.of("#0.U", "#0.b_y"), e.writtenBack(), "only the blocks that changed are sent back");
        assertEquals(List.of("result = #0"), e.aliases());
    }

    @Test
    void anEncodeSequenceThatReusesItsIdsChangesTheCallersArray() {
        int[] ids = {2, 0, 1};
        List<SimpleMatrix> xs = s.oneHot().encodeSequence(ids, 3);
        assertArrayEquals(new int[] {0, 2, 1}, ids);
        assertEquals(3, xs.size());
        assertEquals(List.of("#0"), sandbox.lastCallEffects().writtenBack());
    }

    @Test
    void correctMethodsWriteNothingBackAndAliasNothing() {
        SimpleMatrix z = column(1, 2, 3);
        SimpleMatrix o = s.crossEntropy().softmax(z);
        assertNotSame(z, o);
        assertEquals(CallEffects.NONE, sandbox.lastCallEffects());
        assertEquals(List.of(1.0, 2.0, 3.0), List.of(z.get(0), z.get(1), z.get(2)));

        RnnGradients grads = RnnGradients.zerosLike(RnnParameters.zeros(3, 2));
        grads.dV().fill(5);
        RnnGradients clipped = s.sgd().clipByValue(grads, 1);
        assertNotSame(grads.dV(), clipped.dV());
        assertEquals(5.0, grads.dV().get(0, 0));
        assertEquals(1.0, clipped.dV().get(0, 0));
        assertEquals(CallEffects.NONE, sandbox.lastCallEffects());

        assertEquals(1, s.oneHot().decode(z.negative().plus(4).minus(column(3, 0, 1))));
        assertEquals(CallEffects.NONE, sandbox.lastCallEffects());
    }

    @Test
    void returningAnUnchangedArgumentIsAnAliasWithoutWriteBack() {
        RnnGradients grads = RnnGradients.zerosLike(RnnParameters.zeros(3, 2));
        assertSame(grads, s.sgd().clipByGlobalNorm(grads, 5));
        assertEquals(List.of(), sandbox.lastCallEffects().writtenBack());
        assertEquals(List.of("result = #0"), sandbox.lastCallEffects().aliases());
    }

    @Test
    void aRecordResultHoldingAnArgumentIsRebuiltAroundTheCallersObject() {
        RnnParameters p = RnnParameters.initialize(3, 2, 7);
        SimpleMatrix x = column(0, 1, 0);
        SimpleMatrix sPrev = column(0.5, -0.5);
        CellOutput out = s.rnnCell(ActivationKind.TANH).forward(p, x, sPrev);
        assertSame(sPrev, out.s_t(), "s_t is the caller's s_prev");
        assertNotSame(x, out.o_t());
        SimpleMatrix expected = p.U().mult(x).plus(p.W().mult(column(0.5, -0.5)));
        assertTrue(expected.isIdentical(sPrev, 1e-15), "and s_prev was overwritten in place");
        assertEquals(List.of("#2"), sandbox.lastCallEffects().writtenBack());
        assertEquals(List.of("result.s_t = #2"), sandbox.lastCallEffects().aliases());
    }

    @Test
    void listsAreResizedWhereTheCallersListAllowsItAndTheirEntriesKeepTheirIdentity() {
        RnnParameters p = RnnParameters.initialize(2, 2, 3);
        SimpleMatrix x0 = column(1, 0);
        SimpleMatrix x1 = column(0, 1);
        List<SimpleMatrix> xs = new ArrayList<>(List.of(x0, x1));
        RnnTrace trace = s.rnn(ActivationKind.TANH).forward(p, xs);
        assertEquals(3, xs.size(), "the student's xs.add(xs.get(0)) reached the caller's list");
        assertSame(x0, xs.get(2));
        assertSame(x0, trace.o(1), "outputs hold the caller's input matrices");
        assertSame(x1, trace.o(2));
        assertEquals(List.of("#1"), sandbox.lastCallEffects().writtenBack());

        List<SimpleMatrix> fixed = List.of(column(1, 0));
        s.rnn(ActivationKind.TANH).forward(p, fixed);
        assertEquals(1, fixed.size());
        assertEquals(List.of("#1"), sandbox.lastCallEffects().notApplied(),
                "an unmodifiable list is left as it is (in-process the student would have got an exception)");
    }

    @Test
    void nestedListsOfStringsAndReturnedListsFollowTheCaller() {
        List<List<String>> sentences = new ArrayList<>(List.of(new ArrayList<>(List.of("a", "b")), List.of("c")));
        List<String> inner = sentences.get(0);
        s.languageModel().trainingPairs(new TableVocabulary(List.of("<start>", "<end>", "<unk>")), sentences, 5);
        assertEquals(List.of(List.of("changed", "b")), sentences);
        assertSame(inner, sentences.get(0));

        List<String> prefix = new ArrayList<>(List.of("the"));
        List<String> done = s.languageModel().complete(new TableVocabulary(List.of("<start>", "<end>", "<unk>")),
                RnnParameters.zeros(3, 2), ActivationKind.TANH, prefix, new CompletionConfig(2, 0, 1));
        assertSame(prefix, done);
        assertEquals(List.of("the", "more"), prefix);

        List<String> tokens = new ArrayList<>(List.of("hello", "world"));
        assertEquals("HELLO world", s.tokenizer(TokenizerKind.WORD).detokenize(tokens));
        assertEquals(List.of("HELLO", "world"), tokens);
    }

    @Test
    void nonFiniteValuesAndNegativeZeroAreWrittenBackExactly() {
        SimpleMatrix z = column(1, 2, 3, 4);
        SimpleMatrix v = s.activation(ActivationKind.TANH).value(z);
        assertSame(z, v);
        assertTrue(Double.isNaN(z.get(0, 0)));
        assertEquals(Double.POSITIVE_INFINITY, z.get(1, 0));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(z.get(2, 0)));
        assertEquals(4.0, z.get(3, 0));
    }

    @Test
    void aReshapedArgumentIsReshapedInTheCallerAndFlagged() {
        SimpleMatrix z = column(1, 2, 3);
        s.activation(ActivationKind.TANH).derivative(z);
        assertEquals(1, z.getNumRows());
        assertEquals(3, z.getNumCols());
        assertEquals(3.0, z.get(0, 2));
        assertEquals(List.of("#0"), sandbox.lastCallEffects().reshaped());
    }

    @Test
    void changesMadeBeforeAnExceptionAreWrittenBackToo() {
        List<SimpleMatrix> outputs = List.of(column(0.5, 0.5));
        int[] targets = {1};
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> s.crossEntropy().sequenceLoss(outputs, targets));
        assertEquals("changed things, then failed", e.getMessage());
        assertEquals(42.0, outputs.get(0).get(0, 0));
        assertArrayEquals(new int[] {7}, targets);
        assertEquals(List.of("#0[0]", "#1"), sandbox.lastCallEffects().writtenBack());
    }

    /** The same calls in-process and through the sandbox leave the arguments in the same state. */
    @Test
    void argumentsEndAsAfterAnInProcessCall() {
        List<Function<Submission, Object[]>> scenarios = List.of(
                sub -> {
                    SimpleMatrix o = column(0.1, Double.NaN, 0.9);
                    Object r = sub.crossEntropy().gradient(o, 2);
                    return new Object[] {o, r == o};
                },
                sub -> {
                    RnnParameters p = RnnParameters.initialize(3, 2, 9);
                    RnnGradients g = RnnGradients.zerosLike(p);
                    g.dW().fill(Double.NEGATIVE_INFINITY);
                    Object r = sub.sgd().step(p, g, 0.1);
                    return new Object[] {p, g, r == p};
                },
                sub -> {
                    int[] ids = {1, 1, 0};
                    sub.oneHot().encodeSequence(ids, 2);
                    return new Object[] {ids};
                },
                sub -> {
                    SimpleMatrix sPrev = column(0.25, 0.75);
                    CellOutput out = sub.rnnCell(ActivationKind.TANH).forward(RnnParameters.initialize(3, 2, 2),
                            column(1, 0, 0), sPrev);
                    return new Object[] {sPrev, out.s_t() == sPrev, out.o_t() == sPrev};
                });
        for (Function<Submission, Object[]> scenario : scenarios) {
            JsonNode local = Wire.mapper().valueToTree(scenario.apply(inProcess));
            JsonNode remote = Wire.mapper().valueToTree(scenario.apply(s));
            assertEquals(local, remote);
        }
    }

    /**
     * The price of the snapshot on the child's side for Sgd.step with a 30×32 RnnParameters (the largest
     * arguments the suite passes per call): copy before, compare after, look for aliases in the result.
     * Printed, not asserted.
     */
    @Test
    void measuresTheSnapshotOverhead() throws Exception {
        Method step = Sgd.class.getMethod("step", RnnParameters.class, RnnGradients.class, double.class);
        RnnParameters p = RnnParameters.initialize(30, 32, 1);
        RnnGradients g = RnnGradients.zerosLike(p);
        RnnParameters fresh = p.copy();
        Object[] args = {p, g, 0.1};
        int warmup = 3_000;
        int rounds = 3_000;
        long sink = 0;
        for (int i = 0; i < warmup; i++) {
            ArgumentSnapshot snap = ArgumentSnapshot.take(Wire.mapper(), step, args);
            sink += snap.changes().size() + snap.aliases(fresh).size();
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            ArgumentSnapshot snap = ArgumentSnapshot.take(Wire.mapper(), step, args);
            sink += snap.changes().size() + snap.aliases(fresh).size();
        }
        double snapshotUs = (System.nanoTime() - t0) / 1e3 / rounds;

        assertEquals(0, sink, "nothing changed, nothing aliased");
        long t1 = System.nanoTime();
        for (int i = 0; i < 100; i++) {
            sink += Wire.mapper().valueToTree(args).size();
        }
        double wireUs = (System.nanoTime() - t1) / 1e3 / 100;

        Sgd remote = s.sgd();
        RnnGradients small = RnnGradients.zerosLike(p);
        for (int i = 0; i < 10; i++) {
            remote.clipByValue(small, 1);
        }
        long t2 = System.nanoTime();
        for (int i = 0; i < 30; i++) {
            remote.clipByValue(small, 1);
        }
        double callUs = (System.nanoTime() - t2) / 1e3 / 30;
        System.out.printf(Locale.ROOT, "[write-back overhead] snapshot+compare+alias walk for Sgd.step(30x32 RnnParameters,"
                + " RnnGradients): %.1f µs per call; for comparison, only writing those arguments as JSON: %.1f µs;"
                + " a whole proxied Sgd.clipByValue(30x32 RnnGradients) round trip: %.0f µs%n", snapshotUs, wireUs, callUs);
    }
}
