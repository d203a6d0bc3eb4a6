package org.rnnautograder.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.rnnautograder.i18n.Messages;

/**
 * Runs the child under bubblewrap ({@code bwrap}): all namespaces unshared (so no network), a new
 * session, killed with its parent, a private /tmp as working directory, and a read-only view of only
 * the system libraries the JDK needs, the JDK, the class path entries and the submission's classes.
 * Whether it works is probed once per parent JVM by running {@code java -version} inside it.
 */
final class Bubblewrap {
    private static final List<String> SYSTEM_LIB_DIRS = List.of("/usr/lib", "/usr/lib64", "/usr/lib32", "/usr/libx32");
    private static final List<String> ROOT_LIB_LINKS = List.of("/lib", "/lib64", "/lib32", "/libx32");

    private static volatile Optional<Path> probed;
    private static volatile String version = "";

    private Bubblewrap() {}

    /**
     * @return the bwrap executable if it is on PATH and a JVM actually runs inside it here (probed once)
     */
    static synchronized Optional<Path> available() {
        if (probed == null) {
            probed = probe();
        }
        return probed;
    }

    /** @return "bubblewrap x.y.z" as bwrap reports it, or "" before a successful probe */
    static String version() {
        return version;
    }

    /**
     * Builds the bwrap command line that precedes the java command.
     *
     * @param bwrap      the executable
     * @param javaHome   the JDK to expose
     * @param readOnly   further files or directories to expose read-only at the same path
     * @return a new list: bwrap and its options, ending with "--"
     */
    static List<String> prefix(Path bwrap, Path javaHome, List<Path> readOnly) {
        List<String> cmd = new ArrayList<>(List.of(bwrap.toString(), "--die-with-parent", "--new-session",
                "--unshare-all", "--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp"));
        for (String dir : SYSTEM_LIB_DIRS) {
            Path p = Path.of(dir);
            if (Files.isDirectory(p) && !Files.isSymbolicLink(p)) {
                cmd.addAll(List.of("--ro-bind", dir, dir));
            }
        }
        for (String link : ROOT_LIB_LINKS) {
            Path p = Path.of(link);
            try {
                if (Files.isSymbolicLink(p)) {
                    cmd.addAll(List.of("--symlink", Files.readSymbolicLink(p).toString(), link));
                } else if (Files.isDirectory(p)) {
                    cmd.addAll(List.of("--ro-bind", link, link));
                }
            } catch (IOException e) {
                // unreadable link: leave it out
            }
        }
        cmd.addAll(List.of("--ro-bind-try", "/etc/ld.so.cache", "/etc/ld.so.cache"));
        Set<Path> binds = new LinkedHashSet<>();
        binds.add(javaHome);
        binds.addAll(outsideTargets(javaHome));
        binds.addAll(readOnly);
        for (Path p : binds) {
            cmd.addAll(List.of("--ro-bind", p.toString(), p.toString()));
        }
        cmd.addAll(List.of("--remount-ro", "/", "--chdir", "/tmp", "--"));
        return cmd;
    }

    /** @return the one-sentence description of this isolation for reports */
    static String describe() {
        return Messages.text("sandbox.isolation.bubblewrap", version.isEmpty() ? "bubblewrap" : version);
    }

    /** Directories outside {@code javaHome} that its symlinks point into (Debian links conf files to /etc). */
    private static Set<Path> outsideTargets(Path javaHome) {
        Set<Path> out = new LinkedHashSet<>();
        try (Stream<Path> files = Files.walk(javaHome)) {
            files.filter(Files::isSymbolicLink).forEach(link -> {
                try {
                    Path target = link.toRealPath();
                    if (!target.startsWith(javaHome) && SYSTEM_LIB_DIRS.stream().noneMatch(target::startsWith)) {
                        out.add(Files.isDirectory(target) ? target : target.getParent());
                    }
                } catch (IOException e) {
                    // dangling link: nothing to expose
                }
            });
        } catch (IOException e) {
            // unreadable JDK tree: the probe will tell
        }
        return collapse(out);
    }

    /** Drops entries that lie inside another entry. */
    private static Set<Path> collapse(Set<Path> paths) {
        Set<Path> out = new LinkedHashSet<>();
        for (Path p : paths) {
            if (paths.stream().noneMatch(q -> !q.equals(p) && p.startsWith(q))) {
                out.add(p);
            }
        }
        return out;
    }

    private static Optional<Path> probe() {
        Optional<Path> exe = onPath("bwrap");
        if (exe.isEmpty()) {
            return Optional.empty();
        }
        try {
            Path javaHome = ChildJvm.javaHome();
            List<String> cmd = new ArrayList<>(prefix(exe.get(), javaHome, List.of()));
            cmd.addAll(List.of(javaHome.resolve("bin/java").toString(), "-Xshare:auto", "-version"));
            if (!runQuietly(cmd)) {
                return Optional.empty();
            }
            Process v = new ProcessBuilder(exe.get().toString(), "--version").redirectErrorStream(true).start();
            if (v.waitFor(5, TimeUnit.SECONDS)) {
                version = new String(v.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            }
            return exe;
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static boolean runQuietly(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            return false;
        }
        return p.exitValue() == 0;
    }

    private static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate.toAbsolutePath());
            }
        }
        return Optional.empty();
    }
}
