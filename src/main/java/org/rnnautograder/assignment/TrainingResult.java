package org.rnnautograder.assignment;

import org.rnnautograder.i18n.Messages;

/**
 * What {@link LanguageModel#train} returns. Given code.
 *
 * @param params      the trained θ
 * @param lossHistory one entry per epoch: the mean loss per predicted token in that epoch,
 *                    (Σ over windows of Σ_t −ln o_t[y_t]) / (number of targets), each window's loss taken
 *                    in its forward pass, before its update
 */
public record TrainingResult(RnnParameters params, double[] lossHistory) {
    public TrainingResult {
        if (params == null || lossHistory == null) {
            throw new NullPointerException(Messages.text("contract.null-both", "params", "lossHistory"));
        }
        lossHistory = lossHistory.clone();
    }

    @Override
    public double[] lossHistory() {
        return lossHistory.clone();
    }
}
