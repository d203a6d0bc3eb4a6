package org.rnnautograder.assignment;

/** How text is split into tokens. */
public enum TokenizerKind {
    /** One token per Unicode code point (not per {@code char}: a character outside the BMP is one token). */
    CODE_POINT,
    /** Tokens are maximal runs of non-whitespace, split on Unicode whitespace. */
    WORD
}
