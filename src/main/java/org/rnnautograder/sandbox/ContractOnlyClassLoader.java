package org.rnnautograder.sandbox;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.rnnautograder.assignment.Submissions;

/**
 * A parent class loader for submission classes loaded in-process: it lets through only the JDK, EJML and the
 * contract package ({@code org.rnnautograder.assignment}), and hides every services file naming a submission.
 * So nothing else on the grader's class path — another submission, the reference solution on a test class path,
 * the grader itself — can stand in for a class of the submission (parent-first delegation would let it win).
 */
public final class ContractOnlyClassLoader extends ClassLoader {
    private static final List<String> VISIBLE = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.", "org.ejml.",
            "org.rnnautograder.assignment.");

    /** @param parent the loader that holds the contract and EJML (usually the grader's own) */
    public ContractOnlyClassLoader(ClassLoader parent) {
        super("contract-only", parent);
    }

    private static boolean visibleClass(String name) {
        return VISIBLE.stream().anyMatch(name::startsWith);
    }

    private static boolean visibleResource(String name) {
        if (name.equals(Submissions.SERVICES_FILE)) {
            return false;
        }
        String asClass = name.replace('/', '.');
        return !name.endsWith(".class") || visibleClass(asClass);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!visibleClass(name)) {
            throw new ClassNotFoundException(name);
        }
        return super.loadClass(name, resolve);
    }

    @Override
    public URL getResource(String name) {
        return visibleResource(name) ? super.getResource(name) : null;
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        return visibleResource(name) ? super.getResources(name) : Collections.emptyEnumeration();
    }
}
