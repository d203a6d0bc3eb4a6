package org.rnnautograder.gradcheck;

import java.util.List;
import java.util.Locale;
import org.rnnautograder.i18n.Messages;

/**
 * What {@link BpttDoctor} found. A plain record of primitives, strings and lists, ready for Jackson.
 *
 * @param verdict          CORRECT (matches the correct BPTT), BUG (one known mistake matches clearly),
 *                         AMBIGUOUS (several mistakes match equally well), NO_MATCH (wrong, but no known
 *                         mistake matches), STUDENT_ERROR (the backward threw or returned garbage)
 * @param problem          the problem's shape, "m=…, n=…, T=…, g1=…"
 * @param firstWrongPrefix the shortest prefix length T at which the gradient is wrong; 0 if never
 * @param wrongBlocks      the blocks wrong at that prefix, e.g. ["dU", "db_a"]
 * @param wrongSteps       the steps t ≤ firstWrongPrefix whose dz_t (column id(x_t) of dU) is wrong there;
 *                         empty when none or unknown
 * @param stepFinding      (b) in words: which step's contribution is wrong (in the language of the diagnosis)
 * @param cause            the {@link BugModel} name, or null (never a guess)
 * @param factor           the fitted constant for a scaling cause (e.g. 0.25 = 1/T), else null
 * @param explanation      one line: the cause's explanation, or why no cause is named (in the language of the
 *                         diagnosis)
 * @param candidates       every bug model's distance to the student's gradient, best first
 * @param error            the exception the student's backward threw, or null
 */
public record Diagnosis(String verdict, String problem, int firstWrongPrefix, List<String> wrongBlocks,
        List<Integer> wrongSteps, String stepFinding, String cause, Double factor, String explanation,
        List<CauseScore> candidates, String error) {

    /**
     * One candidate's fit.
     *
     * @param model    a {@link BugModel} name, or "CORRECT"
     * @param distance the largest per-block relative distance ‖s − b‖ / (‖s‖ + ‖b‖) to the student's gradient
     * @param factor   the constant of a scaling model, else null
     */
    public record CauseScore(String model, double distance, Double factor) {}

    public Diagnosis {
        wrongBlocks = List.copyOf(wrongBlocks);
        wrongSteps = List.copyOf(wrongSteps);
        candidates = List.copyOf(candidates);
    }

    /** @return true when a single known mistake was named */
    public boolean identified() {
        return cause != null;
    }

    /**
     * @return a few lines for the student: verdict, first wrong prefix, the step, the cause; the frame is in the
     *         current {@link Messages#language()}, the findings in the language they were diagnosed in
     */
    public String text() {
        StringBuilder sb = new StringBuilder();
        String nl = System.lineSeparator();
        switch (verdict) {
            case "CORRECT" -> sb.append(Messages.text("doctor.text.correct", problem));
            case "STUDENT_ERROR" -> sb.append(Messages.text("doctor.text.student-error", problem, error));
            default -> {
                sb.append(Messages.text("doctor.text.header", problem));
                if (firstWrongPrefix > 0) {
                    String blocks = String.join(", ", wrongBlocks);
                    sb.append(nl).append("  ").append(firstWrongPrefix > 1
                            ? Messages.text("doctor.text.first-wrong", firstWrongPrefix, blocks)
                            : Messages.text("doctor.text.first-wrong-at-one", firstWrongPrefix, blocks));
                }
                if (stepFinding != null) {
                    sb.append(nl).append("  ").append(stepFinding);
                }
                if (cause != null) {
                    sb.append(nl).append("  ").append(factor == null
                            ? Messages.text("doctor.text.cause", explanation)
                            : Messages.text("doctor.text.cause-factor", explanation,
                                    String.format(Locale.ROOT, "%.6g", factor)));
                } else {
                    sb.append(nl).append("  ").append(explanation);
                }
            }
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return text();
    }
}
