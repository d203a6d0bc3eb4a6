package submission;

import java.util.List;
import org.ejml.simple.SimpleMatrix;
import org.rnnautograder.assignment.CrossEntropy;

/** Stable softmax and the summed cross-entropy L = Σ_t −ln o_t[y_t]. */
public final class SoftmaxCrossEntropy implements CrossEntropy {
    @Override
    public SimpleMatrix softmax(SimpleMatrix logits) {
        requireColumn(logits);
        double max = logits.elementMax(); // subtracting the max keeps exp() ≤ 1: finite for ±1000
        SimpleMatrix e = logits.minus(max).elementExp();
        return e.divide(e.elementSum());
    }

    @Override
    public double loss(SimpleMatrix o, int target) {
        requireTarget(o, target);
        return -Math.log(o.get(target, 0));
    }

    @Override
    public SimpleMatrix gradient(SimpleMatrix o, int target) {
        requireTarget(o, target);
        SimpleMatrix dz = o.copy();
        dz.set(target, 0, dz.get(target, 0) - 1);
        return dz;
    }

    @Override
    public double sequenceLoss(List<SimpleMatrix> outputs, int[] targets) {
        if (outputs.size() != targets.length) {
            throw new IllegalArgumentException("need one target per output, but got " + outputs.size()
                    + " outputs and " + targets.length + " targets");
        }
        double sum = 0;
        for (int t = 0; t < targets.length; t++) {
            sum += loss(outputs.get(t), targets[t]);
        }
        return sum;
    }

    private static void requireColumn(SimpleMatrix v) {
        if (v.getNumCols() != 1 || v.getNumRows() < 1) {
            throw new IllegalArgumentException("expected an m×1 column vector, but was "
                    + v.getNumRows() + "×" + v.getNumCols());
        }
    }

    private static void requireTarget(SimpleMatrix o, int target) {
        requireColumn(o);
        if (target < 0 || target >= o.getNumRows()) {
            throw new IllegalArgumentException("target must be in 0 … " + (o.getNumRows() - 1) + ", but was " + target);
        }
    }
}
