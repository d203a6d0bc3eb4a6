package org.rnnautograder.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.rnnautograder.assignment.ActivationKind;
import org.rnnautograder.assignment.CompletionConfig;
import org.rnnautograder.assignment.LanguageModel;
import org.rnnautograder.assignment.Submission;
import org.rnnautograder.assignment.Tokenizer;
import org.rnnautograder.assignment.TokenizerKind;
import org.rnnautograder.assignment.TrainingConfig;
import org.rnnautograder.assignment.TrainingResult;
import org.rnnautograder.assignment.Vocabulary;
import org.rnnautograder.corpus.Corpus;
import org.rnnautograder.grading.TrustedSubmission;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Trains the reference next-character model and completes a few prefixes: the notes' pipeline, end to end. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train the reference RNN language model on a corpus and complete prefixes.",
                "Pipeline: dictionary -> input/label pairs -> one-hot -> model -> training (BPTT, clipping, SGD) -> completion."})
public final class TrainCommand implements Runnable {
    @Mixin
    ReferenceOption reference;

    @Option(names = "--corpus", paramLabel = "FILE",
            description = "UTF-8 text, one sentence per line, # comments. Default: the bundled English + Chinese sentences.")
    Path corpus;

    @Option(names = "--tokenizer", defaultValue = "CODE_POINT", description = "CODE_POINT or WORD. Default: ${DEFAULT-VALUE}")
    TokenizerKind tokenizer;

    @Option(names = "--hidden", defaultValue = "64", description = "Hidden size n. Default: ${DEFAULT-VALUE}")
    int hidden;

    @Option(names = "--epochs", defaultValue = "150", description = "Passes over the corpus. Default: ${DEFAULT-VALUE}")
    int epochs;

    @Option(names = "--learning-rate", defaultValue = "0.1", description = "SGD step size. Default: ${DEFAULT-VALUE}")
    double learningRate;

    @Option(names = "--clip", defaultValue = "5", description = "Clip gradients to this global norm; 0 = off. Default: ${DEFAULT-VALUE}")
    double clip;

    @Option(names = "--window", defaultValue = "32", description = "Longest training sequence (BPTT length). Default: ${DEFAULT-VALUE}")
    int window;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the initial parameters and of sampling. Default: ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--activation", defaultValue = "TANH", description = "TANH or RELU. Default: ${DEFAULT-VALUE}")
    ActivationKind activation;

    @Option(names = "--every", defaultValue = "10", description = "Print the loss every N epochs. Default: ${DEFAULT-VALUE}")
    int every;

    @Option(names = "--prefix", paramLabel = "TEXT", description = "A prefix to complete (repeatable). Default: \"the moon\" and \"今天\".")
    List<String> prefixes = List.of("the moon", "今天");

    @Option(names = "--length", defaultValue = "60", description = "Longest completion, in tokens. Default: ${DEFAULT-VALUE}")
    int length;

    @Option(names = "--temperature", defaultValue = "0", description = "0 = greedy; > 0 samples (seeded). Default: ${DEFAULT-VALUE}")
    double temperature;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        if (every < 1) {
            throw new IllegalArgumentException("--every must be ≥ 1, but was " + every);
        }
        TrainingConfig config = new TrainingConfig(hidden, epochs, learningRate, clip, window, seed, activation);
        CompletionConfig completion = new CompletionConfig(length, temperature, seed);
        Corpus text = corpus == null ? Corpus.bundledDefault() : Corpus.read(corpus);
        try (TrustedSubmission ref = TrustedSubmission.load(reference.dir)) {
            Submission s = ref.submission();
            Tokenizer tok = s.tokenizer(tokenizer);
            List<List<String>> sentences = text.sentences().stream().map(tok::tokenize).toList();
            Vocabulary vocabulary = s.vocabulary(sentences, 1);
            LanguageModel lm = s.languageModel();
            int tokens = sentences.stream().mapToInt(List::size).sum();
            out.printf(Locale.ROOT, "corpus: %s — %d sentences, %d tokens, vocabulary m = %d%n", text.name(),
                    sentences.size(), tokens, vocabulary.size());
            out.printf(Locale.ROOT, "model: n = %d, g1 = %s, epochs = %d, learning rate = %s, clip = %s, window = %d, seed = %d%n",
                    hidden, activation.name().toLowerCase(Locale.ROOT), epochs, learningRate, clip, window, seed);
            long start = System.nanoTime();
            TrainingResult result = lm.train(vocabulary, sentences, config);
            double seconds = (System.nanoTime() - start) / 1e9;
            double[] loss = result.lossHistory();
            for (int e = 0; e < loss.length; e++) {
                if (e == 0 || (e + 1) % every == 0 || e == loss.length - 1) {
                    out.printf(Locale.ROOT, "epoch %4d  loss per token %.4f%n", e + 1, loss[e]);
                }
            }
            out.printf(Locale.ROOT, "trained in %.1f s%n", seconds);
            for (String prefix : prefixes) {
                List<String> done = lm.complete(vocabulary, result.params(), activation, tok.tokenize(prefix), completion);
                out.printf("%s → %s%n", prefix, tok.detokenize(done));
            }
        }
    }
}
