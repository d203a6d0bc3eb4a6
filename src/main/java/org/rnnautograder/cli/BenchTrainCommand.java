package org.rnnautograder.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.rnnautograder.assignment.ActivationKind;
import org.rnnautograder.assignment.Submission;
import org.rnnautograder.assignment.Tokenizer;
import org.rnnautograder.assignment.TokenizerKind;
import org.rnnautograder.assignment.TrainingConfig;
import org.rnnautograder.assignment.Vocabulary;
import org.rnnautograder.corpus.Corpus;
import org.rnnautograder.grading.TrustedSubmission;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Benchmark: characters per second of reference training on the shipped corpus. */
@Command(name = "bench-train", mixinStandardHelpOptions = true,
        description = "Benchmark: characters per second of reference training (hidden 100, windows of 25) on the bundled corpus.")
public final class BenchTrainCommand implements Runnable {
    @Mixin
    ReferenceOption reference;

    @Option(names = "--hidden", defaultValue = "100", description = "Hidden size n. Default: ${DEFAULT-VALUE}")
    int hidden;

    @Option(names = "--window", defaultValue = "25", description = "Window length. Default: ${DEFAULT-VALUE}")
    int window;

    @Option(names = "--epochs", defaultValue = "10", description = "Measured epochs. Default: ${DEFAULT-VALUE}")
    int epochs;

    @Option(names = "--warmup", defaultValue = "10", description = "Epochs run first and not measured (JIT warm-up). Default: ${DEFAULT-VALUE}")
    int warmup;

    @Option(names = "--repeats", defaultValue = "3", description = "Measured runs; the median is reported. Default: ${DEFAULT-VALUE}")
    int repeats;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        if (epochs < 1 || repeats < 1 || warmup < 0) {
            throw new IllegalArgumentException("--epochs and --repeats must be ≥ 1 and --warmup ≥ 0");
        }
        try (TrustedSubmission ref = TrustedSubmission.load(reference.dir)) {
            Submission s = ref.submission();
            Tokenizer tok = s.tokenizer(TokenizerKind.CODE_POINT);
            List<List<String>> sentences = Corpus.bundledDefault().sentences().stream().map(tok::tokenize).toList();
            Vocabulary v = s.vocabulary(sentences, 1);
            long targets = s.languageModel().trainingPairs(v, sentences, window).stream().mapToLong(p -> p.length()).sum();
            if (warmup > 0) {
                s.languageModel().train(v, sentences, new TrainingConfig(hidden, warmup, 0.1, 5, window, 1, ActivationKind.TANH));
            }
            double[] rates = new double[repeats];
            for (int r = 0; r < repeats; r++) {
                long start = System.nanoTime();
                s.languageModel().train(v, sentences, new TrainingConfig(hidden, epochs, 0.1, 5, window, 1 + r, ActivationKind.TANH));
                double seconds = (System.nanoTime() - start) / 1e9;
                rates[r] = targets * epochs / seconds;
            }
            java.util.Arrays.sort(rates);
            out.printf(Locale.ROOT, "reference training, bundled corpus: m = %d, %d characters (targets) per epoch, n = %d, window = %d%n",
                    v.size(), targets, hidden, window);
            out.printf(Locale.ROOT, "%d runs of %d epochs after %d warm-up epochs: median %.0f chars/s (min %.0f, max %.0f)%n",
                    repeats, epochs, warmup, rates[repeats / 2], rates[0], rates[repeats - 1]);
            out.printf(Locale.ROOT, "machine: %d cores, Java %s%n", Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"));
        }
    }
}
