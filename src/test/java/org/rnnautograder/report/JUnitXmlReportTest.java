package org.rnnautograder.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.rnnautograder.grading.CheckResult;
import org.rnnautograder.grading.SubmissionResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JUnitXmlReportTest {
    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    static Element suite(SubmissionResult r) throws Exception {
        return parse(JUnitXmlReport.toXml(r)).getDocumentElement();
    }

    static Map<String, String> properties(Element suite) {
        Map<String, String> out = new HashMap<>();
        NodeList ps = suite.getElementsByTagName("property");
        for (int i = 0; i < ps.getLength(); i++) {
            Element p = (Element) ps.item(i);
            out.put(p.getAttribute("name"), p.getAttribute("value"));
        }
        return out;
    }

    @Test
    void countsMatchTheChecks() throws Exception {
        Element s = suite(Samples.failing());
        assertEquals("testsuite", s.getTagName());
        assertEquals("6", s.getAttribute("tests"));
        assertEquals("3", s.getAttribute("failures"), "2 failed + 1 not implemented");
        assertEquals("0", s.getAttribute("errors"));
        assertEquals("2", s.getAttribute("skipped"));
        assertEquals("7.250", s.getAttribute("time"));
        assertEquals(6, s.getElementsByTagName("testcase").getLength());
        assertEquals(3, s.getElementsByTagName("failure").getLength());
        assertEquals(2, s.getElementsByTagName("skipped").getLength());

        Element p = suite(Samples.passing());
        assertEquals("6", p.getAttribute("tests"));
        assertEquals("0", p.getAttribute("failures"));
        assertEquals("0", p.getAttribute("skipped"));
    }

    @Test
    void compileErrorIsOneErroredTestcase() throws Exception {
        Element s = suite(Samples.compileError());
        assertEquals("1", s.getAttribute("tests"));
        assertEquals("1", s.getAttribute("errors"));
        Element error = (Element) s.getElementsByTagName("error").item(0);
        assertEquals("COMPILE_ERROR", error.getAttribute("type"));
        assertTrue(error.getTextContent().contains("cannot find symbol <T> & friends"));
    }

    @Test
    void propertiesCarryProvenance() throws Exception {
        Map<String, String> p = properties(suite(Samples.failing()));
        assertEquals(Long.toString(Samples.SEED), p.get("seed"));
        assertEquals(Samples.VERSION, p.get("autograder.version"));
        assertEquals(Samples.HASH, p.get("fixtures.sha256"));
        assertEquals(Samples.ISOLATION, p.get("isolation"));
        assertEquals("2/20", p.get("score"));
    }

    @Test
    void testcasesHaveClassnameNameFailureAndSystemOut() throws Exception {
        NodeList cases = suite(Samples.failing()).getElementsByTagName("testcase");
        Element oh2 = (Element) cases.item(1);
        assertEquals("rnn.OneHot", oh2.getAttribute("classname"));
        assertEquals("oh.2 softmax sums to 1", oh2.getAttribute("name"));
        assertEquals("0.000", oh2.getAttribute("time"), "a check with no recorded time");
        Element failure = (Element) oh2.getElementsByTagName("failure").item(0);
        assertEquals("WrongResult", failure.getAttribute("type"));
        assertEquals("softmax(z) is wrong for z = [1, 2, 3] (column 0):", failure.getAttribute("message"));
        assertEquals(Samples.MULTILINE_FAILURE, failure.getTextContent());
        String out = oh2.getElementsByTagName("system-out").item(0).getTextContent();
        assertEquals(Samples.NASTY_OUTPUT.replace("\u0000", "").replace("\u0007", "").replace("\u001b", ""), out,
                "markup, quotes, Chinese and the emoji survive; only XML-forbidden controls are dropped");

        Element ni = (Element) cases.item(2);
        assertEquals("rnn.RnnCell", ni.getAttribute("classname"));
        assertEquals("NotImplemented", ((Element) ni.getElementsByTagName("failure").item(0)).getAttribute("type"));
        Element skipped = (Element) ((Element) cases.item(4)).getElementsByTagName("skipped").item(0);
        assertEquals("needs RnnCell.forward, which is not implemented yet", skipped.getAttribute("message"));
    }

    @Test
    void hostileTextInEveryFieldStillParses() throws Exception {
        String evil = "a<b>&\"'\u0001\u0000\uD800 ]]> 中文 \uD83D\uDE00\r\n\ttab";
        CheckResult c = new CheckResult(evil, evil, evil, 1, 0, CheckResult.Status.FAILED, evil, false);
        CheckResult s = new CheckResult("s" + evil, evil, evil, 1, 0, CheckResult.Status.SKIPPED, evil, false);
        SubmissionResult r = new SubmissionResult(evil, SubmissionResult.Status.NOT_LOADED, List.of(c, s), Map.of(evil, evil),
                Map.of(), List.of(evil), evil, 0, 2, Double.NaN, -1, evil, evil, evil);
        String xml = JUnitXmlReport.toXml(r);
        assertTrue(xml.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite "), xml);
        Element suite = parse(xml).getDocumentElement();
        assertEquals("3", suite.getAttribute("tests"));
        Element failure = (Element) suite.getElementsByTagName("failure").item(0);
        assertTrue(failure.getTextContent().contains("a<b>&\"' ]]> 中文 \uD83D\uDE00"), failure.getTextContent());
        assertFalse(xml.contains("&#55357;"), "supplementary characters are written as UTF-8, not as surrogate refs");
        assertEquals("0.000", suite.getAttribute("time"));
    }

    @Test
    void aCheckReportsHowLongItRan() throws Exception {
        SubmissionResult r = Samples.failing();
        List<CheckResult> timed = r.checks().stream().map(c -> c.withSeconds(c.id().equals("oh.2") ? 0.25 : 1.5)).toList();
        SubmissionResult withTimes = new SubmissionResult(r.submission(), r.status(), timed, r.outputs(), r.evidence(),
                r.compileErrors(), r.message(), r.score(), r.maxScore(), r.executionSeconds(), r.seed(),
                r.autograderVersion(), r.fixturesHash(), r.isolation());
        NodeList cases = suite(withTimes).getElementsByTagName("testcase");
        assertEquals("1.500", ((Element) cases.item(0)).getAttribute("time"));
        assertEquals("0.250", ((Element) cases.item(1)).getAttribute("time"));
    }
}
