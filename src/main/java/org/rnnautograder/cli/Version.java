package org.rnnautograder.cli;

import picocli.CommandLine;

/** The autograder's version, from the jar manifest when packaged. */
public final class Version implements CommandLine.IVersionProvider {
    /** @return the version of this autograder */
    public static String current() {
        return org.rnnautograder.grading.AutograderVersion.current();
    }

    @Override
    public String[] getVersion() {
        return new String[] {"rnn-autograder " + current()};
    }
}
