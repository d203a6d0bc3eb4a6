package org.rnnautograder.sandbox;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One line child → parent.
 *
 * <ul>
 *   <li>{@code hello}: the child is up; {@code ok} false with {@code error} when the submission could not be loaded;</li>
 *   <li>{@code out}: a chunk of what student code printed while serving call {@code id};</li>
 *   <li>{@code reply}: the end of call {@code id}: {@code ok} with {@code result} (a JSON value) or
 *       {@code handle} (a child-side object), or not {@code ok} with {@code error}; either way with
 *       {@code changes}, the argument parts student code changed in place (absent if none), and when {@code ok}
 *       with {@code aliases}, the parts of {@code result} that are argument objects (absent if none).</li>
 * </ul>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ChildMessage(String type, long id, Boolean ok, JsonNode result, Integer handle, RemoteError error, String text,
        List<ArgumentChange> changes, List<Alias> aliases) {
    static final String HELLO = "hello";
    static final String OUT = "out";
    static final String REPLY = "reply";

    static ChildMessage hello() {
        return new ChildMessage(HELLO, 0, true, null, null, null, null, null, null);
    }

    static ChildMessage helloFailed(RemoteError error) {
        return new ChildMessage(HELLO, 0, false, null, null, error, null, null, null);
    }

    static ChildMessage out(long id, String text) {
        return new ChildMessage(OUT, id, null, null, null, null, text, null, null);
    }

    static ChildMessage value(long id, JsonNode result) {
        return new ChildMessage(REPLY, id, true, result, null, null, null, null, null);
    }

    static ChildMessage handle(long id, int handle) {
        return new ChildMessage(REPLY, id, true, null, handle, null, null, null, null);
    }

    static ChildMessage failed(long id, RemoteError error) {
        return new ChildMessage(REPLY, id, false, null, null, error, null, null, null);
    }

    /** @return this reply carrying {@code changes} and {@code aliases} (each omitted if null or empty) */
    ChildMessage withEffects(List<ArgumentChange> changes, List<Alias> aliases) {
        return new ChildMessage(type, id, ok, result, handle, error, text,
                changes == null || changes.isEmpty() ? null : changes, aliases == null || aliases.isEmpty() ? null : aliases);
    }
}
