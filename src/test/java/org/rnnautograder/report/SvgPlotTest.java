package org.rnnautograder.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class SvgPlotTest {
    static Element parse(String svg) throws Exception {
        return JUnitXmlReportTest.parse(svg).getDocumentElement();
    }

    @Test
    void barsAreWellFormedSvgWithOneRectPerFiniteValue() throws Exception {
        Element svg = parse(SvgPlot.bars("t <&> \"x\"", "time step t", "relative error", 0,
                new double[] {1e-9, 1e-6, 0.5, Double.NaN, 0.1}, SvgPlot.Scale.AUTO));
        assertEquals("svg", svg.getTagName());
        assertEquals("http://www.w3.org/2000/svg", svg.getAttribute("xmlns"));
        assertEquals(1 + 4, svg.getElementsByTagName("rect").getLength(), "background + 4 finite bars");
        String text = svg.getTextContent();
        assertTrue(text.contains("t <&> \"x\"") && text.contains("relative error (log scale)") && text.contains("1e-9"));
        assertTrue(text.contains("1 value not drawn"));
    }

    @Test
    void lineBreaksAtNonFiniteValues() throws Exception {
        Element svg = parse(SvgPlot.line("loss", "epoch", "loss", 1,
                new double[] {3, 2, Double.NaN, 1.5, 1.2, Double.POSITIVE_INFINITY, 1.0}, SvgPlot.Scale.LINEAR));
        assertEquals(3, svg.getElementsByTagName("polyline").getLength());
        assertEquals(5, svg.getElementsByTagName("circle").getLength());
    }

    @Test
    void degenerateInputsStillDraw() throws Exception {
        parse(SvgPlot.line("empty", "x", "y", 0, new double[0], SvgPlot.Scale.AUTO));
        parse(SvgPlot.line("one", "x", "y", 0, new double[] {2}, SvgPlot.Scale.AUTO));
        parse(SvgPlot.bars("flat", "x", "y", 0, new double[] {0, 0, 0}, SvgPlot.Scale.LOG));
        parse(SvgPlot.bars("neg", "x", "y", List.of("a", "b"), new double[] {-1, 2}, SvgPlot.Scale.LINEAR));
        assertTrue(SvgPlot.line("nan", "x", "y", 0, new double[] {Double.NaN}, SvgPlot.Scale.AUTO)
                .contains("no finite values to plot"));
    }

    @Test
    void niceTicksAndLabels() {
        assertArrayEquals(new double[] {0, 1, 2, 3, 4}, SvgPlot.niceTicks(0, 3.3, 6), 1e-12);
        assertArrayEquals(new double[] {0, 0.2, 0.4, 0.6, 0.8, 1}, SvgPlot.niceTicks(0, 0.93, 6), 1e-12);
        assertArrayEquals(new double[] {0, 1, 2}, SvgPlot.niceTicks(0, 2, 6, true), 1e-12, "counts get whole ticks");
        assertEquals("0.25", SvgPlot.label(0.25));
        assertEquals("1.5e-7", SvgPlot.label(1.5e-7));
        assertEquals("NaN", SvgPlot.label(Double.NaN));
        assertEquals("1200", SvgPlot.label(1200));
    }
}
