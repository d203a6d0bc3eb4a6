package org.rnnautograder.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --reference DIR} option shared by commands that need the reference solution. */
public final class ReferenceOption {
    @Option(names = "--reference", paramLabel = "DIR", defaultValue = "reference-solutions",
            description = "Folder of the reference solution (compiled at start). Default: ${DEFAULT-VALUE}")
    Path dir;
}
