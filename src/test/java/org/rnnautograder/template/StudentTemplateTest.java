package org.rnnautograder.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnautograder.assignment.ActivationKind;
import org.rnnautograder.assignment.CompletionConfig;
import org.rnnautograder.assignment.NotImplementedYetException;
import org.rnnautograder.assignment.RnnGradients;
import org.rnnautograder.assignment.RnnParameters;
import org.rnnautograder.assignment.RnnTrace;
import org.rnnautograder.assignment.Submission;
import org.rnnautograder.assignment.Submissions;
import org.rnnautograder.assignment.TrainingConfig;
import org.rnnautograder.assignment.Vocabulary;

/**
 * The starter repository students receive ({@code student-template/}) compiles as shipped, registers its
 * entry point, mirrors the reference solution's classes and public signatures, and leaves every contract
 * method to the student: each one throws {@link NotImplementedYetException} naming the contract method as
 * {@code Interface.method}.
 */
class StudentTemplateTest {
    private static final Path ROOT = Paths.get(System.getProperty("basedir", "")).toAbsolutePath();
    private static final Path TEMPLATE = ROOT.resolve("student-template");
    private static final Path TEMPLATE_SOURCES = TEMPLATE.resolve("src/main/java");
    private static final Path TEMPLATE_RESOURCES = TEMPLATE.resolve("src/main/resources");
    private static final Path REFERENCE_SOURCES = ROOT.resolve("reference-solutions/src/main/java");
    /** The reference solution's package, which this module's own test class path also holds. */
    private static final String PACKAGE = "submission";

    @TempDir
    static Path out;

    private static boolean compiled;
    private static String diagnostics = "";
    private static URLClassLoader loader;

    @BeforeAll
    static void compileTemplate() throws IOException {
        assertTrue(Files.isDirectory(TEMPLATE_SOURCES), "no template sources at " + TEMPLATE_SOURCES);
        List<File> sources;
        try (Stream<Path> files = Files.walk(TEMPLATE_SOURCES)) {
            sources = files.filter(p -> p.toString().endsWith(".java")).map(Path::toFile).sorted().toList();
        }
        assertTrue(!sources.isEmpty(), "no .java files under " + TEMPLATE_SOURCES);
        Path classes = Files.createDirectories(out.resolve("classes"));

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "no system Java compiler: run the tests on a JDK, not a JRE");
        DiagnosticCollector<JavaFileObject> collector = new DiagnosticCollector<>();
        StringWriter javacOutput = new StringWriter();
        try (StandardJavaFileManager files = javac.getStandardFileManager(collector, null, StandardCharsets.UTF_8)) {
            List<String> options = List.of("-proc:none", "--release", "17", "-encoding", "UTF-8", "-Xlint:all",
                    "-classpath", contractClassPath(), "-d", classes.toString());
            compiled = javac.getTask(javacOutput, files, collector, options, null, files.getJavaFileObjectsFromFiles(sources))
                    .call();
        }
        diagnostics = collector.getDiagnostics().stream().map(StudentTemplateTest::describe)
                .collect(Collectors.joining("\n")) + javacOutput;

        // the template's services file travels with its classes, as in the student's target/classes
        Path services = TEMPLATE_RESOURCES.resolve(Submissions.SERVICES_FILE);
        if (Files.isRegularFile(services)) {
            Path copy = classes.resolve(Submissions.SERVICES_FILE);
            Files.createDirectories(copy.getParent());
            Files.copy(services, copy);
        }
        loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                new org.rnnautograder.sandbox.ContractOnlyClassLoader(StudentTemplateTest.class.getClassLoader()));
    }

    @AfterAll
    static void closeLoader() throws IOException {
        if (loader != null) {
            loader.close();
        }
    }

    /**
     * The test class path without the entries holding the reference solution's {@code submission} package
     * (this module compiles reference-solutions/ into its test classes): the template must compile against
     * the contract and its libraries alone, as it does in the student's repository.
     */
    private static String contractClassPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .filter(entry -> !Files.isDirectory(Paths.get(entry, PACKAGE)))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static String describe(Diagnostic<? extends JavaFileObject> d) {
        String where = d.getSource() == null ? "" : Paths.get(d.getSource().toUri()).getFileName() + ":" + d.getLineNumber() + ": ";
        return d.getKind() + " " + where + d.getMessage(null);
    }

    private static void requireCompiled() {
        assertTrue(compiled, () -> "student-template does not compile:\n" + diagnostics);
    }

    // ---------------------------------------------------------------------------------------------- (a)

    @Test
    void templateCompilesAsShipped() {
        if (!diagnostics.isBlank()) {
            System.out.println("javac on student-template:\n" + diagnostics);
        }
        requireCompiled();
        assertTrue(Files.isRegularFile(out.resolve("classes/submission/RnnSubmission.class")),
                "compiling the template produced no submission/RnnSubmission.class");
    }

    // ---------------------------------------------------------------------------------------------- (b)

    @Test
    void entryPointIsRegisteredAndLoads() throws IOException {
        requireCompiled();
        Path services = TEMPLATE_RESOURCES.resolve(Submissions.SERVICES_FILE);
        assertTrue(Files.isRegularFile(services), "the template must ship " + services);
        assertEquals(List.of("submission.RnnSubmission"),
                Files.readAllLines(services, StandardCharsets.UTF_8).stream().map(String::strip)
                        .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList(),
                "the services file must name the entry point, alone");

        Submission submission = Submissions.load(loader);
        assertEquals("submission.RnnSubmission", submission.getClass().getName());
        assertSame(loader, submission.getClass().getClassLoader(),
                "the entry point must come from the compiled template, not from the reference solution");
    }

    // ---------------------------------------------------------------------------------------------- (c)

    /** Small valid arguments (m = 5, n = 3, T = 2) for every abstract method of every component interface. */
    private static Map<String, Supplier<Object[]>> sampleArguments() {
        int m = 5;
        int n = 3;
        RnnParameters params = RnnParameters.initialize(m, n, 1L);
        SimpleMatrix x1 = oneHot(1, m);
        SimpleMatrix x2 = oneHot(3, m);
        SimpleMatrix s0 = new SimpleMatrix(n, 1);
        SimpleMatrix s1 = column(0.1, -0.2, 0.3);
        SimpleMatrix s2 = column(-0.4, 0.5, 0.05);
        SimpleMatrix o = column(0.2, 0.2, 0.2, 0.2, 0.2);
        SimpleMatrix dLogits = column(0.2, 0.2, -0.8, 0.2, 0.2);
        SimpleMatrix logits = column(1, -2, 0.5, 3, 0);
        List<SimpleMatrix> xs = List.of(x1, x2);
        RnnTrace trace = new RnnTrace(List.of(s0, s1, s2), List.of(o, o));
        int[] targets = {3, 1};
        List<List<String>> sentences = List.of(List.of("a", "b"), List.of("b", "a", "b"));
        Vocabulary vocabulary = new org.rnnautograder.fixtures.TableVocabulary(List.of(Vocabulary.START, Vocabulary.END, Vocabulary.UNK, "a", "b"));
        RnnGradients grads = new RnnGradients(new SimpleMatrix(n, m).plus(0.5), new SimpleMatrix(n, n).plus(-0.25),
                new SimpleMatrix(m, n).plus(2), new SimpleMatrix(n, 1).plus(1), new SimpleMatrix(m, 1).plus(-1));

        Map<String, Supplier<Object[]>> args = new LinkedHashMap<>();
        args.put("Tokenizer.tokenize", () -> new Object[] {"你好 world 😀"});
        args.put("Tokenizer.detokenize", () -> new Object[] {List.of("你", "好")});
        args.put("Vocabulary.size", () -> new Object[] {});
        args.put("Vocabulary.idOf", () -> new Object[] {"a"});
        args.put("Vocabulary.tokenOf", () -> new Object[] {3});
        args.put("Vocabulary.encode", () -> new Object[] {List.of("a", "b")});
        args.put("Vocabulary.decode", () -> new Object[] {new int[] {0, 3, 4, 1}});
        args.put("OneHot.encode", () -> new Object[] {2, m});
        args.put("OneHot.encodeSequence", () -> new Object[] {new int[] {0, 3, 1}, m});
        args.put("OneHot.decode", () -> new Object[] {o.copy()});
        args.put("Activation.value", () -> new Object[] {logits.copy()});
        args.put("Activation.derivative", () -> new Object[] {logits.copy()});
        args.put("CrossEntropy.softmax", () -> new Object[] {logits.copy()});
        args.put("CrossEntropy.loss", () -> new Object[] {o.copy(), 2});
        args.put("CrossEntropy.gradient", () -> new Object[] {o.copy(), 2});
        args.put("CrossEntropy.sequenceLoss", () -> new Object[] {List.of(o.copy(), o.copy()), targets.clone()});
        args.put("RnnCell.forward", () -> new Object[] {params.copy(), x1.copy(), s0.copy()});
        args.put("RnnCell.backward",
                () -> new Object[] {params.copy(), x2.copy(), s1.copy(), s2.copy(), dLogits.copy(), s1.copy()});
        args.put("Rnn.forward", () -> new Object[] {params.copy(), xs});
        args.put("Rnn.backward", () -> new Object[] {params.copy(), xs, trace, targets.clone()});
        args.put("Sgd.step", () -> new Object[] {params.copy(), grads.copy(), 0.1});
        args.put("Sgd.clipByGlobalNorm", () -> new Object[] {grads.copy(), 1.0});
        args.put("Sgd.clipByValue", () -> new Object[] {grads.copy(), 0.5});
        args.put("LanguageModel.trainingPairs", () -> new Object[] {vocabulary, sentences, 2});
        args.put("LanguageModel.train",
                () -> new Object[] {vocabulary, sentences, new TrainingConfig(n, 1, 0.1, 5.0, 4, 1L, ActivationKind.TANH)});
        args.put("LanguageModel.complete", () -> new Object[] {vocabulary, params.copy(), ActivationKind.TANH,
                List.of("a"), CompletionConfig.greedy(3)});
        return args;
    }

    @Test
    void everyContractMethodIsLeftToTheStudent() throws Exception {
        requireCompiled();
        Submission submission = Submissions.load(loader);
        Map<String, Supplier<Object[]>> arguments = sampleArguments();
        Set<String> exercised = new TreeSet<>();
        List<String> problems = new ArrayList<>();

        for (Method getter : abstractMethods(Submission.class)) {
            for (Object[] getterArgs : submissionArguments(getter)) {
                String component = "Submission." + getter.getName() + Arrays.deepToString(getterArgs);
                Object impl;
                try {
                    impl = getter.invoke(submission, getterArgs);
                } catch (InvocationTargetException e) {
                    problems.add(component + " must build its component without throwing (the entry point and "
                            + "constructors are given code), but threw " + e.getCause());
                    continue;
                }
                if (impl == null) {
                    problems.add(component + " returned null");
                    continue;
                }
                Class<?> contract = getter.getReturnType();
                for (Method method : abstractMethods(contract)) {
                    String expected = contract.getSimpleName() + "." + method.getName();
                    Supplier<Object[]> sample = arguments.get(expected);
                    if (sample == null) {
                        problems.add(expected + " is a contract method with no sample arguments in "
                                + "StudentTemplateTest: add them (and a stub in student-template)");
                        continue;
                    }
                    exercised.add(expected);
                    String call = component + "." + method.getName() + " (" + impl.getClass().getName() + ")";
                    try {
                        Object result = method.invoke(impl, sample.get());
                        problems.add(call + " returned " + result + ": the template must throw new "
                                + "NotImplementedYetException(\"" + expected + "\") instead");
                    } catch (InvocationTargetException e) {
                        Throwable cause = e.getCause();
                        if (!(cause instanceof NotImplementedYetException niye)) {
                            problems.add(call + " threw " + cause + " instead of NotImplementedYetException(\""
                                    + expected + "\")");
                        } else if (!expected.equals(niye.method())) {
                            problems.add(call + " threw NotImplementedYetException(\"" + niye.method()
                                    + "\"), but should name the contract method: \"" + expected + "\"");
                        }
                    }
                }
            }
        }
        Set<String> stale = new TreeSet<>(arguments.keySet());
        stale.removeAll(exercised);
        if (!stale.isEmpty()) {
            problems.add("sample arguments for methods no component exposes: " + stale);
        }
        assertTrue(problems.isEmpty(), () -> problems.size() + " problem(s):\n  " + String.join("\n  ", problems));
        assertEquals(arguments.keySet(), exercised);
    }

    /** Every combination the entry point is asked for: each enum constant; a small corpus for the vocabulary. */
    private static List<Object[]> submissionArguments(Method getter) {
        List<Object[]> calls = new ArrayList<>();
        calls.add(new Object[0]);
        for (Class<?> type : getter.getParameterTypes()) {
            List<Object> values;
            if (type.isEnum()) {
                values = List.of(type.getEnumConstants());
            } else if (type == List.class) {
                values = List.of(List.of(List.of("a", "b"), List.of("b", "c")));
            } else if (type == int.class) {
                values = List.of(1);
            } else {
                throw new AssertionError("Submission." + getter.getName() + " takes a " + type.getName()
                        + ": teach StudentTemplateTest.submissionArguments to build one");
            }
            List<Object[]> next = new ArrayList<>();
            for (Object[] prefix : calls) {
                for (Object value : values) {
                    Object[] extended = Arrays.copyOf(prefix, prefix.length + 1);
                    extended[prefix.length] = value;
                    next.add(extended);
                }
            }
            calls = next;
        }
        return calls;
    }

    private static List<Method> abstractMethods(Class<?> type) {
        return Arrays.stream(type.getDeclaredMethods())
                .filter(m -> Modifier.isAbstract(m.getModifiers()) && !m.isSynthetic())
                .sorted((a, b) -> a.toString().compareTo(b.toString()))
                .toList();
    }

    // ---------------------------------------------------------------------------------------------- (d)

    @Test
    void templateDeclaresTheReferenceClasses() throws IOException {
        assertEquals(javaFiles(REFERENCE_SOURCES), javaFiles(TEMPLATE_SOURCES),
                "student-template/src/main/java must hold the same files as reference-solutions/src/main/java");
    }

    @Test
    void templateHasTheReferencePublicSignatures() throws Exception {
        requireCompiled();
        List<String> problems = new ArrayList<>();
        for (String file : javaFiles(REFERENCE_SOURCES)) {
            String name = file.replace('/', '.').replaceAll("\\.java$", "");
            Class<?> reference = Class.forName(name, false, StudentTemplateTest.class.getClassLoader());
            Class<?> template;
            try {
                template = Class.forName(name, false, loader);
            } catch (ClassNotFoundException e) {
                problems.add(name + " is missing from the template");
                continue;
            }
            assertSame(loader, template.getClassLoader(), name + " must be the template's class");
            if (!publicApi(reference).equals(publicApi(template))) {
                problems.add(name + ":\n    reference " + publicApi(reference) + "\n    template  " + publicApi(template));
            }
        }
        assertTrue(problems.isEmpty(), () -> "template and reference differ:\n  " + String.join("\n  ", problems));
    }

    private static Set<String> javaFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".java"))
                    .map(p -> root.relativize(p).toString().replace(File.separatorChar, '/'))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    /** Modifiers, supertypes, public constructors and public methods, as comparable strings. */
    private static Set<String> publicApi(Class<?> type) {
        Set<String> api = new TreeSet<>();
        api.add("class " + Modifier.toString(type.getModifiers()) + " " + type.getName());
        api.add("extends " + (type.getSuperclass() == null ? "-" : type.getSuperclass().getName()));
        for (Class<?> i : type.getInterfaces()) {
            api.add("implements " + i.getName());
        }
        for (Constructor<?> c : type.getDeclaredConstructors()) {
            if (Modifier.isPublic(c.getModifiers())) {
                api.add("new(" + names(c.getParameterTypes()) + ")");
            }
        }
        for (Method m : type.getDeclaredMethods()) {
            if (Modifier.isPublic(m.getModifiers()) && !m.isSynthetic()) {
                api.add(Modifier.toString(m.getModifiers()) + " " + m.getReturnType().getName() + " " + m.getName()
                        + "(" + names(m.getParameterTypes()) + ")");
            }
        }
        return api;
    }

    private static String names(Class<?>[] types) {
        return Arrays.stream(types).map(Class::getName).collect(Collectors.joining(", "));
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private static SimpleMatrix oneHot(int id, int m) {
        SimpleMatrix x = new SimpleMatrix(m, 1);
        x.set(id, 0, 1);
        return x;
    }

    private static SimpleMatrix column(double... values) {
        SimpleMatrix v = new SimpleMatrix(values.length, 1);
        for (int i = 0; i < values.length; i++) {
            v.set(i, 0, values[i]);
        }
        return v;
    }
}
