package submission;

import java.util.List;
import org.rnnautograder.assignment.NotImplementedYetException;
import org.rnnautograder.assignment.Vocabulary;

/**
 * The dictionary of the notes ("建立一个包含所有序列词的词典"): every token gets a unique id.
 *
 * <p>Ids: {@code <start>} = 0, {@code <end>} = 1, {@code <unk>} = 2 (the constants {@link #START_ID},
 * {@link #END_ID}, {@link #UNK_ID}), then the corpus tokens in order of first appearance (sentence by
 * sentence, left to right). A token seen fewer than {@code minCount} times in the whole corpus gets no id
 * and maps to {@code <unk>}. A corpus token equal to one of the reserved strings is not added twice.
 *
 * <p>Suggested data structures: a {@code List<String>} from id to token and a {@code Map<String, Integer>}
 * from token to id; a {@code LinkedHashMap<String, Integer>} of counts keeps first-appearance order.
 */
public final class MapVocabulary implements Vocabulary {
    private final List<List<String>> sentences;
    private final int minCount;

    /**
     * @param sentences tokenised sentences; not modified
     * @param minCount  tokens seen fewer times map to {@code <unk>}; ≥ 1
     */
    public MapVocabulary(List<List<String>> sentences, int minCount) {
        // TODO: build the dictionary here, once (check the arguments: minCount < 1 is an
        //  IllegalArgumentException). Until you do, every method below reports "not implemented yet".
        //  You may drop these two fields once the dictionary is built in the constructor.
        this.sentences = sentences;
        this.minCount = minCount;
    }

    /** @return m = 3 reserved ids + the kept corpus tokens */
    @Override
    public int size() {
        throw new NotImplementedYetException("Vocabulary.size");
    }

    /** @return the token's id, or {@link #UNK_ID} for a token that has none */
    @Override
    public int idOf(String token) {
        throw new NotImplementedYetException("Vocabulary.idOf");
    }

    /**
     * @return the token with this id
     * @throws IllegalArgumentException for an id outside 0 … size()−1, saying the expected range
     */
    @Override
    public String tokenOf(int id) {
        throw new NotImplementedYetException("Vocabulary.tokenOf");
    }

    /** @return [START_ID, idOf(w_1), …, idOf(w_k), END_ID], a new array of length k + 2 */
    @Override
    public int[] encode(List<String> sentence) {
        throw new NotImplementedYetException("Vocabulary.encode");
    }

    /**
     * @return the tokens of {@code ids} without {@code <start>} and {@code <end>} ({@code <unk>} stays)
     * @throws IllegalArgumentException for an id out of range, as {@link #tokenOf(int)}
     */
    @Override
    public List<String> decode(int[] ids) {
        throw new NotImplementedYetException("Vocabulary.decode");
    }
}
