package org.rnnautograder.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.Map;
import org.rnnautograder.fixtures.Json;
import org.rnnautograder.grading.CheckResult;
import org.rnnautograder.grading.SubmissionResult;
import org.rnnautograder.i18n.Messages;

/**
 * Gradescope's autograder {@code results.json} (https://gradescope-autograders.readthedocs.io/en/latest/specs/).
 *
 * <p>Top level, in this order: {@code score}, {@code max_score}, {@code execution_time} (whole seconds, as in the
 * spec), {@code output} (summary paragraph), {@code visibility} ("visible"), {@code stdout_visibility} ("hidden":
 * the autograder's own stdout is for the instructor; everything a student should see is in {@code output}),
 * {@code extra_data} ({@code seed} as a string, so JavaScript readers keep all 64 bits; {@code autograder_version};
 * {@code fixtures_hash}; {@code isolation}; {@code status}), {@code tests}.
 *
 * <p>Each test, in this order: {@code name} ("Component — title"), {@code number} ("c.k"), {@code score},
 * {@code max_score}, {@code status} ("passed" / "failed"), {@code output}, {@code visibility} ("visible").
 *
 * <p>The {@code output} texts are for the student, in the current language ({@link Messages#language()}); field
 * names and the values programs read ({@code status}, {@code visibility}, {@code extra_data}) are the same in every
 * language.
 *
 * <p>Text is passed through as is, except for the control characters XML also forbids (NUL, ESC, …): JSON could
 * escape them, but a NUL in a string is refused by many stores downstream (PostgreSQL's text and jsonb among them).
 *
 * <p>Scores follow {@link ScoreTable#totals}: a skipped instructor-graded check has {@code max_score} 0, so the
 * tests' scores and max scores sum to the top-level ones. Only {@code execution_time} depends on timing.
 */
public final class GradescopeResults {
    private GradescopeResults() {}

    /** @return the results as a JSON tree (field order as documented) */
    public static ObjectNode toNode(SubmissionResult r) {
        ScoreTable.Totals t = ResultView.totals(r);
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("score", (double) t.earned());
        root.put("max_score", (double) t.possible());
        root.put("execution_time", Math.round(Math.max(0, r.executionSeconds())));
        root.put("output", Escaping.xmlSafe(summary(r, t)));
        root.put("visibility", "visible");
        root.put("stdout_visibility", "hidden");
        ObjectNode extra = root.putObject("extra_data");
        extra.put("submission", Escaping.xmlSafe(r.submission()));
        extra.put("status", r.status().name());
        extra.put("seed", Long.toString(r.seed()));
        extra.put("autograder_version", Escaping.xmlSafe(r.autograderVersion()));
        extra.put("fixtures_hash", Escaping.xmlSafe(r.fixturesHash()));
        extra.put("isolation", Escaping.xmlSafe(r.isolation()));
        ArrayNode tests = root.putArray("tests");
        Map<String, String> numbers = ResultView.numbers(r);
        for (CheckResult c : r.checks()) {
            ObjectNode test = tests.addObject();
            test.put("name", Escaping.xmlSafe(ResultView.name(c)));
            test.put("number", numbers.get(c.id()));
            test.put("score", (double) c.earned());
            test.put("max_score", (double) ResultView.countedPoints(c));
            test.put("status", c.status() == CheckResult.Status.PASSED ? "passed" : "failed");
            test.put("output", Escaping.xmlSafe(testOutput(r, c)));
            test.put("visibility", "visible");
        }
        return root;
    }

    /** @return the results as pretty-printed JSON with "\n" line ends and a trailing newline */
    public static String toJson(SubmissionResult r) {
        try {
            return Json.PRETTY.writeValueAsString(toNode(r)) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String summary(SubmissionResult r, ScoreTable.Totals t) {
        StringBuilder out = new StringBuilder(Messages.text("report.gradescope.score", t.earned(), t.possible()));
        if (t.instructorPoints() > 0) {
            out.append(' ').append(Messages.text("report.gradescope.instructor-points", t.instructorPoints()));
        }
        out.append(' ').append(ResultView.provenance(r));
        String status = ResultView.statusParagraph(r);
        if (!status.isEmpty()) {
            out.append("\n\n").append(status);
        }
        return out.toString();
    }

    private static String testOutput(SubmissionResult r, CheckResult c) {
        StringBuilder out = new StringBuilder();
        switch (c.status()) {
            case PASSED -> out.append(Messages.text("report.gradescope.passed", c.id()));
            case FAILED -> out.append(c.message().strip());
            case NOT_IMPLEMENTED -> out.append(ResultView.notImplementedMethod(c.message()).isPresent()
                    ? ResultView.notImplementedMessage(c.message())
                    : Messages.text("report.gradescope.not-implemented", c.message().strip()));
            case SKIPPED -> {
                out.append(Messages.text("report.gradescope.skipped", c.message().isBlank()
                        ? Messages.text("report.gradescope.no-reason") : c.message().strip()));
                if (c.needsReference()) {
                    out.append('\n').append(Messages.text("report.gradescope.instructor-check", c.points()));
                }
            }
        }
        String printed = ResultView.printed(r, c);
        if (!printed.isEmpty()) {
            out.append("\n\n").append(Messages.text("report.printed")).append('\n').append(printed);
        }
        return out.toString();
    }
}
