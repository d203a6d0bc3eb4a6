package submission;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rnnautograder.assignment.Vocabulary;

/**
 * The dictionary: reserved ids {@code <start>}=0, {@code <end>}=1, {@code <unk>}=2, then every token seen at
 * least {@code minCount} times, by first appearance.
 */
public final class MapVocabulary implements Vocabulary {
    private final List<String> tokens = new ArrayList<>();
    private final Map<String, Integer> ids = new HashMap<>();

    /**
     * @param sentences tokenised sentences; not modified
     * @param minCount  tokens seen fewer times map to {@code <unk>}; ≥ 1
     */
    public MapVocabulary(List<List<String>> sentences, int minCount) {
        if (sentences == null) {
            throw new IllegalArgumentException("sentences must not be null");
        }
        if (minCount < 1) {
            throw new IllegalArgumentException("minCount must be ≥ 1, but was " + minCount);
        }
        add(START);
        add(END);
        add(UNK);
        Map<String, Integer> counts = new LinkedHashMap<>(); // keeps first appearance order
        for (List<String> sentence : sentences) {
            for (String token : sentence) {
                counts.merge(token, 1, Integer::sum);
            }
        }
        counts.forEach((token, count) -> {
            if (count >= minCount && !ids.containsKey(token)) {
                add(token);
            }
        });
    }

    private void add(String token) {
        ids.put(token, tokens.size());
        tokens.add(token);
    }

    @Override
    public int size() {
        return tokens.size();
    }

    @Override
    public int idOf(String token) {
        return ids.getOrDefault(token, UNK_ID);
    }

    @Override
    public String tokenOf(int id) {
        if (id < 0 || id >= tokens.size()) {
            throw new IllegalArgumentException("id must be in 0 … " + (tokens.size() - 1) + ", but was " + id);
        }
        return tokens.get(id);
    }

    @Override
    public int[] encode(List<String> sentence) {
        int[] encoded = new int[sentence.size() + 2];
        encoded[0] = START_ID;
        for (int i = 0; i < sentence.size(); i++) {
            encoded[i + 1] = idOf(sentence.get(i));
        }
        encoded[encoded.length - 1] = END_ID;
        return encoded;
    }

    @Override
    public List<String> decode(int[] ids) {
        List<String> out = new ArrayList<>();
        for (int id : ids) {
            String token = tokenOf(id);
            if (id != START_ID && id != END_ID) {
                out.add(token);
            }
        }
        return out;
    }
}
