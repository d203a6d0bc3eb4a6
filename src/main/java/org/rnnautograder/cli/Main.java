package org.rnnautograder.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar rnn-autograder.jar <command>}. Exit codes: 0 done (for {@code grade}: graded, whatever the
 * scores), 1 usage or input error (the message says what to fix), 2 internal error.
 */
@Command(name = "rnn-autograder", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Autograder for the hand-written RNN assignment.",
        subcommands = {GradeCommand.class, GradeOneCommand.class, TrainCommand.class, BenchTrainCommand.class, BenchGradeCommand.class,
                FixturesCommand.class, ExportTemplateCommand.class, GradescopePackageCommand.class, MergeCommand.class, MessageCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 done; 1 usage or input error; 2 internal error."})
public final class Main implements Runnable {
    /** Exit code of a usage or input error. */
    public static final int USAGE = 1;
    /** Exit code of an internal error. */
    public static final int INTERNAL = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs a command line with the given streams (tests use this) and returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out).setErr(err);
        cli.setParameterExceptionHandler((e, ignored) -> {
            CommandLine cmd = e.getCommandLine();
            cmd.getErr().println("error: " + e.getMessage());
            cmd.usage(cmd.getErr());
            return USAGE;
        });
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof IllegalArgumentException || e instanceof java.io.UncheckedIOException) {
                cmd.getErr().println("error: " + e.getMessage());
                return USAGE;
            }
            cmd.getErr().println("internal error (please report it): " + e);
            e.printStackTrace(cmd.getErr());
            return INTERNAL;
        });
        // --lang sets the language of this run only: a test that runs commands in-process gets its own back
        org.rnnautograder.i18n.Language before = org.rnnautograder.i18n.Messages.chosen();
        try {
            return cli.execute(args);
        } finally {
            org.rnnautograder.i18n.Messages.use(before);
        }
    }
}
