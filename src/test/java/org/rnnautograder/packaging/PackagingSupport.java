package org.rnnautograder.packaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/** Shared by the packaging tests: the repository root, a thin jar built from target/classes, processes, copies. */
final class PackagingSupport {
    static final Path ROOT = Paths.get(System.getProperty("basedir", "")).toAbsolutePath();

    private PackagingSupport() {}

    /**
     * The thin artifact as {@code mvn package} builds it (target/classes plus the pom Maven embeds), built here so
     * that the tests need no earlier {@code mvn package}: under {@code mvn test} the jar phase has not run yet.
     */
    static Path thinJar(Path dir) throws IOException {
        Path classes = ROOT.resolve("target/classes");
        Path jar = dir.resolve("rnn-autograder-" + org.rnnautograder.grading.AutograderVersion.current() + ".jar");
        Manifest mf = new Manifest();
        mf.getMainAttributes().putValue("Manifest-Version", "1.0");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), mf);
                Stream<Path> walk = Files.walk(classes)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
                Files.copy(p, out);
                out.closeEntry();
            }
            out.putNextEntry(new JarEntry(AutograderArtifact.EMBEDDED_POM));
            Files.copy(ROOT.resolve("pom.xml"), out);
            out.closeEntry();
            out.putNextEntry(new JarEntry(AutograderArtifact.EMBEDDED_PROPERTIES));
            out.write(("groupId=org.rnnautograder\nartifactId=rnn-autograder\nversion="
                    + org.rnnautograder.grading.AutograderVersion.current() + "\n").getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }

    /**
     * A local Maven repository that holds everything of the user's (~/.m2/repository, as symbolic links) except
     * org/rnnautograder: a build offline with it can only get the autograder from the vendored repository.
     */
    static Path localRepoWithoutAutograder(Path dir) throws IOException {
        Path user = AutograderArtifact.localRepository().toAbsolutePath();
        Path repo = Files.createDirectories(dir.resolve("m2-repository"));
        try (Stream<Path> top = Files.list(user)) {
            for (Path p : top.toList()) {
                if (p.getFileName().toString().equals("org")) {
                    Path org = Files.createDirectories(repo.resolve("org"));
                    try (Stream<Path> orgs = Files.list(p)) {
                        for (Path q : orgs.toList()) {
                            if (!q.getFileName().toString().equals("rnnautograder")) {
                                Files.createSymbolicLink(org.resolve(q.getFileName().toString()), q);
                            }
                        }
                    }
                } else {
                    Files.createSymbolicLink(repo.resolve(p.getFileName().toString()), p);
                }
            }
        }
        return repo;
    }

    /** Maven options for an offline build against {@code repo}, where the file:// vendored repository still works. */
    static List<String> offlineMavenOptions(Path repo) {
        return List.of("-o", "-Dmaven.repo.local=" + repo, "-Daether.offline.protocols=file");
    }

    record Outcome(int code, String output) {}

    static Outcome run(Path dir, Map<String, String> env, List<String> command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Path log = Files.createTempFile("packaging-test-", ".log");
        pb.redirectOutput(log.toFile());
        Process p = pb.start();
        p.getOutputStream().close();
        if (!p.waitFor(15, TimeUnit.MINUTES)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError(command + " took longer than 15 minutes:\n" + Files.readString(log));
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        return new Outcome(p.exitValue(), out);
    }

    static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.sorted().toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /**
     * A shaded autograder jar as {@code mvn package} builds it (target/classes and every dependency jar of the test
     * class path in one runnable jar, service files merged), built here so that the test grades with the code under
     * test and needs no earlier {@code mvn package}. The test classes (which hold the reference) are not in it.
     */
    static Path shadedJar(Path dir) throws IOException {
        Path jar = dir.resolve("rnn-autograder.jar");
        Manifest mf = new Manifest();
        mf.getMainAttributes().putValue("Manifest-Version", "1.0");
        mf.getMainAttributes().putValue("Main-Class", "org.rnnautograder.cli.Main");
        java.util.Map<String, StringBuilder> services = new java.util.TreeMap<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), mf)) {
            Path classes = ROOT.resolve("target/classes");
            try (Stream<Path> walk = Files.walk(classes)) {
                for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                    String name = classes.relativize(p).toString().replace('\\', '/');
                    if (name.startsWith("META-INF/services/")) {
                        services.computeIfAbsent(name, k -> new StringBuilder()).append(Files.readString(p)).append('\n');
                    } else if (seen.add(name)) {
                        directories(out, name, seen);
                        out.putNextEntry(new JarEntry(name));
                        Files.copy(p, out);
                        out.closeEntry();
                    }
                }
            }
            for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
                Path p = Path.of(entry);
                String file = p.getFileName() == null ? "" : p.getFileName().toString();
                if (!file.endsWith(".jar") || !Files.isRegularFile(p) || file.startsWith("surefire") || entry.contains("/surefire/")) {
                    continue;
                }
                try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(p.toFile())) {
                    for (java.util.Enumeration<? extends java.util.zip.ZipEntry> e = z.entries(); e.hasMoreElements();) {
                        java.util.zip.ZipEntry ze = e.nextElement();
                        String name = ze.getName();
                        if (ze.isDirectory() || name.equals("META-INF/MANIFEST.MF") || name.matches("META-INF/[^/]+\\.(SF|DSA|RSA)")
                                || name.endsWith("module-info.class")) {
                            continue;
                        }
                        if (name.startsWith("META-INF/services/")) {
                            try (java.io.InputStream in = z.getInputStream(ze)) {
                                services.computeIfAbsent(name, k -> new StringBuilder())
                                        .append(new String(in.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
                            }
                        } else if (seen.add(name)) {
                            directories(out, name, seen);
                            out.putNextEntry(new JarEntry(name));
                            try (java.io.InputStream in = z.getInputStream(ze)) {
                                in.transferTo(out);
                            }
                            out.closeEntry();
                        }
                    }
                }
            }
            for (java.util.Map.Entry<String, StringBuilder> e : services.entrySet()) {
                directories(out, e.getKey(), seen);
                out.putNextEntry(new JarEntry(e.getKey()));
                out.write(e.getValue().toString().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return jar;
    }

    /** Directory entries for a file's parents, as jar tools write them (JUnit's package scanning needs them). */
    private static void directories(JarOutputStream out, String file, java.util.Set<String> seen) throws IOException {
        int slash = -1;
        while ((slash = file.indexOf('/', slash + 1)) > 0) {
            String dir = file.substring(0, slash + 1);
            if (seen.add(dir)) {
                out.putNextEntry(new JarEntry(dir));
                out.closeEntry();
            }
        }
    }
}
