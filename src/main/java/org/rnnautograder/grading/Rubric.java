package org.rnnautograder.grading;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.rnnautograder.fixtures.Json;

/**
 * An instructor's override of check points, from a JSON file: {@code {"points": {"rnn.backward.gradcheck": 10}}}.
 * Checks not named keep their default points; an unknown id is an error (a typo would silently do nothing).
 *
 * @param points check id → points
 */
public record Rubric(Map<String, Integer> points) {
    /** No overrides. */
    public static final Rubric DEFAULTS = new Rubric(Map.of());

    public Rubric {
        points = Map.copyOf(points);
    }

    /** @return the points of {@code id}: the override, or {@code defaultPoints} */
    public int pointsOf(String id, int defaultPoints) {
        return points.getOrDefault(id, defaultPoints);
    }

    /**
     * Reads a rubric file.
     *
     * @throws IllegalArgumentException naming the file and the field when it is malformed
     */
    public static Rubric read(Path file) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("rubric " + file + " could not be read as JSON: "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        }
        JsonNode pts = root == null ? null : root.get("points");
        if (pts == null || !pts.isObject()) {
            throw new IllegalArgumentException("rubric " + file + ": expected {\"points\": {\"<check id>\": <points>, …}},"
                    + " but field 'points' was " + pts);
        }
        Map<String, Integer> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = pts.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().canConvertToInt() || e.getValue().asInt() < 0 || !e.getValue().isIntegralNumber()) {
                throw new IllegalArgumentException("rubric " + file + ": points." + e.getKey()
                        + " must be a whole number ≥ 0, but was " + e.getValue());
            }
            out.put(e.getKey(), e.getValue().asInt());
        }
        return new Rubric(out);
    }
}
