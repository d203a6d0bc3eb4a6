package org.rnnautograder.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/** The catalogue's files as they are, for tests: each file's own keys and patterns, read as UTF-8. */
public final class CatalogueFiles {
    private CatalogueFiles() {}

    /** @return key → pattern of {@code file} ("messages.properties" or "messages_zh.properties") */
    public static Map<String, String> load(String file) {
        Properties p = new Properties();
        try (InputStream in = Messages.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException(file + " is not on the class path");
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> out = new TreeMap<>();
        p.forEach((k, v) -> out.put((String) k, (String) v));
        return out;
    }

    /** @return the keys of the English file */
    public static Set<String> keys() {
        return load("messages.properties").keySet();
    }
}
