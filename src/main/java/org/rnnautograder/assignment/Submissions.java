package org.rnnautograder.assignment;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/** Finds the one {@link Submission} registered on a class path. Given code. */
public final class Submissions {
    /** The services file a submission must ship. */
    public static final String SERVICES_FILE = "META-INF/services/" + Submission.class.getName();

    private Submissions() {}

    /**
     * Loads the single submission visible to {@code loader}.
     *
     * @throws SubmissionLoadException when there is none, more than one, or it cannot be built; the
     *                                 message says what was expected, what came and the likely fix
     */
    public static Submission load(ClassLoader loader) {
        List<Submission> found = new ArrayList<>();
        Iterator<Submission> it = ServiceLoader.load(Submission.class, loader).iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                found.add(it.next());
            } catch (ServiceConfigurationError e) {
                throw new SubmissionLoadException(explain(e), e);
            } catch (RuntimeException | LinkageError e) {
                throw new SubmissionLoadException("The submission's entry point could not be created: "
                        + e + ". Its constructor must take no arguments and must not throw.", e);
            }
        }
        if (found.isEmpty()) {
            throw new SubmissionLoadException("No submission found: expected one class implementing "
                    + Submission.class.getName() + " named in " + SERVICES_FILE
                    + " (src/main/resources/" + SERVICES_FILE + "), but the file is missing or empty."
                    + " The template ships this file; restore it and keep the class name in it up to date.");
        }
        if (found.size() > 1) {
            List<String> names = found.stream().map(s -> s.getClass().getName()).toList();
            throw new SubmissionLoadException("Expected exactly one submission entry point, but found "
                    + found.size() + ": " + names + ". Keep a single class name in " + SERVICES_FILE + ".");
        }
        return found.get(0);
    }

    /** Loads the submission visible to this thread's context class loader. */
    public static Submission load() {
        return load(Thread.currentThread().getContextClassLoader());
    }

    private static String explain(ServiceConfigurationError e) {
        Throwable cause = e.getCause();
        String detail = e.getMessage();
        if (cause instanceof ClassNotFoundException) {
            return "The class named in " + SERVICES_FILE + " does not exist (" + detail + "). Check that the"
                    + " name in the file is the fully qualified name (package + class) of your Submission class.";
        }
        if (detail != null && detail.contains("not a subtype")) {
            return "The class named in " + SERVICES_FILE + " does not implement " + Submission.class.getName()
                    + " (" + detail + ").";
        }
        if (cause != null) {
            return "The submission's entry point could not be created: " + cause
                    + ". Its class must be public, with a public no-argument constructor that does not throw.";
        }
        return "The submission's entry point is not usable: " + detail
                + ". Its class must be public, implement " + Submission.class.getName()
                + " and have a public no-argument constructor.";
    }
}
