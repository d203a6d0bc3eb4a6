package org.rnnautograder.sandbox;

/**
 * Which isolation a sandboxed child ran under, for reports.
 *
 * @param kind        the mechanism
 * @param description one sentence for a report, e.g. "bubblewrap 0.8.0: no network, …"
 */
public record IsolationMode(Kind kind, String description) {
    /** The mechanism. */
    public enum Kind {
        /** bubblewrap: no network, read-only view of only the JDK, the classpath and the submission, private /tmp. */
        BUBBLEWRAP,
        /** A plain child process: separate JVM with memory, stack and time limits, but the normal file system and network. */
        PROCESS
    }
}
