package org.rnnautograder.i18n;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The message catalogue: every student-facing sentence, in English ({@code messages.properties}) and Simplified
 * Chinese ({@code messages_zh.properties}), both UTF-8, in {@code org/rnnautograder/i18n/}.
 *
 * <p>A message is text with numbered placeholders, {@code {0}}, {@code {1}} …, replaced by the arguments as
 * {@link String#valueOf(Object)} gives them — never through a locale's number format, so the caller decides how
 * numbers look. Nothing else is special. This is {@link java.text.MessageFormat}'s placeholder syntax without its
 * quoting rules: those would make every apostrophe ({@code relu'(0)}, {@code don't}) and every brace of the notes'
 * notation ({@code s_{t−1}}) an escape to get right in two languages, and a missed one silently eats the
 * placeholders after it.
 *
 * <p>The language is process-wide: {@link #use(Language)} sets it (the command line does, from {@code --lang});
 * until then it is {@link Language#fromEnvironment()}.
 */
public final class Messages {
    static final String BUNDLE = "org.rnnautograder.i18n.messages";

    private static volatile Language chosen;

    private Messages() {}

    /** @return the language of {@link #text(String, Object...)} */
    public static Language language() {
        Language l = chosen;
        return l != null ? l : Language.fromEnvironment();
    }

    /** @return the language set by {@link #use(Language)}, or null when the environment's applies */
    public static Language chosen() {
        return chosen;
    }

    /**
     * Sets the language of every later message in this JVM (null: back to the environment's).
     *
     * @return the language that was chosen before, for restoring it
     */
    public static Language use(Language language) {
        Language before = chosen;
        chosen = language;
        return before;
    }

    /**
     * @return message {@code key} in the current {@link #language()}, with {@code {i}} replaced by
     *         {@code String.valueOf(args[i])}
     * @throws MissingResourceException if the catalogue has no such key (a bug in the autograder)
     */
    public static String text(String key, Object... args) {
        return text(language(), key, args);
    }

    /** @return message {@code key} in {@code language}, formatted by {@link #format(String, Object...)} */
    public static String text(Language language, String key, Object... args) {
        return format(bundle(language).getString(key), args);
    }

    /**
     * @return {@code pattern} with each {@code {i}} (i a number below {@code args.length}) replaced by
     *         {@code String.valueOf(args[i])}; other text, including other braces, is kept as it is
     */
    public static String format(String pattern, Object... args) {
        Matcher m = PLACEHOLDER.matcher(pattern);
        StringBuilder out = new StringBuilder(pattern.length() + 32);
        while (m.find()) {
            int i = Integer.parseInt(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(i < args.length ? String.valueOf(args[i]) : m.group()));
        }
        return m.appendTail(out).toString();
    }

    /** A placeholder: a number in braces. */
    public static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d{1,2})\\}");

    /**
     * Joins two sentences of a message, e.g. a finding and its most likely cause: with a space, as English writes
     * them, but with none next to full-width punctuation, as Chinese writes them ("值不对。最可能的原因：…").
     *
     * @return {@code first} alone when {@code second} is null or empty
     */
    public static String join(String first, String second) {
        if (second == null || second.isEmpty()) {
            return first;
        }
        if (first.isEmpty()) {
            return second;
        }
        boolean tight = FULL_WIDTH.indexOf(first.charAt(first.length() - 1)) >= 0
                || FULL_WIDTH.indexOf(second.charAt(0)) >= 0;
        return first + (tight ? "" : " ") + second;
    }

    /** Full-width punctuation: no space is written next to it. */
    private static final String FULL_WIDTH = "。，、；：！？）】」』”（【「『“";

    /** @return true if the catalogue has {@code key} */
    public static boolean has(String key) {
        return bundle(Language.EN).containsKey(key);
    }

    private static ResourceBundle bundle(Language language) {
        // no fallback to the JVM's locale: zh is messages_zh, then messages; en is messages alone
        return ResourceBundle.getBundle(BUNDLE, language == Language.EN ? java.util.Locale.ROOT : language.locale(),
                Messages.class.getClassLoader(), ResourceBundle.Control.getNoFallbackControl(
                        ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
