package submission;

import java.util.List;
import org.rnnautograder.assignment.NotImplementedYetException;
import org.rnnautograder.assignment.Tokenizer;

/**
 * Splits text into words: maximal runs of non-whitespace, "the cat  sat" → ["the", "cat", "sat"].
 *
 * <p>Use {@link Character#isWhitespace(int)} on code points (not only the ASCII space): tabs, newlines
 * and other Unicode whitespace separate words too. Leading, trailing and repeated whitespace produce no
 * empty tokens.
 */
public final class WordTokenizer implements Tokenizer {
    /** @return the words of {@code text}, in order; empty text (or only whitespace) gives an empty list */
    @Override
    public List<String> tokenize(String text) {
        // TODO: walk text.codePoints(), collect runs of non-whitespace code points
        throw new NotImplementedYetException("Tokenizer.tokenize");
    }

    /** @return the tokens joined with a single space */
    @Override
    public String detokenize(List<String> tokens) {
        // TODO: String.join(...) is enough
        throw new NotImplementedYetException("Tokenizer.detokenize");
    }
}
