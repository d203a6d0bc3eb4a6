package org.rnnautograder.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.rnnautograder.i18n.Messages;

/**
 * The child's System.out and System.err: collects what student code prints and sends it to the parent
 * as {@code out} messages tagged with the current call, at most {@code capChars} characters per call;
 * beyond that a single truncation marker is sent and the rest is dropped. Chunks go out when a line
 * ends (PrintStream autoflush), when {@link #CHUNK} bytes are pending, and at the end of each call, so
 * what was printed before a hang still reaches the parent.
 */
final class OutputCapture extends OutputStream {
    /** Pending bytes that force a chunk out. */
    static final int CHUNK = 4096;

    private final ChildChannel channel;
    private final int capChars;
    /** Made once, in the child's language, so that a print deep in student code never loads the catalogue. */
    private final String truncationMarker;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private long callId;
    private int sentThisCall;
    private boolean truncated;

    /**
     * @param channel  where chunks go
     * @param capChars the most characters forwarded per call, ≥ 0
     */
    OutputCapture(ChildChannel channel, int capChars) {
        this.channel = channel;
        this.capChars = capChars;
        this.truncationMarker = "\n" + Messages.text("sandbox.output-truncated.call", capChars) + "\n";
    }

    /** Flushes what the previous call left and starts counting for call {@code id}. */
    synchronized void beginCall(long id) {
        flushPending(true);
        callId = id;
        sentThisCall = 0;
        truncated = false;
    }

    /** Sends everything pending for the current call. */
    synchronized void endCall() {
        flushPending(true);
    }

    @Override
    public synchronized void write(int b) {
        pending.write(b);
        if (pending.size() >= CHUNK) {
            flushPending(false);
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        pending.write(b, off, len);
        if (pending.size() >= CHUNK) {
            flushPending(false);
        }
    }

    @Override
    public synchronized void flush() {
        flushPending(false);
    }

    /** @param all true to send even an incomplete trailing UTF-8 sequence (end of a call) */
    private void flushPending(boolean all) {
        byte[] bytes = pending.toByteArray();
        int end = all ? bytes.length : completeUtf8Prefix(bytes);
        if (end == 0) {
            return;
        }
        pending.reset();
        pending.write(bytes, end, bytes.length - end);
        if (truncated) {
            return;
        }
        String text = new String(bytes, 0, end, StandardCharsets.UTF_8);
        int room = capChars - sentThisCall;
        if (text.length() > room) {
            text = text.substring(0, Math.max(0, room)) + truncationMarker;
            truncated = true;
        }
        sentThisCall += text.length();
        channel.send(ChildMessage.out(callId, text));
    }

    /** @return the length of the longest prefix of {@code b} that does not end inside a UTF-8 sequence */
    static int completeUtf8Prefix(byte[] b) {
        int n = b.length;
        for (int back = 1; back <= Math.min(3, n); back++) {
            int x = b[n - back] & 0xFF;
            if ((x & 0xC0) == 0x80) {
                continue; // continuation byte: look further back for the lead byte
            }
            int need = x >= 0xF0 ? 4 : x >= 0xE0 ? 3 : x >= 0xC0 ? 2 : 1;
            return need > back ? n - back : n;
        }
        return n;
    }
}
