package org.rnnautograder.gradcheck;

import java.util.List;
import java.util.Locale;
import org.rnnautograder.i18n.Messages;

/**
 * The result of one gradient check: one {@link BlockReport} per block plus the settings used. A plain
 * record of primitives, strings and lists, ready for Jackson.
 *
 * @param mode        the mode asked for ("FULL", "SAMPLED", "DIRECTIONAL")
 * @param eps         ε used
 * @param rtol        rtol used
 * @param atol        the absolute bound used: {@link GradCheckOptions#effectiveAtol}(f(θ)), = atol unless |f(θ)|
 *                    is huge
 * @param seed        the seed of every random choice
 * @param value       f(θ)
 * @param passed      true when every block passed
 * @param blocks      the blocks, in the order given to the checker
 * @param evaluations evaluations of f in total (including the one at θ, if any)
 * @param excluded    entries or directions excluded near kinks, over all blocks
 */
public record GradCheckReport(String mode, double eps, double rtol, double atol, long seed, double value,
        boolean passed,
        List<BlockReport> blocks, long evaluations, int excluded) {

    public GradCheckReport {
        blocks = List.copyOf(blocks);
    }

    /** @return the number of blocks that passed */
    public int blocksPassed() {
        return (int) blocks.stream().filter(BlockReport::passed).count();
    }

    /** @return the block with the largest worst-entry violation, failing blocks first; null when empty */
    public BlockReport worstBlock() {
        BlockReport worst = null;
        double worstScore = Double.NEGATIVE_INFINITY;
        for (BlockReport b : blocks) {
            double score = (b.passed() ? 0 : 1e300) + (Double.isNaN(b.worstRelativeError()) ? 0
                    : Math.min(b.worstRelativeError() / rtol, atol == 0 ? 1e300 : b.worstAbsoluteError() / atol));
            if (worst == null || score > worstScore) {
                worst = b;
                worstScore = score;
            }
        }
        return worst;
    }

    /**
     * @return one line in the current {@link Messages#language()}, e.g. "3 of 5 blocks pass; worst: dW[2,1]
     *         analytic 0.41 numeric −0.12, relative error 1.0" (plus the number of kink exclusions and evaluations)
     */
    public String summary() {
        BlockReport w = worstBlock();
        String worst = w == null || Double.isNaN(w.worstAnalytic()) ? ""
                : Messages.text("gradcheck.summary.worst", w.worstLabel(),
                        String.format(Locale.ROOT, "%.4g", w.worstAnalytic()),
                        String.format(Locale.ROOT, "%.4g", w.worstNumeric()),
                        String.format(Locale.ROOT, "%.2g", w.worstRelativeError()));
        String kinks = excluded > 0 ? Messages.text("gradcheck.summary.excluded", excluded) : "";
        return Messages.text("gradcheck.summary", blocksPassed(), blocks.size(), worst, kinks, evaluations);
    }

    /** @return the summary, then one line per block */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(summary());
        sb.append(String.format(Locale.ROOT, "%n  mode %s, eps %.1e, rtol %.1e, atol %.1e, seed %d, f(θ) = %.6g",
                mode, eps, rtol, atol, seed, value));
        for (BlockReport b : blocks) {
            sb.append(System.lineSeparator()).append("  ").append(b);
        }
        return sb.toString();
    }
}
