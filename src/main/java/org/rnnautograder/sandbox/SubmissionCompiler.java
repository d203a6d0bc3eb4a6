package org.rnnautograder.sandbox;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.rnnautograder.assignment.Submission;
import org.rnnautograder.assignment.Submissions;
import org.rnnautograder.i18n.Messages;

/**
 * Compiles a submission directory ({@code src/main/java/**}{@code /*.java} plus
 * {@code src/main/resources/**}) with the JDK's compiler, in this JVM, against the contract class path:
 * {@code --release 17}, UTF-8, {@code -g}, and always {@code -proc:none} so that no annotation processor
 * (which would run inside this trusted JVM) is ever executed. Symbolic links in the submission are
 * skipped (reported as warnings) so that a link to a file of the grading machine is never copied or
 * compiled.
 *
 * <p>Summaries and the compiler's own messages are in {@link Messages#language()} (javac speaks English and
 * Simplified Chinese).
 */
public final class SubmissionCompiler {
    private static final String SOURCES = "src/main/java";
    private static final String RESOURCES = "src/main/resources";

    private final List<Path> classpath;

    /** A compiler against {@link ContractClasspath#entries()}. */
    public SubmissionCompiler() {
        this(ContractClasspath.entries());
    }

    /** @param classpath the class path to compile against (copied) */
    public SubmissionCompiler(List<Path> classpath) {
        this.classpath = List.copyOf(classpath);
    }

    /**
     * Compiles {@code submissionDir} into {@code outputDir}.
     *
     * @param submissionDir the student's repository (holding src/main/java); only read
     * @param outputDir     where classes and copied resources go; created if absent, must be empty; written
     * @return the outcome, with diagnostics; never throws for problems of the student's code
     * @throws IllegalArgumentException if {@code submissionDir} is not a directory or {@code outputDir} is not empty
     * @throws IllegalStateException    if this JVM has no compiler (a JRE, not a JDK)
     * @throws UncheckedIOException     if the file system fails
     */
    public CompilationResult compile(Path submissionDir, Path outputDir) {
        if (submissionDir == null || !Files.isDirectory(submissionDir)) {
            throw new IllegalArgumentException("expected a submission directory, but got " + submissionDir);
        }
        try {
            prepareOutput(outputDir);
            List<CompileDiagnostic> diagnostics = new ArrayList<>();
            Path sources = submissionDir.resolve(SOURCES);
            boolean services = copyResources(submissionDir, outputDir, diagnostics);
            if (!Files.isDirectory(sources, LinkOption.NOFOLLOW_LINKS)) {
                return new CompilationResult(CompilationResult.Status.NO_SOURCE_DIRECTORY, outputDir, diagnostics,
                        services, Messages.text("compile.no-source-directory", SOURCES));
            }
            List<Path> javaFiles = javaFiles(submissionDir, sources, diagnostics);
            if (javaFiles.isEmpty()) {
                return new CompilationResult(CompilationResult.Status.NO_JAVA_FILES, outputDir, diagnostics, services,
                        Messages.text("compile.no-java-files", SOURCES));
            }
            boolean ok = runCompiler(submissionDir, javaFiles, outputDir, diagnostics);
            String summary = ok
                    ? services ? Messages.text("compile.compiled", javaFiles.size())
                            : Messages.text("compile.compiled-no-services", javaFiles.size(), Submissions.SERVICES_FILE,
                                    RESOURCES)
                    : Messages.text("compile.errors", diagnostics.stream().filter(CompileDiagnostic::isError).count(),
                            diagnostics.stream().filter(CompileDiagnostic::isError).findFirst()
                                    .map(CompileDiagnostic::toString).orElse(Messages.text("compile.no-message")));
            return new CompilationResult(ok ? CompilationResult.Status.COMPILED : CompilationResult.Status.COMPILE_ERRORS,
                    outputDir, diagnostics, services, summary);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Compiles into a new temporary directory (the caller deletes it).
     *
     * @see #compile(Path, Path)
     */
    public CompilationResult compile(Path submissionDir) {
        try {
            return compile(submissionDir, Files.createTempDirectory("rnn-submission-classes-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A class loader over compiled classes, for TRUSTED code only (the reference solution): it runs in
     * this JVM without any limit. Its parent is a {@link ContractOnlyClassLoader} over the contract's loader:
     * the contract types are shared, and nothing else on the grader's class path can stand in for its classes.
     *
     * @param classesDir a directory of classes, e.g. {@link CompilationResult#outputDir()}
     * @return a new loader; the caller closes it
     */
    public static URLClassLoader trustedClassLoader(Path classesDir) {
        try {
            return new URLClassLoader("trusted-submission", new URL[] {classesDir.toUri().toURL()},
                    new ContractOnlyClassLoader(Submission.class.getClassLoader()));
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("expected a local directory, but got " + classesDir, e);
        }
    }

    private boolean runCompiler(Path submissionDir, List<Path> files, Path outputDir, List<CompileDiagnostic> out)
            throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("expected a JDK with a Java compiler, but this Java runtime ("
                    + System.getProperty("java.home") + ") has none");
        }
        DiagnosticCollector<JavaFileObject> collector = new DiagnosticCollector<>();
        List<String> options = new ArrayList<>(List.of("--release", "17", "-proc:none", "-encoding", "UTF-8", "-g",
                "-Xmaxerrs", "200", "-implicit:none", "-d", outputDir.toString(), "-classpath", joined(classpath),
                "-sourcepath", ""));
        Locale locale = Messages.language().locale();
        try (StandardJavaFileManager files2 = compiler.getStandardFileManager(collector, locale,
                StandardCharsets.UTF_8)) {
            StringWriter stray = new StringWriter();
            Boolean ok = compiler.getTask(stray, files2, collector, options, null,
                    files2.getJavaFileObjectsFromPaths(files)).call();
            for (Diagnostic<? extends JavaFileObject> d : collector.getDiagnostics()) {
                out.add(new CompileDiagnostic(relative(submissionDir, d.getSource()), Math.max(0, d.getLineNumber()),
                        Math.max(0, d.getColumnNumber()), d.getKind().name(), d.getMessage(locale)));
            }
            if (!stray.toString().isBlank()) {
                out.add(new CompileDiagnostic("", 0, 0, "NOTE", stray.toString().strip()));
            }
            return Boolean.TRUE.equals(ok);
        }
    }

    private static String relative(Path submissionDir, JavaFileObject source) {
        if (source == null) {
            return "";
        }
        try {
            Path p = Path.of(source.toUri());
            Path base = submissionDir.toAbsolutePath().normalize();
            Path abs = p.toAbsolutePath().normalize();
            return (abs.startsWith(base) ? base.relativize(abs) : abs).toString().replace('\\', '/');
        } catch (RuntimeException e) {
            return source.getName();
        }
    }

    private static List<Path> javaFiles(Path submissionDir, Path sources, List<CompileDiagnostic> diagnostics)
            throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(sources)) {
            for (Path p : walk.sorted().toList()) {
                if (!p.getFileName().toString().endsWith(".java")) {
                    continue;
                }
                if (Files.isSymbolicLink(p)) {
                    diagnostics.add(skippedLink(submissionDir, p));
                } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    /** Copies src/main/resources/** (no symlinks) to {@code outputDir}; returns whether the services file came. */
    private static boolean copyResources(Path submissionDir, Path outputDir, List<CompileDiagnostic> diagnostics)
            throws IOException {
        Path resources = submissionDir.resolve(RESOURCES);
        if (!Files.isDirectory(resources, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (Stream<Path> walk = Files.walk(resources)) {
            for (Path p : walk.sorted().toList()) {
                Path target = outputDir.resolve(resources.relativize(p).toString());
                if (Files.isSymbolicLink(p)) {
                    diagnostics.add(skippedLink(submissionDir, p));
                } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(target);
                } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(target.getParent());
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING, LinkOption.NOFOLLOW_LINKS);
                }
            }
        }
        return Files.isRegularFile(outputDir.resolve(Submissions.SERVICES_FILE));
    }

    private static CompileDiagnostic skippedLink(Path submissionDir, Path p) {
        return new CompileDiagnostic(submissionDir.relativize(p).toString().replace('\\', '/'), 0, 0, "WARNING",
                Messages.text("compile.skipped-link"));
    }

    private static void prepareOutput(Path outputDir) throws IOException {
        if (outputDir == null) {
            throw new IllegalArgumentException("expected an output directory, but got null");
        }
        Files.createDirectories(outputDir);
        try (Stream<Path> entries = Files.list(outputDir)) {
            if (entries.findAny().isPresent()) {
                throw new IllegalArgumentException("expected an empty output directory, but " + outputDir
                        + " already holds files");
            }
        }
    }

    private static String joined(List<Path> paths) {
        List<String> parts = new ArrayList<>();
        paths.forEach(p -> parts.add(p.toString()));
        return String.join(java.io.File.pathSeparator, parts);
    }
}
