package org.rnnautograder.suite;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a graded check: a JUnit test method of a {@link ComponentChecks} class. Its title is the catalogue's
 * {@code check.<id>} ({@link CheckTitles}); its component is the class's {@link ComponentChecks#component()}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Check {
    /** A stable id such as {@code "rnn.backward.gradcheck"}; rubric files override points by this id. */
    String id();

    /** Default points; the defaults of the whole suite sum to 100. */
    int points();

    /**
     * True for checks that compare with the reference solution. They run only where the reference is
     * present (grading mode) and are otherwise skipped as "graded by your instructor".
     */
    boolean needsReference() default false;
}
