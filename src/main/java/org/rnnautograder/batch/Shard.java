package org.rnnautograder.batch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One of {@code count} slices of a class: {@code --shard index/count}, 1-based. The slices are stable and need no
 * coordination between shards: the submission names are sorted (by {@link String#compareTo}), and the k-th name
 * (0-based) goes to shard {@code k mod count + 1} — round-robin, so that the slices differ in size by at most one.
 *
 * @param index 1 … count
 * @param count ≥ 1
 */
public record Shard(int index, int count) {
    /** The file a shard writes into its output folder: which slice it graded (merge checks that none is missing). */
    public static final String FILE = "shard.json";

    private static final Pattern SPEC = Pattern.compile("\\s*(\\d{1,6})\\s*/\\s*(\\d{1,6})\\s*");

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("--shard must be I/N with 1 ≤ I ≤ N, but was " + index + "/" + count);
        }
    }

    /** @throws IllegalArgumentException unless {@code spec} is "I/N" with 1 ≤ I ≤ N */
    public static Shard parse(String spec) {
        Matcher m = SPEC.matcher(spec == null ? "" : spec);
        if (!m.matches()) {
            throw new IllegalArgumentException("--shard must be I/N (e.g. 2/4: the second of four slices), but was \"" + spec + "\"");
        }
        return new Shard(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /** @return the entries of this shard's slice, sorted by name */
    public <T> Map<String, T> select(Map<String, T> all) {
        List<String> names = new ArrayList<>(all.keySet());
        names.sort(null);
        Map<String, T> out = new LinkedHashMap<>();
        for (int k = index - 1; k < names.size(); k += count) {
            out.put(names.get(k), all.get(names.get(k)));
        }
        return out;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }

    /** What {@link #FILE} holds. */
    public record Record(int shard, int of, List<String> submissions, long seed) {}
}
