package org.rnnautograder.suite;

import org.rnnautograder.i18n.Messages;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Seeded property checks. Try i (i = 0 … tries−1) draws its input from {@code new Random(seed + i)} with a size
 * that grows with i, so the first failure is also the smallest failing shape found. On failure the message
 * gives that shape, the seed to reproduce it and the property's own explanation.
 */
public final class Property {
    private Property() {}

    /**
     * Runs {@code body} on {@code tries} generated inputs.
     *
     * @param what     the property, for the message, e.g. "softmax sums to 1"
     * @param seed     the base seed (recorded in the message)
     * @param tries    number of inputs, ≥ 1
     * @param generate (random, size) → input; size runs from 1 up
     * @param shape    input → a description of its shape, e.g. "m=3, n=2, T=1"
     * @param body     the property; throws (a {@link CheckFailure} or the student's exception) when it fails
     */
    public static <T> void forAll(String what, long seed, int tries, BiFunction<Random, Integer, T> generate,
            Function<T, String> shape, Consumer<T> body) {
        for (int i = 0; i < tries; i++) {
            long s = seed + i;
            T input = generate.apply(new Random(s), 1 + i * 8 / Math.max(1, tries - 1) + i % 3);
            try {
                body.accept(input);
            } catch (CheckFailure f) {
                throw new CheckFailure(f.kind(), failsFor(what, shape.apply(input), s, i, tries, f.getMessage()));
            } catch (org.rnnautograder.assignment.NotImplementedYetException e) {
                throw e;
            } catch (RuntimeException | StackOverflowError e) {
                Throwable t = StudentFacingFailures.translate(e);
                String m = t instanceof CheckFailure c ? c.getMessage() : String.valueOf(e);
                throw new CheckFailure(t instanceof CheckFailure c ? c.kind() : CheckFailure.Kind.EXCEPTION,
                        failsFor(what, shape.apply(input), s, i, tries, m));
            }
        }
    }

    private static String failsFor(String what, String shape, long seed, int i, int tries, String why) {
        return Messages.text("property.fails", what, shape, seed, i + 1, tries, why);
    }
}
