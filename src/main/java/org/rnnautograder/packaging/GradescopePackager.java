package org.rnnautograder.packaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.rnnautograder.i18n.Language;

/**
 * Builds a Gradescope autograder zip (https://gradescope-autograders.readthedocs.io/en/latest/specs/):
 * <pre>
 *   setup.sh               installs a JDK 17 (and bubblewrap) and grades the reference once as a smoke test
 *   run_autograder         grades $AUTOGRADER_ROOT/submission (default /autograder) into results/results.json
 *   autograder.env         the seed every submission's random inputs are drawn from
 *   rnn-autograder.jar     the shaded autograder (no reference solution inside: it goes on the child JVM's class path)
 *   reference-solutions/   the reference's sources (the zip is instructor-private; the grader compiles them into the
 *                          trusted JVM only)
 * </pre>
 */
public final class GradescopePackager {
    private static final String RESOURCES = "/org/rnnautograder/packaging/gradescope/";
    private static final Set<PosixFilePermission> EXECUTABLE = PosixFilePermissions.fromString("rwxr-xr-x");
    private static final Set<PosixFilePermission> READABLE = PosixFilePermissions.fromString("rw-r--r--");

    private GradescopePackager() {}

    /** What was written. */
    public record Packaged(Path zip, List<String> entries) {}

    /**
     * Checks that the zip to write does not exist yet (nothing is ever overwritten).
     *
     * @throws IllegalArgumentException naming the file when it exists
     */
    public static void requireNew(Path zip) {
        if (Files.exists(zip, LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalArgumentException(zip + " exists: remove it or choose another name (nothing is overwritten)");
        }
    }

    /**
     * @param shadedJar the runnable autograder jar
     * @param reference the reference solution's folder (src/main/java …)
     * @param seed      the seed of every submission's random inputs
     * @param language  the language of the feedback (recorded in autograder.env)
     * @param zip       the zip to write (must not exist)
     */
    public static Packaged build(Path shadedJar, Path reference, long seed, Language language, Path zip)
            throws IOException {
        requireNew(zip);
        if (!Files.isDirectory(reference.resolve("src/main/java"))) {
            throw new IllegalArgumentException("reference solution folder " + reference + " has no src/main/java (pass --reference DIR)");
        }
        List<String> problems = shadedProblems(shadedJar);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(shadedJar + " is not the shaded autograder jar: " + String.join("; ", problems)
                    + " — run `mvn package` first (it builds target/rnn-autograder.jar), or pass --jar FILE");
        }
        Path abs = zip.toAbsolutePath();
        if (abs.getParent() != null) {
            Files.createDirectories(abs.getParent());
        }
        List<String> entries = new ArrayList<>();
        URI uri = URI.create("jar:" + abs.toUri());
        try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of("create", "true", "enablePosixFileAttributes", "true"))) {
            put(fs, "setup.sh", resource("setup.sh"), EXECUTABLE, entries);
            put(fs, "run_autograder", resource("run_autograder"), EXECUTABLE, entries);
            put(fs, "autograder.env", ("# read by run_autograder: the seed of every submission's random inputs (same for all,"
                    + " so a regrade reproduces a result), and the language of the feedback (en or zh)\nRNN_AUTOGRADER_SEED="
                    + seed + "\nRNN_AUTOGRADER_LANG=" + language.tag() + "\n").getBytes(StandardCharsets.UTF_8),
                    READABLE, entries);
            put(fs, "rnn-autograder.jar", Files.readAllBytes(shadedJar), READABLE, entries);
            try (Stream<Path> walk = Files.walk(reference)) {
                for (Path p : walk.filter(q -> Files.isRegularFile(q, LinkOption.NOFOLLOW_LINKS)).sorted().toList()) {
                    Path rel = reference.relativize(p);
                    String first = rel.getName(0).toString();
                    if (first.equals("pom.xml") || first.equals("src")) {
                        put(fs, "reference-solutions/" + rel.toString().replace('\\', '/'), Files.readAllBytes(p), READABLE, entries);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(zip);
            throw e;
        }
        return new Packaged(zip, entries);
    }

    private static void put(FileSystem fs, String name, byte[] bytes, Set<PosixFilePermission> mode, List<String> entries)
            throws IOException {
        Path p = fs.getPath("/" + name);
        if (p.getParent() != null) {
            Files.createDirectories(p.getParent());
        }
        Files.write(p, bytes);
        Files.setPosixFilePermissions(p, mode);
        entries.add(name);
    }

    private static byte[] resource(String name) {
        try (InputStream in = GradescopePackager.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCES + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @return why {@code jar} cannot be the autograder in the zip (empty when it can): it must be runnable and hold
     *         the autograder with its dependencies, and never a class of the reference's {@code submission} package
     */
    public static List<String> shadedProblems(Path jar) {
        if (!Files.isRegularFile(jar)) {
            return List.of("not found");
        }
        boolean main = false, ejml = false, jackson = false, picocli = false;
        List<String> problems = new ArrayList<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements();) {
                String n = e.nextElement().getName();
                main |= n.equals("org/rnnautograder/cli/Main.class");
                ejml |= n.startsWith("org/ejml/");
                jackson |= n.startsWith("com/fasterxml/jackson/");
                picocli |= n.startsWith("picocli/");
                if (n.startsWith("submission/")) {
                    problems.add("it holds " + n + " (the reference solution must never be in the jar)");
                }
            }
        } catch (IOException e) {
            return List.of("not a readable jar (" + e.getMessage() + ")");
        }
        if (!main) {
            problems.add("no org/rnnautograder/cli/Main");
        }
        if (!(ejml && jackson && picocli)) {
            problems.add("its dependencies (EJML, Jackson, picocli) are not inside: it is not the shaded jar");
        }
        return problems;
    }
}
