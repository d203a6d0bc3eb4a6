package submission;

import java.util.ArrayList;
import java.util.List;
import org.rnnautograder.assignment.Tokenizer;

/** Tokens are maximal runs of non-whitespace; detokenize joins them with single spaces. */
public final class WordTokenizer implements Tokenizer {
    @Override
    public List<String> tokenize(String text) {
        List<String> tokens = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        text.codePoints().forEach(cp -> {
            if (Character.isWhitespace(cp)) {
                flush(word, tokens);
            } else {
                word.appendCodePoint(cp);
            }
        });
        flush(word, tokens);
        return tokens;
    }

    private static void flush(StringBuilder word, List<String> tokens) {
        if (word.length() > 0) {
            tokens.add(word.toString());
            word.setLength(0);
        }
    }

    @Override
    public String detokenize(List<String> tokens) {
        return String.join(" ", tokens);
    }
}
