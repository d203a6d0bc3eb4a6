package org.rnnautograder.suite;

import org.rnnautograder.i18n.Messages;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.TestAbortedException;
import org.rnnautograder.assignment.NotImplementedYetException;
import org.rnnautograder.assignment.SubmissionLoadException;

/**
 * Turns whatever a check throws into a {@link CheckFailure} a stuck student can act on: one line for a method
 * that is not implemented yet, the exception and the student's own line for a crash, the deadline for a
 * timeout. Skips ({@link TestAbortedException}) pass through unchanged.
 */
public final class StudentFacingFailures implements TestExecutionExceptionHandler {

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable thrown) throws Throwable {
        throw translate(thrown);
    }

    /** @return the student-facing failure for {@code thrown} ({@code thrown} itself for skips and CheckFailures) */
    public static Throwable translate(Throwable thrown) {
        if (thrown instanceof CheckFailure || thrown instanceof TestAbortedException) {
            return thrown;
        }
        NotImplementedYetException notYet = find(thrown, NotImplementedYetException.class);
        if (notYet != null) {
            return new CheckFailure(CheckFailure.Kind.NOT_IMPLEMENTED, Messages.text("failure.not-implemented",
                    notYet.method()));
        }
        SubmissionLoadException load = find(thrown, SubmissionLoadException.class);
        if (load != null) {
            return new CheckFailure(CheckFailure.Kind.NOT_LOADED, load.getMessage());
        }
        if (thrown instanceof TimeoutException) {
            return new CheckFailure(CheckFailure.Kind.TIMEOUT, Messages.text("failure.timeout",
                    ComponentChecks.DEADLINE_SECONDS));
        }
        if (thrown.getClass().getName().startsWith("org.rnnautograder.sandbox.")) {
            return new CheckFailure(CheckFailure.Kind.SANDBOX, thrown.getMessage());
        }
        if (thrown instanceof AssertionError) {
            return new CheckFailure(CheckFailure.Kind.WRONG, String.valueOf(thrown.getMessage()));
        }
        if (thrown instanceof StackOverflowError) {
            return new CheckFailure(CheckFailure.Kind.EXCEPTION, Messages.text("failure.stack-overflow", where(thrown)));
        }
        if (thrown instanceof OutOfMemoryError) {
            return new CheckFailure(CheckFailure.Kind.EXCEPTION, Messages.text("failure.out-of-memory", where(thrown)));
        }
        return new CheckFailure(CheckFailure.Kind.EXCEPTION, Messages.text("failure.exception",
                thrown.getClass().getSimpleName() + (thrown.getMessage() == null ? "" : ": " + thrown.getMessage()),
                where(thrown)));
    }

    /**
     * @return the simple class name of what the student's code threw; in grading mode an exception type the sandbox
     *         does not re-create arrives as its StudentCodeException, whose original class name is what counts
     */
    public static String typeOf(Throwable e) {
        if (e.getClass().getName().equals("org.rnnautograder.sandbox.StudentCodeException")) {
            try {
                String name = (String) e.getClass().getMethod("originalClassName").invoke(e);
                return name.substring(name.lastIndexOf('.') + 1);
            } catch (ReflectiveOperationException | ClassCastException | NullPointerException ignored) {
                // fall back to the class we have
            }
        }
        return e.getClass().getSimpleName();
    }

    /**
     * @return true for the grading-mode failure of a call itself (it hung, exited, ran out of memory, or its process
     *         was lost): not an exception of the student's code, so a check that expects one must not swallow it
     */
    public static boolean isSandboxFailure(Throwable t) {
        return t != null && t.getClass().getName().equals("org.rnnautograder.sandbox.SandboxException");
    }

    private static <T extends Throwable> T find(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }

    /** @return " at Class.method(File.java:line)" for the first frame of the student's own code, or "" */
    static String where(Throwable thrown) {
        for (StackTraceElement e : thrown.getStackTrace()) {
            if (isStudentFrame(e.getClassName())) {
                return Messages.text("failure.at", e.getClassName() + "." + e.getMethodName() + "(" + e.getFileName()
                        + ":" + e.getLineNumber() + ")");
            }
        }
        return "";
    }

    private static boolean isStudentFrame(String className) {
        for (String p : new String[] {"java.", "javax.", "jdk.", "sun.", "com.sun.", "org.ejml.", "org.rnnautograder.",
                "org.junit.", "org.opentest4j.", "com.fasterxml.", "org.apache.maven."}) {
            if (className.startsWith(p)) {
                return false;
            }
        }
        return true;
    }
}
