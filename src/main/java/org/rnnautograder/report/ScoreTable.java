package org.rnnautograder.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rnnautograder.grading.CheckResult;
import org.rnnautograder.i18n.Messages;

/**
 * The console score table: one row per component (earned / possible, public vs instructor-graded points), then
 * one paragraph per failed check, then the {@code Points X/Y} line that GitHub Classroom's reporter reads.
 *
 * <p>Text comes from the catalogue in the current language, except the {@code Points X/Y} line, which a program
 * reads and so is the same in every language. Columns are padded by display width ({@link #displayWidth}), so a
 * table with Chinese labels lines up in a terminal too.
 */
public final class ScoreTable {
    private ScoreTable() {}

    /** Totals over a list of results. */
    public record Totals(int earned, int possible, int instructorPoints) {}

    /** @return earned and possible points over graded checks, and the points of skipped reference checks */
    public static Totals totals(List<CheckResult> results) {
        int earned = 0, possible = 0, instructor = 0;
        for (CheckResult r : results) {
            if (r.graded()) {
                earned += r.earned();
                possible += r.points();
            } else if (r.needsReference()) {
                instructor += r.points();
            } else {
                possible += r.points(); // a skipped public check still counts against the total
            }
        }
        return new Totals(earned, possible, instructor);
    }

    /** @return the table and the failure paragraphs, as plain text with a trailing newline */
    public static String render(List<CheckResult> results) {
        Map<String, int[]> byComponent = new LinkedHashMap<>(); // earned, possible, instructor, checks, passed
        for (CheckResult r : results) {
            int[] row = byComponent.computeIfAbsent(r.component(), k -> new int[5]);
            row[3]++;
            if (r.graded()) {
                row[0] += r.earned();
                row[1] += r.points();
                if (r.status() == CheckResult.Status.PASSED) {
                    row[4]++;
                }
            } else if (r.needsReference()) {
                row[2] += r.points();
            } else {
                row[1] += r.points();
            }
        }
        StringBuilder out = new StringBuilder();
        String rule = "-".repeat(66) + "\n";
        out.append('\n').append(Messages.text("report.table.title")).append('\n').append(rule);
        out.append(row(Messages.text("report.col.component"), Messages.text("report.col.points"),
                Messages.text("report.col.checks"), Messages.text("report.check-status.passed"),
                Messages.text("report.col.by-instructor")));
        out.append(rule);
        for (Map.Entry<String, int[]> e : byComponent.entrySet()) {
            int[] r = e.getValue();
            out.append(row(e.getKey(), r[0] + "/" + r[1], Integer.toString(r[3]), Integer.toString(r[4]),
                    r[2] == 0 ? "" : Messages.text("report.pts", r[2])));
        }
        Totals t = totals(results);
        out.append(rule);
        out.append(padRight(Messages.text("report.total"), 16)).append(' ')
                .append(padLeft(t.earned() + "/" + t.possible(), 10)).append('\n');
        if (t.instructorPoints() > 0) {
            out.append(Messages.text("report.table.instructor-points", t.instructorPoints())).append('\n');
        }
        List<CheckResult> failed = results.stream()
                .filter(r -> r.status() == CheckResult.Status.FAILED || r.status() == CheckResult.Status.NOT_IMPLEMENTED)
                .toList();
        List<CheckResult> notYet = failed.stream().filter(r -> r.status() == CheckResult.Status.NOT_IMPLEMENTED).toList();
        List<CheckResult> wrong = failed.stream().filter(r -> r.status() == CheckResult.Status.FAILED).toList();
        if (!wrong.isEmpty()) {
            out.append('\n').append(Messages.text("report.table.what-to-fix")).append('\n');
            for (CheckResult r : wrong) {
                out.append("\n✗ ").append(r.component()).append(" — ").append(r.title()).append(" (").append(r.id())
                        .append(", 0/").append(r.points()).append(")\n");
                out.append(indent(r.message())).append('\n');
            }
        }
        if (!notYet.isEmpty()) {
            out.append('\n').append(Messages.text("report.table.not-implemented")).append('\n');
            for (CheckResult r : notYet) {
                String method = ResultView.notImplementedMethod(r.message()).orElse(r.message().strip());
                out.append("  ").append(Messages.text("report.table.not-implemented-line",
                        Messages.text("failure.not-implemented", method), r.points(), r.title())).append('\n');
            }
        }
        // read by GitHub Classroom: the same in every language
        out.append("\nPoints ").append(t.earned()).append('/').append(t.possible()).append('\n');
        return out.toString();
    }

    /** @return one table row: the component left-aligned, the other columns right-aligned, by display width */
    private static String row(String component, String points, String checks, String passed, String instructor) {
        return padRight(component, 16) + " " + padLeft(points, 10) + " " + padLeft(checks, 8) + " " + padLeft(passed, 14)
                + " " + padLeft(instructor, 14) + "\n";
    }

    /**
     * @return how many terminal columns {@code s} takes: 2 for each East Asian Wide or Fullwidth code point (CJK
     *         ideographs and punctuation, kana, Hangul, fullwidth forms, most emoji), 0 for combining marks and
     *         format characters, 1 for everything else
     */
    static int displayWidth(String s) {
        int width = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            width += columns(cp);
            i += Character.charCount(cp);
        }
        return width;
    }

    private static int columns(int cp) {
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT
                || cp == 0x200B) {
            return 0;
        }
        return isWide(cp) ? 2 : 1;
    }

    /** @return true for the East Asian Wide (W) and Fullwidth (F) code points of Unicode's EastAsianWidth.txt */
    static boolean isWide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F) // Hangul Jamo initials
                || cp == 0x2329 || cp == 0x232A
                || (cp >= 0x2E80 && cp <= 0x303E) // CJK radicals, Kangxi, ideographic description, CJK punctuation
                || (cp >= 0x3041 && cp <= 0x33FF) // kana, Bopomofo, Hangul compatibility, CJK compatibility
                || (cp >= 0x3400 && cp <= 0x4DBF) // CJK extension A
                || (cp >= 0x4E00 && cp <= 0x9FFF) // CJK unified ideographs
                || (cp >= 0xA000 && cp <= 0xA4CF) // Yi
                || (cp >= 0xA960 && cp <= 0xA97F) // Hangul Jamo extended A
                || (cp >= 0xAC00 && cp <= 0xD7A3) // Hangul syllables
                || (cp >= 0xF900 && cp <= 0xFAFF) // CJK compatibility ideographs
                || (cp >= 0xFE10 && cp <= 0xFE19) // vertical forms
                || (cp >= 0xFE30 && cp <= 0xFE6F) // CJK compatibility forms, small form variants
                || (cp >= 0xFF00 && cp <= 0xFF60) // fullwidth forms
                || (cp >= 0xFFE0 && cp <= 0xFFE6) // fullwidth signs
                || (cp >= 0x1F300 && cp <= 0x1F64F) // pictographs, emoticons
                || (cp >= 0x1F900 && cp <= 0x1F9FF) // supplemental symbols and pictographs
                || (cp >= 0x20000 && cp <= 0x3FFFD); // CJK extensions B and later, planes 2 and 3
    }

    /** @return {@code s} followed by spaces up to {@code width} display columns (as {@code %-ws} for ASCII) */
    static String padRight(String s, int width) {
        return s + " ".repeat(Math.max(0, width - displayWidth(s)));
    }

    /** @return {@code s} preceded by spaces up to {@code width} display columns (as {@code %ws} for ASCII) */
    static String padLeft(String s, int width) {
        return " ".repeat(Math.max(0, width - displayWidth(s))) + s;
    }

    private static String indent(String text) {
        return "  " + text.strip().replace("\n", "\n  ");
    }
}
