package org.rnnautograder.sandbox;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.rnnautograder.i18n.Language;
import org.rnnautograder.i18n.Messages;

/**
 * The command line of a child JVM: optional bubblewrap prefix, then {@code java} of this JDK with the
 * memory and stack limits, exit on OutOfMemoryError, this JVM's message language ({@link Language#PROPERTY}, so
 * that what the child says — load errors, shape errors of the contract, output caps — is in the same language as
 * the parent), the contract class path and {@link SandboxChild}.
 *
 * @param limits     the limits
 * @param classesDir the submission's compiled classes (real path)
 * @param bwrap      the bubblewrap executable, or empty for a plain process
 */
record ChildCommand(SandboxLimits limits, Path classesDir, Optional<Path> bwrap) {
    /** @return a new list holding the full command line */
    List<String> build() {
        Path javaHome = ChildJvm.javaHome();
        List<Path> classpath = ContractClasspath.entries();
        List<String> cmd = new ArrayList<>();
        if (bwrap.isPresent()) {
            List<Path> readOnly = new ArrayList<>(classpath);
            readOnly.add(classesDir);
            cmd.addAll(Bubblewrap.prefix(bwrap.get(), javaHome, readOnly));
        }
        cmd.add(javaHome.resolve("bin").resolve("java").toString());
        cmd.add("-Xmx" + limits.heapMb() + "m");
        cmd.add("-Xss" + limits.stackKb() + "k");
        cmd.add("-XX:+ExitOnOutOfMemoryError");
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-XX:-UsePerfData");
        cmd.add("-Xshare:auto");
        cmd.add("-Djava.awt.headless=true");
        cmd.add("-Dfile.encoding=UTF-8");
        cmd.add("-D" + Language.PROPERTY + "=" + Messages.language().tag());
        cmd.add("-cp");
        cmd.add(ContractClasspath.asString());
        cmd.add(SandboxChild.class.getName());
        cmd.add(classesDir.toString());
        cmd.add(Integer.toString(limits.outputCapChars()));
        return cmd;
    }
}
