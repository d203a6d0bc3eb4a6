package org.rnnautograder.assignment;

import java.util.List;

/**
 * The dictionary of the notes ("建立一个包含所有序列词的词典"): every token has a unique id.
 *
 * <p>Ids: {@code <start>} = 0, {@code <end>} = 1, {@code <unk>} = 2, then the corpus tokens in order of
 * first appearance (sentence by sentence, left to right). A token seen fewer than {@code minCount}
 * times in the corpus gets no id of its own and maps to {@code <unk>}. The reserved strings themselves
 * are never added twice. Built by {@link Submission#vocabulary(List, int)}.
 */
public interface Vocabulary {
    /** The start-of-sentence token and its id. */
    String START = "<start>";
    int START_ID = 0;
    /** The end-of-sentence token and its id. */
    String END = "<end>";
    int END_ID = 1;
    /** The unknown-token token and its id. */
    String UNK = "<unk>";
    int UNK_ID = 2;

    /** @return m, the number of ids (3 reserved + the kept corpus tokens) */
    int size();

    /** @return the id of {@code token}, or {@link #UNK_ID} for a token not in the vocabulary */
    int idOf(String token);

    /**
     * @return the token with id {@code id}
     * @throws IllegalArgumentException if {@code id} is not in 0 … size()−1, saying which range was expected
     */
    String tokenOf(int id);

    /**
     * Encodes a sentence for training: [<start>, id(w_1), …, id(w_k), <end>], length k + 2.
     *
     * @param sentence the tokens; not modified; may be empty (then [0, 1])
     * @return a new array
     */
    int[] encode(List<String> sentence);

    /**
     * Decodes ids to tokens, dropping {@code <start>} and {@code <end>} (an {@code <unk>} stays as "<unk>").
     *
     * @param ids the ids; not modified
     * @return a new list
     * @throws IllegalArgumentException for an id out of range, as {@link #tokenOf(int)}
     */
    List<String> decode(int[] ids);
}
