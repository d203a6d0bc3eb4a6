package org.rnnautograder.suite;

import java.util.List;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;
import org.rnnautograder.assignment.OneHot;
import org.rnnautograder.fixtures.FixtureCase;
import org.rnnautograder.fixtures.FixtureFile;
import org.rnnautograder.fixtures.FixtureFiles;

/** OneHot: x is m×1, all zeros but a 1 at the word's id; decode is argmax with ties to the lowest index. */
public class OneHotChecks extends ComponentChecks {
    private static final FixtureFile FIXTURES = FixtureFiles.bundled("OneHot");

    @Test
    @Check(id = "onehot.encode.fixtures", points = 2)
    void encodeFixtures() {
        OneHot oneHot = student().oneHot();
        for (FixtureCase c : FIXTURES.forMethod("encode")) {
            int id = c.input("id", Integer.class), size = c.input("size", Integer.class);
            Expect.close("OneHot.encode(" + id + ", " + size + ")", "fixture '" + c.name() + "'", c.expectedMatrix("x"),
                    oneHot.encode(id, size), c.tolerance(), "Expected an m×1 column of zeros with a single 1 at row id.");
        }
        for (FixtureCase c : FIXTURES.forMethod("encodeSequence")) {
            int[] ids = c.input("ids", int[].class);
            List<SimpleMatrix> want = c.expected("xs", new com.fasterxml.jackson.core.type.TypeReference<List<SimpleMatrix>>() {});
            List<SimpleMatrix> got = oneHot.encodeSequence(ids, c.input("size", Integer.class));
            Expect.equal("OneHot.encodeSequence: number of vectors", "fixture '" + c.name() + "'", want.size(),
                    got == null ? null : got.size(), "Expected one vector per id.");
            for (int t = 0; t < want.size(); t++) {
                Expect.close("OneHot.encodeSequence: vector " + t, "fixture '" + c.name() + "'", want.get(t), got.get(t),
                        c.tolerance(), "Vector t must be encode(ids[t], size).");
            }
        }
    }

    @Test
    @Check(id = "onehot.decode.fixtures", points = 1)
    void decodeFixtures() {
        OneHot oneHot = student().oneHot();
        for (FixtureCase c : FIXTURES.forMethod("decode")) {
            Expect.equal("OneHot.decode", "fixture '" + c.name() + "'", c.expected("id", Integer.class),
                    oneHot.decode(c.inputMatrix("x")),
                    "decode is argmax over the rows; on a tie keep the first (lowest) index: compare with >, not >=.");
        }
    }

    @Test
    @Check(id = "onehot.property.single-one", points = 1)
    void exactlyOneOne() {
        OneHot oneHot = student().oneHot();
        Property.forAll("encode(id, m) has exactly one 1, at row id", seed("onehot"), 40,
                (r, size) -> new int[] {r.nextInt(size * 7 + 1) + 1, 0},
                in -> "m=" + in[0],
                in -> {
                    int m = in[0];
                    for (int id = 0; id < m; id++) {
                        SimpleMatrix x = oneHot.encode(id, m);
                        Expect.that(x != null && x.getNumRows() == m && x.getNumCols() == 1,
                                "encode(" + id + ", " + m + ") must be " + m + "×1, but was "
                                        + org.rnnautograder.assignment.Shapes.describe(x) + ".", null);
                        double sum = 0;
                        int ones = 0;
                        for (int i = 0; i < m; i++) {
                            sum += Math.abs(x.get(i, 0));
                            ones += x.get(i, 0) == 1.0 ? 1 : 0;
                        }
                        Expect.that(ones == 1 && sum == 1.0 && x.get(id, 0) == 1.0,
                                "encode(" + id + ", " + m + ") must have a single 1 at row " + id + " and zeros elsewhere.", null);
                        Expect.equal("decode(encode(" + id + ", " + m + "))", "round trip", id, oneHot.decode(x),
                                "decode must invert encode.");
                    }
                });
    }

    @Test
    @Check(id = "onehot.bad-input", points = 1)
    void badInput() {
        OneHot oneHot = student().oneHot();
        String hint = "Check the range first and throw new IllegalArgumentException(\"id must be in 0 … m−1, but was …\").";
        Expect.throwsClearly("OneHot.encode(5, 5)", "id = m", () -> oneHot.encode(5, 5), hint, IllegalArgumentException.class);
        Expect.throwsClearly("OneHot.encode(-1, 5)", "negative id", () -> oneHot.encode(-1, 5), hint, IllegalArgumentException.class);
        Expect.throwsClearly("OneHot.encode(0, 0)", "size 0", () -> oneHot.encode(0, 0), hint, IllegalArgumentException.class);
    }

    @Test
    @Check(id = "onehot.inputs-untouched", points = 1)
    void inputsUntouched() {
        OneHot oneHot = student().oneHot();
        SimpleMatrix x = new SimpleMatrix(new double[][] {{0.2}, {0.5}, {0.3}});
        SimpleMatrix copy = x.copy();
        oneHot.decode(x);
        Expect.close("OneHot.decode: its argument x", "after the call", copy, x, org.rnnautograder.fixtures.Tolerance.EXACT,
                "decode must not modify x.");
        int[] ids = {2, 0, 1};
        oneHot.encodeSequence(ids, 3);
        Expect.equal("OneHot.encodeSequence: its argument ids", "after the call", "[2, 0, 1]", java.util.Arrays.toString(ids),
                "encodeSequence must not modify ids.");
    }
}
