package org.rnnautograder.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rnnautograder.suite.SuiteHarness.assertAllNotImplemented;
import static org.rnnautograder.suite.SuiteHarness.assertAllPass;
import static org.rnnautograder.suite.SuiteHarness.assertFails;
import static org.rnnautograder.suite.SuiteHarness.result;
import static org.rnnautograder.suite.SuiteHarness.run;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rnnautograder.assignment.NotImplementedYetException;
import org.rnnautograder.assignment.Submission;
import org.rnnautograder.assignment.Vocabulary;
import org.rnnautograder.grading.CheckResult;
import org.rnnautograder.i18n.Language;
import org.rnnautograder.i18n.Messages;
import submission.RnnSubmission;

class VocabularyChecksTest {
    private static final Class<?> CHECKS = VocabularyChecks.class;
    private static final Set<String> RESERVED = Set.of(Vocabulary.START, Vocabulary.END, Vocabulary.UNK);

    /** Typical student bugs, one at a time. */
    enum Bug {
        NONE, IDS_FROM_ZERO, IDS_FROM_ZERO_IN_MAP, HASH_SET_ORDER, PER_SENTENCE_COUNT, ALPHABETICAL, BY_FREQUENCY, GREATER_THAN, MIN_COUNT_IGNORED, RESERVED_TWICE, UNKNOWN_MINUS_ONE,
        ENCODE_NO_MARKERS, ENCODE_NO_END, DECODE_KEEPS_MARKERS, DECODE_DROPS_UNK, TOKEN_OF_LIST_GET, MESSAGE_WITHOUT_RANGE,
        MUTATES_SENTENCES, DECODE_MUTATES_IDS, ENCODE_CACHED_ARRAY, HUGE_SIZE
    }

    /** A hand-written vocabulary that is right except for {@code bug}. */
    static final class BuggyVocabulary implements Vocabulary {
        private final Bug bug;
        private final List<String> tokens = new ArrayList<>();
        private final Map<String, Integer> ids = new HashMap<>();
        private int[] cache;

        BuggyVocabulary(List<List<String>> sentences, int minCount, Bug bug) {
            this.bug = bug;
            if (bug == Bug.MUTATES_SENTENCES) {
                for (List<String> s : sentences) {
                    s.add(0, START);
                    s.add(END);
                }
            }
            Map<String, Integer> counts = new LinkedHashMap<>();
            sentences.forEach(s -> s.forEach(t -> counts.merge(t, 1, Integer::sum)));
            Map<String, Integer> bestInOneSentence = new HashMap<>();
            for (List<String> s : sentences) {
                Map<String, Integer> here = new HashMap<>();
                s.forEach(t -> here.merge(t, 1, Integer::sum));
                here.forEach((t, n) -> bestInOneSentence.merge(t, n, Math::max));
            }
            List<String> kept = new ArrayList<>();
            counts.forEach((t, n) -> {
                boolean often = switch (bug) {
                    case GREATER_THAN -> n > minCount;
                    case MIN_COUNT_IGNORED -> true;
                    case PER_SENTENCE_COUNT -> bestInOneSentence.get(t) >= minCount;
                    default -> n >= minCount;
                };
                if (often && (bug == Bug.RESERVED_TWICE || !RESERVED.contains(t))) {
                    kept.add(t);
                }
            });
            if (bug == Bug.ALPHABETICAL) {
                kept.sort(Comparator.naturalOrder());
            } else if (bug == Bug.BY_FREQUENCY) {
                kept.sort(Comparator.comparingInt((String t) -> counts.get(t)).reversed());
            } else if (bug == Bug.HASH_SET_ORDER) {
                List<String> hashed = new ArrayList<>(new java.util.HashSet<>(kept));
                kept.clear();
                kept.addAll(hashed);
            }
            if (bug != Bug.IDS_FROM_ZERO) {
                List.of(START, END, UNK).forEach(this::add);
            }
            if (bug == Bug.IDS_FROM_ZERO_IN_MAP) {
                for (int i = 0; i < kept.size(); i++) {
                    ids.put(kept.get(i), i); // the counter starts at 0 while the list already holds 3 tokens
                    tokens.add(kept.get(i));
                }
            } else {
                kept.forEach(this::add);
            }
        }

        private void add(String t) {
            ids.put(t, tokens.size());
            tokens.add(t);
        }

        @Override
        public int size() {
            return bug == Bug.HUGE_SIZE ? Integer.MAX_VALUE : tokens.size();
        }

        @Override
        public int idOf(String token) {
            return ids.getOrDefault(token, bug == Bug.UNKNOWN_MINUS_ONE ? -1 : UNK_ID);
        }

        @Override
        public String tokenOf(int id) {
            if (bug == Bug.TOKEN_OF_LIST_GET) {
                return tokens.get(id);
            }
            if (id < 0 || id >= tokens.size()) {
                throw new IllegalArgumentException(bug == Bug.MESSAGE_WITHOUT_RANGE ? "bad id" : "id must be in 0 … "
                        + (tokens.size() - 1) + ", but was " + id);
            }
            return tokens.get(id);
        }

        @Override
        public int[] encode(List<String> sentence) {
            if (bug == Bug.ENCODE_CACHED_ARRAY && cache != null && cache.length == sentence.size() + 2) {
                return cache;
            }
            List<Integer> out = new ArrayList<>();
            if (bug != Bug.ENCODE_NO_MARKERS) {
                out.add(START_ID);
            }
            sentence.forEach(t -> out.add(idOf(t)));
            if (bug != Bug.ENCODE_NO_MARKERS && bug != Bug.ENCODE_NO_END) {
                out.add(END_ID);
            }
            cache = out.stream().mapToInt(Integer::intValue).toArray();
            return cache;
        }

        @Override
        public List<String> decode(int[] idArray) {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < idArray.length; i++) {
                String t = tokenOf(idArray[i]);
                boolean marker = idArray[i] == START_ID || idArray[i] == END_ID;
                if (bug == Bug.DECODE_KEEPS_MARKERS || !marker && !(bug == Bug.DECODE_DROPS_UNK && idArray[i] == UNK_ID)) {
                    out.add(t);
                }
                if (bug == Bug.DECODE_MUTATES_IDS && marker) {
                    idArray[i] = UNK_ID;
                }
            }
            return out;
        }
    }

    private static Submission buggy(Bug bug) {
        return SubmissionWrapper.ofReference()
                .withVocabulary((sentences, minCount) -> new BuggyVocabulary(sentences, minCount, bug));
    }

    @Test
    void theReferenceScoresFullPointsAndThePointsSumToTen() {
        Map<String, CheckResult> results = run(new RnnSubmission(), new RnnSubmission(), 20261126L, CHECKS);
        assertAllPass(results, 7, 10, "reference");
        assertEquals(10, results.values().stream().mapToInt(CheckResult::points).sum());
        assertTrue(result(results, "vocabulary.reference").needsReference());
    }

    @Test
    void theReferencePassesForFiftySeeds() {
        for (long seed = 1; seed <= 50; seed++) {
            assertAllPass(run(new RnnSubmission(), new RnnSubmission(), seed * 104729, CHECKS), 7, 10, "seed " + seed * 104729);
        }
    }

    @Test
    void aCorrectHandWrittenVocabularyPassesToo() {
        // guards the buggy variants: without a bug, BuggyVocabulary is a second correct implementation
        for (CheckResult r : run(buggy(Bug.NONE), new RnnSubmission(), 20261126L, CHECKS).values()) {
            assertEquals(CheckResult.Status.PASSED, r.status(), r.id() + ": " + r.message());
        }
    }

    @Test
    void withoutAReferenceTheReferenceCheckIsLeftToTheInstructor() {
        CheckResult r = result(run(new RnnSubmission(), null, 20261126L, CHECKS), "vocabulary.reference");
        assertEquals(CheckResult.Status.SKIPPED, r.status());
        assertTrue(r.message().contains(ComponentChecks.GRADED_BY_INSTRUCTOR), r.message());
    }

    @Test
    void idsStartingAtZeroAreCaught() {
        assertFails(run(buggy(Bug.IDS_FROM_ZERO), CHECKS), "vocabulary.ids.fixtures", "start at 0", "reserved", "id 3");
        assertFails(run(buggy(Bug.IDS_FROM_ZERO), CHECKS), "vocabulary.property.consistent", "seed", "reserved tokens",
                "are missing", "id 3");
    }

    @Test
    void corpusIdsFromZeroInTheMapAreCaught() {
        assertFails(run(buggy(Bug.IDS_FROM_ZERO_IN_MAP), CHECKS), "vocabulary.ids.fixtures", "idOf(\"the\") is 0",
                "start at 0", "from 3");
    }

    @Test
    void hashOrderIsCaught() {
        assertFails(run(buggy(Bug.HASH_SET_ORDER), CHECKS), "vocabulary.ids.fixtures", "first appearance", "HashMap",
                "LinkedHashMap");
        assertFails(run(buggy(Bug.HASH_SET_ORDER), CHECKS), "vocabulary.property.consistent", "seed", "HashMap");
    }

    @Test
    void countingPerSentenceIsCaught() {
        assertFails(run(buggy(Bug.PER_SENTENCE_COUNT), CHECKS), "vocabulary.mincount.fixtures", "whole corpus",
                "not per sentence");
    }

    @Test
    void alphabeticalOrderIsCaught() {
        assertFails(run(buggy(Bug.ALPHABETICAL), CHECKS), "vocabulary.ids.fixtures", "alphabetically", "first appearance");
        assertFails(run(buggy(Bug.ALPHABETICAL), CHECKS), "vocabulary.reference", "seed", "first appearance");
    }

    @Test
    void frequencyOrderIsCaught() {
        assertFails(run(buggy(Bug.BY_FREQUENCY), CHECKS), "vocabulary.ids.fixtures", "by frequency", "first appearance");
        assertFails(run(buggy(Bug.BY_FREQUENCY), CHECKS), "vocabulary.property.consistent", "seed", "first appearance");
        assertFails(run(buggy(Bug.BY_FREQUENCY), CHECKS), "vocabulary.reference", "seed", "first appearance");
    }

    @Test
    void greaterThanInsteadOfAtLeastIsCaught() {
        assertFails(run(buggy(Bug.GREATER_THAN), CHECKS), "vocabulary.mincount.fixtures", "> instead of >=");
        assertFails(run(buggy(Bug.GREATER_THAN), CHECKS), "vocabulary.ids.fixtures", "> instead of >=");
    }

    @Test
    void ignoringMinCountIsCaught() {
        assertFails(run(buggy(Bug.MIN_COUNT_IGNORED), CHECKS), "vocabulary.mincount.fixtures", "fewer than minCount");
    }

    @Test
    void reservedStringsAddedTwiceAreCaught() {
        assertFails(run(buggy(Bug.RESERVED_TWICE), CHECKS), "vocabulary.ids.fixtures", "added again");
    }

    @Test
    void unknownTokensNotMappedToUnkAreCaught() {
        assertFails(run(buggy(Bug.UNKNOWN_MINUS_ONE), CHECKS), "vocabulary.ids.fixtures", "idOf", "UNK_ID (2)", "-1");
        assertFails(run(buggy(Bug.UNKNOWN_MINUS_ONE), CHECKS), "vocabulary.encode-decode.fixtures", "<unk> = 2");
    }

    @Test
    void encodeWithoutStartAndEndIsCaught() {
        assertFails(run(buggy(Bug.ENCODE_NO_MARKERS), CHECKS), "vocabulary.encode-decode.fixtures",
                "<start> and <end> are missing", "k + 2");
        assertFails(run(buggy(Bug.ENCODE_NO_END), CHECKS), "vocabulary.encode-decode.fixtures", "<end> (id 1) is missing");
        assertFails(run(buggy(Bug.ENCODE_NO_MARKERS), CHECKS), "vocabulary.property.consistent", "seed", "missing");
    }

    @Test
    void decodeKeepingStartAndEndIsCaught() {
        assertFails(run(buggy(Bug.DECODE_KEEPS_MARKERS), CHECKS), "vocabulary.encode-decode.fixtures",
                "must drop <start> and <end>");
        assertFails(run(buggy(Bug.DECODE_KEEPS_MARKERS), CHECKS), "vocabulary.property.consistent", "seed", "drop");
    }

    @Test
    void decodeDroppingUnkIsCaught() {
        assertFails(run(buggy(Bug.DECODE_DROPS_UNK), CHECKS), "vocabulary.encode-decode.fixtures", "<unk> must stay");
    }

    @Test
    void badIdsWithoutAClearExceptionAreCaught() {
        assertFails(run(buggy(Bug.TOKEN_OF_LIST_GET), CHECKS), "vocabulary.bad-id", "IndexOutOfBoundsException",
                "IllegalArgumentException was expected", "Check the range first");
        assertFails(run(buggy(Bug.MESSAGE_WITHOUT_RANGE), CHECKS), "vocabulary.bad-id", "which range");
    }

    @Test
    void mutationAndSharedResultsAreCaught() {
        assertFails(run(buggy(Bug.MUTATES_SENTENCES), CHECKS), "vocabulary.inputs-untouched",
                "modified its argument sentences", "<start>/<end>");
        assertFails(run(buggy(Bug.DECODE_MUTATES_IDS), CHECKS), "vocabulary.inputs-untouched", "must not modify ids");
        assertFails(run(buggy(Bug.ENCODE_CACHED_ARRAY), CHECKS), "vocabulary.inputs-untouched", "new array");
    }

    @Test
    void anAbsurdSizeFailsFastWithoutReadingEveryId() {
        assertFails(run(buggy(Bug.HUGE_SIZE), CHECKS), "vocabulary.ids.fixtures", "size() is " + Integer.MAX_VALUE,
                "but expected 8");
    }

    @Test
    void inChineseTheMessagesAreChineseAndKeepTheFacts() {
        Language before = Messages.use(Language.ZH);
        try {
            CheckResult r = assertFails(run(buggy(Bug.IDS_FROM_ZERO_IN_MAP), CHECKS), "vocabulary.ids.fixtures",
                    "Vocabulary.idOf(\"the\") 是 0，但 tokenOf(3) 是 \"the\"（测试用例“", "，minCount 1）", "从 3 开始编号");
            assertTrue(r.title().startsWith("id：<start>=0、<end>=1、<unk>=2"), r.title());
            assertFails(run(buggy(Bug.GREATER_THAN), CHECKS), "vocabulary.mincount.fixtures",
                    "恰好出现 minCount = 2 次的词元", "你用的是 >，而不是 >=");
            assertFails(run(buggy(Bug.MESSAGE_WITHOUT_RANGE), CHECKS), "vocabulary.bad-id", "size() 为 13 的词典",
                    "消息“bad id”没有说明期望的范围", "\"id must be in 0 … 12, but was 40\"");
            assertFails(run(buggy(Bug.DECODE_KEEPS_MARKERS), CHECKS), "vocabulary.property.consistent", "随机种子", "个句子",
                    "个不同的词元", "Vocabulary.decode(encode(", "但期望", "decode 必须去掉 <start> 和 <end>（id 0 和 1）");
        } finally {
            Messages.use(before);
        }
    }

    @Test
    void notImplementedGivesOneLine() {
        Submission template = SubmissionWrapper.ofReference().withVocabulary((sentences, minCount) -> new Vocabulary() {
            @Override
            public int size() {
                throw new NotImplementedYetException("Vocabulary.size");
            }

            @Override
            public int idOf(String token) {
                throw new NotImplementedYetException("Vocabulary.idOf");
            }

            @Override
            public String tokenOf(int id) {
                throw new NotImplementedYetException("Vocabulary.tokenOf");
            }

            @Override
            public int[] encode(List<String> sentence) {
                throw new NotImplementedYetException("Vocabulary.encode");
            }

            @Override
            public List<String> decode(int[] ids) {
                throw new NotImplementedYetException("Vocabulary.decode");
            }
        });
        Map<String, CheckResult> results = run(template, new RnnSubmission(), 20261126L, CHECKS);
        assertAllNotImplemented(results, 7);
        for (CheckResult r : results.values()) {
            assertTrue(r.message().startsWith("Vocabulary."), r.message());
        }
    }
}
