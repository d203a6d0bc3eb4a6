package org.rnnautograder.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Writes tiny submissions, as source text, into a directory laid out like a student repository. */
final class FixtureSubmissions {
    static final String SERVICES = "src/main/resources/META-INF/services/org.rnnautograder.assignment.Submission";

    private FixtureSubmissions() {}

    /**
     * Writes {@code files} (path relative to {@code dir} → content) into {@code dir}.
     *
     * @return {@code dir}
     */
    static Path write(Path dir, Map<String, String> files) {
        try {
            for (Map.Entry<String, String> e : files.entrySet()) {
                Path p = dir.resolve(e.getKey());
                Files.createDirectories(p.getParent());
                Files.writeString(p, e.getValue(), StandardCharsets.UTF_8);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A correct-enough submission with a misbehaving tokenizer (see {@link #MISBEHAVING}). */
    static Path minimal(Path dir) {
        return write(dir, Map.of(
                "src/main/java/submission/FixtureSubmission.java", SUBMISSION,
                "src/main/java/submission/Misbehaving.java", MISBEHAVING,
                "src/main/java/submission/Parts.java", PARTS,
                SERVICES, "submission.FixtureSubmission\n"));
    }

    static final String SUBMISSION = """
            package submission;

            import java.util.List;
            import org.rnnautograder.assignment.*;

            public class FixtureSubmission implements Submission {
                public Tokenizer tokenizer(TokenizerKind kind) { return new Misbehaving(); }
                public Vocabulary vocabulary(List<List<String>> sentences, int minCount) {
                    return new Parts.Vocab(sentences);
                }
                public OneHot oneHot() { return new Parts.Hot(); }
                public Activation activation(ActivationKind kind) {
                    throw new NotImplementedYetException("Submission.activation");
                }
                public CrossEntropy crossEntropy() { return new Parts.Ce(); }
                public RnnCell rnnCell(ActivationKind g1) { return new Parts.Cell(); }
                public Rnn rnn(ActivationKind g1) { throw new NotImplementedYetException("Submission.rnn"); }
                public Sgd sgd() { throw new NotImplementedYetException("Submission.sgd"); }
                public LanguageModel languageModel() { return new Parts.Lm(); }
            }
            """;

    /**
     * tokenize(text) obeys commands: exit, loop, recurse, oom, garbage, print:N, read:PATH, write:PATH, net, shape (builds
     * RnnParameters with V of the wrong shape, so the contract's shape check throws in the child).
     */
    static final String MISBEHAVING = """
            package submission;

            import java.io.FileDescriptor;
            import java.io.FileOutputStream;
            import java.nio.file.Files;
            import java.nio.file.Path;
            import java.util.ArrayList;
            import java.util.Arrays;
            import java.util.List;
            import org.rnnautograder.assignment.Tokenizer;

            public class Misbehaving implements Tokenizer {
                static final List<double[]> HOARD = new ArrayList<>();

                public List<String> tokenize(String text) {
                    try {
                        if (text.equals("exit")) { System.exit(3); }
                        if (text.equals("shape")) {
                            new org.rnnautograder.assignment.RnnParameters(new org.ejml.simple.SimpleMatrix(3, 4),
                                    new org.ejml.simple.SimpleMatrix(3, 3), new org.ejml.simple.SimpleMatrix(3, 4),
                                    new org.ejml.simple.SimpleMatrix(3, 1), new org.ejml.simple.SimpleMatrix(4, 1));
                        }
                        if (text.equals("loop")) { long i = 0; while (i >= 0) { i = (i + 1) % 10; } }
                        if (text.equals("recurse")) { return recurse(0); }
                        if (text.equals("oom")) { while (true) { HOARD.add(new double[1 << 20]); } }
                        if (text.equals("garbage")) {
                            FileOutputStream raw = new FileOutputStream(FileDescriptor.out);
                            raw.write("this is not json\\n".getBytes());
                            raw.flush();
                            return List.of("garbage sent");
                        }
                        if (text.startsWith("print:")) {
                            System.out.println("hello 你好");
                            System.err.println("to stderr");
                            int n = Integer.parseInt(text.substring(6));
                            StringBuilder sb = new StringBuilder();
                            for (int i = 0; i < n; i++) { sb.append('x'); }
                            System.out.print(sb);
                            return List.of("printed");
                        }
                        if (text.startsWith("read:")) { return Files.readAllLines(Path.of(text.substring(5))); }
                        if (text.startsWith("write:")) {
                            Files.writeString(Path.of(text.substring(6)), "student was here");
                            return List.of("written");
                        }
                        if (text.equals("net")) {
                            try (java.net.Socket s = new java.net.Socket()) {
                                s.connect(new java.net.InetSocketAddress("1.1.1.1", 53), 1000);
                                return List.of("connected");
                            } catch (java.io.IOException e) {
                                return List.of("no network: " + e.getMessage());
                            }
                        }
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    return Arrays.asList(text.trim().split("\\\\s+"));
                }

                private List<String> recurse(int depth) {
                    return recurse(depth + 1);
                }

                public String detokenize(List<String> tokens) {
                    return String.join(" ", tokens);
                }
            }
            """;

    static final String PARTS = """
            package submission;

            import java.util.*;
            import org.ejml.simple.SimpleMatrix;
            import org.rnnautograder.assignment.*;

            final class Parts {
                static final class Vocab implements Vocabulary {
                    final List<String> tokens = new ArrayList<>(List.of(START, END, UNK));
                    Vocab(List<List<String>> sentences) {
                        for (List<String> s : sentences) {
                            for (String t : s) { if (!tokens.contains(t)) { tokens.add(t); } }
                        }
                    }
                    public int size() { return tokens.size(); }
                    public int idOf(String token) { int i = tokens.indexOf(token); return i < 0 ? UNK_ID : i; }
                    public String tokenOf(int id) {
                        if (id < 0 || id >= tokens.size()) {
                            throw new IllegalArgumentException("id must be in 0 … " + (tokens.size() - 1) + ", but was " + id);
                        }
                        return tokens.get(id);
                    }
                    public int[] encode(List<String> sentence) {
                        int[] out = new int[sentence.size() + 2];
                        out[0] = START_ID;
                        for (int i = 0; i < sentence.size(); i++) { out[i + 1] = idOf(sentence.get(i)); }
                        out[out.length - 1] = END_ID;
                        return out;
                    }
                    public List<String> decode(int[] ids) { throw new NotImplementedYetException("Vocabulary.decode"); }
                }

                static final class Hot implements OneHot {
                    public SimpleMatrix encode(int id, int size) {
                        if (id < 0 || id >= size) {
                            throw new IllegalArgumentException("id must be in 0 … " + (size - 1) + ", but was " + id);
                        }
                        SimpleMatrix x = new SimpleMatrix(size, 1);
                        x.set(id, 0, 1);
                        return x;
                    }
                    public List<SimpleMatrix> encodeSequence(int[] ids, int size) {
                        throw new NotImplementedYetException("OneHot.encodeSequence");
                    }
                    public int decode(SimpleMatrix x) {
                        int best = 0;
                        for (int i = 1; i < x.getNumRows(); i++) { if (x.get(i, 0) > x.get(best, 0)) { best = i; } }
                        return best;
                    }
                }

                static final class StudentTrouble extends RuntimeException {
                    StudentTrouble(String m) { super(m); }
                }

                static final class Ce implements CrossEntropy {
                    public SimpleMatrix softmax(SimpleMatrix z) {
                        double max = Double.NEGATIVE_INFINITY;
                        for (int i = 0; i < z.getNumRows(); i++) { max = Math.max(max, z.get(i, 0)); }
                        SimpleMatrix o = new SimpleMatrix(z.getNumRows(), 1);
                        double sum = 0;
                        for (int i = 0; i < z.getNumRows(); i++) { o.set(i, 0, Math.exp(z.get(i, 0) - max)); sum += o.get(i, 0); }
                        return o.divide(sum);
                    }
                    public double loss(SimpleMatrix o, int target) { return -Math.log(o.get(target, 0)); }
                    public SimpleMatrix gradient(SimpleMatrix o, int target) { throw new ArithmeticException("division by zero, sort of"); }
                    public double sequenceLoss(List<SimpleMatrix> outputs, int[] targets) {
                        throw new StudentTrouble("my own exception");
                    }
                }

                static final class Cell implements RnnCell {
                    public CellOutput forward(RnnParameters p, SimpleMatrix x, SimpleMatrix sPrev) {
                        SimpleMatrix z = p.U().mult(x).plus(p.W().mult(sPrev)).plus(p.b_a());
                        SimpleMatrix s = new SimpleMatrix(z.getNumRows(), 1);
                        for (int i = 0; i < z.getNumRows(); i++) { s.set(i, 0, Math.tanh(z.get(i, 0))); }
                        SimpleMatrix o = new Ce().softmax(p.V().mult(s).plus(p.b_y()));
                        return new CellOutput(s, o);
                    }
                    public CellGradients backward(RnnParameters p, SimpleMatrix x, SimpleMatrix sPrev, SimpleMatrix s,
                            SimpleMatrix dLogits, SimpleMatrix dsNext) {
                        throw new NotImplementedYetException("RnnCell.backward");
                    }
                }

                static final class Lm implements LanguageModel {
                    public List<TrainingPair> trainingPairs(Vocabulary v, List<List<String>> sentences, int window) {
                        List<TrainingPair> out = new ArrayList<>();
                        for (List<String> s : sentences) {
                            int[] ids = v.encode(s);
                            out.add(new TrainingPair(Arrays.copyOf(ids, ids.length - 1), Arrays.copyOfRange(ids, 1, ids.length)));
                        }
                        return out;
                    }
                    public TrainingResult train(Vocabulary v, List<List<String>> sentences, TrainingConfig c) {
                        throw new NotImplementedYetException("LanguageModel.train");
                    }
                    public List<String> complete(Vocabulary v, RnnParameters p, ActivationKind g1, List<String> prefix,
                            CompletionConfig c) {
                        List<String> out = new ArrayList<>(prefix);
                        out.add(c.isGreedy() ? "greedy" : "sampled:" + c.seed());
                        out.add(String.valueOf(v.size()));
                        return out;
                    }
                }
            }
            """;

    /** A submission whose parts change their arguments in place and return them (see {@link #MUTATING}). */
    static Path mutating(Path dir) {
        return write(dir, Map.of(
                "src/main/java/submission/MutatingSubmission.java", MUTATING,
                SERVICES, "submission.MutatingSubmission\n"));
    }

    /**
     * Parts that misbehave the way students do: in-place updates, returning an argument, a result record holding
     * an argument; plus correct methods (softmax, loss, clipByValue, OneHot.decode) that must show no effect.
     */
    static final String MUTATING = """
            package submission;

            import java.util.*;
            import org.ejml.simple.SimpleMatrix;
            import org.rnnautograder.assignment.*;

            public class MutatingSubmission implements Submission {
                public Tokenizer tokenizer(TokenizerKind kind) {
                    return new Tokenizer() {
                        public List<String> tokenize(String text) { return new ArrayList<>(List.of(text.split(" "))); }
                        public String detokenize(List<String> tokens) {
                            tokens.set(0, tokens.get(0).toUpperCase());
                            return String.join(" ", tokens);
                        }
                    };
                }
                public Vocabulary vocabulary(List<List<String>> sentences, int minCount) {
                    throw new NotImplementedYetException("Submission.vocabulary");
                }
                public OneHot oneHot() {
                    return new OneHot() {
                        public SimpleMatrix encode(int id, int size) {
                            SimpleMatrix x = new SimpleMatrix(size, 1);
                            x.set(id, 0, 1);
                            return x;
                        }
                        public List<SimpleMatrix> encodeSequence(int[] ids, int size) {
                            List<SimpleMatrix> out = new ArrayList<>();
                            for (int i = 0; i < ids.length; i++) {
                                out.add(encode(ids[i], size));
                                ids[i] = size - 1 - ids[i];   // "reuses" the array
                            }
                            return out;
                        }
                        public int decode(SimpleMatrix x) {
                            int best = 0;
                            for (int i = 1; i < x.getNumRows(); i++) { if (x.get(i, 0) > x.get(best, 0)) { best = i; } }
                            return best;
                        }
                    };
                }
                public Activation activation(ActivationKind kind) {
                    return new Activation() {
                        public SimpleMatrix value(SimpleMatrix z) {   // in place, with non-finite values
                            z.set(0, 0, Double.NaN);
                            z.set(1, 0, Double.POSITIVE_INFINITY);
                            z.set(2, 0, -0.0);
                            return z;
                        }
                        public SimpleMatrix derivative(SimpleMatrix z) {   // reshapes its argument
                            z.reshape(1, z.getNumRows());
                            return new SimpleMatrix(1, 1);
                        }
                    };
                }
                public CrossEntropy crossEntropy() {
                    return new CrossEntropy() {
                        public SimpleMatrix softmax(SimpleMatrix z) {
                            SimpleMatrix e = z.elementExp();
                            return e.divide(e.elementSum());
                        }
                        public double loss(SimpleMatrix o, int target) { return -Math.log(o.get(target, 0)); }
                        public SimpleMatrix gradient(SimpleMatrix o, int target) {
                            o.set(target, 0, o.get(target, 0) - 1);
                            return o;
                        }
                        public double sequenceLoss(List<SimpleMatrix> outputs, int[] targets) {
                            outputs.get(0).set(0, 0, 42);
                            targets[0] = 7;
                            throw new IllegalStateException("changed things, then failed");
                        }
                    };
                }
                public RnnCell rnnCell(ActivationKind g1) {
                    return new RnnCell() {
                        public CellOutput forward(RnnParameters p, SimpleMatrix x, SimpleMatrix sPrev) {
                            SimpleMatrix s = p.U().mult(x).plus(p.W().mult(sPrev)).plus(p.b_a());
                            sPrev.setTo(s);                          // overwrites s_prev and returns it as s_t
                            return new CellOutput(sPrev, crossEntropy().softmax(p.V().mult(sPrev).plus(p.b_y())));
                        }
                        public CellGradients backward(RnnParameters p, SimpleMatrix x, SimpleMatrix sPrev, SimpleMatrix s,
                                SimpleMatrix dLogits, SimpleMatrix dsNext) {
                            throw new NotImplementedYetException("RnnCell.backward");
                        }
                    };
                }
                public Rnn rnn(ActivationKind g1) {
                    return new Rnn() {
                        public RnnTrace forward(RnnParameters p, List<SimpleMatrix> xs) {
                            List<SimpleMatrix> states = new ArrayList<>();
                            states.add(new SimpleMatrix(p.n(), 1));
                            for (SimpleMatrix x : xs) { states.add(p.U().mult(x)); }
                            List<SimpleMatrix> outputs = new ArrayList<>(xs);   // returns the inputs as outputs
                            xs.add(xs.get(0));                                   // and grows the argument list
                            return new RnnTrace(states, outputs);
                        }
                        public RnnGradients backward(RnnParameters p, List<SimpleMatrix> xs, RnnTrace trace, int[] targets) {
                            throw new NotImplementedYetException("Rnn.backward");
                        }
                    };
                }
                public Sgd sgd() {
                    return new Sgd() {
                        public RnnParameters step(RnnParameters params, RnnGradients grads, double lr) {
                            List<SimpleMatrix> p = params.blocks();
                            List<SimpleMatrix> g = grads.blocks();
                            for (int k = 0; k < p.size(); k++) {
                                SimpleMatrix pk = p.get(k);
                                SimpleMatrix gk = g.get(k);
                                for (int i = 0; i < pk.getNumElements(); i++) { pk.set(i, pk.get(i) - lr * gk.get(i)); }
                            }
                            return params;
                        }
                        public RnnGradients clipByGlobalNorm(RnnGradients grads, double maxNorm) {
                            return grads;   // "nothing to clip": returns its argument
                        }
                        public RnnGradients clipByValue(RnnGradients grads, double maxValue) {   // correct
                            List<SimpleMatrix> out = new ArrayList<>();
                            for (SimpleMatrix b : grads.blocks()) {
                                SimpleMatrix c = b.copy();
                                for (int i = 0; i < c.getNumElements(); i++) {
                                    c.set(i, Math.max(-maxValue, Math.min(maxValue, c.get(i))));
                                }
                                out.add(c);
                            }
                            return RnnGradients.ofBlocks(out);
                        }
                    };
                }
                public LanguageModel languageModel() {
                    return new LanguageModel() {
                        public List<TrainingPair> trainingPairs(Vocabulary v, List<List<String>> sentences, int window) {
                            sentences.get(0).set(0, "changed");
                            sentences.remove(sentences.size() - 1);
                            return List.of();
                        }
                        public TrainingResult train(Vocabulary v, List<List<String>> sentences, TrainingConfig c) {
                            throw new NotImplementedYetException("LanguageModel.train");
                        }
                        public List<String> complete(Vocabulary v, RnnParameters p, ActivationKind g1, List<String> prefix,
                                CompletionConfig c) {
                            prefix.add("more");
                            return prefix;
                        }
                    };
                }
            }
            """;
}
