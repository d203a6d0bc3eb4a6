package org.rnnautograder.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A corpus of sentences, one per line. Blank lines and lines starting with {@code #} are skipped;
 * surrounding whitespace is trimmed. Files are UTF-8.
 *
 * @param name      where the sentences came from, for messages
 * @param sentences the sentences, at least one
 */
public record Corpus(String name, List<String> sentences) {
    /** The shipped English sentences. */
    public static final String ENGLISH = "english.txt";
    /** The shipped Chinese sentences. */
    public static final String CHINESE = "chinese.txt";

    public Corpus {
        if (sentences.isEmpty()) {
            throw new IllegalArgumentException("corpus " + name
                    + " has no sentences: expected at least one non-blank line that does not start with #");
        }
        sentences = List.copyOf(sentences);
    }

    /** Parses corpus text (see the class comment). */
    public static Corpus parse(String name, String text) {
        List<String> out = new ArrayList<>();
        for (String line : text.split("\\R")) {
            String s = line.strip();
            if (!s.isEmpty() && !s.startsWith("#")) {
                out.add(s);
            }
        }
        return new Corpus(name, out);
    }

    /**
     * Reads a corpus file.
     *
     * @throws IllegalArgumentException if the file does not exist, naming it
     */
    public static Corpus read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("corpus file " + file + " does not exist or is not a file");
        }
        try {
            return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read corpus file " + file, e);
        }
    }

    /** Reads one of the corpora shipped in the jar ({@link #ENGLISH}, {@link #CHINESE}). */
    public static Corpus bundled(String resource) {
        try (InputStream in = Corpus.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no bundled corpus named " + resource
                        + "; expected " + ENGLISH + " or " + CHINESE);
            }
            return parse(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read bundled corpus " + resource, e);
        }
    }

    /** The shipped English and Chinese sentences together (English first). */
    public static Corpus bundledDefault() {
        List<String> all = new ArrayList<>(bundled(ENGLISH).sentences());
        all.addAll(bundled(CHINESE).sentences());
        return new Corpus("bundled english.txt + chinese.txt", all);
    }
}
