package org.rnnautograder.sandbox;

import org.rnnautograder.fixtures.TableVocabulary;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.rnnautograder.assignment.Submission;
import org.rnnautograder.assignment.SubmissionLoadException;
import org.rnnautograder.assignment.Vocabulary;
import org.rnnautograder.i18n.Messages;

/**
 * A student submission running in a child JVM, used through a proxy {@link Submission} exactly like an
 * in-process one.
 *
 * <pre>{@code
 * try (SandboxedSubmission s = SandboxedSubmission.start(compiled.outputDir(), SandboxLimits.defaults())) {
 *     Submission submission = s.submission();          // proxies all the way down
 *     SimpleMatrix x = submission.oneHot().encode(3, 5);
 *     String printed = s.lastCallOutput();             // what that call printed
 *     report.isolation(s.isolation().description());
 * }
 * }</pre>
 *
 * <p>Values (matrices, records, arrays, lists, enums, strings, numbers including NaN) are copied across;
 * objects whose declared type is a contract interface (Tokenizer, Vocabulary, RnnCell, …) stay in the
 * child behind handles and come back as proxies. A parent-side (e.g. the reference's) Vocabulary passed
 * to student code is sent as its table of tokens. Student exceptions are re-created in the parent (see
 * {@link RemoteExceptions}); a call that hangs, exits, overflows memory or breaks the protocol throws
 * {@link SandboxException}, the child is killed and the next call starts a new one. Proxies made by an
 * earlier child then throw {@link SandboxException.Kind#STALE_HANDLE}.
 *
 * <p>Arguments behave as in-process although they are copies: the child compares every matrix, primitive
 * array and list in the arguments (also inside records and lists) with a copy taken before the call, and
 * what student code changed in place (even before throwing) is written back into the caller's own objects
 * (matrices entry by entry, reshaped if need be; arrays; lists, if the caller's list is modifiable). Parts
 * of the result that were argument objects in the child are the caller's objects ({@code result == o}
 * exactly when student code returned its argument). {@link #lastCallEffects()} tells what happened.
 *
 * <p>Calls are serialised: one at a time per sandbox (methods synchronise on it).
 *
 * <p>Every message for the student is in {@link Messages#language()}; the child is started with the same language,
 * so what it says (e.g. the loader's explanation) matches.
 */
public final class SandboxedSubmission implements AutoCloseable {
    /** The name of the "call" that loads the submission (its Submission constructor or a static initializer). */
    private static final String LOADING = "<loading>";

    private final Path classesDir;
    private final SandboxLimits limits;
    private final IsolationMode isolation;
    private final Optional<Path> bwrap;
    private final ObjectMapper mapper = Wire.mapper();
    private final CappedText sessionOutput;
    private final CappedText callOutput;
    private final Submission submission;
    private ChildJvm child;
    private int generation;
    private int restarts;
    private long nextCallId = 1;
    private volatile long currentCallId;
    private String lastFailure = "";
    private volatile CallEffects lastCallEffects = CallEffects.NONE;
    private boolean closed;

    private SandboxedSubmission(Path classesDir, SandboxLimits limits) {
        this.classesDir = classesDir;
        this.limits = limits;
        this.bwrap = limits.isolation() == SandboxLimits.IsolationPolicy.AUTO ? Bubblewrap.available() : Optional.empty();
        this.isolation = bwrap.isPresent()
                ? new IsolationMode(IsolationMode.Kind.BUBBLEWRAP, Bubblewrap.describe())
                : new IsolationMode(IsolationMode.Kind.PROCESS,
                        limits.isolation() == SandboxLimits.IsolationPolicy.PLAIN
                                ? Messages.text("sandbox.isolation.plain-not-requested", limits.heapMb())
                                : Messages.text("sandbox.isolation.plain-not-available", limits.heapMb()));
        this.sessionOutput = new CappedText(limits.outputCapChars());
        this.callOutput = new CappedText(limits.outputCapChars());
        this.submission = RemoteObject.proxy(this, Submission.class, 0, RemoteObject.ANY_GENERATION);
    }

    /**
     * Starts a child JVM over a compiled submission and loads its entry point.
     *
     * @param classesDir the compiled submission (classes and META-INF/services), e.g.
     *                   {@link CompilationResult#outputDir()}; must be a directory
     * @param limits     memory, stack, time, output and isolation limits
     * @return the running sandbox; close it to stop the child
     * @throws SubmissionLoadException if the submission has no usable entry point (message for the student)
     * @throws SandboxException        if loading hangs, exits or crashes, or no child can be started
     */
    public static SandboxedSubmission start(Path classesDir, SandboxLimits limits) {
        if (classesDir == null || !Files.isDirectory(classesDir)) {
            throw new IllegalArgumentException("expected a directory of compiled classes, but got " + classesDir);
        }
        if (limits == null) {
            throw new NullPointerException("limits must not be null");
        }
        Path dir;
        try {
            dir = classesDir.toRealPath();
        } catch (IOException e) {
            throw new IllegalArgumentException("expected a readable directory of compiled classes, but got "
                    + classesDir, e);
        }
        SandboxedSubmission s = new SandboxedSubmission(dir, limits);
        synchronized (s) {
            s.ensureChild();
        }
        return s;
    }

    /** @return the proxy entry point; use it exactly like an in-process submission */
    public Submission submission() {
        return submission;
    }

    /** @return which isolation the child runs under */
    public IsolationMode isolation() {
        return isolation;
    }

    /** @return what student code printed (System.out and System.err, interleaved) during the latest call, capped */
    public String lastCallOutput() {
        return callOutput.get();
    }

    /**
     * @return what the latest call did to its arguments (changes written back into the caller's objects) and
     *         which parts of its result are argument objects; {@link CallEffects#NONE} for a call that did
     *         neither, or that failed before student code ran to the end (timeout, crash)
     */
    public CallEffects lastCallEffects() {
        return lastCallEffects;
    }

    /** @return everything student code printed in this sandbox so far (capped), not clearing it */
    public String output() {
        return sessionOutput.get();
    }

    /** @return everything student code printed since the last take, capped, and clears it */
    public String takeOutput() {
        return sessionOutput.take();
    }

    /** @return how many times the child was restarted after a failure */
    public synchronized int restarts() {
        return restarts;
    }

    /** @return the limits this sandbox runs with */
    public SandboxLimits limits() {
        return limits;
    }

    /** Stops the child. Further calls throw {@link SandboxException.Kind#CLOSED}. Idempotent. */
    @Override
    public synchronized void close() {
        closed = true;
        if (child != null) {
            child.close();
            child = null;
        }
    }

    /**
     * Forwards one call of a proxy to the child.
     *
     * @param target the proxy's handler
     * @param method the contract method
     * @param args   the arguments; what student code changed in its copies is written back into them, so that
     *               they end as after an in-process call (also when student code throws)
     * @return the result, converted to the method's declared return type; parts that were argument objects in
     *         the child are the caller's own argument objects
     */
    synchronized Object invoke(RemoteObject target, Method method, Object[] args) {
        String name = ContractMethods.displayName(method.getDeclaringClass(), method.getName());
        if (closed) {
            throw new SandboxException(SandboxException.Kind.CLOSED, name, Messages.text("sandbox.closed", name));
        }
        if (target.generation() != RemoteObject.ANY_GENERATION && (child == null || child.generation() != target.generation())) {
            throw stale(target, name);
        }
        List<JsonNode> jsonArgs = writeArguments(method, args, name);
        ChildJvm jvm = ensureChild();
        lastCallEffects = CallEffects.NONE;
        long id = nextCallId++;
        callOutput.clear();
        currentCallId = id;
        ChildMessage reply;
        try {
            reply = jvm.call(new CallRequest(id, target.handle(), method.getDeclaringClass().getName(), method.getName(),
                    ContractMethods.parameterNames(method), jsonArgs), limits.timeoutFor(name));
        } catch (ChildFailure f) {
            throw failed(f, name, limits.timeoutFor(name));
        }
        WriteBack writeBack = new WriteBack(mapper, method, args);
        try {
            writeBack.applyChanges(reply.changes());
        } catch (RuntimeException e) {
            throw protocol(name, Messages.text("sandbox.changes-not-copied"), e);
        } finally {
            lastCallEffects = writeBack.effects();
        }
        if (!Boolean.TRUE.equals(reply.ok())) {
            RemoteError error = reply.error();
            if (error == null || error.internal()) {
                throw new SandboxException(SandboxException.Kind.PROTOCOL, name, Messages.text("sandbox.call-not-passed",
                        name, error == null ? Messages.text("sandbox.no-details")
                                : error.className() + ": " + error.message()));
            }
            throw RemoteExceptions.recreate(error, name);
        }
        Object result = readResult(method, reply, jvm, name);
        try {
            return writeBack.applyAliases(result, reply.aliases());
        } catch (RuntimeException e) {
            throw protocol(name, Messages.text("sandbox.aliases-not-restored"), e);
        } finally {
            lastCallEffects = writeBack.effects();
        }
    }

    private static SandboxException protocol(String name, String what, RuntimeException e) {
        return new SandboxException(SandboxException.Kind.PROTOCOL, name, Messages.text("sandbox.outcome-not-taken",
                name, what, e.getClass().getSimpleName() + ": " + e.getMessage()));
    }

    private Object readResult(Method method, ChildMessage reply, ChildJvm jvm, String name) {
        Class<?> type = method.getReturnType();
        if (ContractMethods.isRemoteInterface(type)) {
            return reply.handle() == null ? null : RemoteObject.proxy(this, type, reply.handle(), jvm.generation());
        }
        if (type == void.class) {
            return null;
        }
        JsonNode result = reply.result();
        if ((result == null || result.isNull()) && !type.isPrimitive()) {
            return null;
        }
        try {
            return mapper.convertValue(result, mapper.constructType(method.getGenericReturnType()));
        } catch (IllegalArgumentException e) {
            throw new SandboxException(SandboxException.Kind.PROTOCOL, name, Messages.text("sandbox.result-unreadable",
                    name, method.getGenericReturnType().getTypeName(), e.getMessage()));
        }
    }

    private List<JsonNode> writeArguments(Method method, Object[] args, String name) {
        Class<?>[] types = method.getParameterTypes();
        List<JsonNode> out = new ArrayList<>(args.length);
        for (int i = 0; i < args.length; i++) {
            Object arg = args[i];
            if (arg != null && ContractMethods.isRemoteInterface(types[i])) {
                out.add(remoteArgument(types[i], arg, name));
            } else {
                out.add(mapper.valueToTree(arg));
            }
        }
        return out;
    }

    private JsonNode remoteArgument(Class<?> type, Object arg, String name) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        RemoteObject remote = RemoteObject.of(arg);
        if (remote != null) {
            if (remote.sandbox() != this) {
                throw new IllegalArgumentException("expected a " + type.getSimpleName() + " from this sandbox or the"
                        + " parent, but got one from another sandbox: " + arg);
            }
            if (remote.generation() != RemoteObject.ANY_GENERATION
                    && (child == null || child.generation() != remote.generation())) {
                throw stale(remote, name);
            }
            node.put(CallRequest.HANDLE, remote.handle());
            return node;
        }
        if (arg instanceof Vocabulary v) {
            node.set(CallRequest.VOCABULARY, mapper.valueToTree(TableVocabulary.tokensOf(v)));
            return node;
        }
        throw new IllegalArgumentException("expected a " + type.getSimpleName() + " made by the sandboxed submission"
                + " (only a Vocabulary can be passed from the parent), but got " + arg.getClass().getName());
    }

    /** Starts a child if none runs. Caller holds the lock. */
    private ChildJvm ensureChild() {
        if (child != null && child.alive()) {
            return child;
        }
        if (child != null) {
            child.kill();
            child = null;
        }
        int gen = ++generation;
        if (gen > 1) {
            restarts++;
        }
        ChildJvm jvm;
        try {
            jvm = ChildJvm.launch(new ChildCommand(limits, classesDir, bwrap).build(),
                    Files.createTempDirectory("rnn-sandbox-"), gen, this::onOutput);
        } catch (IOException | RuntimeException e) {
            throw new SandboxException(SandboxException.Kind.START_FAILED, null,
                    Messages.text("sandbox.start-failed", e.getMessage()));
        }
        currentCallId = 0;
        ChildMessage hello;
        try {
            hello = jvm.awaitHello(limits.startTimeout());
        } catch (ChildFailure f) {
            throw failed(f, LOADING, limits.startTimeout());
        }
        if (!Boolean.TRUE.equals(hello.ok())) {
            jvm.kill();
            RemoteError e = hello.error();
            String message = e == null ? Messages.text("load.failed") : e.message();
            if (e != null && !SubmissionLoadException.class.getName().equals(e.className())) {
                message = Messages.text("load.initializer-threw",
                        e.className() + (e.message() == null ? "" : ": " + e.message()));
            }
            throw new SubmissionLoadException(message);
        }
        child = jvm;
        return jvm;
    }

    private void onOutput(ChildMessage m) {
        if (m.text() == null) {
            return;
        }
        sessionOutput.append(m.text());
        if (m.id() == currentCallId) {
            callOutput.append(m.text());
        }
    }

    private SandboxException stale(RemoteObject target, String name) {
        String iface = target.iface().getSimpleName();
        return new SandboxException(SandboxException.Kind.STALE_HANDLE, name, lastFailure.isEmpty()
                ? Messages.text("sandbox.stale", iface, name)
                : Messages.text("sandbox.stale.after", iface, lastFailure, name));
    }

    /** Turns a child failure into the student-readable exception; the child is already dead. */
    private SandboxException failed(ChildFailure f, String name, Duration timeout) {
        if (child != null) {
            child.kill();
            child = null;
        }
        String what = name.equals(LOADING) ? Messages.text("sandbox.loading") : name;
        String message = switch (f.kind()) {
            case TIMEOUT -> Messages.text("sandbox.timeout", what, seconds(timeout));
            case EXITED -> Messages.text("sandbox.exited", what, f.exitCode());
            case OUT_OF_MEMORY -> Messages.text("sandbox.out-of-memory", what, limits.heapMb());
            case PROTOCOL -> Messages.text("sandbox.protocol", what, f.detail());
            default -> (f.exitCode() == null ? Messages.text("sandbox.crashed", what)
                    : Messages.text("sandbox.crashed.exit-code", what, f.exitCode()))
                    + (f.detail().isEmpty() ? "" : Messages.text("sandbox.crashed.details", f.detail()));
        };
        lastFailure = Messages.text("sandbox.failure", what, kindName(f.kind()));
        return new SandboxException(f.kind(), name.equals(LOADING) ? null : name, message);
    }

    /** @return the kind of a failure in a few words, for the message of a stale handle */
    private static String kindName(SandboxException.Kind kind) {
        return switch (kind) {
            case TIMEOUT -> Messages.text("sandbox.kind.timeout");
            case EXITED -> Messages.text("sandbox.kind.exited");
            case OUT_OF_MEMORY -> Messages.text("sandbox.kind.out-of-memory");
            case CRASHED -> Messages.text("sandbox.kind.crashed");
            case PROTOCOL -> Messages.text("sandbox.kind.protocol");
            default -> kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        };
    }

    private static String seconds(Duration d) {
        long ms = d.toMillis();
        return Messages.text("sandbox.seconds", ms % 1000 == 0 ? Long.toString(ms / 1000)
                : String.format(java.util.Locale.ROOT, "%.1f", ms / 1000.0));
    }
}
