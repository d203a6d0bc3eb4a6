package org.rnnautograder.gradcheck;

/** Which entries {@link GradientChecker} differentiates numerically. */
public enum CheckMode {
    /** Every entry of every block: 2 evaluations of f per entry. Locates every wrong entry. */
    FULL,
    /**
     * k entries per block (k = {@link GradCheckOptions#samplesPerBlock()}), drawn from the recorded seed,
     * always including the block's entry with the largest |analytic|: 2 evaluations per sampled entry.
     */
    SAMPLED,
    /**
     * One seeded random unit direction v per block (PyTorch's "fast mode"): compares
     * (f(θ + εv) − f(θ − εv)) / 2ε with ⟨g, v⟩, 2 evaluations per block. A block that fails is then
     * checked in {@link #FULL} mode to locate the wrong entries.
     */
    DIRECTIONAL
}
