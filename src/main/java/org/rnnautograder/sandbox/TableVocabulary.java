package org.rnnautograder.sandbox;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rnnautograder.assignment.Vocabulary;

/**
 * A Vocabulary rebuilt in the child from a table of tokens by id. It stands in for a parent-side
 * (trusted, usually the reference's) Vocabulary passed as an argument to student code, e.g. to
 * {@code LanguageModel.train}; it implements the contract's documented behaviour exactly. The graded suite hands
 * one to the student's model too (see {@code LanguageModelChecks}).
 */
public final class TableVocabulary implements Vocabulary {
    private final List<String> tokens;
    private final Map<String, Integer> ids = new HashMap<>();

    /** @param tokens the token of each id, in id order; copied */
    public TableVocabulary(List<String> tokens) {
        this.tokens = List.copyOf(tokens);
        for (int i = 0; i < this.tokens.size(); i++) {
            ids.putIfAbsent(this.tokens.get(i), i);
        }
    }

    /**
     * Reads every token of {@code vocabulary} by id.
     *
     * @param vocabulary the vocabulary to copy; only queried
     * @return the tokens in id order
     */
    static List<String> tokensOf(Vocabulary vocabulary) {
        int size = vocabulary.size();
        List<String> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add(vocabulary.tokenOf(i));
        }
        return out;
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
        int[] out = new int[sentence.size() + 2];
        out[0] = START_ID;
        for (int i = 0; i < sentence.size(); i++) {
            out[i + 1] = idOf(sentence.get(i));
        }
        out[out.length - 1] = END_ID;
        return out;
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

    @Override
    public String toString() {
        return "Vocabulary" + tokens;
    }
}
