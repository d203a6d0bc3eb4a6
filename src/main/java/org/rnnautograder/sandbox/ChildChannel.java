package org.rnnautograder.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/** The child's end of the protocol: writes one JSON message per line to the real stdout, thread-safely. */
final class ChildChannel {
    private final OutputStream out;
    private final ObjectMapper mapper;

    /** @param out the real stdout (never handed to student code); written to and flushed per message */
    ChildChannel(OutputStream out, ObjectMapper mapper) {
        this.out = out;
        this.mapper = mapper;
    }

    /** Writes {@code message} as one line and flushes. */
    synchronized void send(ChildMessage message) {
        try {
            out.write(mapper.writeValueAsBytes(message));
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("the parent stopped reading the child's output", e);
        }
    }
}
