package org.rnnautograder.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.rnnautograder.assignment.Submission;
import org.rnnautograder.assignment.Submissions;
import org.rnnautograder.sandbox.CompilationResult;
import org.rnnautograder.sandbox.Folders;
import org.rnnautograder.sandbox.SubmissionCompiler;

/**
 * A trusted submission (the instructor's reference solution) compiled from its folder and loaded into this JVM.
 * Close it to release the class loader and delete the compiled classes.
 */
public final class TrustedSubmission implements AutoCloseable {
    private final Path classes;
    private final URLClassLoader loader;
    private final Submission submission;

    private TrustedSubmission(Path classes, URLClassLoader loader, Submission submission) {
        this.classes = classes;
        this.loader = loader;
        this.submission = submission;
    }

    /**
     * Compiles {@code dir} (a submission folder: {@code src/main/java}, {@code src/main/resources}) and loads its
     * entry point.
     *
     * @throws IllegalArgumentException when the folder does not compile or has no usable entry point, with the
     *                                  compiler's messages
     */
    public static TrustedSubmission load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("reference solution folder " + dir + " does not exist"
                    + " (run from the autograder's folder, or pass --reference DIR)");
        }
        Path out;
        try {
            out = Files.createTempDirectory("rnn-trusted-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CompilationResult result = new SubmissionCompiler().compile(dir, out.resolve("classes"));
        if (!result.success()) {
            Folders.deleteRecursively(out);
            throw new IllegalArgumentException("the submission in " + dir + " does not compile: " + result.summary()
                    + result.errors().stream().map(d -> "\n  " + d).collect(Collectors.joining()));
        }
        URLClassLoader loader = SubmissionCompiler.trustedClassLoader(result.outputDir());
        try {
            return new TrustedSubmission(out, loader, Submissions.load(loader));
        } catch (RuntimeException e) {
            close(loader);
            Folders.deleteRecursively(out);
            throw new IllegalArgumentException("the submission in " + dir + " has no usable entry point: " + e.getMessage(), e);
        }
    }

    public Submission submission() {
        return submission;
    }

    @Override
    public void close() {
        close(loader);
        Folders.deleteRecursively(classes);
    }

    private static void close(URLClassLoader loader) {
        try {
            loader.close();
        } catch (IOException e) {
            // nothing to do: the class files are deleted next
        }
    }
}
