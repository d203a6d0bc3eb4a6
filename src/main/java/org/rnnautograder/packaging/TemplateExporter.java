package org.rnnautograder.packaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes a standalone student repository: the files of {@code student-template/} (its {@code pom.xml} gains a
 * {@code <repositories>} entry), plus the thin autograder artifact vendored in a file-based Maven repository inside
 * the repository ({@link #VENDORED_REPO}), so that {@code mvn test} needs nothing but Maven Central besides.
 */
public final class TemplateExporter {
    /** The vendored Maven repository, relative to the exported repository's root. */
    public static final String VENDORED_REPO = ".autograder-repo";
    /** The id of the vendored repository in the exported pom. */
    public static final String REPO_ID = "rnn-autograder-vendored";
    /** Folders of the template that are never exported (build output, IDE state). */
    private static final Set<String> SKIPPED = Set.of("target", ".idea", ".vscode", ".mvn");

    private TemplateExporter() {}

    /** What was written. */
    public record Exported(Path dir, int templateFiles, Path vendoredJar, Path vendoredPom) {}

    /**
     * @param template the student template folder (holding pom.xml and src/)
     * @param artifact the thin autograder artifact to vendor
     * @param target   an absent or empty folder
     * @throws IllegalArgumentException for a non-empty target or a template that is not one
     */
    public static Exported export(Path template, AutograderArtifact artifact, Path target) throws IOException {
        if (!Files.isRegularFile(template.resolve("pom.xml")) || !Files.isDirectory(template.resolve("src"))) {
            throw new IllegalArgumentException("template folder " + template + " has no pom.xml and src/ (pass --template DIR;"
                    + " the default is student-template/ of the autograder's repository)");
        }
        requireEmpty(target);
        Files.createDirectories(target);
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(template)) {
            walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> template.relativize(p).getNameCount() < 2 || !SKIPPED.contains(template.relativize(p).getName(0).toString()))
                    .sorted().forEach(files::add);
        }
        for (Path f : files) {
            Path rel = template.relativize(f);
            Path out = target.resolve(rel.toString());
            Files.createDirectories(out.getParent());
            if (rel.toString().equals("pom.xml")) {
                Files.writeString(out, exportedPom(Files.readString(f, StandardCharsets.UTF_8), artifact.version()),
                        StandardCharsets.UTF_8);
            } else {
                Files.copy(f, out, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        Path dir = target.resolve(VENDORED_REPO).resolve(AutograderArtifact.GROUP_ID.replace('.', '/'))
                .resolve(AutograderArtifact.ARTIFACT_ID).resolve(artifact.version());
        Files.createDirectories(dir);
        String base = AutograderArtifact.ARTIFACT_ID + "-" + artifact.version();
        Path jar = dir.resolve(base + ".jar");
        Path pom = dir.resolve(base + ".pom");
        Files.copy(artifact.jar(), jar);
        Files.write(pom, artifact.pom());
        for (Path p : List.of(jar, pom)) {
            byte[] bytes = Files.readAllBytes(p);
            Files.writeString(p.resolveSibling(p.getFileName() + ".sha1"), digest("SHA-1", bytes));
            Files.writeString(p.resolveSibling(p.getFileName() + ".md5"), digest("MD5", bytes));
        }
        Files.writeString(target.resolve(VENDORED_REPO).resolve("README.md"), """
                # The autograder, vendored

                A file-based Maven repository holding `%s:%s:%s` (the assignment's interfaces, the public graded
                checks and the public fixtures). `pom.xml` points Maven at it (`<repositories>`); everything else comes
                from Maven Central. Keep this folder in your repository and do not change it.
                """.formatted(AutograderArtifact.GROUP_ID, AutograderArtifact.ARTIFACT_ID, artifact.version()),
                StandardCharsets.UTF_8);
        return new Exported(target, files.size(), jar, pom);
    }

    /** @throws IllegalArgumentException unless {@code target} is absent or an empty folder */
    static void requireEmpty(Path target) throws IOException {
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new IllegalArgumentException(target + " exists and is not a folder: choose a new or empty folder");
            }
            try (Stream<Path> s = Files.list(target)) {
                if (s.findAny().isPresent()) {
                    throw new IllegalArgumentException(target + " is not empty: export into a new or empty folder"
                            + " (nothing is ever overwritten)");
                }
            }
        }
    }

    /**
     * @return the template's pom with the vendored repository declared (before {@code <dependencies>}) and the
     *         autograder version property set to the vendored artifact's version
     */
    static String exportedPom(String pom, String version) {
        if (pom.contains("<repositories>")) {
            throw new IllegalArgumentException("the template's pom.xml already declares <repositories>; export-template adds"
                    + " its own: remove them from the template");
        }
        Matcher deps = Pattern.compile("(?m)^([ \\t]*)<dependencies>").matcher(pom);
        if (!deps.find()) {
            throw new IllegalArgumentException("the template's pom.xml has no <dependencies> section");
        }
        String indent = deps.group(1);
        String i2 = indent + "  ", i3 = i2 + "  ";
        String repos = indent + "<!-- The autograder (interfaces, public checks, public fixtures) is vendored in this repository,\n"
                + indent + "     in a file-based Maven repository; everything else comes from Maven Central. -->\n"
                + indent + "<repositories>\n"
                + i2 + "<repository>\n"
                + i3 + "<id>" + REPO_ID + "</id>\n"
                + i3 + "<name>rnn-autograder, vendored</name>\n"
                + i3 + "<url>file://${project.basedir}/" + VENDORED_REPO + "</url>\n"
                + i3 + "<releases><enabled>true</enabled><checksumPolicy>fail</checksumPolicy></releases>\n"
                + i3 + "<snapshots><enabled>false</enabled></snapshots>\n"
                + i2 + "</repository>\n"
                + indent + "</repositories>\n\n";
        String out = pom.substring(0, deps.start()) + repos + pom.substring(deps.start());
        return out.replaceFirst("<rnn-autograder\\.version>[^<]*</rnn-autograder\\.version>",
                "<rnn-autograder.version>" + Matcher.quoteReplacement(version) + "</rnn-autograder.version>");
    }

    static String digest(String algorithm, byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
