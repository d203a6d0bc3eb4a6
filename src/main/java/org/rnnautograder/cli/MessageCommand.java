package org.rnnautograder.cli;

import java.util.List;
import org.rnnautograder.i18n.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Internal: prints one message of the catalogue, so scripts (Gradescope's {@code run_autograder}) speak from the same
 * catalogue as the Java code instead of keeping their own copies of the text.
 */
@Command(name = "message", hidden = true, mixinStandardHelpOptions = true,
        description = "Internal: print message KEY of the catalogue, with ARGs for {0}, {1} …")
public final class MessageCommand implements Runnable {
    @Mixin
    LanguageOption lang;

    @Parameters(index = "0", paramLabel = "KEY", description = "A catalogue key, e.g. gradescope.no-sources.")
    String key;

    @Parameters(index = "1..*", paramLabel = "ARG", description = "Arguments of the message.")
    List<String> args = List.of();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        lang.apply();
        if (!Messages.has(key)) {
            throw new IllegalArgumentException("no message '" + key + "' in the catalogue");
        }
        spec.commandLine().getOut().println(Messages.text(key, args.toArray()));
    }
}
