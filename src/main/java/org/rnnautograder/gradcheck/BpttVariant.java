package org.rnnautograder.gradcheck;

/**
 * The knobs of {@link ReferenceRnn#backward}: the correct BPTT, or one of its typical mistakes. Each
 * knob changes one line of the loop (walking t = T, T−1, …, 1):
 * <pre>
 *   dz_o = o_t − y_t                       missingMinusY:  dz_o = o_t
 *   dV += dz_o s_tᵀ;  db_y += dz_o         steps / biasLastOnly: which t are summed
 *   ds = Vᵀ dz_o + ds_next                 dropDsNext:     ds = Vᵀ dz_o
 *   dz = ds ⊙ g1'(z_t)                     derivative:     NONE (dz = ds), TANH_OF_Z (1 − z_t²)
 *   dU += dz x_tᵀ;  dW += dz s_{t−1}ᵀ      sTForSPrev:     dW += dz s_tᵀ
 *   db_a += dz
 *   ds_next ← Wᵀ dz                        wNotTransposed: ds_next ← W dz
 * </pre>
 *
 * @param dropDsNext     ds_next is not added to ds
 * @param steps          which steps' contributions are summed (ALL, or only t = T, or only t = 1)
 * @param sTForSPrev     dW uses s_t where s_{t−1} belongs
 * @param derivative     how g1'(z_t) is computed
 * @param missingMinusY  dz_o = o_t
 * @param biasLastOnly   db_a and db_y keep only step T's contribution
 * @param wNotTransposed ds_next ← W dz
 */
record BpttVariant(boolean dropDsNext, Steps steps, boolean sTForSPrev, Derivative derivative,
        boolean missingMinusY, boolean biasLastOnly, boolean wNotTransposed) {

    /** Which steps are summed into the gradients. */
    enum Steps { ALL, LAST_ONLY, FIRST_ONLY }

    /** How g1'(z_t) is computed. */
    enum Derivative { CORRECT, NONE, TANH_OF_Z }

    static final BpttVariant CORRECT = new BpttVariant(false, Steps.ALL, false, Derivative.CORRECT, false, false,
            false);

    BpttVariant withDropDsNext() {
        return new BpttVariant(true, steps, sTForSPrev, derivative, missingMinusY, biasLastOnly, wNotTransposed);
    }

    BpttVariant withSteps(Steps s) {
        return new BpttVariant(dropDsNext, s, sTForSPrev, derivative, missingMinusY, biasLastOnly, wNotTransposed);
    }

    BpttVariant withSTForSPrev() {
        return new BpttVariant(dropDsNext, steps, true, derivative, missingMinusY, biasLastOnly, wNotTransposed);
    }

    BpttVariant withDerivative(Derivative d) {
        return new BpttVariant(dropDsNext, steps, sTForSPrev, d, missingMinusY, biasLastOnly, wNotTransposed);
    }

    BpttVariant withMissingMinusY() {
        return new BpttVariant(dropDsNext, steps, sTForSPrev, derivative, true, biasLastOnly, wNotTransposed);
    }

    BpttVariant withBiasLastOnly() {
        return new BpttVariant(dropDsNext, steps, sTForSPrev, derivative, missingMinusY, true, wNotTransposed);
    }

    BpttVariant withWNotTransposed() {
        return new BpttVariant(dropDsNext, steps, sTForSPrev, derivative, missingMinusY, biasLastOnly, true);
    }
}
