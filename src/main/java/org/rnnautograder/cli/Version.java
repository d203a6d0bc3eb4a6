package org.rnnautograder.cli;

import picocli.CommandLine;

/** The autograder's version, from the jar manifest when packaged. */
public final class Version implements CommandLine.IVersionProvider {
    /** The version when the manifest does not say (running from classes). */
    public static final String DEFAULT = "0.1.0";

    /** @return the version of this autograder */
    public static String current() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v == null ? DEFAULT : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"rnn-autograder " + current()};
    }
}
