package org.rnnautograder.gradcheck;

import java.util.Locale;

/**
 * The result of checking one block (e.g. "W", whose gradient is shown as dW). A plain record of
 * primitives and strings, ready for Jackson.
 *
 * <p>The worst entry is the one with the largest violation min(r / rtol, e / atol) (see
 * {@link GradCheckOptions#violation}); in directional mode without a fallback, the "entry" is the
 * directional derivative, and {@code worstRow = worstCol = -1}.
 *
 * @param name             the block's name, e.g. "W" or "s_prev"
 * @param rows             rows of the block
 * @param cols             columns of the block
 * @param mode             "full", "sampled", "directional" or "directional→full" (failed, then located)
 * @param passed           true when no checked entry failed
 * @param entriesChecked   entries (or directions) compared
 * @param entriesFailed    entries (or directions) that failed the rule
 * @param entriesExcluded  entries (or directions) skipped because the difference straddled a kink
 * @param maxRelativeError the largest r over the compared entries
 * @param maxAbsoluteError the largest e over the compared entries
 * @param worstRow         the worst entry's row, -1 for a direction or when nothing was compared
 * @param worstCol         the worst entry's column, -1 likewise
 * @param worstAnalytic    a at the worst entry (NaN when nothing was compared)
 * @param worstNumeric     n at the worst entry (NaN when nothing was compared)
 * @param worstRelativeError r at the worst entry
 * @param worstAbsoluteError e at the worst entry
 * @param evaluations      evaluations of f spent on this block
 */
public record BlockReport(String name, int rows, int cols, String mode, boolean passed, int entriesChecked,
        int entriesFailed, int entriesExcluded, double maxRelativeError, double maxAbsoluteError, int worstRow,
        int worstCol, double worstAnalytic, double worstNumeric, double worstRelativeError,
        double worstAbsoluteError, long evaluations) {

    /** @return "d" + name and the worst entry, e.g. "dW[2,1]", or "dW·v" for a direction */
    public String worstLabel() {
        return worstRow < 0 ? "d" + name + "·v" : "d" + name + "[" + worstRow + "," + worstCol + "]";
    }

    /** @return one line: name, verdict, errors, worst entry, counts */
    @Override
    public String toString() {
        return String.format(Locale.ROOT,
                "d%-6s %-4s %s  max rel %.3g  max abs %.3g  worst %s analytic %.6g numeric %.6g"
                        + "  (%d checked, %d failed, %d excluded, %d evaluations)",
                name, passed ? "PASS" : "FAIL", mode, maxRelativeError, maxAbsoluteError, worstLabel(),
                worstAnalytic, worstNumeric, entriesChecked, entriesFailed, entriesExcluded, evaluations);
    }
}
