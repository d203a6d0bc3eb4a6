package org.rnnautograder.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.rnnautograder.i18n.Messages;

/**
 * One life of a child JVM: the process, its pipes, a reader thread that sorts what the child writes
 * into output chunks (handed to a sink) and replies (queued), and a drain of its stderr (JVM messages
 * only; student prints are captured inside the child). Not thread-safe: one call at a time.
 */
final class ChildJvm implements AutoCloseable {
    /** The longest line accepted from the child, in characters. */
    static final int MAX_LINE = 64 * 1024 * 1024;
    private static final int STDERR_CAP = 16 * 1024;

    /** The one thread that starts every child: it lives as long as this JVM (see {@link #startFromLauncherThread}). */
    private static final ExecutorService LAUNCHER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "sandbox-launcher");
        t.setDaemon(true);
        return t;
    });

    private final Process process;
    private final int generation;
    private final Path workDir;
    private final OutputStream toChild;
    private final ObjectMapper mapper = Wire.mapper();
    private final BlockingQueue<Incoming> incoming = new LinkedBlockingQueue<>();
    private final CappedText stderr = new CappedText(STDERR_CAP);
    private final Thread stderrDrain;

    /** What the reader thread hands to the caller. */
    private sealed interface Incoming permits Message, Garbage, Eof {}

    private record Message(ChildMessage message) implements Incoming {}

    private record Garbage(String excerpt) implements Incoming {}

    private record Eof() implements Incoming {}

    private ChildJvm(Process process, int generation, Path workDir, Consumer<ChildMessage> outputSink) {
        this.process = process;
        this.generation = generation;
        this.workDir = workDir;
        this.toChild = process.getOutputStream();
        Thread reader = new Thread(() -> readLoop(process.getInputStream(), outputSink),
                "sandbox-child-" + generation + "-stdout");
        reader.setDaemon(true);
        reader.start();
        stderrDrain = new Thread(() -> drain(process.getErrorStream()), "sandbox-child-" + generation + "-stderr");
        stderrDrain.setDaemon(true);
        stderrDrain.start();
    }

    /**
     * Starts a child.
     *
     * @param command    the full command line
     * @param workDir    a fresh working directory, owned by the child: deleted when it is killed or closed
     * @param generation the number of this life, for handles
     * @param outputSink receives every {@code out} message (student prints), on the reader thread
     * @throws IOException if the process cannot be started
     */
    static ChildJvm launch(List<String> command, Path workDir, int generation, Consumer<ChildMessage> outputSink)
            throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile());
        pb.environment().clear();
        pb.environment().put("PATH", "/usr/bin:/bin");
        pb.environment().put("LANG", "C.UTF-8");
        pb.environment().put("HOME", workDir.toString());
        return new ChildJvm(startFromLauncherThread(pb), generation, workDir, outputSink);
    }

    /**
     * Starts {@code pb} from {@link #LAUNCHER}. bubblewrap's --die-with-parent is PR_SET_PDEATHSIG, which fires when
     * the <em>thread</em> that started the process ends, not the process. Calls reach us on short-lived threads (JUnit
     * runs every check in a thread of its own), so a child restarted during one check was killed (exit code 137) as
     * soon as that check's thread ended, failing an unrelated later check with "stopped unexpectedly".
     */
    private static Process startFromLauncherThread(ProcessBuilder pb) throws IOException {
        try {
            return LAUNCHER.submit(pb::start).get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(String.valueOf(e.getCause()), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting the child JVM", e);
        }
    }

    /** @return the real path of the running JDK (java.home) */
    static Path javaHome() {
        try {
            return Path.of(System.getProperty("java.home")).toRealPath();
        } catch (IOException e) {
            throw new IllegalStateException("expected java.home to exist, but " + System.getProperty("java.home")
                    + " could not be resolved", e);
        }
    }

    /** @return the number of this life */
    int generation() {
        return generation;
    }

    /** @return true while the process runs */
    boolean alive() {
        return process.isAlive();
    }

    /**
     * Waits for the child's hello.
     *
     * @return the hello message (ok or not)
     * @throws ChildFailure if it does not come in time (the child is then killed) or the child dies
     */
    ChildMessage awaitHello(Duration timeout) throws ChildFailure {
        return await(0, ChildMessage.HELLO, timeout);
    }

    /**
     * Sends {@code request} and waits for its reply.
     *
     * @return the reply (ok or carrying a student error)
     * @throws ChildFailure on timeout (the child is then killed), death, or an unreadable answer
     */
    ChildMessage call(CallRequest request, Duration timeout) throws ChildFailure {
        try {
            toChild.write(mapper.writeValueAsBytes(request));
            toChild.write('\n');
            toChild.flush();
        } catch (IOException e) {
            throw death();
        }
        return await(request.id(), ChildMessage.REPLY, timeout);
    }

    private ChildMessage await(long id, String type, Duration timeout) throws ChildFailure {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Incoming next;
            try {
                next = incoming.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                kill();
                throw new ChildFailure(SandboxException.Kind.CRASHED, null, Messages.text("sandbox.interrupted"));
            }
            if (next == null) {
                kill();
                throw new ChildFailure(SandboxException.Kind.TIMEOUT, null, "");
            }
            if (next instanceof Eof) {
                throw death();
            }
            if (next instanceof Garbage g) {
                // HotSpot reports "Terminating due to java.lang.OutOfMemoryError" on stdout: that child is dying
                if (g.excerpt().contains("OutOfMemoryError") && exitsWithin(3)) {
                    stderr.append(g.excerpt());
                    throw death();
                }
                kill();
                throw new ChildFailure(SandboxException.Kind.PROTOCOL, null,
                        Messages.text("sandbox.unreadable-line", g.excerpt()));
            }
            ChildMessage m = ((Message) next).message();
            if (type.equals(m.type()) && m.id() == id) {
                return m;
            }
            kill();
            throw new ChildFailure(SandboxException.Kind.PROTOCOL, null,
                    Messages.text("sandbox.unexpected-message", type, id, m.type(), m.id()));
        }
    }

    /** @return true if the process ends within {@code seconds} (it is left running otherwise) */
    private boolean exitsWithin(int seconds) {
        try {
            return process.waitFor(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Classifies the end of a child that stopped talking. */
    private ChildFailure death() {
        Integer code = null;
        try {
            if (process.waitFor(3, TimeUnit.SECONDS)) {
                code = process.exitValue();
            }
            stderrDrain.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        kill();
        String err = stderr.get().strip();
        if (err.contains("OutOfMemoryError")) {
            return new ChildFailure(SandboxException.Kind.OUT_OF_MEMORY, code, err);
        }
        if (code == null || code >= 128) {
            return new ChildFailure(SandboxException.Kind.CRASHED, code, err);
        }
        return new ChildFailure(SandboxException.Kind.EXITED, code, err);
    }

    /** Kills the child and all its descendants (e.g. bwrap's inner processes) and deletes its working dir. */
    void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(3, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Folders.deleteRecursively(workDir);
    }

    /**
     * Kills the child and its descendants. Not by closing stdin and letting it exit first: processes the student's
     * code started would then be re-parented to init before {@link #kill} could find them (without bubblewrap's PID
     * namespace nothing else ends them), so they are killed while they are still the child's descendants.
     */
    @Override
    public void close() {
        try {
            toChild.close();
        } catch (IOException e) {
            // already gone
        }
        kill();
    }

    private void readLoop(InputStream in, Consumer<ChildMessage> outputSink) {
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            java.io.BufferedReader reader = new java.io.BufferedReader(r, 1 << 16);
            StringBuilder line = new StringBuilder();
            boolean garbled = false;
            int c;
            while ((c = reader.read()) != -1) {
                if (garbled) {
                    continue; // keep draining so the child never blocks or sees a broken pipe before it is killed
                }
                if (c != '\n') {
                    if (line.length() >= MAX_LINE) {
                        incoming.add(new Garbage(Messages.text("sandbox.line-too-long", MAX_LINE)));
                        garbled = true;
                        line.setLength(0);
                        continue;
                    }
                    line.append((char) c);
                    continue;
                }
                String text = line.toString();
                line.setLength(0);
                ChildMessage m;
                try {
                    m = mapper.readValue(text, ChildMessage.class);
                } catch (IOException | RuntimeException e) {
                    m = null;
                }
                if (m == null || m.type() == null) {
                    incoming.add(new Garbage(excerpt(text)));
                    garbled = true;
                    continue;
                }
                if (ChildMessage.OUT.equals(m.type())) {
                    outputSink.accept(m);
                } else {
                    incoming.add(new Message(m));
                }
            }
        } catch (IOException e) {
            // pipe closed: treated as end of stream
        }
        incoming.add(new Eof());
    }

    private void drain(InputStream err) {
        try (Reader r = new InputStreamReader(err, StandardCharsets.UTF_8)) {
            char[] buf = new char[4096];
            int n;
            while ((n = r.read(buf)) != -1) {
                stderr.append(new String(buf, 0, n));
            }
        } catch (IOException e) {
            // pipe closed
        }
    }

    private static String excerpt(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}
