package org.rnnautograder.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** Every submission folder shipped (examples, reference, template) is a buildable student repo. */
class ExamplesLayoutTest {
    @Test
    void everySubmissionFolderHasAParseablePomOnTheAutograderAndEachExampleAOneLineReadme() throws Exception {
        List<Path> examples;
        try (Stream<Path> s = Files.list(Path.of("examples"))) {
            examples = s.filter(Files::isDirectory).sorted().toList();
        }
        assertTrue(examples.size() >= 7, "six buggy examples and one that does not compile: " + examples);
        for (Path dir : Stream.concat(examples.stream(), Stream.of(Path.of("reference-solutions"), Path.of("student-template"))).toList()) {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document pom = f.newDocumentBuilder().parse(dir.resolve("pom.xml").toFile());
            assertTrue(pom.getElementsByTagName("dependency").getLength() > 0, dir + "/pom.xml has no dependency");
            assertTrue(Files.readString(dir.resolve("pom.xml")).contains("<artifactId>rnn-autograder</artifactId>"), dir.toString());
            assertTrue(Files.isRegularFile(dir.resolve("src/main/resources/META-INF/services/org.rnnautograder.assignment.Submission")), dir.toString());
        }
        for (Path dir : examples) {
            List<String> readme = Files.readAllLines(dir.resolve("README.md"));
            assertEquals(1, readme.size(), dir + "/README.md names its bug in one line");
            assertFalse(readme.get(0).isBlank());
        }
    }
}
