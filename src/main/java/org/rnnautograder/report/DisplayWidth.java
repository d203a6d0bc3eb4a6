package org.rnnautograder.report;

/**
 * Width of text in a terminal, for tables that line up in any language: East Asian Wide and Fullwidth characters
 * (Chinese among them) take two columns, combining marks none, everything else one.
 */
final class DisplayWidth {
    private DisplayWidth() {}

    /**
     * @return how many terminal columns {@code s} takes: 2 for each East Asian Wide or Fullwidth code point (CJK
     *         ideographs and punctuation, kana, Hangul, fullwidth forms, most emoji), 0 for combining marks and
     *         format characters, 1 for everything else
     */
    static int of(String s) {
        int width = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            width += columns(cp);
            i += Character.charCount(cp);
        }
        return width;
    }

    private static int columns(int cp) {
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT
                || cp == 0x200B) {
            return 0;
        }
        return isWide(cp) ? 2 : 1;
    }

    /** @return true for the East Asian Wide (W) and Fullwidth (F) code points of Unicode's EastAsianWidth.txt */
    static boolean isWide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F) // Hangul Jamo initials
                || cp == 0x2329 || cp == 0x232A
                || (cp >= 0x2E80 && cp <= 0x303E) // CJK radicals, Kangxi, ideographic description, CJK punctuation
                || (cp >= 0x3041 && cp <= 0x33FF) // kana, Bopomofo, Hangul compatibility, CJK compatibility
                || (cp >= 0x3400 && cp <= 0x4DBF) // CJK extension A
                || (cp >= 0x4E00 && cp <= 0x9FFF) // CJK unified ideographs
                || (cp >= 0xA000 && cp <= 0xA4CF) // Yi
                || (cp >= 0xA960 && cp <= 0xA97F) // Hangul Jamo extended A
                || (cp >= 0xAC00 && cp <= 0xD7A3) // Hangul syllables
                || (cp >= 0xF900 && cp <= 0xFAFF) // CJK compatibility ideographs
                || (cp >= 0xFE10 && cp <= 0xFE19) // vertical forms
                || (cp >= 0xFE30 && cp <= 0xFE6F) // CJK compatibility forms, small form variants
                || (cp >= 0xFF00 && cp <= 0xFF60) // fullwidth forms
                || (cp >= 0xFFE0 && cp <= 0xFFE6) // fullwidth signs
                || (cp >= 0x1F300 && cp <= 0x1F64F) // pictographs, emoticons
                || (cp >= 0x1F900 && cp <= 0x1F9FF) // supplemental symbols and pictographs
                || (cp >= 0x20000 && cp <= 0x3FFFD); // CJK extensions B and later, planes 2 and 3
    }

    /** @return {@code s} followed by spaces up to {@code width} display columns (as {@code %-ws} for ASCII) */
    static String padRight(String s, int width) {
        return s + " ".repeat(Math.max(0, width - of(s)));
    }

    /** @return {@code s} preceded by spaces up to {@code width} display columns (as {@code %ws} for ASCII) */
    static String padLeft(String s, int width) {
        return " ".repeat(Math.max(0, width - of(s))) + s;
    }
}
