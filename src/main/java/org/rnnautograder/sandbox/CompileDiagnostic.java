package org.rnnautograder.sandbox;

/**
 * One compiler message about a submission.
 *
 * @param file    the source file relative to the submission directory (e.g.
 *                {@code src/main/java/submission/MyCell.java}), or "" when the message is about no file
 * @param line    1-based line, or 0 when unknown
 * @param column  1-based column, or 0 when unknown
 * @param kind    ERROR, WARNING, MANDATORY_WARNING, NOTE or OTHER
 * @param message the compiler's message, in the language of the catalogue when it was made (English or Chinese)
 */
public record CompileDiagnostic(String file, long line, long column, String kind, String message) {
    /** @return true for an error */
    public boolean isError() {
        return "ERROR".equals(kind);
    }

    /** @return "file:line:column: kind: message", the way compilers print it */
    @Override
    public String toString() {
        String where = file.isEmpty() ? "" : file + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "") + ": ";
        return where + kind.toLowerCase(java.util.Locale.ROOT) + ": " + message;
    }
}
