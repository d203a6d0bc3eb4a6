package org.rnnautograder.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.rnnautograder.grading.SuiteRunner;
import org.rnnautograder.i18n.Language;
import org.rnnautograder.i18n.Messages;

/** Every check has a title in both languages, and the catalogue has no title of a check that is gone. */
class CheckTitlesTest {

    @Test
    void everyCheckHasATitleInBothLanguagesAndNoTitleIsStale() {
        List<SuiteRunner.CheckInfo> checks = SuiteRunner.catalog();
        assertTrue(checks.size() > 50, "the suite has " + checks.size() + " checks");
        for (SuiteRunner.CheckInfo c : checks) {
            String key = CheckTitles.key(c.id());
            assertTrue(Messages.has(key), "no title for check " + c.id() + ": add " + key + " to the catalogue");
            assertNotEquals(Messages.text(Language.EN, key), Messages.text(Language.ZH, key),
                    "check " + c.id() + " has no Chinese title");
        }
        Set<String> ids = checks.stream().map(SuiteRunner.CheckInfo::id).collect(Collectors.toSet());
        Set<String> stale = new TreeSet<>();
        for (String key : org.rnnautograder.i18n.CatalogueFiles.keys()) {
            if (key.startsWith("check.") && !ids.contains(key.substring("check.".length()))) {
                stale.add(key);
            }
        }
        assertTrue(stale.isEmpty(), () -> "titles of checks that do not exist: " + stale);
    }

    @Test
    void titlesFollowTheChosenLanguage() {
        Language before = Messages.use(Language.ZH);
        try {
            String zh = SuiteRunner.catalog().get(0).title();
            Messages.use(Language.EN);
            String en = SuiteRunner.catalog().get(0).title();
            assertNotEquals(en, zh);
            assertTrue(zh.codePoints().anyMatch(cp -> cp >= 0x4E00 && cp <= 0x9FFF), zh);
            assertEquals(Messages.text(Language.EN, CheckTitles.key(SuiteRunner.catalog().get(0).id())), en);
        } finally {
            Messages.use(before);
        }
    }
}
