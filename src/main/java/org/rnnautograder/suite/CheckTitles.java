package org.rnnautograder.suite;

import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.rnnautograder.i18n.Messages;

/**
 * Titles of the graded checks, from the message catalogue: a {@link Check} with id {@code rnn.backward.gradcheck}
 * is titled by key {@code check.rnn.backward.gradcheck}, in the current language. JUnit shows the same title
 * (this is the suite's display-name generator), so the console, Surefire's XML and the reports agree.
 */
public final class CheckTitles extends DisplayNameGenerator.Standard {

    /**
     * @return the title of check method {@code m}: its catalogue entry; for a check outside the graded suite (a test's
     *         probe) without one, its {@code @DisplayName} or else the method's name
     */
    public static String of(Method m) {
        Check check = m.getAnnotation(Check.class);
        if (check != null && Messages.has(key(check.id()))) {
            return Messages.text(key(check.id()));
        }
        DisplayName dn = m.getAnnotation(DisplayName.class);
        return dn != null ? dn.value() : m.getName();
    }

    /** @return the catalogue key of the title of the check with id {@code id} */
    public static String key(String id) {
        return "check." + id;
    }

    @Override
    public String generateDisplayNameForMethod(List<Class<?>> enclosingInstanceTypes, Class<?> testClass,
            Method testMethod) {
        return testMethod.isAnnotationPresent(Check.class) && !testMethod.isAnnotationPresent(DisplayName.class)
                ? of(testMethod)
                : super.generateDisplayNameForMethod(enclosingInstanceTypes, testClass, testMethod);
    }
}
