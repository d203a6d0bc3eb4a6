package org.rnnautograder.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.rnnautograder.grading.CheckResult;
import org.rnnautograder.grading.SubmissionResult;
import org.rnnautograder.i18n.Language;
import org.rnnautograder.i18n.Messages;

/**
 * What every report derives from a {@link SubmissionResult} the same way: the totals (those of {@link ScoreTable}),
 * the stable check numbers, the summary sentences, the per-component rows. Sentences and words come from the
 * catalogue in the current language ({@link Messages#language()}).
 */
public final class ResultView {
    private ResultView() {}

    /**
     * @return earned / possible / instructor-graded points, by {@link ScoreTable#totals}; when the result has no
     * checks at all (a submission that did not compile may list none), the record's own {@code score} and
     * {@code maxScore}
     */
    public static ScoreTable.Totals totals(SubmissionResult r) {
        if (r.checks().isEmpty()) {
            return new ScoreTable.Totals(r.score(), r.maxScore(), 0);
        }
        return ScoreTable.totals(r.checks());
    }

    /** @return the components in suite order (the order of the checks) */
    public static List<String> components(SubmissionResult r) {
        return new ArrayList<>(r.byComponent().keySet());
    }

    /**
     * @return check id → its stable number "c.k": c the component's 1-based position in suite order, k the check's
     * 1-based position within its component
     */
    public static Map<String, String> numbers(SubmissionResult r) {
        Map<String, Integer> componentIndex = new LinkedHashMap<>();
        Map<String, Integer> perComponent = new LinkedHashMap<>();
        Map<String, String> out = new LinkedHashMap<>();
        for (CheckResult c : r.checks()) {
            int ci = componentIndex.computeIfAbsent(c.component(), k -> componentIndex.size() + 1);
            int k = perComponent.merge(c.component(), 1, Integer::sum);
            out.put(c.id(), ci + "." + k);
        }
        return out;
    }

    /** @return the points that count against the student for {@code c}: 0 for a skipped instructor-graded check */
    public static int countedPoints(CheckResult c) {
        return !c.graded() && c.needsReference() ? 0 : c.points();
    }

    /** @return "Component — title" */
    public static String name(CheckResult c) {
        return c.component() + " — " + c.title();
    }

    /** @return what the student's code printed during {@code c}, or "" */
    public static String printed(SubmissionResult r, CheckResult c) {
        String s = r.outputs().get(c.id());
        return s == null ? "" : s;
    }

    /** @return "7/20" */
    public static String scoreText(SubmissionResult r) {
        ScoreTable.Totals t = totals(r);
        return t.earned() + "/" + t.possible();
    }

    /** @return the provenance sentence: seed, version, fixtures, isolation */
    public static String provenance(SubmissionResult r) {
        return Messages.text("report.provenance", r.seed(), r.autograderVersion(), r.fixturesHash(), r.isolation());
    }

    /** @return why the suite did not run (message and compiler output), or "" when it ran */
    public static String statusParagraph(SubmissionResult r) {
        if (r.status() == SubmissionResult.Status.GRADED) {
            return "";
        }
        StringBuilder out = new StringBuilder(switch (r.status()) {
            case COMPILE_ERROR -> Messages.text("report.status.compile-error");
            case NOT_LOADED -> Messages.text("report.status.not-loaded");
            case INTERNAL_ERROR -> Messages.text("report.status.internal-error");
            default -> "";
        });
        if (!r.message().isBlank()) {
            out.append("\n\n").append(r.message().strip());
        }
        if (!r.compileErrors().isEmpty()) {
            out.append("\n\n").append(Messages.text("report.compiler-messages")).append('\n')
                    .append(String.join("\n", r.compileErrors()));
        }
        return out.toString();
    }

    /** @return "graded", "compile error", "not loaded", "internal error" (in the current language) */
    public static String statusWord(SubmissionResult.Status s) {
        return switch (s) {
            case GRADED -> Messages.text("report.submission-status.graded");
            case COMPILE_ERROR -> Messages.text("report.submission-status.compile-error");
            case NOT_LOADED -> Messages.text("report.submission-status.not-loaded");
            case INTERNAL_ERROR -> Messages.text("report.submission-status.internal-error");
        };
    }

    /** @return "passed", "failed", "not implemented", "skipped" (in the current language) */
    public static String statusWord(CheckResult.Status s) {
        return switch (s) {
            case PASSED -> Messages.text("report.check-status.passed");
            case FAILED -> Messages.text("report.check-status.failed");
            case NOT_IMPLEMENTED -> Messages.text("report.check-status.not-implemented");
            case SKIPPED -> Messages.text("report.check-status.skipped");
        };
    }

    /**
     * @return the message of a check that is not implemented yet, as shown: when it was built by
     *         {@code failure.not-implemented} in any language ("RnnCell.forward — not implemented yet"), that message
     *         in the current language; otherwise the message as it is (stripped)
     */
    public static String notImplementedMessage(String message) {
        return notImplementedMethod(message).map(method -> Messages.text("failure.not-implemented", method))
                .orElse(message.strip());
    }

    /**
     * @return the method named by {@code message} when it is a {@code failure.not-implemented} message in some
     *         language, else empty
     */
    static Optional<String> notImplementedMethod(String message) {
        String m = message.strip();
        for (Language language : Language.values()) {
            String pattern = Messages.text(language, "failure.not-implemented", "\u0000");
            int at = pattern.indexOf('\u0000');
            String before = pattern.substring(0, at), after = pattern.substring(at + 1);
            if (m.length() > before.length() + after.length() && m.startsWith(before) && m.endsWith(after)) {
                return Optional.of(m.substring(before.length(), m.length() - after.length()));
            }
        }
        return Optional.empty();
    }

    /** @return the checks with the given status, in suite order */
    public static List<CheckResult> withStatus(SubmissionResult r, CheckResult.Status s) {
        return r.checks().stream().filter(c -> c.status() == s).toList();
    }

    /** One row of the per-component score table. */
    public record ComponentRow(String component, int earned, int possible, int instructorPoints, int checks, int passed) {}

    /** @return one row per component in suite order, with {@link ScoreTable}'s accounting */
    public static List<ComponentRow> componentRows(SubmissionResult r) {
        Map<String, List<CheckResult>> by = new LinkedHashMap<>();
        for (CheckResult c : r.checks()) {
            by.computeIfAbsent(c.component(), k -> new ArrayList<>()).add(c);
        }
        List<ComponentRow> rows = new ArrayList<>();
        by.forEach((component, list) -> {
            ScoreTable.Totals t = ScoreTable.totals(list);
            int passed = (int) list.stream().filter(c -> c.status() == CheckResult.Status.PASSED).count();
            rows.add(new ComponentRow(component, t.earned(), t.possible(), t.instructorPoints(), list.size(), passed));
        });
        return rows;
    }

    /** @return {@code x} with up to 3 decimals, no trailing zeros, in a locale-independent form */
    static String decimal(double x) {
        if (!Double.isFinite(x)) {
            return String.valueOf(x);
        }
        String s = String.format(Locale.ROOT, "%.3f", x);
        s = s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
        return s.equals("-0") ? "0" : s;
    }
}
