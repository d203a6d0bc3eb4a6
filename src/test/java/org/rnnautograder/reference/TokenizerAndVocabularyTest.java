package org.rnnautograder.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnnautograder.assignment.Submission;
import org.rnnautograder.assignment.Tokenizer;
import org.rnnautograder.assignment.TokenizerKind;
import org.rnnautograder.assignment.Vocabulary;
import org.rnnautograder.corpus.Corpus;
import submission.RnnSubmission;

class TokenizerAndVocabularyTest {
    private final Submission reference = new RnnSubmission();

    @Test
    void codePointTokenizerSplitsChineseIntoCharactersAndRoundTrips() {
        Tokenizer t = reference.tokenizer(TokenizerKind.CODE_POINT);
        assertEquals(List.of("你", "好", "，", "R", "N", "N"), t.tokenize("你好，RNN"));
        for (String sentence : Corpus.bundled(Corpus.CHINESE).sentences()) {
            assertEquals(sentence, t.detokenize(t.tokenize(sentence)));
            assertEquals(sentence.codePointCount(0, sentence.length()), t.tokenize(sentence).size());
        }
    }

    @Test
    void codePointTokenizerKeepsCharactersOutsideTheBmpWhole() {
        Tokenizer t = reference.tokenizer(TokenizerKind.CODE_POINT);
        String text = "a😀𠀀b"; // an emoji and a CJK Extension B character: two chars each in UTF-16
        assertEquals(List.of("a", "😀", "𠀀", "b"), t.tokenize(text));
        assertEquals(text, t.detokenize(t.tokenize(text)));
    }

    @Test
    void wordTokenizerSplitsOnAnyWhitespace() {
        Tokenizer t = reference.tokenizer(TokenizerKind.WORD);
        assertEquals(List.of("the", "cat", "sat."), t.tokenize("  the cat\t\nsat. "));
        assertEquals("the cat sat.", t.detokenize(List.of("the", "cat", "sat.")));
        assertEquals(List.of(), t.tokenize(""));
    }

    @Test
    void vocabularyReservesStartEndUnkThenFirstAppearance() {
        Vocabulary v = reference.vocabulary(List.of(List.of("b", "a"), List.of("a", "c")), 1);
        assertEquals(6, v.size());
        assertEquals(List.of("<start>", "<end>", "<unk>", "b", "a", "c"),
                List.of(v.tokenOf(0), v.tokenOf(1), v.tokenOf(2), v.tokenOf(3), v.tokenOf(4), v.tokenOf(5)));
        assertEquals(Vocabulary.UNK_ID, v.idOf("never seen"));
        assertArrayEquals(new int[] {0, 3, 4, 2, 1}, v.encode(List.of("b", "a", "zzz")));
        assertArrayEquals(new int[] {0, 1}, v.encode(List.of()));
        assertEquals(List.of("b", "<unk>"), v.decode(new int[] {0, 3, 2, 1}));
    }

    @Test
    void rareTokensMapToUnkWithMinCount() {
        Vocabulary v = reference.vocabulary(List.of(List.of("x", "y", "x"), List.of("z", "y")), 2);
        assertEquals(5, v.size());
        assertEquals(3, v.idOf("x"));
        assertEquals(4, v.idOf("y"));
        assertEquals(Vocabulary.UNK_ID, v.idOf("z"));
    }

    @Test
    void reservedTokensInTheCorpusAreNotAddedTwice() {
        Vocabulary v = reference.vocabulary(List.of(List.of("<end>", "a", "<unk>")), 1);
        assertEquals(4, v.size());
        assertEquals(Vocabulary.END_ID, v.idOf("<end>"));
    }

    @Test
    void badIdsGetAClearMessage() {
        Vocabulary v = reference.vocabulary(List.of(List.of("a")), 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> v.tokenOf(4));
        assertTrue(e.getMessage().contains("0 … 3") && e.getMessage().contains("4"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> v.tokenOf(-1));
        assertThrows(IllegalArgumentException.class, () -> v.decode(new int[] {0, 9}));
        assertThrows(IllegalArgumentException.class, () -> reference.vocabulary(List.of(), 0));
    }

    @Test
    void emptyCorpusFileIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Corpus.parse("empty.txt", "# only a comment\n\n   \n"));
        assertTrue(e.getMessage().contains("empty.txt") && e.getMessage().contains("no sentences"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Corpus.read(java.nio.file.Path.of("/no/such/corpus.txt")));
    }
}
