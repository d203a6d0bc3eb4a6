package org.rnnautograder.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The catalogue's two files agree: the same keys, the same placeholders in each message, no message left in English
 * in the Chinese file, every key the code names exists, and every key is used.
 */
class MessageCatalogueTest {
    /** Keys built at run time, as prefix + something the code enumerates; each prefix's test is named with it. */
    static final List<String> DYNAMIC_PREFIXES = List.of(
            "check." // CheckTitles: check.<id>, every @Check id (CheckTitlesTest)
    );

    /** A literal key in a call: Messages.text("key" or Messages.text(language, "key". */
    private static final Pattern KEY_IN_CODE = Pattern.compile(
            "Messages\\.text\\(\\s*(?:[A-Za-z_.()]+,\\s*)?\"([a-z][A-Za-z0-9_.-]*)\"");

    static Map<String, String> load(String file) {
        return CatalogueFiles.load(file);
    }

    static Set<String> placeholders(String pattern) {
        Set<String> out = new TreeSet<>();
        Matcher m = Messages.PLACEHOLDER.matcher(pattern);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    @Test
    void bothCataloguesHaveTheSameKeys() throws IOException {
        Set<String> en = load("messages.properties").keySet();
        Set<String> zh = load("messages_zh.properties").keySet();
        Set<String> onlyEn = new TreeSet<>(en);
        onlyEn.removeAll(zh);
        Set<String> onlyZh = new TreeSet<>(zh);
        onlyZh.removeAll(en);
        assertTrue(onlyEn.isEmpty() && onlyZh.isEmpty(), () -> "keys only in messages.properties (translate them): "
                + onlyEn + "\nkeys only in messages_zh.properties (add the English): " + onlyZh);
        assertTrue(en.size() > 0, "the catalogue is empty");
    }

    @Test
    void eachMessageHasTheSamePlaceholdersInBothLanguages() throws IOException {
        Map<String, String> en = load("messages.properties");
        Map<String, String> zh = load("messages_zh.properties");
        List<String> bad = new ArrayList<>();
        en.forEach((k, v) -> {
            if (zh.containsKey(k) && !placeholders(v).equals(placeholders(zh.get(k)))) {
                bad.add(k + ": en " + placeholders(v) + ", zh " + placeholders(zh.get(k)));
            }
        });
        assertTrue(bad.isEmpty(), () -> "placeholders differ:\n" + String.join("\n", bad));
    }

    @Test
    void noFileHasAKeyTwice() throws IOException {
        for (String file : List.of("messages.properties", "messages_zh.properties")) {
            Set<String> seen = new TreeSet<>();
            List<String> twice = new ArrayList<>();
            for (String line : resourceLines(file)) {
                String l = line.strip();
                int eq = l.indexOf('=');
                if (!l.isEmpty() && !l.startsWith("#") && eq > 0 && !seen.add(l.substring(0, eq).strip())) {
                    twice.add(l.substring(0, eq).strip());
                }
            }
            assertTrue(twice.isEmpty(), () -> file + " defines these keys more than once: " + twice);
        }
    }

    @Test
    void chineseMessagesAreTranslated() throws IOException {
        Map<String, String> en = load("messages.properties");
        Map<String, String> zh = load("messages_zh.properties");
        List<String> same = new ArrayList<>();
        zh.forEach((k, v) -> {
            // a message with words in it must not be the English text; pure notation (formulas, names) may be
            if (v.equals(en.get(k)) && v.replaceAll("\\{\\d+\\}", "").matches(".*[A-Za-z]{3,}\\s+[a-z]{3,}.*")) {
                same.add(k);
            }
        });
        assertTrue(same.isEmpty(), () -> "messages_zh.properties has English text for: " + same);
        long chinese = zh.values().stream().filter(v -> v.codePoints().anyMatch(c -> c >= 0x4E00 && c <= 0x9FFF)).count();
        assertTrue(chinese * 10 >= zh.size() * 8, () -> "only " + chinese + " of " + zh.size()
                + " Chinese messages contain Chinese characters");
    }

    @Test
    void everyKeyTheCodeNamesExists() throws IOException {
        Set<String> known = load("messages.properties").keySet();
        List<String> missing = new ArrayList<>();
        for (Map.Entry<Path, String> source : mainSources().entrySet()) {
            Matcher m = KEY_IN_CODE.matcher(source.getValue());
            while (m.find()) {
                if (!known.contains(m.group(1))) {
                    missing.add(m.group(1) + " (" + source.getKey().getFileName() + ")");
                }
            }
        }
        assertTrue(missing.isEmpty(), () -> "keys used in the code but not in the catalogue: " + missing);
    }

    @Test
    void everyKeyIsUsed() throws IOException {
        StringBuilder all = new StringBuilder();
        mainSources().values().forEach(all::append);
        String code = all.toString();
        String scripts = Files.readString(Path.of("src/main/resources/org/rnnautograder/packaging/gradescope/run_autograder"));
        List<String> unused = new ArrayList<>();
        for (String key : load("messages.properties").keySet()) {
            boolean inScript = Pattern.compile("\\bsay " + Pattern.quote(key) + "\\b").matcher(scripts).find();
            if (DYNAMIC_PREFIXES.stream().noneMatch(key::startsWith) && !code.contains("\"" + key + "\"") && !inScript) {
                unused.add(key);
            }
        }
        assertTrue(unused.isEmpty(), () -> "keys no code uses (delete them, or name their prefix in DYNAMIC_PREFIXES"
                + " and test it): " + unused);
    }

    @Test
    void formatReplacesNumberedPlaceholdersOnly() {
        assertEquals("s_{t−1} of 3 isn't 'x' {2}", Messages.format("s_{t−1} of {0} isn't {1} {2}", 3, "'x'"));
        assertEquals("null and $1 \\", Messages.format("{0} and {1}", null, "$1 \\"));
    }

    @Test
    void languageParsesTagsAndLocales() {
        assertEquals(Language.ZH, Language.parse("zh"));
        assertEquals(Language.ZH, Language.parse("zh_CN"));
        assertEquals(Language.ZH, Language.parse("ZH-Hans"));
        assertEquals(Language.EN, Language.parse("en-US"));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Language.parse("fr"));
        assertTrue(e.getMessage().contains("'fr'") && e.getMessage().contains("en") && e.getMessage().contains("zh"),
                e.getMessage());
        assertEquals(Language.ZH, Language.of(java.util.Locale.TRADITIONAL_CHINESE));
        assertEquals(Language.EN, Language.of(java.util.Locale.GERMANY));
    }

    @Test
    void theSystemPropertyChoosesTheLanguageUntilTheCommandLineDoes() {
        String before = System.getProperty(Language.PROPERTY);
        Language chosen = Messages.use(null);
        try {
            System.setProperty(Language.PROPERTY, "zh");
            assertEquals(Language.ZH, Messages.language());
            System.setProperty(Language.PROPERTY, "en");
            assertEquals(Language.EN, Messages.language());
            Messages.use(Language.ZH);
            assertEquals(Language.ZH, Messages.language());
        } finally {
            Messages.use(chosen);
            if (before == null) {
                System.clearProperty(Language.PROPERTY);
            } else {
                System.setProperty(Language.PROPERTY, before);
            }
        }
    }

    private static List<String> resourceLines(String file) throws IOException {
        try (InputStream in = Messages.class.getResourceAsStream(file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    private static Map<Path, String> mainSources() throws IOException {
        Map<Path, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                out.put(p, Files.readString(p));
            }
        }
        if (out.isEmpty()) {
            fail("no sources under src/main/java (the test runs from the project folder)");
        }
        return out;
    }
}
