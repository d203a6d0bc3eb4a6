package submission;

import java.util.List;
import org.rnnautograder.assignment.NotImplementedYetException;
import org.rnnautograder.assignment.Tokenizer;

/**
 * Splits text into one token per Unicode code point: "你好" → ["你", "好"].
 *
 * <p>Careful: a Java {@code char} is a UTF-16 code unit, not a character. An emoji such as "😀" is two
 * {@code char}s but one code point, and must be one token. Hint: {@link String#codePoints()} and
 * {@link Character#toChars(int)} (or {@link StringBuilder#appendCodePoint(int)}).
 */
public final class CodePointTokenizer implements Tokenizer {
    /**
     * Every code point becomes a token, whitespace included; empty text gives an empty list.
     */
    @Override
    public List<String> tokenize(String text) {
        // TODO: one String per code point, in order; return a new list
        throw new NotImplementedYetException("Tokenizer.tokenize");
    }

    /**
     * Concatenates the tokens, so that {@code detokenize(tokenize(s)).equals(s)} for every s.
     */
    @Override
    public String detokenize(List<String> tokens) {
        // TODO: join without a separator
        throw new NotImplementedYetException("Tokenizer.detokenize");
    }
}
