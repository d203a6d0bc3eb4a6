package org.rnnautograder.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rnnautograder.suite.TextChecksSupport.assertFailsNaming;
import static org.rnnautograder.suite.TextChecksSupport.run;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.rnnautograder.assignment.NotImplementedYetException;
import org.rnnautograder.assignment.Tokenizer;
import org.rnnautograder.assignment.TokenizerKind;
import org.rnnautograder.grading.CheckResult;
import submission.RnnSubmission;

class TokenizerChecksTest {
    private static final Class<?> CHECKS = TokenizerChecks.class;

    /** A tokenizer with the reference's behaviour except where a lambda is given. */
    private static TextChecksSupport.Delegating with(String name, TokenizerKind kind, Function<String, List<String>> tokenize,
            Function<List<String>, String> detokenize) {
        return new TextChecksSupport.Delegating(name) {
            @Override
            public Tokenizer tokenizer(TokenizerKind k) {
                Tokenizer ref = reference.tokenizer(k);
                if (k != kind) {
                    return ref;
                }
                return new Tokenizer() {
                    @Override
                    public List<String> tokenize(String text) {
                        return tokenize == null ? ref.tokenize(text) : tokenize.apply(text);
                    }

                    @Override
                    public String detokenize(List<String> tokens) {
                        return detokenize == null ? ref.detokenize(tokens) : detokenize.apply(tokens);
                    }
                };
            }
        };
    }

    private static List<String> byChar(String text) {
        List<String> out = new ArrayList<>();
        for (char c : text.toCharArray()) {
            out.add(String.valueOf(c));
        }
        return out;
    }

    @Test
    void theReferenceScoresFullPointsAndThePointsSumToSix() {
        List<CheckResult> results = run(new RnnSubmission(), new RnnSubmission(), 20261126L, CHECKS);
        assertEquals(4, results.size());
        for (CheckResult r : results) {
            assertEquals(CheckResult.Status.PASSED, r.status(), r.id() + ": " + r.message());
            assertEquals(r.points(), r.earned());
        }
        assertEquals(6, results.stream().mapToInt(CheckResult::points).sum());
    }

    @Test
    void theReferencePassesForFiftySeeds() {
        for (long seed = 1; seed <= 50; seed++) {
            for (CheckResult r : run(new RnnSubmission(), new RnnSubmission(), seed * 7919, CHECKS)) {
                assertEquals(CheckResult.Status.PASSED, r.status(), "seed " + seed * 7919 + ", " + r.id() + ": " + r.message());
            }
        }
    }

    @Test
    void codePointSplitByCharIsCaught() {
        TextChecksSupport.Delegating buggy = with("split by char", TokenizerKind.CODE_POINT,
                TokenizerChecksTest::byChar, null);
        assertFailsNaming(buggy, CHECKS, "tokenizer.codepoint.fixtures", "outside the BMP", "by char", "codePoints()");
        assertFailsNaming(buggy, CHECKS, "tokenizer.property.round-trip", "seed", "by char");
    }

    @Test
    void codePointSkippingWhitespaceIsCaught() {
        TextChecksSupport.Delegating buggy = with("skips whitespace", TokenizerKind.CODE_POINT,
                t -> t.codePoints().filter(cp -> !Character.isWhitespace(cp)).mapToObj(Character::toString).toList(), null);
        assertFailsNaming(buggy, CHECKS, "tokenizer.codepoint.fixtures", "whitespace tokens are missing");
        assertFailsNaming(buggy, CHECKS, "tokenizer.property.round-trip", "seed", "whitespace");
    }

    @Test
    void codePointDetokenizeWithSpacesIsCaught() {
        assertFailsNaming(with("joins with a space", TokenizerKind.CODE_POINT, null, ts -> String.join(" ", ts)), CHECKS,
                "tokenizer.codepoint.fixtures", "detokenize", "no separator");
    }

    @Test
    void wordSplitOnSingleSpaceIsCaught() {
        TextChecksSupport.Delegating buggy = with("split(\" \")", TokenizerKind.WORD,
                t -> new ArrayList<>(Arrays.asList(t.split(" "))), null);
        assertFailsNaming(buggy, CHECKS, "tokenizer.word.fixtures", "empty strings", "split(\" \")");
    }

    @Test
    void wordSplitWithRegexMissingTheIdeographicSpaceIsCaught() {
        TextChecksSupport.Delegating buggy = with("trim + split(\\\\s+)", TokenizerKind.WORD,
                t -> t.trim().isEmpty() ? new ArrayList<>() : new ArrayList<>(Arrays.asList(t.trim().split("\\s+"))), null);
        assertFailsNaming(buggy, CHECKS, "tokenizer.word.fixtures", "Character.isWhitespace", "U+3000");
        assertFailsNaming(buggy, CHECKS, "tokenizer.property.round-trip", "seed", "whitespace");
    }

    @Test
    void wordDetokenizeWithTrailingSpaceIsCaught() {
        assertFailsNaming(with("trailing space", TokenizerKind.WORD, null, ts -> {
            StringBuilder sb = new StringBuilder();
            ts.forEach(t -> sb.append(t).append(' '));
            return sb.toString();
        }), CHECKS, "tokenizer.word.fixtures", "extra space");
    }

    @Test
    void wordDetokenizeWithoutSpacesIsCaughtByTheProperty() {
        assertFailsNaming(with("concatenates", TokenizerKind.WORD, null, ts -> String.join("", ts)), CHECKS,
                "tokenizer.property.round-trip", "seed", "single space");
    }

    @Test
    void detokenizeConsumingItsArgumentIsCaught() {
        assertFailsNaming(with("consumes its list", TokenizerKind.WORD, null, ts -> {
            StringBuilder sb = new StringBuilder();
            while (!ts.isEmpty()) {
                sb.append(ts.remove(0)).append(ts.isEmpty() ? "" : " ");
            }
            return sb.toString();
        }), CHECKS, "tokenizer.inputs-untouched", "modified its argument tokens");
    }

    @Test
    void tokenizeReturningACachedListIsCaught() {
        List<String> cache = new ArrayList<>();
        Tokenizer ref = new RnnSubmission().tokenizer(TokenizerKind.CODE_POINT);
        assertFailsNaming(with("cached result list", TokenizerKind.CODE_POINT, t -> {
            if (cache.isEmpty()) {
                cache.addAll(ref.tokenize(t));
            }
            return cache;
        }, null), CHECKS, "tokenizer.inputs-untouched", "new list");
    }

    @Test
    void notImplementedGivesOneLine() {
        TextChecksSupport.Delegating template = new TextChecksSupport.Delegating("template") {
            @Override
            public Tokenizer tokenizer(TokenizerKind kind) {
                return new Tokenizer() {
                    @Override
                    public List<String> tokenize(String text) {
                        throw new NotImplementedYetException("Tokenizer.tokenize");
                    }

                    @Override
                    public String detokenize(List<String> tokens) {
                        throw new NotImplementedYetException("Tokenizer.detokenize");
                    }
                };
            }
        };
        List<CheckResult> results = run(template, new RnnSubmission(), 20261126L, CHECKS);
        assertEquals(4, results.size());
        for (CheckResult r : results) {
            assertEquals(CheckResult.Status.NOT_IMPLEMENTED, r.status(), r.id() + ": " + r.message());
            assertTrue(r.message().endsWith("not implemented yet"), r.message());
            assertFalse(r.message().contains("\n"), r.message());
            assertEquals(0, r.earned());
        }
    }

    @Test
    void quoteMakesWhitespaceAndBrokenCharactersVisible() {
        assertEquals("\"a\\tb\\n\\u3000😀\\uD83D\"", TokenizerChecks.quote("a\tb\n\u3000😀\uD83D"));
    }
}
