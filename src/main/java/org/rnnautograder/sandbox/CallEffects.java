package org.rnnautograder.sandbox;

import java.util.List;

/**
 * What the latest proxied call did to its arguments and how its result relates to them, as reproduced in
 * the parent. Parts are named like {@code #0} (the first argument), {@code #0.U} (its record component U),
 * {@code #1[2]} (entry 2 of the list that is the second argument); result parts like {@code result.o_t}.
 *
 * @param writtenBack   argument parts student code changed in place; their new state was copied into the
 *                      caller's objects
 * @param reshaped      matrices among them whose shape changed (the caller's matrix was reshaped too)
 * @param notApplied    list changes that could not be applied because the caller's list is unmodifiable
 *                      (in-process, student code would have got an UnsupportedOperationException instead)
 * @param aliases       result parts that are an argument object, as "result.o_t = #0"; the parent's result
 *                      holds the caller's very object there
 */
public record CallEffects(List<String> writtenBack, List<String> reshaped, List<String> notApplied,
        List<String> aliases) {
    /** No effect: nothing changed, nothing aliased. */
    public static final CallEffects NONE = new CallEffects(List.of(), List.of(), List.of(), List.of());

    public CallEffects {
        writtenBack = List.copyOf(writtenBack);
        reshaped = List.copyOf(reshaped);
        notApplied = List.copyOf(notApplied);
        aliases = List.copyOf(aliases);
    }

    /** @return true if student code changed an argument in place */
    public boolean mutatedArguments() {
        return !writtenBack.isEmpty();
    }

    /** @return true if the result is, or holds, an argument object */
    public boolean aliased() {
        return !aliases.isEmpty();
    }
}
