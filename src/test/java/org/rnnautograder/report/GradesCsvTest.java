package org.rnnautograder.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rnnautograder.grading.SubmissionResult;

class GradesCsvTest {
    /** A minimal RFC 4180 reader, enough to prove the writer's quoting round-trips. */
    static List<List<String>> read(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        return rows;
    }

    @Test
    void headerRowsAndExactQuoting() {
        String csv = GradesCsv.render(Samples.all());
        String[] lines = csv.split("\r\n", -1);
        assertEquals(5, lines.length, "header, 3 rows, and the empty string after the final CRLF");
        assertEquals("submission,status,OneHot,RnnCell,Rnn,total,max,seed", lines[0]);
        assertEquals("alice,GRADED,5,10,10,25,25," + Samples.SEED, lines[1]);
        assertEquals("\"bob, \"\"the builder\"\"\",GRADED,2,0,0,2,20," + Samples.SEED, lines[2]);
        assertEquals("carol,COMPILE_ERROR,0,0,0,0,25," + Samples.SEED, lines[3]);
        assertEquals("", lines[4]);
    }

    @Test
    void quotingRoundTrips() {
        List<String> names = List.of("bob, \"the builder\"", "line\nbreak", "  padded ", "plain", "\"", ",", "中文名");
        List<SubmissionResult> results = new ArrayList<>();
        for (String n : names) {
            SubmissionResult p = Samples.passing();
            results.add(new SubmissionResult(n, p.status(), p.checks(), Map.of(), Map.of(), List.of(), "", p.score(),
                    p.maxScore(), 1, p.seed(), p.autograderVersion(), p.fixturesHash(), p.isolation()));
        }
        List<List<String>> rows = read(GradesCsv.render(results));
        assertEquals(names.size() + 1, rows.size());
        for (int i = 0; i < names.size(); i++) {
            assertEquals(names.get(i), rows.get(i + 1).get(0));
            assertEquals(8, rows.get(i + 1).size());
        }
    }

    @Test
    void formulaLookingNamesAreDefused() {
        SubmissionResult p = Samples.passing();
        SubmissionResult evil = new SubmissionResult("=HYPERLINK(\"http://x\",\"y\")", p.status(), p.checks(), Map.of(),
                Map.of(), List.of(), "", p.score(), p.maxScore(), 1, p.seed(), p.autograderVersion(), p.fixturesHash(),
                p.isolation());
        assertEquals("'=HYPERLINK(\"http://x\",\"y\")", read(GradesCsv.render(List.of(evil))).get(1).get(0));
    }
}
