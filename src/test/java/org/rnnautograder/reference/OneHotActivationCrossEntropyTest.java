package org.rnnautograder.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;
import org.rnnautograder.assignment.Activation;
import org.rnnautograder.assignment.ActivationKind;
import org.rnnautograder.assignment.CrossEntropy;
import org.rnnautograder.assignment.OneHot;
import org.rnnautograder.assignment.Submission;
import submission.RnnSubmission;

class OneHotActivationCrossEntropyTest {
    private final Submission reference = new RnnSubmission();
    private final OneHot oneHot = reference.oneHot();
    private final CrossEntropy ce = reference.crossEntropy();

    @Test
    void oneHotHasASingleOneAtTheId() {
        SimpleMatrix x = oneHot.encode(2, 5);
        assertArrayEquals(new double[] {0, 0, 1, 0, 0}, x.getDDRM().getData());
        assertEquals(2, oneHot.decode(x));
        assertEquals(3, oneHot.encodeSequence(new int[] {0, 4, 1}, 5).size());
        assertEquals(4, oneHot.decode(oneHot.encodeSequence(new int[] {0, 4, 1}, 5).get(1)));
    }

    @Test
    void decodeBreaksTiesTowardTheLowestIndex() {
        assertEquals(1, oneHot.decode(new SimpleMatrix(new double[][] {{0.1}, {0.4}, {0.4}, {0.1}})));
    }

    @Test
    void oneHotRejectsIdsOutOfRangeClearly() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> oneHot.encode(5, 5));
        assertTrue(e.getMessage().contains("0 … 4"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> oneHot.encode(-1, 5));
        assertThrows(IllegalArgumentException.class, () -> oneHot.encode(0, 0));
        assertThrows(IllegalArgumentException.class, () -> oneHot.decode(new SimpleMatrix(2, 2)));
    }

    @Test
    void tanhAndReluValuesAndDerivatives() {
        SimpleMatrix z = new SimpleMatrix(new double[][] {{-2}, {0}, {0.5}});
        Activation tanh = reference.activation(ActivationKind.TANH);
        Activation relu = reference.activation(ActivationKind.RELU);
        Fixtures.assertClose(new SimpleMatrix(new double[][] {{Math.tanh(-2)}, {0}, {Math.tanh(0.5)}}), tanh.value(z), 1e-15, "tanh");
        double t = Math.tanh(0.5);
        Fixtures.assertClose(new SimpleMatrix(new double[][] {{1 - Math.pow(Math.tanh(-2), 2)}, {1}, {1 - t * t}}),
                tanh.derivative(z), 1e-15, "tanh'");
        Fixtures.assertClose(new SimpleMatrix(new double[][] {{0}, {0}, {0.5}}), relu.value(z), 0, "relu");
        Fixtures.assertClose(new SimpleMatrix(new double[][] {{0}, {0}, {1}}), relu.derivative(z), 0, "relu' (0 at z = 0)");
        assertEquals(-2, z.get(0, 0), "the argument is not modified");
    }

    @Test
    void derivativesMatchCentralDifferences() {
        Random r = new Random(7);
        SimpleMatrix z = Fixtures.random(6, 1, r);
        for (ActivationKind kind : ActivationKind.values()) {
            Activation g = reference.activation(kind);
            SimpleMatrix h = new SimpleMatrix(6, 1);
            h.fill(1e-6);
            SimpleMatrix numeric = g.value(z.plus(h)).minus(g.value(z.minus(h))).divide(2e-6);
            Fixtures.assertClose(numeric, g.derivative(z), 1e-8, kind + "'");
        }
    }

    @Test
    void softmaxOfAHandComputedCase() {
        SimpleMatrix o = ce.softmax(new SimpleMatrix(new double[][] {{1}, {2}, {3}}));
        double s = Math.exp(1) + Math.exp(2) + Math.exp(3);
        Fixtures.assertClose(new SimpleMatrix(new double[][] {{Math.exp(1) / s}, {Math.exp(2) / s}, {Math.exp(3) / s}}),
                o, 1e-15, "softmax([1,2,3])");
    }

    @Test
    void softmaxStaysFiniteForLogitsOfPlusMinus1000() {
        SimpleMatrix o = ce.softmax(new SimpleMatrix(new double[][] {{1000}, {-1000}, {1000}, {999}}));
        for (int i = 0; i < 4; i++) {
            assertTrue(Double.isFinite(o.get(i)), "entry " + i + " is " + o.get(i));
        }
        assertEquals(1.0, o.elementSum(), 1e-12);
        double e = Math.exp(-1);
        assertEquals(1 / (2 + e), o.get(0), 1e-15);
        assertEquals(0.0, o.get(1), 0);
    }

    @Test
    void lossIsMinusLnOfTheTargetProbabilityAndGradientIsOMinusY() {
        SimpleMatrix o = new SimpleMatrix(new double[][] {{0.2}, {0.7}, {0.1}});
        assertEquals(-Math.log(0.7), ce.loss(o, 1), 1e-15);
        SimpleMatrix g = ce.gradient(o, 1);
        Fixtures.assertClose(new SimpleMatrix(new double[][] {{0.2}, {-0.3}, {0.1}}), g, 1e-15, "o − y");
        assertNotSame(o, g);
        assertEquals(0.7, o.get(1), 0, "o is not modified");
        assertThrows(IllegalArgumentException.class, () -> ce.loss(o, 3));
    }

    @Test
    void gradientIsTheDerivativeOfLossOfSoftmaxWithRespectToTheLogits() {
        SimpleMatrix z = Fixtures.random(5, 1, new Random(3));
        SimpleMatrix numeric = Fixtures.numericGradient(b -> ce.loss(ce.softmax(b.get(0)), 2), List.of(z), 0);
        Fixtures.assertClose(numeric, ce.gradient(ce.softmax(z), 2), 1e-8, "dL/dz");
    }

    @Test
    void sequenceLossIsTheSumNotTheMean() {
        SimpleMatrix a = new SimpleMatrix(new double[][] {{0.5}, {0.5}});
        SimpleMatrix b = new SimpleMatrix(new double[][] {{0.9}, {0.1}});
        assertEquals(-Math.log(0.5) - Math.log(0.1), ce.sequenceLoss(List.of(a, b), new int[] {0, 1}), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> ce.sequenceLoss(List.of(a), new int[] {0, 1}));
    }
}
