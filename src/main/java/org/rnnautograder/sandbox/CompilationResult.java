package org.rnnautograder.sandbox;

import java.nio.file.Path;
import java.util.List;

/**
 * What compiling a submission gave. A compile error is data for feedback, not an exception.
 *
 * @param status              the outcome
 * @param outputDir           where classes and resources went (exists also when nothing was compiled)
 * @param diagnostics         compiler messages, errors first as the compiler reported them
 * @param servicesFilePresent whether {@code META-INF/services/org.rnnautograder.assignment.Submission} was
 *                            copied (when false, loading will fail with a clear message from the loader)
 * @param summary             one student-readable sentence about the outcome
 */
public record CompilationResult(Status status, Path outputDir, List<CompileDiagnostic> diagnostics,
        boolean servicesFilePresent, String summary) {

    /** The outcome of a compilation. */
    public enum Status {
        /** Compiled without errors. */
        COMPILED,
        /** The compiler reported errors; see the diagnostics. */
        COMPILE_ERRORS,
        /** The submission has no {@code src/main/java} directory. */
        NO_SOURCE_DIRECTORY,
        /** {@code src/main/java} holds no {@code .java} file. */
        NO_JAVA_FILES
    }

    public CompilationResult {
        diagnostics = List.copyOf(diagnostics);
    }

    /** @return true if the classes are ready to load */
    public boolean success() {
        return status == Status.COMPILED;
    }

    /** @return only the error diagnostics */
    public List<CompileDiagnostic> errors() {
        return diagnostics.stream().filter(CompileDiagnostic::isError).toList();
    }
}
