package submission;

import java.util.ArrayList;
import java.util.List;
import org.rnnautograder.assignment.Tokenizer;

/** One token per Unicode code point: "你好" → ["你", "好"]; an emoji outside the BMP stays one token. */
public final class CodePointTokenizer implements Tokenizer {
    @Override
    public List<String> tokenize(String text) {
        List<String> tokens = new ArrayList<>();
        text.codePoints().forEach(cp -> tokens.add(new String(Character.toChars(cp))));
        return tokens;
    }

    @Override
    public String detokenize(List<String> tokens) {
        return String.join("", tokens);
    }
}
