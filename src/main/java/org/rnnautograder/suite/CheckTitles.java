package org.rnnautograder.suite;

import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.rnnautograder.i18n.Messages;

/**
 * Titles of the graded checks, from the message catalogue: a {@link Check} with id {@code rnn.backward.gradcheck}
 * is titled by key {@code check.rnn.backward.gradcheck}, in the current language. JUnit shows the same title
 * (this is the suite's display-name generator), so the console, Surefire's XML and the reports agree.
 */
public final class CheckTitles extends DisplayNameGenerator.Standard {

    /** @return the title of check method {@code m}: its catalogue entry, or the method's name if it is no check */
    public static String of(Method m) {
        Check check = m.getAnnotation(Check.class);
        return check == null ? m.getName() : Messages.text(key(check.id()));
    }

    /** @return the catalogue key of the title of the check with id {@code id} */
    public static String key(String id) {
        return "check." + id;
    }

    @Override
    public String generateDisplayNameForMethod(List<Class<?>> enclosingInstanceTypes, Class<?> testClass,
            Method testMethod) {
        return testMethod.isAnnotationPresent(Check.class) ? of(testMethod)
                : super.generateDisplayNameForMethod(enclosingInstanceTypes, testClass, testMethod);
    }
}
