package org.rnnautograder.sandbox;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.rnnautograder.assignment.Submission;

/**
 * The class path student code is compiled against and runs with: the autograder's own classes (the
 * contract and the child main), Jackson and EJML. Found from the code sources of marker classes, so it
 * works from {@code target/classes} plus Maven jars as well as from one shaded jar (then it is just that
 * jar). JUnit and everything else the parent has is deliberately absent.
 */
public final class ContractClasspath {
    /** Classes whose jars make up the class path; missing ones (other library versions) are skipped. */
    private static final List<String> MARKERS = List.of(
            "com.fasterxml.jackson.databind.ObjectMapper",
            "com.fasterxml.jackson.core.JsonFactory",
            "com.fasterxml.jackson.annotation.JsonProperty",
            "org.ejml.simple.SimpleMatrix",
            "org.ejml.data.DMatrixRMaj",
            "org.ejml.dense.row.CommonOps_DDRM",
            "org.ejml.dense.row.CommonOps_FDRM",
            "org.ejml.dense.row.CommonOps_CDRM",
            "org.ejml.dense.row.CommonOps_ZDRM",
            "org.ejml.sparse.csc.CommonOps_DSCC",
            "org.ejml.sparse.csc.CommonOps_FSCC");

    private static volatile List<Path> cached;

    private ContractClasspath() {}

    /**
     * @return the class path entries (absolute, real paths; jars or directories), the autograder's first
     * @throws IllegalStateException if the autograder's or a required library's location cannot be found
     */
    public static List<Path> entries() {
        List<Path> result = cached;
        if (result == null) {
            Set<Path> set = new LinkedHashSet<>();
            set.add(locationOf(Submission.class));
            for (String name : MARKERS) {
                try {
                    set.add(locationOf(Class.forName(name, false, ContractClasspath.class.getClassLoader())));
                } catch (ClassNotFoundException e) {
                    // an optional EJML module of another version; SimpleMatrix itself is checked below
                }
            }
            set.add(locationOf(org.ejml.simple.SimpleMatrix.class));
            result = List.copyOf(new ArrayList<>(set));
            cached = result;
        }
        return result;
    }

    /** @return {@link #entries()} joined with the platform's path separator */
    public static String asString() {
        List<String> parts = new ArrayList<>();
        entries().forEach(p -> parts.add(p.toString()));
        return String.join(java.io.File.pathSeparator, parts);
    }

    /**
     * @param type a class loaded from a jar or a directory
     * @return the real path of that jar or directory
     * @throws IllegalStateException if the class has no file location (e.g. it comes from the JDK image)
     */
    static Path locationOf(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            throw new IllegalStateException("expected " + type.getName() + " to be loaded from a jar or a directory,"
                    + " but it has no code source");
        }
        try {
            return Path.of(source.getLocation().toURI()).toRealPath();
        } catch (URISyntaxException | java.io.IOException | IllegalArgumentException e) {
            throw new IllegalStateException("expected the location of " + type.getName()
                    + " to be a readable local path, but it was " + source.getLocation(), e);
        }
    }
}
