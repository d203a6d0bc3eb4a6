package org.rnnautograder.cli;

import org.rnnautograder.i18n.Language;
import org.rnnautograder.i18n.Messages;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/** The {@code --lang en|zh} option of commands that write student-facing text. */
public final class LanguageOption {
    @Option(names = "--lang", paramLabel = "LANG", converter = LanguageOption.Converter.class,
            description = {"Language of the feedback: en (English) or zh (简体中文). Default: the rnn.lang system",
                    "property, else the JVM's locale (a zh locale gives Chinese)."})
    Language language;

    /** Makes the chosen language (if any) the language of every message of this run; @return the language in force */
    Language apply() {
        if (language != null) {
            Messages.use(language);
        }
        return Messages.language();
    }

    /** Parses {@code en}, {@code zh}, {@code zh_CN} …; a bad value is a usage error naming what is accepted. */
    static final class Converter implements ITypeConverter<Language> {
        @Override
        public Language convert(String value) {
            return Language.parse(value);
        }
    }
}
