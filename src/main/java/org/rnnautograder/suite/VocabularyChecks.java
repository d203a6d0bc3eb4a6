package org.rnnautograder.suite;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rnnautograder.assignment.Submission;
import org.rnnautograder.assignment.Vocabulary;
import org.rnnautograder.fixtures.FixtureCase;
import org.rnnautograder.fixtures.FixtureFile;
import org.rnnautograder.fixtures.FixtureFiles;
import org.rnnautograder.i18n.Messages;

/**
 * Vocabulary: {@code <start>}=0, {@code <end>}=1, {@code <unk>}=2, then the corpus tokens seen at least minCount
 * times, by first appearance; unknown tokens map to 2; encode wraps in {@code <start>} … {@code <end>}; decode
 * drops them and keeps {@code <unk>}.
 */
public class VocabularyChecks extends ComponentChecks {
    private static final FixtureFile FIXTURES = FixtureFiles.bundled("Vocabulary");
    private static final TypeReference<List<List<String>>> SENTENCES = new TypeReference<>() {};
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private static final Set<String> RESERVED = Set.of(Vocabulary.START, Vocabulary.END, Vocabulary.UNK);
    /** A vocabulary this much larger than expected is not read token by token (that would only make the check slow). */
    private static final int MAX_EXTRA = 50;

    @Test
    @Check(id = "vocabulary.ids.fixtures", points = 3)
    void idFixtures() {
        builds(false);
    }

    @Test
    @Check(id = "vocabulary.mincount.fixtures", points = 1)
    void minCountFixtures() {
        builds(true);
    }

    private static void builds(boolean minCountAboveOne) {
        for (FixtureCase c : FIXTURES.forMethod("build")) {
            int minCount = c.input("minCount", Integer.class);
            if ((minCount > 1) != minCountAboveOne) {
                continue;
            }
            List<List<String>> sentences = c.input("sentences", SENTENCES);
            String context = Messages.text("vocabulary.where.fixture-min-count", c.name(), minCount);
            Vocabulary v = student().vocabulary(mutableCopy(sentences), minCount);
            expectTable(sentences, minCount, c.expected("tokens", STRINGS), v, context);
            List<String> queries = c.input("queries", STRINGS);
            int[] ids = c.expected("ids", int[].class);
            for (int i = 0; i < queries.size(); i++) {
                String q = queries.get(i);
                int got = v.idOf(q);
                if (got != ids[i]) {
                    Expect.fail(Messages.text("vocabulary.fail.id-of", TokenizerChecks.quote(q), context, ids[i], got,
                            diagnoseIdOf(q, ids[i], got, sentences, minCount)));
                }
            }
        }
    }

    @Test
    @Check(id = "vocabulary.encode-decode.fixtures", points = 2)
    void encodeDecodeFixtures() {
        for (FixtureCase c : FIXTURES.forMethod("encode")) {
            Vocabulary v = student().vocabulary(mutableCopy(c.input("sentences", SENTENCES)), c.input("minCount", Integer.class));
            List<String> sentence = c.input("sentence", STRINGS);
            int[] want = c.expected("ids", int[].class);
            int[] got = v.encode(new ArrayList<>(sentence));
            Expect.equal("Vocabulary.encode(" + TokenizerChecks.show(sentence) + ")",
                    Messages.text("common.fixture", c.name()), want, got, diagnoseEncode(want, got));
        }
        for (FixtureCase c : FIXTURES.forMethod("decode")) {
            Vocabulary v = student().vocabulary(mutableCopy(c.input("sentences", SENTENCES)), c.input("minCount", Integer.class));
            int[] ids = c.input("ids", int[].class);
            List<String> want = c.expected("tokens", STRINGS);
            List<String> got = v.decode(ids.clone());
            if (!want.equals(got)) {
                Expect.fail(Messages.text("vocabulary.fail.decode", Arrays.toString(ids),
                        Messages.text("common.fixture", c.name()), TokenizerChecks.show(want),
                        TokenizerChecks.show(got), diagnoseDecode(want, got)));
            }
        }
    }

    @Test
    @Check(id = "vocabulary.bad-id", points = 1)
    void badIds() {
        List<List<String>> corpus = mutableCopy(List.of(List.of("a", "b", "c", "d", "e"), List.of("f", "g", "h", "i", "j")));
        Vocabulary v = student().vocabulary(corpus, 1);
        int m = v.size(); // the student's own size (graded by the id checks), so this check tests only the rejection
        String ctx = Messages.text("vocabulary.where.size", m);
        String hint = Messages.text("vocabulary.hint.check-range");
        Expect.throwsClearly("Vocabulary.tokenOf(-1)", ctx, () -> v.tokenOf(-1), hint, IllegalArgumentException.class);
        Expect.throwsClearly("Vocabulary.tokenOf(" + m + ")", Messages.text("vocabulary.where.size-id-at-size", m),
                () -> v.tokenOf(m), hint, IllegalArgumentException.class);
        Expect.throwsClearly("Vocabulary.decode([0, 3, " + m + ", 1])", ctx, () -> v.decode(new int[] {0, 3, m, 1}), hint,
                IllegalArgumentException.class);
        Expect.throwsClearly("Vocabulary.decode([-4])", ctx, () -> v.decode(new int[] {-4}), hint,
                IllegalArgumentException.class);
        // an id whose digits cannot be mistaken for the range in the message
        int bad = m + 27;
        while (String.valueOf(bad).contains(String.valueOf(m)) || String.valueOf(bad).contains(String.valueOf(m - 1))) {
            bad++;
        }
        int badId = bad;
        try {
            v.tokenOf(badId);
            Expect.fail(Messages.text("vocabulary.fail.bad-id-accepted", badId, ctx, hint));
        } catch (IllegalArgumentException e) {
            String msg = String.valueOf(e.getMessage());
            Expect.that(msg.contains(String.valueOf(m - 1)) || msg.contains(String.valueOf(m)),
                    Messages.text("vocabulary.fail.message-without-range", badId, ctx, msg),
                    Messages.text("vocabulary.hint.say-range", m - 1, badId));
        }
    }

    @Test
    @Check(id = "vocabulary.property.consistent", points = 1)
    void consistent() {
        Submission s = student();
        Property.forAll(Messages.text("vocabulary.property.consistent"), seed("vocabulary.property"), 30, VocabularyChecks::randomCorpus, Corpus::describe, c -> {
                    Vocabulary v = s.vocabulary(mutableCopy(c.sentences()), c.minCount());
                    List<String> want = expectedTable(c.sentences(), c.minCount());
                    expectTable(c.sentences(), c.minCount(), want, v, c.where());
                    for (List<String> sentence : c.sentences()) {
                        int[] ids = new int[sentence.size() + 2];
                        ids[ids.length - 1] = Vocabulary.END_ID;
                        List<String> back = new ArrayList<>();
                        for (int i = 0; i < sentence.size(); i++) {
                            int id = want.indexOf(sentence.get(i));
                            ids[i + 1] = id < 0 ? Vocabulary.UNK_ID : id;
                            if (ids[i + 1] != Vocabulary.START_ID && ids[i + 1] != Vocabulary.END_ID) {
                                back.add(want.get(ids[i + 1]));
                            }
                        }
                        int[] got = v.encode(new ArrayList<>(sentence));
                        Expect.equal("Vocabulary.encode(" + TokenizerChecks.show(sentence) + ")",
                                Messages.text("vocabulary.where.a-random-corpus"), ids, got, diagnoseEncode(ids, got));
                        List<String> decoded = v.decode(got == null ? ids : got.clone());
                        if (!back.equals(decoded)) {
                            Expect.fail(Messages.text("vocabulary.fail.round-trip", TokenizerChecks.show(sentence),
                                    TokenizerChecks.show(decoded), TokenizerChecks.show(back), diagnoseDecode(back, decoded)));
                        }
                    }
                });
    }

    @Test
    @Check(id = "vocabulary.reference", points = 1, needsReference = true)
    void matchesReference() {
        Submission ref = reference();
        Submission s = student();
        Property.forAll(Messages.text("vocabulary.property.reference"), seed("vocabulary.reference"), 20,
                VocabularyChecks::randomCorpus, Corpus::describe, c -> {
                    Vocabulary want = ref.vocabulary(mutableCopy(c.sentences()), c.minCount());
                    Vocabulary got = s.vocabulary(mutableCopy(c.sentences()), c.minCount());
                    List<String> table = new ArrayList<>();
                    for (int i = 0; i < want.size(); i++) {
                        table.add(want.tokenOf(i));
                    }
                    expectTable(c.sentences(), c.minCount(), table, got, c.where());
                    Random r = new Random(c.seed() ^ 0x5eedL);
                    for (int k = 0; k < 5; k++) {
                        List<String> sentence = new ArrayList<>();
                        int len = r.nextInt(6);
                        for (int i = 0; i < len; i++) {
                            sentence.add(r.nextInt(4) == 0 ? "unseen" + r.nextInt(3) : POOL.get(r.nextInt(POOL.size())));
                        }
                        int[] e = want.encode(sentence);
                        int[] a = got.encode(new ArrayList<>(sentence));
                        Expect.equal("Vocabulary.encode(" + TokenizerChecks.show(sentence) + ")",
                                Messages.text("vocabulary.where.a-random-corpus"), e, a, diagnoseEncode(e, a));
                        int[] ids = r.ints(r.nextInt(7), 0, want.size()).toArray();
                        List<String> ed = want.decode(ids);
                        List<String> ad = got.decode(ids.clone());
                        if (!ed.equals(ad)) {
                            Expect.fail(Messages.text("vocabulary.fail.decode-vs-reference", Arrays.toString(ids),
                                    TokenizerChecks.show(ad), TokenizerChecks.show(ed), diagnoseDecode(ed, ad)));
                        }
                    }
                });
    }

    @Test
    @Check(id = "vocabulary.inputs-untouched", points = 1)
    void inputsUntouched() {
        List<List<String>> sentences = mutableCopy(List.of(List.of("the", "cat", "sat"), List.of("猫", "坐"), List.of()));
        List<List<String>> copy = mutableCopy(sentences);
        Vocabulary v = student().vocabulary(sentences, 1);
        List<String> sentence = new ArrayList<>(List.of("the", "dog", "sat"));
        int[] encoded = v.encode(sentence);
        int[] ids = {0, 3, 2, 5, 1};
        List<String> decoded = v.decode(ids);
        v.size();
        Expect.that(copy.equals(sentences), Messages.text("vocabulary.fail.sentences-modified", copy, sentences),
                Messages.text("vocabulary.hint.sentences-modified"));
        Expect.that(List.of("the", "dog", "sat").equals(sentence), Messages.text("vocabulary.fail.sentence-modified",
                sentence), Messages.text("vocabulary.hint.sentence-modified"));
        Expect.equal(Messages.text("vocabulary.where.decode-argument"), Messages.text("common.after-the-call"),
                "[0, 3, 2, 5, 1]", Arrays.toString(ids), Messages.text("vocabulary.hint.ids-modified"));
        int[] want = encoded == null ? null : encoded.clone();
        if (encoded != null) {
            Arrays.fill(encoded, 7);
        }
        Expect.equal(Messages.text("vocabulary.where.encode-again"), Messages.text("vocabulary.where.new-array"), want,
                v.encode(new ArrayList<>(List.of("the", "dog", "sat"))), Messages.text("vocabulary.hint.new-array"));
        if (decoded != null) {
            List<String> wantDecoded = List.copyOf(decoded);
            try {
                decoded.clear();
            } catch (UnsupportedOperationException e) {
                return; // an unmodifiable result cannot be shared state
            }
            Expect.equal(Messages.text("vocabulary.where.decode-again"), Messages.text("vocabulary.where.new-list"),
                    wantDecoded, v.decode(new int[] {0, 3, 2, 5, 1}), Messages.text("vocabulary.hint.new-list"));
        }
    }

    // ---- expectations with diagnoses -------------------------------------------------------------------------

    /** Reads the student's token of every id and compares it with {@code expected}, naming the likely cause. */
    static void expectTable(List<List<String>> sentences, int minCount, List<String> expected, Vocabulary v, String context) {
        int m = v.size();
        if (m < 0 || m > expected.size() + MAX_EXTRA) {
            Expect.fail(Messages.text("vocabulary.fail.size", m, context, expected.size()));
        }
        List<String> actual = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            try {
                actual.add(v.tokenOf(i));
            } catch (RuntimeException e) {
                if (e instanceof org.rnnautograder.assignment.NotImplementedYetException
                        || StudentFacingFailures.isSandboxFailure(e)) {
                    throw e;
                }
                String thrown = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")");
                Expect.fail(Messages.text("vocabulary.fail.token-of-threw", i, thrown, m, context, m - 1,
                        TokenizerChecks.show(expected)));
            }
        }
        if (!expected.equals(actual)) {
            Expect.fail(Messages.text("vocabulary.fail.table", context, TokenizerChecks.show(expected),
                    TokenizerChecks.show(actual), diagnoseTable(sentences, minCount, expected, actual)));
        }
        for (int i = 0; i < m; i++) {
            int id = v.idOf(actual.get(i));
            if (id != i) {
                String token = TokenizerChecks.quote(actual.get(i));
                if (i >= 3 && id == i - 3) {
                    Expect.fail(Messages.text("vocabulary.fail.ids-shifted", token, id, i, context));
                }
                Expect.fail(Messages.text("vocabulary.fail.not-inverse", token, id, i, context));
            }
        }
    }

    /** @return the most likely cause of a wrong id → token table */
    static String diagnoseTable(List<List<String>> sentences, int minCount, List<String> expected, List<String> actual) {
        Map<String, Integer> counts = counts(sentences);
        List<String> wantCorpus = expected.subList(Math.min(3, expected.size()), expected.size());
        boolean reservedFirst = actual.size() >= 3 && actual.get(0).equals(Vocabulary.START)
                && actual.get(1).equals(Vocabulary.END) && actual.get(2).equals(Vocabulary.UNK);
        if (!reservedFirst) {
            if (actual.stream().noneMatch(RESERVED::contains)) {
                return actual.isEmpty() ? Messages.text("vocabulary.hint.no-reserved-tokens")
                        : Messages.text("vocabulary.hint.reserved-missing");
            }
            if (!RESERVED.contains(actual.get(0))) {
                return Messages.text("vocabulary.hint.ids-from-zero");
            }
            return Messages.text("vocabulary.hint.reserved-order");
        }
        List<String> gotCorpus = actual.subList(3, actual.size());
        if (gotCorpus.stream().anyMatch(RESERVED::contains)) {
            return Messages.text("vocabulary.hint.reserved-twice");
        }
        if (gotCorpus.stream().distinct().count() < gotCorpus.size()) {
            return Messages.text("vocabulary.hint.token-twice");
        }
        if (Set.copyOf(gotCorpus).equals(Set.copyOf(wantCorpus))) {
            List<String> alphabetical = wantCorpus.stream().sorted().toList();
            if (gotCorpus.equals(alphabetical)) {
                return Messages.text("vocabulary.hint.alphabetical");
            }
            if (orderedByFrequency(gotCorpus, wantCorpus, counts)) {
                return Messages.text("vocabulary.hint.by-frequency");
            }
            return Messages.text("vocabulary.hint.wrong-order");
        }
        List<String> missing = wantCorpus.stream().filter(t -> !gotCorpus.contains(t)).toList();
        List<String> extra = gotCorpus.stream().filter(t -> !wantCorpus.contains(t)).toList();
        List<String> exactlyMinCount = wantCorpus.stream().filter(t -> counts.getOrDefault(t, 0) == minCount).toList();
        if (!missing.isEmpty() && extra.isEmpty() && missing.equals(exactlyMinCount)) {
            return Messages.text("vocabulary.hint.greater-than", minCount, TokenizerChecks.show(missing));
        }
        if (missing.isEmpty() && !extra.isEmpty() && extra.stream().allMatch(t -> counts.getOrDefault(t, 0) < minCount)) {
            return Messages.text("vocabulary.hint.min-count-ignored", minCount, TokenizerChecks.show(extra));
        }
        if (!missing.isEmpty() && extra.isEmpty() && missing.stream().allMatch(t -> counts.getOrDefault(t, 0) >= minCount)) {
            if (minCount > 1) {
                return Messages.text("vocabulary.hint.per-sentence", minCount, TokenizerChecks.show(missing));
            }
            return Messages.text("vocabulary.hint.tokens-missing", TokenizerChecks.show(missing));
        }
        return Messages.text("vocabulary.hint.table", minCount);
    }

    /**
     * @return true when {@code got} is sorted by count (most frequent first) and some more frequent token was moved
     *         before a token that appeared earlier (so frequency, not chance, explains the order)
     */
    private static boolean orderedByFrequency(List<String> got, List<String> firstAppearance, Map<String, Integer> counts) {
        for (int i = 1; i < got.size(); i++) {
            if (counts.getOrDefault(got.get(i - 1), 0) < counts.getOrDefault(got.get(i), 0)) {
                return false;
            }
        }
        for (int i = 0; i < got.size(); i++) {
            for (int j = i + 1; j < got.size(); j++) {
                if (firstAppearance.indexOf(got.get(i)) > firstAppearance.indexOf(got.get(j))
                        && counts.getOrDefault(got.get(i), 0) > counts.getOrDefault(got.get(j), 0)) {
                    return true;
                }
            }
        }
        return false;
    }

    static String diagnoseIdOf(String token, int want, int got, List<List<String>> sentences, int minCount) {
        if (want == Vocabulary.UNK_ID && !RESERVED.contains(token)) {
            int count = counts(sentences).getOrDefault(token, 0);
            if (count == 0) {
                return Messages.text("vocabulary.hint.unknown-to-unk", got);
            }
            return Messages.text("vocabulary.hint.rare-to-unk", count, minCount);
        }
        if (RESERVED.contains(token)) {
            return Messages.text("vocabulary.hint.reserved-ids");
        }
        return Messages.text("vocabulary.hint.id-of");
    }

    static String diagnoseEncode(int[] want, int[] got) {
        if (got == null) {
            return Messages.text("vocabulary.hint.encode-null");
        }
        int[] inner = Arrays.copyOfRange(want, 1, want.length - 1);
        if (Arrays.equals(got, inner)) {
            return Messages.text("vocabulary.hint.markers-missing");
        }
        if (Arrays.equals(got, Arrays.copyOfRange(want, 0, want.length - 1))) {
            return Messages.text("vocabulary.hint.end-missing");
        }
        if (Arrays.equals(got, Arrays.copyOfRange(want, 1, want.length))) {
            return Messages.text("vocabulary.hint.start-missing");
        }
        if (got.length == want.length) {
            for (int i = 0; i < got.length; i++) {
                if (got[i] != want[i] && want[i] == Vocabulary.UNK_ID) {
                    return Messages.text("vocabulary.hint.encode-unk", got[i], i);
                }
            }
        }
        return Messages.text("vocabulary.hint.encode");
    }

    static String diagnoseDecode(List<String> want, List<String> got) {
        if (got == null) {
            return Messages.text("vocabulary.hint.decode-null");
        }
        if (got.contains(Vocabulary.START) || got.contains(Vocabulary.END)) {
            return Messages.text("vocabulary.hint.decode-markers");
        }
        if (!got.contains(Vocabulary.UNK) && want.contains(Vocabulary.UNK)) {
            return Messages.text("vocabulary.hint.decode-unk");
        }
        return Messages.text("vocabulary.hint.decode");
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    static Map<String, Integer> counts(List<List<String>> sentences) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (List<String> s : sentences) {
            for (String t : s) {
                counts.merge(t, 1, Integer::sum);
            }
        }
        return counts;
    }

    /** The id → token table the contract defines, computed from the corpus. */
    static List<String> expectedTable(List<List<String>> sentences, int minCount) {
        List<String> table = new ArrayList<>(List.of(Vocabulary.START, Vocabulary.END, Vocabulary.UNK));
        counts(sentences).forEach((t, n) -> {
            if (n >= minCount && !RESERVED.contains(t)) {
                table.add(t);
            }
        });
        return table;
    }

    static List<List<String>> mutableCopy(List<List<String>> sentences) {
        List<List<String>> out = new ArrayList<>();
        for (List<String> s : sentences) {
            out.add(new ArrayList<>(s));
        }
        return out;
    }

    private static final List<String> POOL = List.of("the", "cat", "sat", "on", "mat", "dog", "a", "ran", "我", "爱", "你",
            "猫", "狗", "在", "😀", "𠀀", "ok", "tree", "run", "big");

    /** A random corpus; a few tokens are frequent and many rare, so minCount matters; reserved strings are rare. */
    record Corpus(List<List<String>> sentences, int minCount, long seed) {
        /** @return the corpus's size, e.g. "3 sentences, 7 distinct tokens, minCount 2" */
        String describe() {
            int n = sentences.size(), d = counts(sentences).size();
            return Messages.text("vocabulary.shape.corpus", n == 1 ? Messages.text("vocabulary.shape.one-sentence", n)
                    : Messages.text("vocabulary.shape.sentences", n), d == 1 ? Messages.text("vocabulary.shape.one-token", d)
                    : Messages.text("vocabulary.shape.tokens", d), minCount);
        }

        /** @return the corpus (its first six sentences) and minCount, as the context of a failure */
        String where() {
            return Messages.text("vocabulary.where.random-corpus",
                    sentences.size() <= 6 ? sentences.toString() : sentences.subList(0, 6) + "…", minCount);
        }
    }

    static Corpus randomCorpus(Random r, int size) {
        long seed = r.nextLong();
        Random g = new Random(seed);
        int n = 1 + g.nextInt(size + 2);
        List<List<String>> sentences = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int len = g.nextInt(size + 4);
            List<String> s = new ArrayList<>();
            for (int k = 0; k < len; k++) {
                if (g.nextInt(40) == 0) {
                    s.add(List.of(Vocabulary.START, Vocabulary.END, Vocabulary.UNK).get(g.nextInt(3)));
                } else {
                    double u = g.nextDouble();
                    s.add(POOL.get((int) (POOL.size() * u * u)));
                }
            }
            sentences.add(s);
        }
        return new Corpus(sentences, 1 + g.nextInt(3), seed);
    }
}
