package org.rnnautograder.assignment;

import java.util.List;

/**
 * Splits text into tokens and joins tokens back into text.
 *
 * <p>{@link TokenizerKind#CODE_POINT}: one token per Unicode code point, so "你好" → ["你", "好"] and an
 * emoji outside the BMP is one token, not two {@code char}s. {@code detokenize} concatenates.
 * Whitespace characters are tokens too. Round trip: {@code detokenize(tokenize(s)).equals(s)}.
 *
 * <p>{@link TokenizerKind#WORD}: tokens are maximal runs of non-whitespace characters
 * ({@link Character#isWhitespace(int)}); "the cat  sat" → ["the", "cat", "sat"]. {@code detokenize}
 * joins with a single space.
 */
public interface Tokenizer {
    /**
     * @param text the text; not null
     * @return a new list of tokens, empty for empty text
     */
    List<String> tokenize(String text);

    /**
     * @param tokens the tokens; not modified
     * @return the text they spell (see the class comment for each kind)
     */
    String detokenize(List<String> tokens);
}
