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
            String context = "fixture '" + c.name() + "', minCount " + minCount;
            Vocabulary v = student().vocabulary(mutableCopy(sentences), minCount);
            expectTable(sentences, minCount, c.expected("tokens", STRINGS), v, context);
            List<String> queries = c.input("queries", STRINGS);
            int[] ids = c.expected("ids", int[].class);
            for (int i = 0; i < queries.size(); i++) {
                String q = queries.get(i);
                int got = v.idOf(q);
                if (got != ids[i]) {
                    Expect.fail("Vocabulary.idOf(" + TokenizerChecks.quote(q) + ") is wrong (" + context + "): expected "
                            + ids[i] + ", but got " + got + ". " + diagnoseIdOf(q, ids[i], got, sentences, minCount));
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
            Expect.equal("Vocabulary.encode(" + TokenizerChecks.show(sentence) + ")", "fixture '" + c.name() + "'", want,
                    got, diagnoseEncode(want, got));
        }
        for (FixtureCase c : FIXTURES.forMethod("decode")) {
            Vocabulary v = student().vocabulary(mutableCopy(c.input("sentences", SENTENCES)), c.input("minCount", Integer.class));
            int[] ids = c.input("ids", int[].class);
            List<String> want = c.expected("tokens", STRINGS);
            List<String> got = v.decode(ids.clone());
            if (!want.equals(got)) {
                Expect.fail("Vocabulary.decode(" + Arrays.toString(ids) + ") is wrong (fixture '" + c.name() + "'): expected "
                        + TokenizerChecks.show(want) + ", but got " + TokenizerChecks.show(got) + ". "
                        + diagnoseDecode(want, got));
            }
        }
    }

    @Test
    @Check(id = "vocabulary.bad-id", points = 1)
    void badIds() {
        List<List<String>> corpus = mutableCopy(List.of(List.of("a", "b", "c", "d", "e"), List.of("f", "g", "h", "i", "j")));
        Vocabulary v = student().vocabulary(corpus, 1);
        int m = v.size(); // the student's own size (graded by the id checks), so this check tests only the rejection
        String ctx = "a vocabulary whose size() is " + m;
        String hint = "Check the range first: if (id < 0 || id >= size()) throw new IllegalArgumentException(\"id must be"
                + " in 0 … \" + (size() − 1) + \", but was \" + id).";
        Expect.throwsClearly("Vocabulary.tokenOf(-1)", ctx, () -> v.tokenOf(-1), hint, IllegalArgumentException.class);
        Expect.throwsClearly("Vocabulary.tokenOf(" + m + ")", ctx + ", id = size()", () -> v.tokenOf(m), hint,
                IllegalArgumentException.class);
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
            Expect.fail("Vocabulary.tokenOf(" + badId + ") accepted bad input (" + ctx + "): expected"
                    + " IllegalArgumentException. " + hint);
        } catch (IllegalArgumentException e) {
            String msg = String.valueOf(e.getMessage());
            Expect.that(msg.contains(String.valueOf(m - 1)) || msg.contains(String.valueOf(m)), "Vocabulary.tokenOf("
                    + badId + ") threw IllegalArgumentException (" + ctx + ") with the message \"" + msg + "\", which"
                    + " does not say which range was expected.", "Say the valid range in the message, e.g. \"id must be"
                    + " in 0 … " + (m - 1) + ", but was " + badId + "\".");
        }
    }

    @Test
    @Check(id = "vocabulary.property.consistent", points = 1)
    void consistent() {
        Submission s = student();
        Property.forAll("ids by first appearance, minCount respected, decode(encode(s)) = s with rare tokens as <unk>",
                seed("vocabulary.property"), 30, VocabularyChecks::randomCorpus, Corpus::describe, c -> {
                    Vocabulary v = s.vocabulary(mutableCopy(c.sentences()), c.minCount());
                    List<String> want = expectedTable(c.sentences(), c.minCount());
                    expectTable(c.sentences(), c.minCount(), want, v, "random corpus " + c);
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
                        Expect.equal("Vocabulary.encode(" + TokenizerChecks.show(sentence) + ")", "random corpus", ids, got,
                                diagnoseEncode(ids, got));
                        List<String> decoded = v.decode(got == null ? ids : got.clone());
                        if (!back.equals(decoded)) {
                            Expect.fail("Vocabulary.decode(encode(" + TokenizerChecks.show(sentence) + ")) is "
                                    + TokenizerChecks.show(decoded) + ", but expected " + TokenizerChecks.show(back)
                                    + " (the sentence with tokens rarer than minCount as <unk>). " + diagnoseDecode(back, decoded));
                        }
                    }
                });
    }

    @Test
    @Check(id = "vocabulary.reference", points = 1, needsReference = true)
    void matchesReference() {
        Submission ref = reference();
        Submission s = student();
        Property.forAll("same ids, encode and decode as the reference", seed("vocabulary.reference"), 20,
                VocabularyChecks::randomCorpus, Corpus::describe, c -> {
                    Vocabulary want = ref.vocabulary(mutableCopy(c.sentences()), c.minCount());
                    Vocabulary got = s.vocabulary(mutableCopy(c.sentences()), c.minCount());
                    List<String> table = new ArrayList<>();
                    for (int i = 0; i < want.size(); i++) {
                        table.add(want.tokenOf(i));
                    }
                    expectTable(c.sentences(), c.minCount(), table, got, "random corpus " + c);
                    Random r = new Random(c.seed() ^ 0x5eedL);
                    for (int k = 0; k < 5; k++) {
                        List<String> sentence = new ArrayList<>();
                        int len = r.nextInt(6);
                        for (int i = 0; i < len; i++) {
                            sentence.add(r.nextInt(4) == 0 ? "unseen" + r.nextInt(3) : POOL.get(r.nextInt(POOL.size())));
                        }
                        int[] e = want.encode(sentence);
                        int[] a = got.encode(new ArrayList<>(sentence));
                        Expect.equal("Vocabulary.encode(" + TokenizerChecks.show(sentence) + ")", "random corpus", e, a,
                                diagnoseEncode(e, a));
                        int[] ids = r.ints(r.nextInt(7), 0, want.size()).toArray();
                        List<String> ed = want.decode(ids);
                        List<String> ad = got.decode(ids.clone());
                        if (!ed.equals(ad)) {
                            Expect.fail("Vocabulary.decode(" + Arrays.toString(ids) + ") is " + TokenizerChecks.show(ad)
                                    + ", but expected " + TokenizerChecks.show(ed) + ". " + diagnoseDecode(ed, ad));
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
        Expect.that(copy.equals(sentences), "Submission.vocabulary modified its argument sentences: it was " + copy
                + " before and " + sentences + " after.", "Count and number the tokens without changing the caller's"
                + " lists: do not add <start>/<end> to them, remove rare tokens from them or sort them.");
        Expect.that(List.of("the", "dog", "sat").equals(sentence), "Vocabulary.encode modified its argument sentence: it"
                + " was [the, dog, sat] before and " + sentence + " after.",
                "Write the ids into a new int[] of length k + 2; leave the sentence alone.");
        Expect.equal("Vocabulary.decode: its argument ids", "after the call", "[0, 3, 2, 5, 1]", Arrays.toString(ids),
                "decode must not modify ids (e.g. by overwriting <start>/<end> in place); collect tokens in a new list.");
        int[] want = encoded == null ? null : encoded.clone();
        if (encoded != null) {
            Arrays.fill(encoded, 7);
        }
        Expect.equal("Vocabulary.encode([the, dog, sat]) called again after the caller changed the first result",
                "return a new array", want, v.encode(new ArrayList<>(List.of("the", "dog", "sat"))),
                "encode must return a new array every call, not an array kept in a field.");
        if (decoded != null) {
            List<String> wantDecoded = List.copyOf(decoded);
            try {
                decoded.clear();
            } catch (UnsupportedOperationException e) {
                return; // an unmodifiable result cannot be shared state
            }
            Expect.equal("Vocabulary.decode([0, 3, 2, 5, 1]) called again after the caller cleared the first result",
                    "return a new list", wantDecoded, v.decode(new int[] {0, 3, 2, 5, 1}),
                    "decode must return a new list every call, not a list kept in a field.");
        }
    }

    // ---- expectations with diagnoses -------------------------------------------------------------------------

    /** Reads the student's token of every id and compares it with {@code expected}, naming the likely cause. */
    static void expectTable(List<List<String>> sentences, int minCount, List<String> expected, Vocabulary v, String context) {
        int m = v.size();
        if (m < 0 || m > expected.size() + MAX_EXTRA) {
            Expect.fail("Vocabulary.size() is " + m + " (" + context + "), but expected " + expected.size()
                    + " (3 reserved ids + the kept corpus tokens).");
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
                Expect.fail("Vocabulary.tokenOf(" + i + ") threw " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")") + ", but size() is " + m + " ("
                        + context + "), so every id in 0 … " + (m - 1) + " must have a token. Expected the tokens "
                        + TokenizerChecks.show(expected) + ". Keep size() and the id → token list in step.");
            }
        }
        if (!expected.equals(actual)) {
            Expect.fail("The vocabulary's tokens by id (tokenOf(0), tokenOf(1), …) are wrong (" + context + "): expected "
                    + TokenizerChecks.show(expected) + ", but got " + TokenizerChecks.show(actual) + ". "
                    + diagnoseTable(sentences, minCount, expected, actual));
        }
        for (int i = 0; i < m; i++) {
            int id = v.idOf(actual.get(i));
            if (id != i) {
                if (i >= 3 && id == i - 3) {
                    Expect.fail("Vocabulary.idOf(" + TokenizerChecks.quote(actual.get(i)) + ") is " + id + ", but tokenOf("
                            + i + ") is " + TokenizerChecks.quote(actual.get(i)) + " (" + context + "). Your ids for"
                            + " corpus tokens start at 0, so they take the places of the reserved ids <start>=0, <end>=1,"
                            + " <unk>=2: number corpus tokens from 3 (the next id is the current size of the vocabulary).");
                }
                Expect.fail("Vocabulary.idOf(" + TokenizerChecks.quote(actual.get(i)) + ") is " + id + ", but tokenOf("
                        + i + ") is " + TokenizerChecks.quote(actual.get(i)) + " (" + context + ")."
                        + " idOf and tokenOf must be inverses: fill the token → id map and the id → token list together.");
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
                return "The reserved tokens <start>=0, <end>=1, <unk>=2 are missing" + (actual.isEmpty() ? ""
                        : ": your ids for corpus tokens start at 0, so they take the places of the reserved ids")
                        + ". Add the three reserved tokens first (Vocabulary.START, END, UNK), so the first corpus token"
                        + " gets id 3.";
            }
            if (!RESERVED.contains(actual.get(0))) {
                return "Your ids for corpus tokens start at 0, so they take the places of the reserved ids <start>=0,"
                        + " <end>=1, <unk>=2. Add the three reserved tokens first, so the first corpus token gets id 3.";
            }
            return "The first three ids are reserved, in this order: <start>=0, <end>=1, <unk>=2 (the constants"
                    + " Vocabulary.START_ID, END_ID, UNK_ID); corpus tokens get ids 3, 4, … after them.";
        }
        List<String> gotCorpus = actual.subList(3, actual.size());
        if (gotCorpus.stream().anyMatch(RESERVED::contains)) {
            return "A reserved string that appears in the corpus (e.g. \"<end>\") was added again with a new id. The"
                    + " reserved strings keep their ids 0, 1, 2: skip corpus tokens that already have an id.";
        }
        if (gotCorpus.stream().distinct().count() < gotCorpus.size()) {
            return "A token got more than one id: give a token an id only the first time you see it (check the map"
                    + " before adding).";
        }
        if (Set.copyOf(gotCorpus).equals(Set.copyOf(wantCorpus))) {
            List<String> alphabetical = wantCorpus.stream().sorted().toList();
            if (gotCorpus.equals(alphabetical)) {
                return "Your tokens are sorted alphabetically; ids must follow the order of first appearance (sentence"
                        + " by sentence, left to right). Don't sort: a LinkedHashMap keeps insertion order.";
            }
            if (orderedByFrequency(gotCorpus, wantCorpus, counts)) {
                return "Your tokens are ordered by frequency; ids must follow the order of first appearance (sentence"
                        + " by sentence, left to right), whatever the counts.";
            }
            return "The right tokens, in the wrong order: ids must follow the order of first appearance (sentence by"
                    + " sentence, left to right). A HashMap or HashSet has no useful order: use a LinkedHashMap or a"
                    + " List.";
        }
        List<String> missing = wantCorpus.stream().filter(t -> !gotCorpus.contains(t)).toList();
        List<String> extra = gotCorpus.stream().filter(t -> !wantCorpus.contains(t)).toList();
        List<String> exactlyMinCount = wantCorpus.stream().filter(t -> counts.getOrDefault(t, 0) == minCount).toList();
        if (!missing.isEmpty() && extra.isEmpty() && missing.equals(exactlyMinCount)) {
            return "The tokens seen exactly minCount = " + minCount + " times (" + TokenizerChecks.show(missing)
                    + ") are missing: a token is kept when count >= minCount; you compared with > instead of >=.";
        }
        if (missing.isEmpty() && !extra.isEmpty() && extra.stream().allMatch(t -> counts.getOrDefault(t, 0) < minCount)) {
            return "Tokens seen fewer than minCount = " + minCount + " times (" + TokenizerChecks.show(extra) + ") got ids:"
                    + " count every token over the whole corpus first, then keep only those with count >= minCount.";
        }
        if (!missing.isEmpty() && extra.isEmpty() && missing.stream().allMatch(t -> counts.getOrDefault(t, 0) >= minCount)) {
            if (minCount > 1) {
                return "Tokens seen at least minCount = " + minCount + " times in the whole corpus (" + TokenizerChecks
                        .show(missing) + ") are missing: count over all sentences together, not per sentence.";
            }
            return "Tokens of the corpus are missing (" + TokenizerChecks.show(missing) + "): every token of every"
                    + " sentence seen at least minCount times gets an id.";
        }
        return "Expected <start>, <end>, <unk>, then every token seen at least minCount = " + minCount
                + " times, in order of first appearance.";
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
                return "A token that is not in the vocabulary maps to <unk>: return Vocabulary.UNK_ID (2), not "
                        + (got == -1 ? "-1" : String.valueOf(got)) + " (map.getOrDefault(token, UNK_ID)).";
            }
            return "This token is seen " + count + " time(s), fewer than minCount = " + minCount + ", so it has no id of"
                    + " its own and maps to <unk> = 2.";
        }
        if (RESERVED.contains(token)) {
            return "The reserved strings always have their fixed ids: <start>=0, <end>=1, <unk>=2, even when they"
                    + " appear in the corpus.";
        }
        return "idOf must give the id the token got when the vocabulary was built (its tokenOf inverse).";
    }

    static String diagnoseEncode(int[] want, int[] got) {
        if (got == null) {
            return "encode must return a new array, never null.";
        }
        int[] inner = Arrays.copyOfRange(want, 1, want.length - 1);
        if (Arrays.equals(got, inner)) {
            return "<start> and <end> are missing: encode returns [<start>, id(w_1), …, id(w_k), <end>], length k + 2.";
        }
        if (Arrays.equals(got, Arrays.copyOfRange(want, 0, want.length - 1))) {
            return "<end> (id 1) is missing at the end: the result has length k + 2.";
        }
        if (Arrays.equals(got, Arrays.copyOfRange(want, 1, want.length))) {
            return "<start> (id 0) is missing at the front: the result has length k + 2.";
        }
        if (got.length == want.length) {
            for (int i = 0; i < got.length; i++) {
                if (got[i] != want[i] && want[i] == Vocabulary.UNK_ID) {
                    return "A token without an id must encode as <unk> = 2 (idOf gives UNK_ID for it), but got "
                            + got[i] + " at position " + i + ".";
                }
            }
        }
        return "encode gives [<start>=0, idOf(w_1), …, idOf(w_k), <end>=1].";
    }

    static String diagnoseDecode(List<String> want, List<String> got) {
        if (got == null) {
            return "decode must return a new list, never null.";
        }
        if (got.contains(Vocabulary.START) || got.contains(Vocabulary.END)) {
            return "decode must drop <start> and <end> (ids 0 and 1): skip them instead of adding their tokens.";
        }
        if (!got.contains(Vocabulary.UNK) && want.contains(Vocabulary.UNK)) {
            return "<unk> must stay: only <start> and <end> are dropped; an id 2 decodes to \"<unk>\".";
        }
        return "decode gives tokenOf(id) for each id in order, leaving out <start> and <end>.";
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
        String describe() {
            int d = counts(sentences).size();
            return sentences.size() + (sentences.size() == 1 ? " sentence, " : " sentences, ") + d
                    + (d == 1 ? " distinct token" : " distinct tokens") + ", minCount " + minCount;
        }

        @Override
        public String toString() {
            return (sentences.size() <= 6 ? sentences.toString() : sentences.subList(0, 6) + "…") + ", minCount " + minCount;
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
