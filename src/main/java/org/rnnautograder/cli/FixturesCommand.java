package org.rnnautograder.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.rnnautograder.fixtures.generators.AllFixtures;
import org.rnnautograder.grading.TrustedSubmission;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Regenerates the public fixtures from the reference solution, deterministically. */
@Command(name = "fixtures", mixinStandardHelpOptions = true,
        description = {"Regenerate the JSON fixtures from the reference solution (deterministic: same reference, same bytes).",
                "Rebuild the jar afterwards so the suite ships them."})
public final class FixturesCommand implements Runnable {
    @Mixin
    ReferenceOption reference;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "fixtures", description = "Where to write. Default: ${DEFAULT-VALUE}")
    Path out;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        PrintWriter w = spec.commandLine().getOut();
        try (TrustedSubmission ref = TrustedSubmission.load(reference.dir)) {
            for (Path p : AllFixtures.writeAll(ref.submission(), out)) {
                w.println("wrote " + p);
            }
        }
    }
}
