package org.rnnautograder.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Turns the folders given on the command line into named submissions. */
final class SubmissionFolders {
    private SubmissionFolders() {}

    /** @return true for a submission folder: it has {@code src/} or a {@code pom.xml} */
    static boolean isSubmission(Path dir) {
        return Files.isDirectory(dir.resolve("src")) || Files.isRegularFile(dir.resolve("pom.xml"));
    }

    /**
     * Each argument is a submission folder, or a folder holding one submission per subfolder.
     *
     * @return name → folder, in the order given (subfolders sorted by name); names are unique (a repeated folder
     *         name gets "-2", "-3", …)
     * @throws IllegalArgumentException for a missing folder or one with no submission in it
     */
    static Map<String, Path> expand(List<Path> args) {
        Map<String, Path> out = new LinkedHashMap<>();
        for (Path arg : args) {
            if (!Files.isDirectory(arg)) {
                throw new IllegalArgumentException("submission folder " + arg + " does not exist or is not a folder");
            }
            List<Path> found = new ArrayList<>();
            if (isSubmission(arg)) {
                found.add(arg);
            } else {
                try (Stream<Path> children = Files.list(arg)) {
                    children.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith("."))
                            .sorted().forEach(found::add);
                } catch (IOException e) {
                    throw new UncheckedIOException("could not list " + arg, e);
                }
                if (found.isEmpty()) {
                    throw new IllegalArgumentException(arg + " is neither a submission (no src/ or pom.xml) nor a folder"
                            + " of submissions (no subfolders)");
                }
            }
            for (Path p : found) {
                String base = p.toAbsolutePath().normalize().getFileName().toString();
                String name = base;
                for (int i = 2; out.containsKey(name); i++) {
                    name = base + "-" + i;
                }
                out.put(name, p);
            }
        }
        return out;
    }
}
