package org.rnnautograder.report;

import java.nio.charset.StandardCharsets;

/** Escaping for the report formats. Every string that reaches a report (student output included) goes through here. */
final class Escaping {
    private Escaping() {}

    /** @return true for the characters XML 1.0 allows (tab, newline, carriage return, and no other C0 control) */
    static boolean isXmlChar(int cp) {
        return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD)
                || (cp >= 0x10000 && cp <= 0x10FFFF);
    }

    /** @return {@code s} without the characters XML 1.0 forbids (and without lone surrogates); "" for null */
    static String xmlSafe(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int n = Character.charCount(cp);
            boolean ok = isXmlChar(cp) && !(n == 1 && Character.isSurrogate((char) cp));
            if (!ok && out == null) {
                out = new StringBuilder(s.length()).append(s, 0, i);
            } else if (ok && out != null) {
                out.appendCodePoint(cp);
            }
            i += n;
        }
        return out == null ? s : out.toString();
    }

    /** @return {@code s} escaped for HTML text and (quoted) attribute values, forbidden characters removed */
    static String html(String s) {
        String safe = xmlSafe(s);
        StringBuilder out = new StringBuilder(safe.length() + 16);
        for (int i = 0; i < safe.length(); i++) {
            char c = safe.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * @return {@code s} safe as inline Markdown text: Markdown punctuation backslash-escaped, HTML's {@code < > &}
     * as entities (so raw HTML in a message is shown, not rendered), line breaks as spaces
     */
    static String markdownInline(String s) {
        String safe = xmlSafe(s).replace("\r\n", "\n").replace('\r', '\n').replace('\n', ' ');
        StringBuilder out = new StringBuilder(safe.length() + 16);
        for (int i = 0; i < safe.length(); i++) {
            char c = safe.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\\', '`', '*', '_', '[', ']', '|', '#', '~' -> out.append('\\').append(c);
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** @return a fenced Markdown code block holding {@code text} verbatim; the fence outgrows any backtick run inside */
    static String markdownFence(String text, String info) {
        String body = xmlSafe(text).replace("\r\n", "\n").replace('\r', '\n');
        int longest = 0, run = 0;
        for (int i = 0; i < body.length(); i++) {
            run = body.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(Math.max(3, longest + 1));
        return fence + info + "\n" + body + (body.endsWith("\n") ? "" : "\n") + fence + "\n";
    }

    /** @return {@code s} percent-encoded as one URL path segment (UTF-8; only RFC 3986 unreserved characters kept) */
    static String urlPathSegment(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }
}
