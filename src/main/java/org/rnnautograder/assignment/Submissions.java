package org.rnnautograder.assignment;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.rnnautograder.i18n.Messages;

/** Finds the one {@link Submission} registered on a class path. Given code. Its messages speak {@link Messages#language()}. */
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
                throw new SubmissionLoadException(Messages.text("load.constructor-threw", e), e);
            }
        }
        if (found.isEmpty()) {
            throw new SubmissionLoadException(Messages.text("load.none", Submission.class.getName(), SERVICES_FILE));
        }
        if (found.size() > 1) {
            List<String> names = found.stream().map(s -> s.getClass().getName()).toList();
            throw new SubmissionLoadException(Messages.text("load.several", found.size(), names, SERVICES_FILE));
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
            return Messages.text("load.class-not-found", SERVICES_FILE, detail);
        }
        if (detail != null && detail.contains("not a subtype")) {
            return Messages.text("load.not-a-subtype", SERVICES_FILE, Submission.class.getName(), detail);
        }
        if (cause != null) {
            return Messages.text("load.not-creatable", cause);
        }
        return Messages.text("load.not-usable", detail, Submission.class.getName());
    }
}
