package org.rnnautograder.grading;

/** The autograder's version, recorded in every report. */
public final class AutograderVersion {
    /** The version when the jar manifest does not say (running from classes). */
    public static final String DEFAULT = "0.1.0";

    private AutograderVersion() {}

    /** @return the Implementation-Version of the jar, or {@link #DEFAULT} */
    public static String current() {
        String v = AutograderVersion.class.getPackage().getImplementationVersion();
        return v == null ? DEFAULT : v;
    }
}
