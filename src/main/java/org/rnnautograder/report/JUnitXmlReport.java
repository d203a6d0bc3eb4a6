package org.rnnautograder.report;

import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.rnnautograder.grading.CheckResult;
import org.rnnautograder.grading.SubmissionResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The result in Maven Surefire's XML report format ({@code junit.xml}), for CI dashboards: one {@code testsuite}
 * (name "rnn.&lt;submission&gt;", counts, total time), {@code properties} (seed, autograder version, fixtures hash,
 * isolation, status), one {@code testcase} per check (classname "rnn.&lt;Component&gt;", name "id title"), with
 * {@code failure} for FAILED and NOT_IMPLEMENTED, {@code skipped} for SKIPPED, and {@code system-out} holding what the
 * student's code printed. A submission that did not run gets one more testcase, "rnn.Submission" / "load", with an
 * {@code error}. A check's {@code time} is how long it ran ({@link CheckResult#seconds()}). Characters XML 1.0
 * forbids are removed; everything else is escaped by the serializer.
 */
public final class JUnitXmlReport {
    private JUnitXmlReport() {}

    /** @return the report as UTF-8 XML text */
    public static String toXml(SubmissionResult r) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            Document doc = f.newDocumentBuilder().newDocument();
            Element suite = doc.createElement("testsuite");
            doc.appendChild(suite);
            List<CheckResult> checks = r.checks();
            boolean didNotRun = r.status() != SubmissionResult.Status.GRADED;
            long failures = checks.stream().filter(c -> c.status() == CheckResult.Status.FAILED
                    || c.status() == CheckResult.Status.NOT_IMPLEMENTED).count();
            long skipped = checks.stream().filter(c -> c.status() == CheckResult.Status.SKIPPED).count();
            attr(suite, "name", "rnn." + r.submission());
            attr(suite, "tests", String.valueOf(checks.size() + (didNotRun ? 1 : 0)));
            attr(suite, "failures", String.valueOf(failures));
            attr(suite, "errors", didNotRun ? "1" : "0");
            attr(suite, "skipped", String.valueOf(skipped));
            attr(suite, "time", seconds(r.executionSeconds()));

            Element props = child(suite, "properties");
            property(props, "submission", r.submission());
            property(props, "status", r.status().name());
            property(props, "score", ResultView.scoreText(r));
            property(props, "seed", Long.toString(r.seed()));
            property(props, "autograder.version", r.autograderVersion());
            property(props, "fixtures.sha256", r.fixturesHash());
            property(props, "isolation", r.isolation());

            if (didNotRun) {
                Element tc = child(suite, "testcase");
                attr(tc, "name", "load");
                attr(tc, "classname", "rnn.Submission");
                attr(tc, "time", "0");
                Element error = child(tc, "error");
                attr(error, "message", firstLine(r.message().isBlank() ? ResultView.statusWord(r.status()) : r.message()));
                attr(error, "type", r.status().name());
                text(error, ResultView.statusParagraph(r));
            }
            for (CheckResult c : checks) {
                Element tc = child(suite, "testcase");
                attr(tc, "name", c.id() + " " + c.title());
                attr(tc, "classname", "rnn." + c.component());
                attr(tc, "time", seconds(c.seconds()));
                switch (c.status()) {
                    case FAILED, NOT_IMPLEMENTED -> {
                        Element failure = child(tc, "failure");
                        attr(failure, "message", firstLine(c.message()));
                        attr(failure, "type", c.status() == CheckResult.Status.FAILED ? "WrongResult" : "NotImplemented");
                        text(failure, c.message());
                    }
                    case SKIPPED -> attr(child(tc, "skipped"), "message", c.message());
                    case PASSED -> { }
                }
                String printed = ResultView.printed(r, c);
                if (!printed.isEmpty()) {
                    text(child(tc, "system-out"), printed);
                }
            }
            return serialize(doc);
        } catch (ParserConfigurationException | TransformerException e) {
            throw new IllegalStateException("the JDK's XML support failed", e);
        }
    }

    private static String serialize(Document doc) throws TransformerException {
        TransformerFactory tf = TransformerFactory.newInstance();
        tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
        Transformer t = tf.newTransformer();
        t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
        t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes"); // written below: the JDK puts no line break after it
        t.setOutputProperty(OutputKeys.INDENT, "yes");
        t.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
        StringWriter out = new StringWriter();
        t.transform(new DOMSource(doc), new StreamResult(out));
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + out.toString().replace("\r\n", "\n");
        return xml.endsWith("\n") ? xml : xml + "\n";
    }

    private static Element child(Element parent, String name) {
        Element e = parent.getOwnerDocument().createElement(name);
        parent.appendChild(e);
        return e;
    }

    private static void attr(Element e, String name, String value) {
        e.setAttribute(name, Escaping.xmlSafe(value));
    }

    private static void text(Element e, String value) {
        e.appendChild(e.getOwnerDocument().createTextNode(Escaping.xmlSafe(value)));
    }

    private static void property(Element props, String name, String value) {
        Element p = child(props, "property");
        attr(p, "name", name);
        attr(p, "value", value);
    }

    private static String firstLine(String s) {
        String t = s.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl).strip();
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.3f", Double.isFinite(s) ? Math.max(0, s) : 0);
    }
}
