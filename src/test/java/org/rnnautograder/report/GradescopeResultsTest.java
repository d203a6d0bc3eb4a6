package org.rnnautograder.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnautograder.fixtures.Json;
import org.rnnautograder.grading.SubmissionResult;

class GradescopeResultsTest {
    static final List<String> TOP = List.of("score", "max_score", "execution_time", "output", "visibility",
            "stdout_visibility", "extra_data", "tests");
    static final List<String> TEST = List.of("name", "number", "score", "max_score", "status", "output", "visibility");
    static final Set<String> VISIBILITIES = Set.of("hidden", "after_due_date", "after_published", "visible");

    static JsonNode parse(SubmissionResult r) throws Exception {
        return Json.MAPPER.readTree(GradescopeResults.toJson(r));
    }

    static List<String> names(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void hasExactlyGradescopesFieldsAndTypes() throws Exception {
        for (SubmissionResult r : Samples.all()) {
            JsonNode root = parse(r);
            assertEquals(TOP, names(root), r.submission());
            assertTrue(root.get("score").isNumber() && root.get("max_score").isNumber());
            assertTrue(root.get("execution_time").isIntegralNumber());
            assertTrue(root.get("output").isTextual());
            assertTrue(VISIBILITIES.contains(root.get("visibility").asText()));
            assertTrue(VISIBILITIES.contains(root.get("stdout_visibility").asText()));
            assertTrue(root.get("extra_data").isObject());
            assertTrue(root.get("tests").isArray());
            assertEquals(r.checks().size(), root.get("tests").size());
            for (JsonNode t : root.get("tests")) {
                assertEquals(TEST, names(t));
                assertTrue(t.get("name").isTextual() && t.get("number").isTextual() && t.get("output").isTextual());
                assertTrue(t.get("score").isNumber() && t.get("max_score").isNumber());
                assertTrue(Set.of("passed", "failed").contains(t.get("status").asText()));
                assertEquals("visible", t.get("visibility").asText());
            }
            JsonNode extra = root.get("extra_data");
            assertEquals(Long.toString(Samples.SEED), extra.get("seed").asText());
            assertEquals(Samples.VERSION, extra.get("autograder_version").asText());
            assertEquals(Samples.HASH, extra.get("fixtures_hash").asText());
        }
    }

    @Test
    void testScoresSumToTheTotal() throws Exception {
        for (SubmissionResult r : Samples.all()) {
            JsonNode root = parse(r);
            double score = 0, max = 0;
            for (JsonNode t : root.get("tests")) {
                score += t.get("score").asDouble();
                max += t.get("max_score").asDouble();
                assertTrue(t.get("score").asDouble() <= t.get("max_score").asDouble());
            }
            if (!r.checks().isEmpty()) {
                assertEquals(root.get("score").asDouble(), score, 0, r.submission());
                assertEquals(root.get("max_score").asDouble(), max, 0, r.submission());
            }
            assertEquals(r.score(), root.get("score").asDouble(), 0, "agrees with the record: " + r.submission());
            assertEquals(r.maxScore(), root.get("max_score").asDouble(), 0, "agrees with the record: " + r.submission());
        }
        assertEquals(25.0, parse(Samples.passing()).get("score").asDouble());
        assertEquals(2.0, parse(Samples.failing()).get("score").asDouble());
        assertEquals(20.0, parse(Samples.failing()).get("max_score").asDouble());
    }

    @Test
    void testsAreNamedAndNumberedStably() throws Exception {
        JsonNode tests = parse(Samples.failing()).get("tests");
        assertEquals("OneHot — encodes an id as a one-hot column", tests.get(0).get("name").asText());
        List<String> numbers = new ArrayList<>();
        tests.forEach(t -> numbers.add(t.get("number").asText()));
        assertEquals(List.of("1.1", "1.2", "2.1", "2.2", "3.1", "3.2"), numbers);
    }

    @Test
    void testOutputsExplainFailuresSkipsAndPrintedOutput() throws Exception {
        JsonNode tests = parse(Samples.failing()).get("tests");
        String failed = tests.get(1).get("output").asText();
        assertTrue(failed.startsWith(Samples.MULTILINE_FAILURE.strip()), failed);
        assertTrue(failed.contains("Your code printed:\n" + Samples.NASTY_OUTPUT.replace("\u0000", "").replace("\u0007", "")
                .replace("\u001b", "")), "JSON carries the output as printed, less NUL and other C0 controls");
        assertEquals("failed", tests.get(2).get("status").asText());
        assertTrue(tests.get(2).get("output").asText().contains("not implemented"));
        assertTrue(tests.get(4).get("output").asText().startsWith("Skipped: needs RnnCell.forward"));
        assertEquals(5.0, tests.get(4).get("max_score").asDouble(), "a skipped public check counts against the total");
        assertTrue(tests.get(5).get("output").asText().contains("graded by your instructor"));
        assertEquals(0.0, tests.get(5).get("max_score").asDouble(), "an instructor-graded skip is not in max_score");
    }

    @Test
    void summaryHasScoreSeedVersionHashIsolationAndWhyNothingRan() throws Exception {
        String out = parse(Samples.failing()).get("output").asText();
        for (String s : List.of("2/20", Long.toString(Samples.SEED), Samples.VERSION, Samples.HASH, Samples.ISOLATION,
                "5 more points")) {
            assertTrue(out.contains(s), s + " in " + out);
        }
        String carol = parse(Samples.compileError()).get("output").asText();
        assertTrue(carol.contains("does not compile") && carol.contains("javac reported 2 errors.")
                && carol.contains("RnnCell.java:42: error: ';' expected"), carol);
        assertEquals(0, parse(Samples.compileError()).get("tests").size());
    }

    @Test
    void twoWritesOfTheSameResultAreIdentical(@TempDir Path dir) throws Exception {
        ReportWriter.writeSubmission(dir.resolve("a"), Samples.failing());
        ReportWriter.writeSubmission(dir.resolve("b"), Samples.failing());
        for (String f : List.of("results.json", "junit.xml", "feedback.md", "feedback.html", "result.json")) {
            assertEquals(Files.readString(dir.resolve("a").resolve(Samples.BOB).resolve(f)),
                    Files.readString(dir.resolve("b").resolve(Samples.BOB).resolve(f)), f);
        }
    }

    @Test
    void onlyTheTimingDiffersBetweenTwoGradingsWithTheSameSeed() throws Exception {
        ObjectNode a = (ObjectNode) parse(Samples.failing(7.25));
        ObjectNode b = (ObjectNode) parse(Samples.failing(31.9));
        assertNotEquals(a.get("execution_time"), b.get("execution_time"));
        a.remove("execution_time");
        b.remove("execution_time");
        assertEquals(a, b);
    }
}
