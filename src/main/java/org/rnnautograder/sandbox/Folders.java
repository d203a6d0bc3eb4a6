package org.rnnautograder.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Temporary folders of the grader. */
public final class Folders {
    private Folders() {}

    /** Deletes {@code dir} and everything in it, best effort (it is a temporary folder); null or missing is a no-op. */
    public static void deleteRecursively(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: what remains is in the system's temporary folder
        }
    }
}
