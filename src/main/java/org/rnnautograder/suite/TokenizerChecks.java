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
            expectTokens(kind, text, c.expected("tokens", STRINGS), tokenizer.tokenize(text), "fixture '" + c.name() + "'");
        }
        for (FixtureCase c : FIXTURES.forMethod("detokenize")) {
            if (c.input("kind", TokenizerKind.class) != kind) {
                continue;
            }
            List<String> tokens = new ArrayList<>(c.input("tokens", STRINGS));
            expectText(kind, tokens, c.expected("text", String.class), tokenizer.detokenize(tokens),
                    "fixture '" + c.name() + "'");
        }
    }

    @Test
    @Check(id = "tokenizer.property.round-trip", points = 1)
    void roundTrip() {
        Tokenizer cp = student().tokenizer(TokenizerKind.CODE_POINT);
        Tokenizer word = student().tokenizer(TokenizerKind.WORD);
        Property.forAll("CODE_POINT round trip detokenize(tokenize(s)) == s, and WORD splits on whitespace",
                seed("tokenizer.round-trip"), 40, TokenizerChecks::randomText,
                s -> "a text of " + s.codePointCount(0, s.length()) + " code points",
                s -> {
                    List<String> tokens = cp.tokenize(s);
                    expectTokens(TokenizerKind.CODE_POINT, s, codePoints(s), tokens, "random text " + quote(s));
                    String back = cp.detokenize(new ArrayList<>(tokens));
                    Expect.that(s.equals(back), "CODE_POINT detokenize(tokenize(s)) is " + quote(back) + ", not s = "
                            + quote(s) + ".", "The round trip must give back the text exactly: concatenate the tokens"
                            + " in order, with no separator.");
                    List<String> words = word.tokenize(s);
                    expectTokens(TokenizerKind.WORD, s, words(s), words, "random text " + quote(s));
                    String joined = word.detokenize(new ArrayList<>(words));
                    expectText(TokenizerKind.WORD, words, String.join(" ", words(s)), joined, "the tokens of " + quote(s));
                    Expect.equal("WORD tokenize(detokenize(tokens))", "tokens of random text " + quote(s), words(s),
                            word.tokenize(joined), "Joining with one space and splitting again must give the same tokens.");
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
            Expect.that(copy.equals(tokens), "Your " + kind + " Tokenizer.detokenize modified its argument tokens: it was "
                    + show(copy) + " before the call and " + show(tokens) + " after.",
                    "Read the list without changing it (no remove, set, clear or sort on it); build the text in a new"
                            + " StringBuilder.");
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
            Expect.that(want.equals(second), "Your " + kind + " Tokenizer.tokenize(" + quote(text) + ") returned "
                    + show(second) + " after the caller changed the list an earlier call returned; it should still be "
                    + show(want) + ".", "tokenize must return a new list every call, not a list kept in a field.");
        }
    }

    // ---- expectations with diagnoses -------------------------------------------------------------------------

    private static void expectTokens(TokenizerKind kind, String text, List<String> expected, List<String> actual,
            String context) {
        if (expected.equals(actual)) {
            return;
        }
        Expect.fail(kind + " Tokenizer.tokenize(" + quote(text) + ") is wrong (" + context + "): expected "
                + show(expected) + ", but got " + show(actual) + ". " + diagnoseTokens(kind, text, expected, actual));
    }

    private static void expectText(TokenizerKind kind, List<String> tokens, String expected, String actual, String context) {
        if (expected.equals(actual)) {
            return;
        }
        Expect.fail(kind + " Tokenizer.detokenize(" + show(tokens) + ") is wrong (" + context + "): expected "
                + quote(expected) + ", but got " + quote(actual) + ". " + diagnoseText(kind, tokens, expected, actual));
    }

    /** @return the most likely cause of a wrong token list */
    static String diagnoseTokens(TokenizerKind kind, String text, List<String> expected, List<String> actual) {
        if (actual == null) {
            return "tokenize must return a list (an empty list for empty text), never null.";
        }
        if (kind == TokenizerKind.CODE_POINT) {
            if (actual.stream().anyMatch(TokenizerChecks::hasLoneSurrogate)) {
                return "A token holds half of a character: you split the text by char (a UTF-16 code unit), but a"
                        + " character outside the BMP such as an emoji or 𠀀 is two chars and one code point. Iterate"
                        + " over text.codePoints() and make each token with new String(Character.toChars(cp)).";
            }
            if (actual.equals(expected.stream().filter(t -> !isWhitespace(t)).toList())) {
                return "The whitespace tokens are missing: in CODE_POINT every code point is a token, spaces, tabs and"
                        + " newlines included (do not skip, trim or split on whitespace).";
            }
            if (actual.stream().anyMatch(t -> t.codePointCount(0, t.length()) != 1)) {
                return "Every CODE_POINT token must be exactly one code point (no empty tokens, no runs of characters).";
            }
            return "Expected one token per code point of the text, in order (text.codePoints()).";
        }
        if (actual.stream().anyMatch(String::isEmpty)) {
            return "Your tokens include empty strings: split(\" \") gives an empty string between two spaces and before"
                    + " leading whitespace. A WORD token is a maximal run of non-whitespace, so skip empty runs.";
        }
        if (actual.stream().anyMatch(TokenizerChecks::containsWhitespace)) {
            return "A token still contains whitespace: split on every whitespace character as Character.isWhitespace(int)"
                    + " defines it (space, tab, newline, carriage return, the ideographic space U+3000 …), not only on ' '"
                    + " (the regex \\s misses U+3000).";
        }
        if (String.join("", actual).equals(String.join("", expected)) && actual.size() < expected.size()) {
            return "Words are glued together: split on every whitespace character (Character.isWhitespace(int)), not"
                    + " only on ' '.";
        }
        if (actual.size() == text.codePointCount(0, text.length()) && !text.isEmpty()) {
            return "This looks like one token per character: WORD tokens are whole words, the runs of non-whitespace.";
        }
        return "Expected the maximal runs of non-whitespace characters (Character.isWhitespace(int)), in order.";
    }

    /** @return the most likely cause of a wrong detokenized text */
    static String diagnoseText(TokenizerKind kind, List<String> tokens, String expected, String actual) {
        if (actual == null) {
            return "detokenize must return a string (an empty one for no tokens), never null.";
        }
        if (kind == TokenizerKind.CODE_POINT) {
            if (actual.equals(String.join(" ", tokens))) {
                return "CODE_POINT detokenize concatenates the tokens with no separator: the spaces are tokens already.";
            }
            return "CODE_POINT detokenize must concatenate the tokens in order, adding and removing nothing.";
        }
        if (actual.equals(expected + " ") || actual.equals(" " + expected)) {
            return "There is an extra space at one end: put a single space only between tokens (String.join(\" \", tokens)).";
        }
        if (actual.equals(String.join("", tokens))) {
            return "WORD detokenize joins the tokens with a single space between them.";
        }
        return "WORD detokenize must join the tokens with exactly one space between each two, nothing at the ends.";
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
            sb.append(", … (").append(tokens.size()).append(" tokens)");
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
