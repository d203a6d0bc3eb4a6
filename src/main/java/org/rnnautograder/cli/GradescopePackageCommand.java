package org.rnnautograder.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.rnnautograder.packaging.AutograderArtifact;
import org.rnnautograder.packaging.GradescopePackager;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Builds the Gradescope autograder zip. */
@Command(name = "gradescope-package", mixinStandardHelpOptions = true,
        description = {"Build a Gradescope autograder zip: setup.sh (JDK 17, bubblewrap, a warm-up run), run_autograder",
                "(grades /autograder/submission into /autograder/results/results.json; the root is $AUTOGRADER_ROOT if set),",
                "autograder.env (the seed), the shaded rnn-autograder.jar and the reference solution's sources.",
                "The zip is for the instructor's Gradescope assignment only: it holds the reference solution."},
        footer = {"", "The shaded jar is the running one (java -jar …) or target/rnn-autograder.jar next to the running classes.",
                "Exit codes: 0 written; 1 usage or input error (e.g. ZIP exists, no shaded jar)."})
public final class GradescopePackageCommand implements Runnable {
    @Parameters(paramLabel = "ZIP", description = "The zip to write (must not exist).")
    Path zip;

    @Mixin
    ReferenceOption reference;

    @Option(names = "--jar", paramLabel = "FILE", description = "The shaded rnn-autograder.jar (default: found as below).")
    Path jar;

    @Option(names = "--seed", description = "Seed of every submission's random inputs (default: a fresh one, recorded in autograder.env).")
    Long seed;

    @Mixin
    LanguageOption lang;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        PrintWriter w = spec.commandLine().getOut();
        GradescopePackager.requireNew(zip); // before looking for the jar: the cheap check first
        Path shaded = shadedJar();
        long s = seed != null ? seed : new SecureRandom().nextLong() & Long.MAX_VALUE;
        try {
            GradescopePackager.Packaged p = GradescopePackager.build(shaded, reference.dir, s, lang.apply(), zip);
            w.printf("wrote %s (%d files): setup.sh, run_autograder, autograder.env (seed %d, feedback in %s),"
                    + " rnn-autograder.jar, reference-solutions/%n", zip.toAbsolutePath(), p.entries().size(), s,
                    org.rnnautograder.i18n.Messages.language().tag());
            w.println("upload it as the assignment's autograder (Configure Autograder → Zip file upload); keep it private.");
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + zip + ": " + e.getMessage(), e);
        }
    }

    private Path shadedJar() {
        if (jar != null) {
            return jar;
        }
        Set<Path> candidates = new LinkedHashSet<>();
        Optional<Path> running = AutograderArtifact.runningLocation(Main.class);
        running.filter(Files::isRegularFile).ifPresent(candidates::add);
        AutograderArtifact.runningFrom(Main.class).ifPresent(d -> candidates.add(d.resolve("rnn-autograder.jar")));
        List<String> rejected = new ArrayList<>();
        for (Path c : candidates) {
            List<String> problems = GradescopePackager.shadedProblems(c);
            if (problems.isEmpty()) {
                return c;
            }
            rejected.add(c + ": " + String.join("; ", problems));
        }
        throw new IllegalArgumentException("no shaded autograder jar found — run `mvn package` first (it builds"
                + " target/rnn-autograder.jar), or pass --jar FILE. Looked at:\n  " + String.join("\n  ", rejected));
    }
}
