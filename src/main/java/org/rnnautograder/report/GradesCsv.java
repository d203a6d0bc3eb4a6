package org.rnnautograder.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rnnautograder.grading.SubmissionResult;

/**
 * {@code grades.csv} for a class (RFC 4180: CRLF line ends, fields with a comma, quote or line break quoted, quotes
 * doubled). Header {@code submission,status,<components in suite order>,total,max,seed}; one row per result, in the
 * order given; a component column holds the points earned on it ("0" when the suite did not run, "" for a
 * component a graded submission somehow lacks). A text field that a spreadsheet would read as a formula (starts
 * with = + - @, tab or CR) gets a leading apostrophe, as OWASP advises against CSV injection.
 */
public final class GradesCsv {
    private GradesCsv() {}

    /** @return the components of every result, in suite order (first appearance) */
    public static List<String> components(List<SubmissionResult> results) {
        Set<String> out = new LinkedHashSet<>();
        for (SubmissionResult r : results) {
            out.addAll(ResultView.components(r));
        }
        return new ArrayList<>(out);
    }

    /** @return the CSV text */
    public static String render(List<SubmissionResult> results) {
        List<String> components = components(results);
        StringBuilder out = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("submission", "status"));
        header.addAll(components);
        header.addAll(List.of("total", "max", "seed"));
        row(out, header);
        for (SubmissionResult r : results) {
            Map<String, int[]> by = r.byComponent();
            ScoreTable.Totals t = ResultView.totals(r);
            List<String> row = new ArrayList<>();
            row.add(text(r.submission()));
            row.add(r.status().name());
            for (String c : components) {
                int[] p = by.get(c);
                row.add(p != null ? Integer.toString(p[0]) : r.status() == SubmissionResult.Status.GRADED ? "" : "0");
            }
            row.add(Integer.toString(t.earned()));
            row.add(Integer.toString(t.possible()));
            row.add(Long.toString(r.seed()));
            row(out, row);
        }
        return out.toString();
    }

    private static void row(StringBuilder out, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(fields.get(i)));
        }
        out.append("\r\n");
    }

    /** @return one RFC 4180 field */
    static String field(String s) {
        String v = Escaping.xmlSafe(s);
        boolean quote = v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0
                || (!v.isEmpty() && (v.charAt(0) == ' ' || v.charAt(v.length() - 1) == ' '));
        return quote ? '"' + v.replace("\"", "\"\"") + '"' : v;
    }

    private static String text(String s) {
        return !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
    }
}
