package org.rnnautograder.suite;

import java.util.List;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;
import org.rnnautograder.assignment.OneHot;
import org.rnnautograder.fixtures.FixtureCase;
import org.rnnautograder.fixtures.FixtureFile;
import org.rnnautograder.fixtures.FixtureFiles;
import org.rnnautograder.i18n.Messages;

/** OneHot: x is m×1, all zeros but a 1 at the word's id; decode is argmax with ties to the lowest index. */
public class OneHotChecks extends ComponentChecks {
    private static final FixtureFile FIXTURES = FixtureFiles.bundled("OneHot");

    @Test
    @Check(id = "onehot.encode.fixtures", points = 2)
    void encodeFixtures() {
        OneHot oneHot = student().oneHot();
        for (FixtureCase c : FIXTURES.forMethod("encode")) {
            int id = c.input("id", Integer.class), size = c.input("size", Integer.class);
            Expect.close("OneHot.encode(" + id + ", " + size + ")", Messages.text("common.fixture", c.name()),
                    c.expectedMatrix("x"), oneHot.encode(id, size), c.tolerance(), Messages.text("onehot.hint.encode"));
        }
        for (FixtureCase c : FIXTURES.forMethod("encodeSequence")) {
            int[] ids = c.input("ids", int[].class);
            List<SimpleMatrix> want = c.expected("xs", new com.fasterxml.jackson.core.type.TypeReference<List<SimpleMatrix>>() {});
            List<SimpleMatrix> got = oneHot.encodeSequence(ids, c.input("size", Integer.class));
            String fixture = Messages.text("common.fixture", c.name());
            Expect.equal(Messages.text("onehot.where.sequence-length"), fixture, want.size(), got == null ? null : got.size(),
                    Messages.text("onehot.hint.sequence-length"));
            for (int t = 0; t < want.size(); t++) {
                Expect.close(Messages.text("onehot.where.sequence-vector", t), fixture, want.get(t), got.get(t),
                        c.tolerance(), Messages.text("onehot.hint.sequence-vector"));
            }
        }
    }

    @Test
    @Check(id = "onehot.decode.fixtures", points = 1)
    void decodeFixtures() {
        OneHot oneHot = student().oneHot();
        for (FixtureCase c : FIXTURES.forMethod("decode")) {
            Expect.equal("OneHot.decode", Messages.text("common.fixture", c.name()), c.expected("id", Integer.class),
                    oneHot.decode(c.inputMatrix("x")), Messages.text("onehot.hint.decode"));
        }
    }

    @Test
    @Check(id = "onehot.property.single-one", points = 1)
    void exactlyOneOne() {
        OneHot oneHot = student().oneHot();
        Property.forAll(Messages.text("onehot.property.single-one"), seed("onehot"), 40,
                (r, size) -> new int[] {r.nextInt(size * 7 + 1) + 1, 0},
                in -> "m=" + in[0],
                in -> {
                    int m = in[0];
                    for (int id = 0; id < m; id++) {
                        SimpleMatrix x = oneHot.encode(id, m);
                        Expect.that(x != null && x.getNumRows() == m && x.getNumCols() == 1, Messages.text(
                                "onehot.fail.shape", id, m, org.rnnautograder.assignment.Shapes.describe(x)), null);
                        double sum = 0;
                        int ones = 0;
                        for (int i = 0; i < m; i++) {
                            sum += Math.abs(x.get(i, 0));
                            ones += x.get(i, 0) == 1.0 ? 1 : 0;
                        }
                        Expect.that(ones == 1 && sum == 1.0 && x.get(id, 0) == 1.0,
                                Messages.text("onehot.fail.single-one", id, m), null);
                        Expect.equal("decode(encode(" + id + ", " + m + "))", Messages.text("onehot.where.round-trip"), id,
                                oneHot.decode(x), Messages.text("onehot.hint.round-trip"));
                    }
                });
    }

    @Test
    @Check(id = "onehot.bad-input", points = 1)
    void badInput() {
        OneHot oneHot = student().oneHot();
        String hint = Messages.text("onehot.hint.check-range");
        Expect.throwsClearly("OneHot.encode(5, 5)", "id = m", () -> oneHot.encode(5, 5), hint, IllegalArgumentException.class);
        Expect.throwsClearly("OneHot.encode(-1, 5)", Messages.text("onehot.where.negative-id"), () -> oneHot.encode(-1, 5),
                hint, IllegalArgumentException.class);
        Expect.throwsClearly("OneHot.encode(0, 0)", Messages.text("onehot.where.size-zero"), () -> oneHot.encode(0, 0),
                hint, IllegalArgumentException.class);
    }

    @Test
    @Check(id = "onehot.inputs-untouched", points = 1)
    void inputsUntouched() {
        OneHot oneHot = student().oneHot();
        SimpleMatrix x = new SimpleMatrix(new double[][] {{0.2}, {0.5}, {0.3}});
        SimpleMatrix copy = x.copy();
        oneHot.decode(x);
        String afterTheCall = Messages.text("common.after-the-call");
        Expect.close(Messages.text("onehot.where.decode-argument"), afterTheCall, copy, x,
                org.rnnautograder.fixtures.Tolerance.EXACT, Messages.text("onehot.hint.decode-argument"));
        int[] ids = {2, 0, 1};
        oneHot.encodeSequence(ids, 3);
        Expect.equal(Messages.text("onehot.where.sequence-argument"), afterTheCall, "[2, 0, 1]",
                java.util.Arrays.toString(ids), Messages.text("onehot.hint.sequence-argument"));
    }
}
