package org.rnnautograder.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.rnnautograder.packaging.AutograderArtifact;
import org.rnnautograder.packaging.TemplateExporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Writes a standalone student repository with the autograder vendored in it. */
@Command(name = "export-template", mixinStandardHelpOptions = true,
        description = {"Write a standalone student repository into DIR: the files of the student template (with the",
                "GitHub Actions workflow .github/workflows/autograding.yml) and the thin autograder jar (public checks",
                "and fixtures, never the reference solution) in a file-based Maven repository, DIR/.autograder-repo.",
                "`mvn test` there then needs only Maven Central besides."},
        footer = {"", "The thin jar is target/rnn-autograder-<version>.jar next to the running autograder (built by",
                "`mvn package`), else the local Maven repository's copy (`mvn install`); its pom is the one embedded in it.",
                "Exit codes: 0 exported; 1 usage or input error (e.g. DIR not empty, no thin jar found)."})
public final class ExportTemplateCommand implements Runnable {
    @Parameters(paramLabel = "DIR", description = "A new or empty folder.")
    Path dir;

    @Option(names = "--template", paramLabel = "DIR", defaultValue = "student-template",
            description = "The student template. Default: ${DEFAULT-VALUE}")
    Path template;

    @Option(names = "--jar", paramLabel = "FILE", description = "The thin rnn-autograder-<version>.jar to vendor (default: found as above).")
    Path jar;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        PrintWriter w = spec.commandLine().getOut();
        AutograderArtifact artifact = AutograderArtifact.locate(jar, Version.current(), Main.class);
        try {
            TemplateExporter.Exported e = TemplateExporter.export(template, artifact, dir);
            w.printf("exported %s (%d template files) into %s%n", template, e.templateFiles(), dir.toAbsolutePath());
            w.printf("vendored %s (version %s) as %s%n", artifact.jar(), artifact.version(), dir.relativize(e.vendoredJar()));
            w.println("next: cd " + dir + " && git init && git add -A && git commit -m 'RNN assignment' ; mvn test");
        } catch (IOException e) {
            throw new UncheckedIOException("could not export into " + dir + ": " + e.getMessage(), e);
        }
    }
}
