package org.rnnautograder.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rnnautograder.suite.SuiteHarness.assertAllNotImplemented;
import static org.rnnautograder.suite.SuiteHarness.assertAllPass;
import static org.rnnautograder.suite.SuiteHarness.assertFails;
import static org.rnnautograder.suite.SuiteHarness.run;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.rnnautograder.assignment.NotImplementedYetException;
import org.rnnautograder.assignment.Submission;
import org.rnnautograder.assignment.Tokenizer;
import org.rnnautograder.assignment.TokenizerKind;
import org.rnnautograder.grading.CheckResult;
import org.rnnautograder.i18n.Language;
import org.rnnautograder.i18n.Messages;
import submission.RnnSubmission;

class TokenizerChecksTest {
    private static final Class<?> CHECKS = TokenizerChecks.class;

    /** The reference with its tokenizer of {@code kind} changed where a lambda is given. */
    private static Submission with(TokenizerKind kind, Function<String, List<String>> tokenize,
            Function<List<String>, String> detokenize) {
        return SubmissionWrapper.ofReference().withTokenizer(kind, ref -> new Tokenizer() {
            @Override
            public List<String> tokenize(String text) {
                return tokenize == null ? ref.tokenize(text) : tokenize.apply(text);
            }

            @Override
            public String detokenize(List<String> tokens) {
                return detokenize == null ? ref.detokenize(tokens) : detokenize.apply(tokens);
            }
        });
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
        Map<String, CheckResult> results = run(new RnnSubmission(), new RnnSubmission(), 20261126L, CHECKS);
        assertAllPass(results, 4, 6, "reference");
        assertEquals(6, results.values().stream().mapToInt(CheckResult::points).sum());
    }

    @Test
    void theReferencePassesForFiftySeeds() {
        for (long seed = 1; seed <= 50; seed++) {
            assertAllPass(run(new RnnSubmission(), new RnnSubmission(), seed * 7919, CHECKS), 4, 6, "seed " + seed * 7919);
        }
    }

    @Test
    void codePointSplitByCharIsCaught() {
        Submission buggy = with(TokenizerKind.CODE_POINT,
                TokenizerChecksTest::byChar, null);
        assertFails(run(buggy, CHECKS), "tokenizer.codepoint.fixtures", "outside the BMP", "by char", "codePoints()");
        assertFails(run(buggy, CHECKS), "tokenizer.property.round-trip", "seed", "by char");
    }

    @Test
    void codePointSkippingWhitespaceIsCaught() {
        Submission buggy = with(TokenizerKind.CODE_POINT,
                t -> t.codePoints().filter(cp -> !Character.isWhitespace(cp)).mapToObj(Character::toString).toList(), null);
        assertFails(run(buggy, CHECKS), "tokenizer.codepoint.fixtures", "whitespace tokens are missing");
        assertFails(run(buggy, CHECKS), "tokenizer.property.round-trip", "seed", "whitespace");
    }

    @Test
    void codePointDetokenizeWithSpacesIsCaught() {
        Submission buggy = with(TokenizerKind.CODE_POINT, null, ts -> String.join(" ", ts));
        assertFails(run(buggy, CHECKS), "tokenizer.codepoint.fixtures", "detokenize", "no separator");
    }

    @Test
    void wordSplitOnSingleSpaceIsCaught() {
        Submission buggy = with(TokenizerKind.WORD,
                t -> new ArrayList<>(Arrays.asList(t.split(" "))), null);
        assertFails(run(buggy, CHECKS), "tokenizer.word.fixtures", "empty strings", "split(\" \")");
    }

    @Test
    void wordSplitWithRegexMissingTheIdeographicSpaceIsCaught() {
        Submission buggy = with(TokenizerKind.WORD,
                t -> t.trim().isEmpty() ? new ArrayList<>() : new ArrayList<>(Arrays.asList(t.trim().split("\\s+"))), null);
        assertFails(run(buggy, CHECKS), "tokenizer.word.fixtures", "Character.isWhitespace", "U+3000");
        assertFails(run(buggy, CHECKS), "tokenizer.property.round-trip", "seed", "whitespace");
    }

    @Test
    void wordDetokenizeWithTrailingSpaceIsCaught() {
        Submission buggy = with(TokenizerKind.WORD, null, ts -> {
            StringBuilder sb = new StringBuilder();
            ts.forEach(t -> sb.append(t).append(' '));
            return sb.toString();
        });
        assertFails(run(buggy, CHECKS), "tokenizer.word.fixtures", "extra space");
    }

    @Test
    void wordDetokenizeWithoutSpacesIsCaughtByTheProperty() {
        Submission buggy = with(TokenizerKind.WORD, null, ts -> String.join("", ts));
        assertFails(run(buggy, CHECKS), "tokenizer.property.round-trip", "seed", "single space");
    }

    @Test
    void detokenizeConsumingItsArgumentIsCaught() {
        Submission buggy = with(TokenizerKind.WORD, null, ts -> {
            StringBuilder sb = new StringBuilder();
            while (!ts.isEmpty()) {
                sb.append(ts.remove(0)).append(ts.isEmpty() ? "" : " ");
            }
            return sb.toString();
        });
        assertFails(run(buggy, CHECKS), "tokenizer.inputs-untouched", "modified its argument tokens");
    }

    @Test
    void tokenizeReturningACachedListIsCaught() {
        List<String> cache = new ArrayList<>();
        Tokenizer ref = new RnnSubmission().tokenizer(TokenizerKind.CODE_POINT);
        Submission buggy = with(TokenizerKind.CODE_POINT, t -> {
            if (cache.isEmpty()) {
                cache.addAll(ref.tokenize(t));
            }
            return cache;
        }, null);
        assertFails(run(buggy, CHECKS), "tokenizer.inputs-untouched", "new list");
    }

    @Test
    void inChineseTheMessagesAreChineseAndKeepTheFacts() {
        Language before = Messages.use(Language.ZH);
        try {
            Map<String, CheckResult> results = run(with(TokenizerKind.CODE_POINT, TokenizerChecksTest::byChar, null), CHECKS);
            CheckResult r = assertFails(results, "tokenizer.codepoint.fixtures", "CODE_POINT Tokenizer.tokenize(\"a😀𠀀b\")",
                    "的结果错误（测试用例“", "\"\\uD83D\"", "有词元只含半个字符", "text.codePoints()",
                    "new String(Character.toChars(cp))");
            assertTrue(r.title().startsWith("CODE_POINT：每个码位一个词元"), r.title());
            assertFails(results, "tokenizer.property.round-trip", "随机种子", "个码位的文本", "（随机文本 \"", "按 char");

            Submission consuming = with(TokenizerKind.WORD, null, ts -> {
                StringBuilder sb = new StringBuilder();
                while (!ts.isEmpty()) {
                    sb.append(ts.remove(0)).append(ts.isEmpty() ? "" : " ");
                }
                return sb.toString();
            });
            assertFails(run(consuming, CHECKS), "tokenizer.inputs-untouched",
                    "你的 WORD Tokenizer.detokenize 修改了它的参数 tokens：调用前是 [\"猫\", \" \", \"😀\", \"\", \"sat\"]，调用后是 []。",
                    "StringBuilder");
        } finally {
            Messages.use(before);
        }
    }

    @Test
    void notImplementedGivesOneLine() {
        Submission template = SubmissionWrapper.ofReference().with(new Tokenizer() {
            @Override
            public List<String> tokenize(String text) {
                throw new NotImplementedYetException("Tokenizer.tokenize");
            }

            @Override
            public String detokenize(List<String> tokens) {
                throw new NotImplementedYetException("Tokenizer.detokenize");
            }
        });
        assertAllNotImplemented(run(template, new RnnSubmission(), 20261126L, CHECKS), 4);
    }

    @Test
    void quoteMakesWhitespaceAndBrokenCharactersVisible() {
        assertEquals("\"a\\tb\\n\\u3000😀\\uD83D\"", TokenizerChecks.quote("a\tb\n\u3000😀\uD83D"));
    }
}
