package org.rnnautograder.i18n;

import java.util.Locale;

/**
 * The languages of student-facing text: English and Simplified Chinese.
 *
 * <p>Grading mode takes the language from {@code --lang en|zh}; student mode from the system property
 * {@value #PROPERTY} ({@code mvn test -Drnn.lang=zh}) or, when that is not set, from the JVM's default locale
 * (a {@code zh} locale, e.g. {@code LANG=zh_CN.UTF-8}, gives Chinese; anything else English).
 */
public enum Language {
    /** English, the default. */
    EN("en", Locale.ENGLISH),
    /** Simplified Chinese (简体中文). */
    ZH("zh", Locale.SIMPLIFIED_CHINESE);

    /** The system property that chooses the language in student mode. */
    public static final String PROPERTY = "rnn.lang";

    private final String tag;
    private final Locale locale;

    Language(String tag, Locale locale) {
        this.tag = tag;
        this.locale = locale;
    }

    /** @return the short tag, {@code en} or {@code zh} (what {@code --lang} takes) */
    public String tag() {
        return tag;
    }

    /** @return the locale of the catalogue */
    public Locale locale() {
        return locale;
    }

    /** @return the BCP 47 tag for an HTML {@code lang} attribute: {@code en} or {@code zh-CN} */
    public String htmlTag() {
        return this == ZH ? "zh-CN" : "en";
    }

    /**
     * Parses a language name: {@code en}, {@code zh}, or a locale tag such as {@code en_US}, {@code zh-CN},
     * {@code zh_Hans} (case-insensitive).
     *
     * @throws IllegalArgumentException naming what was given and what is accepted
     */
    public static Language parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("Expected a language, en or zh, but got nothing.");
        }
        String primary = text.strip().toLowerCase(Locale.ROOT).split("[-_.]", 2)[0];
        for (Language l : values()) {
            if (l.tag.equals(primary)) {
                return l;
            }
        }
        throw new IllegalArgumentException("Unknown language '" + text.strip() + "': expected en (English) or zh"
                + " (Simplified Chinese).");
    }

    /** @return {@link #ZH} for any Chinese locale, otherwise {@link #EN} */
    public static Language of(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage()) ? ZH : EN;
    }

    /**
     * @return the language the environment asks for: the system property {@value #PROPERTY} if set, otherwise the
     *         JVM's default locale
     * @throws IllegalArgumentException if the property is set to something that is not a language
     */
    public static Language fromEnvironment() {
        String p = System.getProperty(PROPERTY);
        return p == null || p.isBlank() ? of(Locale.getDefault()) : parse(p);
    }
}
