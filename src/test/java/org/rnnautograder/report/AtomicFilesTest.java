package org.rnnautograder.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    static List<Path> everything(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    @Test
    void createsParentsReplacesAndLeavesNoTempFiles(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("a/b/c.txt");
        AtomicFiles.write(target, "first 中文");
        assertEquals("first 中文", Files.readString(target));
        AtomicFiles.write(target, new byte[] {1, 2, 3});
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(target));
        assertEquals(List.of(target), everything(dir));
    }

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTempFile(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("occupied");
        Files.createDirectories(target.resolve("child")); // a non-empty folder cannot be replaced by a file
        Files.writeString(target.resolve("child/keep.txt"), "keep");
        assertThrows(IOException.class, () -> AtomicFiles.write(target, "new"));
        assertEquals(List.of(target.resolve("child/keep.txt")), everything(dir));
    }

    @Test
    void relativeTargets(@TempDir Path dir) throws Exception {
        Path rel = Path.of("").toAbsolutePath().relativize(dir.resolve("r.txt"));
        AtomicFiles.write(rel, "x");
        assertEquals("x", Files.readString(dir.resolve("r.txt")));
        assertEquals(1, everything(dir).size());
    }
}
