package org.rnnautograder.sandbox;

import java.time.Duration;
import java.util.Map;

/**
 * Limits of a sandboxed child JVM.
 *
 * @param heapMb           the child's maximum heap (-Xmx), in MiB, ≥ 16
 * @param stackKb          the thread stack size (-Xss), in KiB, ≥ 256
 * @param callTimeout      how long one call may run before the child is killed
 * @param methodTimeouts   longer (or shorter) deadlines for particular methods, keyed "Iface.method",
 *                         e.g. {@code "LanguageModel.train"}
 * @param startTimeout     how long starting the child and loading the submission may take
 * @param outputCapChars   the most characters of student output kept per call and per session
 * @param isolation        whether to use bubblewrap when it works
 */
public record SandboxLimits(int heapMb, int stackKb, Duration callTimeout, Map<String, Duration> methodTimeouts,
        Duration startTimeout, int outputCapChars, IsolationPolicy isolation) {

    /** Which isolation to ask for. */
    public enum IsolationPolicy {
        /** bubblewrap if it is on PATH and works here, else a plain child process. */
        AUTO,
        /** Always a plain child process. */
        PLAIN
    }

    public SandboxLimits {
        if (heapMb < 16) {
            throw new IllegalArgumentException("heapMb must be ≥ 16, but was " + heapMb);
        }
        if (stackKb < 256) {
            throw new IllegalArgumentException("stackKb must be ≥ 256, but was " + stackKb);
        }
        requirePositive("callTimeout", callTimeout);
        requirePositive("startTimeout", startTimeout);
        methodTimeouts = Map.copyOf(methodTimeouts);
        methodTimeouts.forEach((k, v) -> requirePositive("methodTimeouts[" + k + "]", v));
        if (outputCapChars < 0) {
            throw new IllegalArgumentException("outputCapChars must be ≥ 0, but was " + outputCapChars);
        }
        if (isolation == null) {
            throw new NullPointerException("isolation must not be null");
        }
    }

    /** @return 256 MiB heap, 1 MiB stack, 5 s per call, 15 s to start, 64 KiB of output, bubblewrap if possible */
    public static SandboxLimits defaults() {
        return new SandboxLimits(256, 1024, Duration.ofSeconds(5), Map.of(), Duration.ofSeconds(15), 64 * 1024,
                IsolationPolicy.AUTO);
    }

    /** @return a copy with another default call deadline */
    public SandboxLimits withCallTimeout(Duration timeout) {
        return new SandboxLimits(heapMb, stackKb, timeout, methodTimeouts, startTimeout, outputCapChars, isolation);
    }

    /** @return a copy with the given per-method deadlines (replacing the old ones) */
    public SandboxLimits withMethodTimeouts(Map<String, Duration> timeouts) {
        return new SandboxLimits(heapMb, stackKb, callTimeout, timeouts, startTimeout, outputCapChars, isolation);
    }

    /** @return a copy with another heap limit */
    public SandboxLimits withHeapMb(int mb) {
        return new SandboxLimits(mb, stackKb, callTimeout, methodTimeouts, startTimeout, outputCapChars, isolation);
    }

    /** @return a copy with another output cap */
    public SandboxLimits withOutputCapChars(int chars) {
        return new SandboxLimits(heapMb, stackKb, callTimeout, methodTimeouts, startTimeout, chars, isolation);
    }

    /** @return a copy with another isolation policy */
    public SandboxLimits withIsolation(IsolationPolicy policy) {
        return new SandboxLimits(heapMb, stackKb, callTimeout, methodTimeouts, startTimeout, outputCapChars, policy);
    }

    /** @return the deadline for {@code method} ("Iface.method") */
    public Duration timeoutFor(String method) {
        return methodTimeouts.getOrDefault(method, callTimeout);
    }

    private static void requirePositive(String name, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, but was " + d);
        }
    }
}
