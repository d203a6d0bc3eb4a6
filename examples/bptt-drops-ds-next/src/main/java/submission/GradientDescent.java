package submission;

import java.util.ArrayList;
import java.util.List;
import org.ejml.simple.SimpleMatrix;
import org.rnnautograder.assignment.RnnGradients;
import org.rnnautograder.assignment.RnnParameters;
import org.rnnautograder.assignment.Sgd;

/** θ' = θ − η g, and the two clipping remedies for exploding gradients. */
public final class GradientDescent implements Sgd {
    @Override
    public RnnParameters step(RnnParameters params, RnnGradients grads, double learningRate) {
        grads.requireShapesOf(params);
        if (!(learningRate >= 0)) {
            throw new IllegalArgumentException("learning rate must be ≥ 0, but was " + learningRate);
        }
        List<SimpleMatrix> theta = params.blocks();
        List<SimpleMatrix> g = grads.blocks();
        List<SimpleMatrix> next = new ArrayList<>(5);
        for (int i = 0; i < 5; i++) {
            next.add(theta.get(i).minus(g.get(i).scale(learningRate)));
        }
        return RnnParameters.ofBlocks(next);
    }

    @Override
    public RnnGradients clipByGlobalNorm(RnnGradients grads, double maxNorm) {
        if (!(maxNorm > 0)) {
            throw new IllegalArgumentException("maxNorm must be > 0, but was " + maxNorm);
        }
        double squares = 0;
        for (SimpleMatrix block : grads.blocks()) {
            double f = block.normF();
            squares += f * f;
        }
        double norm = Math.sqrt(squares);
        if (norm <= maxNorm) {
            return grads.copy();
        }
        double scale = maxNorm / norm;
        return RnnGradients.ofBlocks(grads.blocks().stream().map(b -> b.scale(scale)).toList());
    }

    @Override
    public RnnGradients clipByValue(RnnGradients grads, double maxValue) {
        if (!(maxValue > 0)) {
            throw new IllegalArgumentException("maxValue must be > 0, but was " + maxValue);
        }
        return RnnGradients.ofBlocks(grads.blocks().stream()
                .map(b -> b.elementOp((org.ejml.simple.SimpleOperations.ElementOpReal)
                        (r, c, v) -> Math.max(-maxValue, Math.min(maxValue, v))))
                .toList());
    }
}
