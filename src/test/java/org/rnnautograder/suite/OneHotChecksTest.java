package org.rnnautograder.suite;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rnnautograder.suite.SuiteHarness.assertAllPass;
import static org.rnnautograder.suite.SuiteHarness.assertFails;
import static org.rnnautograder.suite.SuiteHarness.run;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;
import org.rnnautograder.assignment.OneHot;
import org.rnnautograder.assignment.Submission;
import org.rnnautograder.grading.CheckResult;
import org.rnnautograder.i18n.Language;
import org.rnnautograder.i18n.Messages;
import submission.RnnSubmission;

/** The OneHot checks give the reference full points and catch each typical bug with a message naming it. */
class OneHotChecksTest {
    private static final Class<?> CHECKS = OneHotChecks.class;

    /** The reference's one-hot encoder; a test overrides the method it breaks. */
    private static class Delegate implements OneHot {
        final OneHot ref = new RnnSubmission().oneHot();

        @Override
        public SimpleMatrix encode(int id, int size) {
            return ref.encode(id, size);
        }

        @Override
        public List<SimpleMatrix> encodeSequence(int[] ids, int size) {
            return ref.encodeSequence(ids, size);
        }

        @Override
        public int decode(SimpleMatrix x) {
            return ref.decode(x);
        }
    }

    private static Submission with(OneHot oneHot) {
        return SubmissionWrapper.ofReference().with(oneHot);
    }

    /** The 1 one row too low (wrapping around), for valid ids. */
    private static Submission shifted() {
        return with(new Delegate() {
            @Override
            public SimpleMatrix encode(int id, int size) {
                return id < 0 || id >= size ? ref.encode(id, size) : ref.encode((id + 1) % size, size);
            }
        });
    }

    /** No range check: a bad id gives a column of zeros. */
    private static Submission unchecked() {
        return with(new Delegate() {
            @Override
            public SimpleMatrix encode(int id, int size) {
                SimpleMatrix x = new SimpleMatrix(Math.max(size, 1), 1);
                if (id >= 0 && id < size) {
                    x.set(id, 0, 1);
                }
                return x;
            }
        });
    }

    @Test
    void theReferenceScoresFullPoints() {
        assertAllPass(run(new RnnSubmission(), CHECKS), 5, 6, "reference");
    }

    @Test
    void aOneInTheWrongRowIsCaught() {
        Map<String, CheckResult> results = run(shifted(), CHECKS);
        assertFails(results, "onehot.encode.fixtures", "OneHot.encode(0, 5)", "Expected an m×1 column of zeros");
        assertFails(results, "onehot.property.single-one", "seed", "must have a single 1 at row 0");
    }

    @Test
    void aRowVectorIsCaught() {
        Map<String, CheckResult> results = run(with(new Delegate() {
            @Override
            public SimpleMatrix encode(int id, int size) {
                return id < 0 || id >= size ? ref.encode(id, size) : ref.encode(id, size).transpose();
            }
        }), CHECKS);
        assertFails(results, "onehot.encode.fixtures", "wrong shape", "1×5");
        assertFails(results, "onehot.property.single-one", "seed", "×1, but was 1×");
    }

    @Test
    void decodeKeepingTheLastOfATieIsCaught() {
        assertFails(run(with(new Delegate() {
            @Override
            public int decode(SimpleMatrix x) {
                int best = 0;
                for (int i = 1; i < x.getNumRows(); i++) {
                    best = x.get(i, 0) >= x.get(best, 0) ? i : best;
                }
                return best;
            }
        }), CHECKS), "onehot.decode.fixtures", "compare with >, not >=");
    }

    @Test
    void aMissingRangeCheckIsCaught() {
        assertFails(run(unchecked(), CHECKS), "onehot.bad-input", "OneHot.encode(5, 5)", "id = m", "Check the range first");
    }

    @Test
    void changedArgumentsAreCaught() {
        assertFails(run(with(new Delegate() {
            @Override
            public int decode(SimpleMatrix x) {
                int id = ref.decode(x);
                x.zero();
                return id;
            }
        }), CHECKS), "onehot.inputs-untouched", "OneHot.decode: its argument x", "after the call", "must not modify x");
        assertFails(run(with(new Delegate() {
            @Override
            public List<SimpleMatrix> encodeSequence(int[] ids, int size) {
                List<SimpleMatrix> xs = ref.encodeSequence(ids, size);
                Arrays.fill(ids, 0);
                return xs;
            }
        }), CHECKS), "onehot.inputs-untouched", "OneHot.encodeSequence: its argument ids", "must not modify ids");
    }

    @Test
    void inChineseTheMessagesAreChineseAndKeepTheFacts() {
        Language before = Messages.use(Language.ZH);
        try {
            Map<String, CheckResult> results = run(shifted(), CHECKS);
            CheckResult r = assertFails(results, "onehot.encode.fixtures", "OneHot.encode(0, 5)", "测试用例“encode id 0 of m=5”",
                    "期望一个 m×1 的全零列向量，只在第 id 行为 1。");
            assertTrue(r.title().contains("one-hot 向量"), r.title());
            assertFails(results, "onehot.property.single-one", "随机种子", "encode(id, m) 恰好有一个 1",
                    "必须只在第 0 行有一个 1，其余都是 0。");
            assertFails(run(unchecked(), CHECKS), "onehot.bad-input", "OneHot.encode(5, 5)", "id = m", "先检查范围",
                    "IllegalArgumentException");
        } finally {
            Messages.use(before);
        }
    }
}
