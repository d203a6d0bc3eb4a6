package org.rnnautograder.sandbox;

import java.util.ArrayList;
import java.util.List;

/**
 * A throwable from the child, reduced to what the parent needs to re-create it.
 *
 * @param className the throwable's class, e.g. {@code java.lang.IllegalArgumentException}
 * @param message   its message (may be null)
 * @param method    for {@code NotImplementedYetException}: the method it names; otherwise null
 * @param frames    the top stack frames of student code (at most {@link #MAX_FRAMES})
 * @param internal  true when the sandbox itself failed in the child (bad request, unserialisable value),
 *                  not student code
 */
record RemoteError(String className, String message, String method, List<RemoteFrame> frames, boolean internal) {
    /** How many student frames are kept. */
    static final int MAX_FRAMES = 8;

    /** Name the child gives the class loader of the submission, used to tell student frames apart. */
    static final String STUDENT_LOADER = "submission";

    RemoteError {
        frames = frames == null ? List.of() : List.copyOf(frames);
    }

    /**
     * Reduces {@code t} to a RemoteError, keeping only frames of classes loaded by the submission's
     * loader (if there are none, the top frames as they are).
     *
     * @param t        the throwable; not modified
     * @param method   the NotImplementedYetException method, or null
     * @param internal see the record component
     */
    static RemoteError of(Throwable t, String method, boolean internal) {
        List<RemoteFrame> student = new ArrayList<>();
        List<RemoteFrame> any = new ArrayList<>();
        for (StackTraceElement e : t.getStackTrace()) {
            if (any.size() < MAX_FRAMES) {
                any.add(RemoteFrame.of(e));
            }
            if (STUDENT_LOADER.equals(e.getClassLoaderName()) && student.size() < MAX_FRAMES) {
                student.add(RemoteFrame.of(e));
            }
        }
        return new RemoteError(t.getClass().getName(), t.getMessage(), method, student.isEmpty() ? any : student,
                internal);
    }

    /** One stack frame. */
    record RemoteFrame(String className, String methodName, String fileName, int lineNumber) {
        static RemoteFrame of(StackTraceElement e) {
            return new RemoteFrame(e.getClassName(), e.getMethodName(), e.getFileName(), e.getLineNumber());
        }

        StackTraceElement toStackTraceElement() {
            return new StackTraceElement(className, methodName, fileName, lineNumber);
        }
    }
}
