package org.rnnautograder.packaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The autograder's thin Maven artifact ({@code rnn-autograder-<version>.jar}: the contract, the public graded
 * checks and the public fixtures, no dependencies inside) and the pom it was built from, which Maven embeds in the
 * jar ({@code META-INF/maven/org.rnnautograder/rnn-autograder/pom.xml}) and which lists the real dependencies.
 *
 * <p>Where the thin jar is looked for, in this order (the first valid one wins):
 * <ol>
 *   <li>an explicit path ({@code --jar});</li>
 *   <li>next to the running code: {@code target/rnn-autograder-<version>.jar} beside {@code target/rnn-autograder.jar}
 *       (the shaded jar) or beside {@code target/classes} — what {@code mvn package} builds;</li>
 *   <li>the local Maven repository ({@code -Dmaven.repo.local} or {@code ~/.m2/repository}) — what
 *       {@code mvn install} put there.</li>
 * </ol>
 * A candidate that is not thin (a shaded jar, a jar with a {@code submission} package) is skipped with its reason.
 */
public final class AutograderArtifact {
    public static final String GROUP_ID = "org.rnnautograder";
    public static final String ARTIFACT_ID = "rnn-autograder";
    /** Where Maven's archiver embeds the pom the jar was built from. */
    public static final String EMBEDDED_POM = "META-INF/maven/" + GROUP_ID + "/" + ARTIFACT_ID + "/pom.xml";
    public static final String EMBEDDED_PROPERTIES = "META-INF/maven/" + GROUP_ID + "/" + ARTIFACT_ID + "/pom.properties";

    private final Path jar;
    private final String version;
    private final byte[] pom;

    private AutograderArtifact(Path jar, String version, byte[] pom) {
        this.jar = jar;
        this.version = version;
        this.pom = pom;
    }

    /** @return the thin jar */
    public Path jar() {
        return jar;
    }

    /** @return the artifact's version, from the jar's pom.properties */
    public String version() {
        return version;
    }

    /** @return the pom the jar was built from (it lists EJML, Jackson, JUnit and picocli as dependencies) */
    public byte[] pom() {
        return pom.clone();
    }

    /** @return the folder holding the running autograder's classes or jar (e.g. {@code target/}), if known */
    public static Optional<Path> runningFrom(Class<?> anchor) {
        return runningLocation(anchor).map(Path::getParent);
    }

    /** @return the running code's location: the shaded jar when run with {@code java -jar}, else a classes folder */
    public static Optional<Path> runningLocation(Class<?> anchor) {
        CodeSource cs = anchor.getProtectionDomain().getCodeSource();
        if (cs == null || cs.getLocation() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(cs.getLocation().toURI()).toAbsolutePath().normalize());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Finds the thin artifact.
     *
     * @param explicit a jar the user named, or null
     * @param version  the version to look for (the running autograder's)
     * @param anchor   a class of the running autograder
     * @throws IllegalArgumentException naming every place looked at, and why each was rejected
     */
    public static AutograderArtifact locate(Path explicit, String version, Class<?> anchor) {
        String file = ARTIFACT_ID + "-" + version + ".jar";
        Set<Path> candidates = new LinkedHashSet<>();
        if (explicit != null) {
            candidates.add(explicit.toAbsolutePath().normalize());
        } else {
            runningFrom(anchor).ifPresent(dir -> candidates.add(dir.resolve(file)));
            candidates.add(localRepository().resolve(GROUP_ID.replace('.', '/')).resolve(ARTIFACT_ID).resolve(version)
                    .resolve(file));
        }
        List<String> rejected = new ArrayList<>();
        for (Path c : candidates) {
            if (!Files.isRegularFile(c)) {
                rejected.add(c + ": not found");
                continue;
            }
            List<String> problems = problems(c);
            if (!problems.isEmpty()) {
                rejected.add(c + ": " + String.join("; ", problems));
                continue;
            }
            return read(c);
        }
        throw new IllegalArgumentException("no usable thin autograder jar (" + file + ") — run `mvn package` first"
                + " (it builds target/" + file + "), or pass --jar FILE. Looked at:\n  " + String.join("\n  ", rejected));
    }

    /** @return the local Maven repository: {@code -Dmaven.repo.local}, else {@code ~/.m2/repository} */
    public static Path localRepository() {
        String p = System.getProperty("maven.repo.local");
        return p != null && !p.isBlank() ? Path.of(p) : Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    /**
     * @return why {@code jar} must not be vendored into a student repository (empty when it is fine): it must hold
     *         only the autograder's own classes ({@code org/rnnautograder/}), the public fixtures ({@code fixtures/})
     *         and {@code META-INF/}, the graded checks, and its pom — no dependency inside, and never a class of the
     *         {@code submission} package (the reference solution's)
     */
    public static List<String> problems(Path jar) {
        List<String> problems = new ArrayList<>();
        boolean suite = false, pom = false;
        Set<String> foreign = new LinkedHashSet<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements();) {
                String name = e.nextElement().getName();
                if (name.startsWith("submission/") || name.endsWith(".java")) {
                    problems.add("holds " + name + " (the reference solution's package or a source file)");
                } else if (name.startsWith("org/rnnautograder/suite/") && name.endsWith(".class")) {
                    suite = true;
                } else if (name.equals(EMBEDDED_POM)) {
                    pom = true;
                } else if (!name.startsWith("org/rnnautograder/") && !name.startsWith("fixtures/")
                        && !name.startsWith("META-INF/") && !name.equals("org/")) {
                    foreign.add(name.contains("/") ? name.substring(0, name.indexOf('/') + 1) : name);
                }
            }
        } catch (IOException e) {
            return List.of("not a readable jar (" + e.getMessage() + ")");
        }
        if (!foreign.isEmpty()) {
            problems.add("not thin: it bundles other code (" + String.join(", ", foreign.stream().limit(5).toList())
                    + (foreign.size() > 5 ? ", …" : "") + "), like the shaded target/rnn-autograder.jar does");
        }
        if (!suite) {
            problems.add("holds no graded checks (org/rnnautograder/suite)");
        }
        if (!pom) {
            problems.add("has no embedded " + EMBEDDED_POM);
        }
        return problems;
    }

    private static AutograderArtifact read(Path jar) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            byte[] pom;
            try (InputStream in = zip.getInputStream(zip.getEntry(EMBEDDED_POM))) {
                pom = in.readAllBytes();
            }
            Properties props = new Properties();
            ZipEntry pe = zip.getEntry(EMBEDDED_PROPERTIES);
            if (pe == null) {
                throw new IllegalArgumentException(jar + " has no " + EMBEDDED_PROPERTIES);
            }
            try (InputStream in = zip.getInputStream(pe)) {
                props.load(in);
            }
            return new AutograderArtifact(jar, props.getProperty("version"), pom);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + jar, e);
        }
    }
}
