package org.rnnautograder.suite;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.rnnautograder.assignment.Tokenizer;
import org.rnnautograder.assignment.TokenizerKind;
import org.rnnautograder.fixtures.FixtureCase;
import org.rnnautograder.fixtures.FixtureFile;
import org.rnnautograder.fixtures.FixtureFiles;
import org.rnnautograder.i18n.Messages;

/**
 * Tokenizer: CODE_POINT gives one token per Unicode code point (whitespace included, a character outside the BMP
 * whole) and detokenize concatenates; WORD gives the maximal runs of non-whitespace ({@link Character#isWhitespace(int)})
 * and detokenize joins with one space.
 */
public class TokenizerChecks extends ComponentChecks {
    private static final FixtureFile FIXTURES = FixtureFiles.bundled("Tokenizer");
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    @Test
    @Check(id = "tokenizer.codepoint.fixtures", points = 2)
    void codePointFixtures() {
        fixtures(TokenizerKind.CODE_POINT);
    }

    @Test
    @Check(id = "tokenizer.word.fixtures", points = 2)
    void wordFixtures() {
        fixtures(TokenizerKind.WORD);
    }

    private static void fixtures(TokenizerKind kind) {
        Tokenizer tokenizer = student().tokenizer(kind);
        for (FixtureCase c : FIXTURES.forMethod("tokenize")) {
            if (c.input("kind", TokenizerKind.class) != kind) {
                continue;
            }
            String text = c.input("text", String.class);
            expectTokens(kind, text, c.expected("tokens", STRINGS), tokenizer.tokenize(text),
                    Messages.text("common.fixture", c.name()));
        }
        for (FixtureCase c : FIXTURES.forMethod("detokenize")) {
            if (c.input("kind", TokenizerKind.class) != kind) {
                continue;
            }
            List<String> tokens = new ArrayList<>(c.input("tokens", STRINGS));
            expectText(kind, tokens, c.expected("text", String.class), tokenizer.detokenize(tokens),
                    Messages.text("common.fixture", c.name()));
        }
    }

    @Test
    @Check(id = "tokenizer.property.round-trip", points = 1)
    void roundTrip() {
        Tokenizer cp = student().tokenizer(TokenizerKind.CODE_POINT);
        Tokenizer word = student().tokenizer(TokenizerKind.WORD);
        Property.forAll(Messages.text("tokenizer.property.round-trip"),
                seed("tokenizer.round-trip"), 40, TokenizerChecks::randomText,
                s -> Messages.text("tokenizer.shape.text", s.codePointCount(0, s.length())),
                s -> {
                    List<String> tokens = cp.tokenize(s);
                    String randomText = Messages.text("tokenizer.where.random-text", quote(s));
                    expectTokens(TokenizerKind.CODE_POINT, s, codePoints(s), tokens, randomText);
                    String back = cp.detokenize(new ArrayList<>(tokens));
                    Expect.that(s.equals(back), Messages.text("tokenizer.fail.round-trip", quote(back), quote(s)),
                            Messages.text("tokenizer.hint.round-trip"));
                    List<String> words = word.tokenize(s);
                    expectTokens(TokenizerKind.WORD, s, words(s), words, randomText);
                    String joined = word.detokenize(new ArrayList<>(words));
                    expectText(TokenizerKind.WORD, words, String.join(" ", words(s)), joined,
                            Messages.text("tokenizer.where.tokens-of", quote(s)));
                    Expect.equal("WORD tokenize(detokenize(tokens))",
                            Messages.text("tokenizer.where.tokens-of-random-text", quote(s)), words(s),
                            word.tokenize(joined), Messages.text("tokenizer.hint.word-round-trip"));
                });
    }

    @Test
    @Check(id = "tokenizer.inputs-untouched", points = 1)
    void inputsUntouched() {
        for (TokenizerKind kind : TokenizerKind.values()) {
            Tokenizer tokenizer = student().tokenizer(kind);
            List<String> tokens = new ArrayList<>(List.of("猫", " ", "😀", "", "sat"));
            List<String> copy = List.copyOf(tokens);
            tokenizer.detokenize(tokens);
            Expect.that(copy.equals(tokens), Messages.text("tokenizer.fail.detokenize-modified", kind, show(copy),
                    show(tokens)), Messages.text("tokenizer.hint.detokenize-modified"));
            String text = "我 爱 猫 cat";
            List<String> first = tokenizer.tokenize(text);
            List<String> want = List.copyOf(first);
            try {
                first.clear();
                first.add("changed by the caller");
            } catch (UnsupportedOperationException e) {
                continue; // an unmodifiable result cannot be shared state
            }
            List<String> second = tokenizer.tokenize(text);
            Expect.that(want.equals(second), Messages.text("tokenizer.fail.tokenize-shared", kind, quote(text),
                    show(second), show(want)), Messages.text("tokenizer.hint.tokenize-shared"));
        }
    }

    // ---- expectations with diagnoses -------------------------------------------------------------------------

    private static void expectTokens(TokenizerKind kind, String text, List<String> expected, List<String> actual,
            String context) {
        if (expected.equals(actual)) {
            return;
        }
        Expect.fail(Messages.text("tokenizer.fail.tokenize", kind, quote(text), context, show(expected), show(actual),
                diagnoseTokens(kind, text, expected, actual)));
    }

    private static void expectText(TokenizerKind kind, List<String> tokens, String expected, String actual, String context) {
        if (expected.equals(actual)) {
            return;
        }
        Expect.fail(Messages.text("tokenizer.fail.detokenize", kind, show(tokens), context, quote(expected), quote(actual),
                diagnoseText(kind, tokens, expected, actual)));
    }

    /** @return the most likely cause of a wrong token list */
    static String diagnoseTokens(TokenizerKind kind, String text, List<String> expected, List<String> actual) {
        if (actual == null) {
            return Messages.text("tokenizer.hint.tokenize-null");
        }
        if (kind == TokenizerKind.CODE_POINT) {
            if (actual.stream().anyMatch(TokenizerChecks::hasLoneSurrogate)) {
                return Messages.text("tokenizer.hint.half-character");
            }
            if (actual.equals(expected.stream().filter(t -> !isWhitespace(t)).toList())) {
                return Messages.text("tokenizer.hint.whitespace-missing");
            }
            if (actual.stream().anyMatch(t -> t.codePointCount(0, t.length()) != 1)) {
                return Messages.text("tokenizer.hint.one-code-point");
            }
            return Messages.text("tokenizer.hint.code-points");
        }
        if (actual.stream().anyMatch(String::isEmpty)) {
            return Messages.text("tokenizer.hint.empty-tokens");
        }
        if (actual.stream().anyMatch(TokenizerChecks::containsWhitespace)) {
            return Messages.text("tokenizer.hint.token-with-whitespace");
        }
        if (String.join("", actual).equals(String.join("", expected)) && actual.size() < expected.size()) {
            return Messages.text("tokenizer.hint.words-glued");
        }
        if (actual.size() == text.codePointCount(0, text.length()) && !text.isEmpty()) {
            return Messages.text("tokenizer.hint.per-character");
        }
        return Messages.text("tokenizer.hint.words");
    }

    /** @return the most likely cause of a wrong detokenized text */
    static String diagnoseText(TokenizerKind kind, List<String> tokens, String expected, String actual) {
        if (actual == null) {
            return Messages.text("tokenizer.hint.detokenize-null");
        }
        if (kind == TokenizerKind.CODE_POINT) {
            if (actual.equals(String.join(" ", tokens))) {
                return Messages.text("tokenizer.hint.codepoint-separator");
            }
            return Messages.text("tokenizer.hint.codepoint-concatenate");
        }
        if (actual.equals(expected + " ") || actual.equals(" " + expected)) {
            return Messages.text("tokenizer.hint.extra-space");
        }
        if (actual.equals(String.join("", tokens))) {
            return Messages.text("tokenizer.hint.word-no-space");
        }
        return Messages.text("tokenizer.hint.word-join");
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    /** Random text from ASCII, CJK, characters outside the BMP and whitespace; its length grows with size. */
    static String randomText(Random r, int size) {
        int n = r.nextInt(size * 4 + 1);
        StringBuilder sb = new StringBuilder();
        int[] spaces = {' ', ' ', ' ', '\t', '\n', '\r', 0x3000};
        for (int i = 0; i < n; i++) {
            int kind = r.nextInt(10);
            int cp;
            if (kind < 3) {
                cp = 0x21 + r.nextInt(0x7E - 0x21 + 1);
            } else if (kind < 6) {
                cp = 0x4E00 + r.nextInt(0x9FFF - 0x4E00 + 1);
            } else if (kind < 7) {
                cp = 0x1F600 + r.nextInt(0x50);
            } else if (kind < 8) {
                cp = 0x20000 + r.nextInt(0xA6DF);
            } else {
                cp = spaces[r.nextInt(spaces.length)];
            }
            sb.appendCodePoint(cp);
        }
        return sb.toString();
    }

    static List<String> codePoints(String s) {
        List<String> out = new ArrayList<>();
        s.codePoints().forEach(cp -> out.add(new String(Character.toChars(cp))));
        return out;
    }

    /** The WORD tokens of {@code s}, as the contract defines them. */
    static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        s.codePoints().forEach(cp -> {
            if (Character.isWhitespace(cp)) {
                if (w.length() > 0) {
                    out.add(w.toString());
                    w.setLength(0);
                }
            } else {
                w.appendCodePoint(cp);
            }
        });
        if (w.length() > 0) {
            out.add(w.toString());
        }
        return out;
    }

    private static boolean hasLoneSurrogate(String t) {
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= t.length() || !Character.isLowSurrogate(t.charAt(i + 1))) {
                    return true;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isWhitespace(String t) {
        return !t.isEmpty() && t.codePoints().allMatch(Character::isWhitespace);
    }

    private static boolean containsWhitespace(String t) {
        return t.codePoints().anyMatch(Character::isWhitespace);
    }

    /** @return a list of tokens with each one quoted and whitespace made visible */
    static String show(List<String> tokens) {
        if (tokens == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder("[");
        int shown = Math.min(tokens.size(), 40);
        for (int i = 0; i < shown; i++) {
            sb.append(i == 0 ? "" : ", ").append(quote(tokens.get(i)));
        }
        if (tokens.size() > shown) {
            sb.append(", ").append(Messages.text("tokenizer.show.more", tokens.size()));
        }
        return sb.append("]").toString();
    }

    /** @return {@code s} in quotes, with whitespace, control characters and lone surrogates escaped */
    static String quote(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
            if (pair) {
                sb.append(c).append(s.charAt(++i));
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (Character.isSurrogate(c) || Character.isISOControl(c) || (Character.isWhitespace(c) && c != ' ')) {
                sb.append(String.format("\\u%04X", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
