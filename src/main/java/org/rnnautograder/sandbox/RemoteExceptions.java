package org.rnnautograder.sandbox;

import java.util.ArrayList;
import java.util.List;
import org.rnnautograder.assignment.NotImplementedYetException;
import org.rnnautograder.i18n.Messages;

/**
 * Re-creates, in the parent, what student code threw in the child: NotImplementedYetException as itself;
 * IllegalArgumentException, IllegalStateException, IndexOutOfBoundsException, NullPointerException,
 * ArithmeticException, UnsupportedOperationException as the same JDK type with the same message;
 * anything else as a {@link StudentCodeException}. The stack trace is the student's frames followed by
 * the parent's.
 */
final class RemoteExceptions {
    private RemoteExceptions() {}

    /**
     * @param error  the reduced throwable from the child; not modified
     * @param method the called method as "Iface.method" (for explanations)
     * @return the exception to throw in the parent
     */
    static RuntimeException recreate(RemoteError error, String method) {
        RuntimeException e = switch (error.className()) {
            case "org.rnnautograder.assignment.NotImplementedYetException" ->
                    new NotImplementedYetException(error.method() != null ? error.method() : method);
            case "java.lang.IllegalArgumentException" -> new IllegalArgumentException(error.message());
            case "java.lang.IllegalStateException" -> new IllegalStateException(error.message());
            case "java.lang.IndexOutOfBoundsException" -> new IndexOutOfBoundsException(error.message());
            case "java.lang.NullPointerException" -> new NullPointerException(error.message());
            case "java.lang.ArithmeticException" -> new ArithmeticException(error.message());
            case "java.lang.UnsupportedOperationException" -> new UnsupportedOperationException(error.message());
            case "java.lang.StackOverflowError" -> new StudentCodeException(error.className(), error.message(),
                    Messages.text("sandbox.stack-overflow", method));
            default -> new StudentCodeException(error.className(), error.message(),
                    Messages.text("sandbox.threw", method));
        };
        List<StackTraceElement> trace = new ArrayList<>();
        error.frames().forEach(f -> trace.add(f.toStackTraceElement()));
        trace.addAll(List.of(e.getStackTrace()));
        e.setStackTrace(trace.toArray(StackTraceElement[]::new));
        return e;
    }
}
