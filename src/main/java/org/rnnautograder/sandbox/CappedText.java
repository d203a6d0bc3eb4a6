package org.rnnautograder.sandbox;

import org.rnnautograder.i18n.Messages;

/**
 * A thread-safe text buffer that keeps at most {@code cap} characters; what comes after is dropped and
 * replaced by one "…[output truncated …]" marker.
 */
final class CappedText {
    private final int cap;
    private final StringBuilder text = new StringBuilder();
    private boolean truncated;

    /** @param cap the most characters kept, ≥ 0 */
    CappedText(int cap) {
        if (cap < 0) {
            throw new IllegalArgumentException("cap must be ≥ 0, but was " + cap);
        }
        this.cap = cap;
    }

    /** Appends {@code s} (or the part that fits, then the marker once). */
    synchronized void append(String s) {
        if (truncated) {
            return;
        }
        int room = cap - text.length();
        if (s.length() <= room) {
            text.append(s);
        } else {
            text.append(s, 0, Math.max(0, room));
            text.append('\n').append(Messages.text("sandbox.output-truncated", cap)).append('\n');
            truncated = true;
        }
    }

    /** Empties the buffer. */
    synchronized void clear() {
        text.setLength(0);
        truncated = false;
    }

    /** @return the text so far */
    synchronized String get() {
        return text.toString();
    }

    /** @return the text so far, and empties the buffer */
    synchronized String take() {
        String s = text.toString();
        clear();
        return s;
    }
}
