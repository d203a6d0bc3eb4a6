package org.rnnautograder.gradcheck;

/**
 * Settings of {@link GradientChecker}: the step ε of the central differences, the failure rule and the
 * mode.
 *
 * <p><b>Failure rule</b> (DL4J's): with a the analytic and n the numeric value of one entry,
 * <pre>
 *   relative error  r = |a − n| / max(|a| + |n|, TINY)        (0 ≤ r ≤ 1; 1 means opposite signs or one is 0)
 *   absolute error  e = |a − n|
 *   the entry FAILS  ⇔  r &gt; rtol  AND  e &gt; atol
 * </pre>
 * so a tiny entry is judged by its absolute error and a large one by its relative error.
 *
 * <p><b>Defaults, chosen from measurement</b> ({@link GradCheckCalibration} 3000 20240601; docs/gradcheck.md
 * has the full tables and the command that prints them). Correct RNN gradients (our own BPTT), 3000
 * random cases, m 2…30, n 1…32, T 1…40, tanh and relu, one-hot (70 %) and dense x_t, parameter scale
 * 0.3…3, up to 24 entries per block: 299 451 entries (123 more excluded near relu kinks).
 * <pre>
 *   per-case max |a − n|       ε = 1e-5   p50 1.4e-9  p90 4.0e-9  p99 7.5e-6  max 9.2e7
 *                              ε = 1e-6   p50 1.3e-8  p90 3.5e-8  p99 1.2e-6  max 7.3e6
 *                              ε = 1e-7   p50 1.2e-7  p90 3.5e-7  p99 9.1e-6  max 6.0e7
 *   (every case above 1e-6 at ε = 1e-6 is an exploding relu problem, L = 6e5 … 3.5e15: the rounding
 *    noise is ≈ ULP·|L|/ε, max over all entries of |a − n|·ε / (ULP·max(|L|, 1)) = 157)
 *   perturbed entry a → a(1 ± δ), |a| ≥ 1e-2·max|block|, ε = 1e-6:  min r = 4.3e-4 (δ = 1e-3),
 *                              4.5e-3 (δ = 1e-2); min |a − n| = 2.1e-7 (δ = 1e-3)
 *   false failures with atol' = max(atol, 30·ULP·max(|L|,1)/ε):  0 of 299 451 for every rtol in
 *                              {1e-5, 1e-4, 1e-3} × atol in {1e-7, 1e-6, 1e-5}
 *   caught with rtol 1e-4, atol 1e-6: δ = 1e-3 99.8 %, δ = 3e-3 … 1e-1 100 %
 * </pre>
 * Hence ε = 1e-6 (smallest worst case of the five ε tried), rtol = 1e-4 and atol = 1e-6: ten times looser
 * than the tightest setting that still had no false failure, and 4× below the smallest relative error of a
 * 1e-3 perturbation (whose misses are entries with δ·|a| &lt; atol). The noise floor
 * {@link #NOISE_FACTOR} = 30 only matters for |L| &gt; 150.
 *
 * @param mode            which entries are checked (see {@link CheckMode})
 * @param eps             ε, the step of the central difference, &gt; 0
 * @param rtol            the relative-error bound, &gt; 0
 * @param atol            the absolute-error bound, ≥ 0
 * @param samplesPerBlock k, the entries checked per block in {@link CheckMode#SAMPLED} mode, ≥ 1
 * @param seed            the seed of every random choice (sampled entries, directions)
 */
public record GradCheckOptions(CheckMode mode, double eps, double rtol, double atol, int samplesPerBlock, long seed) {

    /** ε of the defaults (see the class comment for the measurement behind it). */
    public static final double DEFAULT_EPS = 1e-6;
    /** rtol of the defaults. */
    public static final double DEFAULT_RTOL = 1e-4;
    /** atol of the defaults. */
    public static final double DEFAULT_ATOL = 1e-6;
    /** k of the defaults. */
    public static final int DEFAULT_SAMPLES_PER_BLOCK = 8;
    /** 2^-52, the spacing of doubles at 1. */
    public static final double ULP = Math.ulp(1.0);
    /**
     * The rounding noise of a central difference is about ULP · |f(θ)| / ε, so the absolute bound actually
     * used is max(atol, NOISE_FACTOR · ULP · max(|f(θ)|, 1) / ε) (see {@link #effectiveAtol}).
     */
    public static final double NOISE_FACTOR = 30;
    /** The floor of the denominator of the relative error. */
    public static final double TINY = Double.MIN_NORMAL;

    public GradCheckOptions {
        if (mode == null) {
            throw new NullPointerException("mode must not be null (expected FULL, SAMPLED or DIRECTIONAL)");
        }
        if (!(eps > 0) || !Double.isFinite(eps)) {
            throw new IllegalArgumentException("eps must be a finite number > 0, but was " + eps);
        }
        if (!(rtol > 0) || !Double.isFinite(rtol)) {
            throw new IllegalArgumentException("rtol must be a finite number > 0, but was " + rtol);
        }
        if (!(atol >= 0) || !Double.isFinite(atol)) {
            throw new IllegalArgumentException("atol must be a finite number ≥ 0, but was " + atol);
        }
        if (samplesPerBlock < 1) {
            throw new IllegalArgumentException("samplesPerBlock must be ≥ 1, but was " + samplesPerBlock);
        }
    }

    /** @return FULL mode with the measured defaults and seed 0 */
    public static GradCheckOptions defaults() {
        return new GradCheckOptions(CheckMode.FULL, DEFAULT_EPS, DEFAULT_RTOL, DEFAULT_ATOL,
                DEFAULT_SAMPLES_PER_BLOCK, 0L);
    }

    /** @return a copy with {@code mode} */
    public GradCheckOptions withMode(CheckMode mode) {
        return new GradCheckOptions(mode, eps, rtol, atol, samplesPerBlock, seed);
    }

    /** @return a copy with {@code seed} */
    public GradCheckOptions withSeed(long seed) {
        return new GradCheckOptions(mode, eps, rtol, atol, samplesPerBlock, seed);
    }

    /** @return a copy with k = {@code samplesPerBlock} */
    public GradCheckOptions withSamplesPerBlock(int samplesPerBlock) {
        return new GradCheckOptions(mode, eps, rtol, atol, samplesPerBlock, seed);
    }

    /** @return a copy with step {@code eps} */
    public GradCheckOptions withEps(double eps) {
        return new GradCheckOptions(mode, eps, rtol, atol, samplesPerBlock, seed);
    }

    /** @return a copy with the bounds {@code rtol} and {@code atol} */
    public GradCheckOptions withTolerances(double rtol, double atol) {
        return new GradCheckOptions(mode, eps, rtol, atol, samplesPerBlock, seed);
    }

    /**
     * The absolute bound used at a point where f(θ) = {@code f0}:
     * max(atol, NOISE_FACTOR · ULP · max(|f0|, 1) / ε). For |f0| ≤ 150 and ε = 1e-6 this is atol itself; it
     * only grows for exploding problems (L ≫ 1e3), whose central differences cannot resolve smaller errors.
     */
    public double effectiveAtol(double f0) {
        double floor = NOISE_FACTOR * ULP * Math.max(Math.abs(f0), 1) / eps;
        return Double.isFinite(floor) ? Math.max(atol, floor) : atol;
    }

    /** @return r = |a − n| / max(|a| + |n|, TINY) */
    public static double relativeError(double analytic, double numeric) {
        return Math.abs(analytic - numeric) / Math.max(Math.abs(analytic) + Math.abs(numeric), TINY);
    }

    /**
     * How badly an entry violates the rule: min(r / rtol, e / atol). The entry fails exactly when this is
     * &gt; 1; the "worst entry" of a block is the one with the largest score. NaN compares as failing.
     */
    public double violation(double analytic, double numeric) {
        if (!Double.isFinite(analytic) || !Double.isFinite(numeric)) {
            return Double.POSITIVE_INFINITY;
        }
        double e = Math.abs(analytic - numeric);
        double r = relativeError(analytic, numeric);
        return Math.min(r / rtol, atol == 0 ? Double.POSITIVE_INFINITY : e / atol);
    }

    /** @return true when the entry fails: r &gt; rtol and e &gt; atol (or either value is not finite) */
    public boolean fails(double analytic, double numeric) {
        if (!Double.isFinite(analytic) || !Double.isFinite(numeric)) {
            return true;
        }
        double e = Math.abs(analytic - numeric);
        return relativeError(analytic, numeric) > rtol && e > atol;
    }
}
