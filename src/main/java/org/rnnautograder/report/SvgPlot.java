package org.rnnautograder.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.rnnautograder.i18n.Messages;

/**
 * Small, dependency-free inline SVG charts for the HTML reports: a bar chart and a line chart, each with axes,
 * ticks, axis labels and a title. Values that are not finite (NaN, ±∞: a diverging training run) are not drawn;
 * the chart says how many there were. Every bar and point carries a {@code <title>} so hovering shows its value
 * (no JavaScript). Output depends only on the arguments and the language, so reports stay byte-for-byte
 * reproducible. The callers give the title and axis labels; the chart's own words (the log-scale mark, the note
 * about values not drawn) are in the current language ({@link Messages#language()}).
 */
public final class SvgPlot {
    /** The y axis' scale. */
    public enum Scale {
        LINEAR, LOG,
        /** logarithmic when every finite value is positive and they span three decades or more, else linear */
        AUTO
    }

    static final int WIDTH = 640, HEIGHT = 320;
    private static final int LEFT = 76, RIGHT = 20, TOP = 40, BOTTOM = 56;
    private static final int PW = WIDTH - LEFT - RIGHT, PH = HEIGHT - TOP - BOTTOM;

    private SvgPlot() {}

    /**
     * A bar chart of {@code values}, bar i labelled {@code firstX + i}.
     *
     * @return an {@code <svg>} element
     */
    public static String bars(String title, String xLabel, String yLabel, int firstX, double[] values, Scale scale) {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            labels.add(Integer.toString(firstX + i));
        }
        return bars(title, xLabel, yLabel, labels, values, scale);
    }

    /**
     * A bar chart of {@code values}, bar i labelled {@code labels.get(i)}.
     *
     * @return an {@code <svg>} element
     */
    public static String bars(String title, String xLabel, String yLabel, List<String> labels, double[] values, Scale scale) {
        if (labels.size() != values.length) {
            throw new IllegalArgumentException(labels.size() + " labels for " + values.length + " bars");
        }
        Frame f = new Frame(values, scale, true);
        StringBuilder out = open(title, f);
        int n = values.length;
        double slot = n == 0 ? PW : (double) PW / n;
        int every = Math.max(1, (int) Math.ceil(n / 16.0));
        for (int i = 0; i < n; i++) {
            double cx = LEFT + slot * (i + 0.5);
            if (i % every == 0 || i == n - 1) {
                xTick(out, cx, labels.get(i));
            }
            double v = values[i];
            if (!f.drawable(v)) {
                continue;
            }
            double y0 = f.y(f.baseline()), y1 = f.y(v);
            double w = Math.max(1, slot * 0.72);
            out.append("<rect x=\"").append(num(cx - w / 2)).append("\" y=\"").append(num(Math.min(y0, y1)))
                    .append("\" width=\"").append(num(w)).append("\" height=\"").append(num(Math.max(0.5, Math.abs(y1 - y0))))
                    .append("\" fill=\"#4c78a8\"><title>")
                    .append(Escaping.html(Messages.text("report.chart.point", xLabel, labels.get(i), label(v))))
                    .append("</title></rect>\n");
        }
        return close(out, f, xLabel, yLabel);
    }

    /**
     * A line chart of {@code values}, point i at x = {@code firstX + i}; the line breaks at values that are not finite.
     *
     * @return an {@code <svg>} element
     */
    public static String line(String title, String xLabel, String yLabel, int firstX, double[] values, Scale scale) {
        Frame f = new Frame(values, scale, false);
        StringBuilder out = open(title, f);
        int n = values.length;
        double lastX = firstX + Math.max(1, n - 1);
        for (double t : niceTicks(firstX, lastX, 8)) {
            if (t == Math.rint(t)) {
                xTick(out, xOf(t - firstX, n), Long.toString((long) t));
            }
        }
        List<String> segments = new ArrayList<>();
        StringBuilder seg = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (f.drawable(values[i])) {
                seg.append(seg.length() == 0 ? "" : " ").append(num(xOf(i, n))).append(',').append(num(f.y(values[i])));
            } else if (seg.length() > 0) {
                segments.add(seg.toString());
                seg.setLength(0);
            }
        }
        if (seg.length() > 0) {
            segments.add(seg.toString());
        }
        for (String s : segments) {
            out.append("<polyline points=\"").append(s)
                    .append("\" fill=\"none\" stroke=\"#e45756\" stroke-width=\"2\" stroke-linejoin=\"round\"/>\n");
        }
        if (n <= 80) {
            for (int i = 0; i < n; i++) {
                if (f.drawable(values[i])) {
                    out.append("<circle cx=\"").append(num(xOf(i, n))).append("\" cy=\"").append(num(f.y(values[i])))
                            .append("\" r=\"3\" fill=\"#e45756\"><title>")
                            .append(Escaping.html(Messages.text("report.chart.point", xLabel, firstX + i, label(values[i]))))
                            .append("</title></circle>\n");
                }
            }
        }
        return close(out, f, xLabel, yLabel);
    }

    private static double xOf(double i, int n) {
        return n <= 1 ? LEFT + PW / 2.0 : LEFT + PW * i / (n - 1);
    }

    private static StringBuilder open(String title, Frame f) {
        StringBuilder out = new StringBuilder();
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"plot\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(HEIGHT).append("\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" role=\"img\" aria-label=\"").append(Escaping.html(title)).append("\" font-family=\"sans-serif\">\n");
        out.append("<title>").append(Escaping.html(title)).append("</title>\n");
        out.append("<rect x=\"0\" y=\"0\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" fill=\"#ffffff\"/>\n");
        out.append("<text x=\"").append(WIDTH / 2).append("\" y=\"22\" text-anchor=\"middle\" font-size=\"15\" font-weight=\"bold\">")
                .append(Escaping.html(title)).append("</text>\n");
        for (double t : f.yTicks()) {
            double y = f.y(t);
            out.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(num(y)).append("\" x2=\"").append(LEFT + PW)
                    .append("\" y2=\"").append(num(y)).append("\" stroke=\"#e5e5e5\"/>\n");
            out.append("<line x1=\"").append(LEFT - 5).append("\" y1=\"").append(num(y)).append("\" x2=\"").append(LEFT)
                    .append("\" y2=\"").append(num(y)).append("\" stroke=\"#333\"/>\n");
            out.append("<text x=\"").append(LEFT - 8).append("\" y=\"").append(num(y + 4))
                    .append("\" text-anchor=\"end\" font-size=\"11\">").append(Escaping.html(f.tickLabel(t))).append("</text>\n");
        }
        return out;
    }

    private static void xTick(StringBuilder out, double x, String label) {
        out.append("<line x1=\"").append(num(x)).append("\" y1=\"").append(TOP + PH).append("\" x2=\"").append(num(x))
                .append("\" y2=\"").append(TOP + PH + 5).append("\" stroke=\"#333\"/>\n");
        out.append("<text x=\"").append(num(x)).append("\" y=\"").append(TOP + PH + 18)
                .append("\" text-anchor=\"middle\" font-size=\"11\">").append(Escaping.html(label)).append("</text>\n");
    }

    private static String close(StringBuilder out, Frame f, String xLabel, String yLabel) {
        // axes last, so they sit on top of the bars
        out.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(TOP).append("\" x2=\"").append(LEFT)
                .append("\" y2=\"").append(TOP + PH).append("\" stroke=\"#333\"/>\n");
        out.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(TOP + PH).append("\" x2=\"").append(LEFT + PW)
                .append("\" y2=\"").append(TOP + PH).append("\" stroke=\"#333\"/>\n");
        out.append("<text x=\"").append(LEFT + PW / 2).append("\" y=\"").append(HEIGHT - 12)
                .append("\" text-anchor=\"middle\" font-size=\"12\">").append(Escaping.html(xLabel)).append("</text>\n");
        String y = f.log ? Messages.text("report.chart.log-scale", yLabel) : yLabel;
        out.append("<text transform=\"translate(16 ").append(TOP + PH / 2).append(") rotate(-90)\" text-anchor=\"middle\" font-size=\"12\">")
                .append(Escaping.html(y)).append("</text>\n");
        String why = f.log ? Messages.text("report.chart.not-finite-or-positive")
                : Messages.text("report.chart.not-finite");
        String note = f.finite == 0 ? Messages.text("report.chart.nothing-to-plot")
                : f.notDrawn == 1 ? Messages.text("report.chart.not-drawn.one", f.notDrawn, why)
                : f.notDrawn > 1 ? Messages.text("report.chart.not-drawn.many", f.notDrawn, why) : "";
        if (!note.isEmpty()) {
            out.append("<text x=\"").append(LEFT + PW).append("\" y=\"").append(TOP - 6)
                    .append("\" text-anchor=\"end\" font-size=\"11\" fill=\"#b00020\">").append(Escaping.html(note)).append("</text>\n");
        }
        return out.append("</svg>").toString();
    }

    /** The y axis: range, scale and ticks. */
    private static final class Frame {
        final boolean log;
        final double lo, hi; // in axis units (log10 of the value when log)
        final int finite, notDrawn;
        final boolean integral; // every value a whole number (counts): no fractional ticks

        Frame(double[] values, Scale scale, boolean bars) {
            double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
            int fin = 0;
            for (double v : values) {
                if (Double.isFinite(v)) {
                    fin++;
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
            finite = fin;
            boolean whole = true;
            for (double v : values) {
                whole &= !Double.isFinite(v) || v == Math.rint(v);
            }
            integral = whole;
            double minPos = Double.POSITIVE_INFINITY;
            for (double v : values) {
                if (Double.isFinite(v) && v > 0) {
                    minPos = Math.min(minPos, v);
                }
            }
            boolean anyPositive = minPos < Double.POSITIVE_INFINITY;
            log = switch (scale) {
                case LINEAR -> false;
                case LOG -> anyPositive;
                case AUTO -> fin > 0 && min > 0 && max / min >= 1000;
            };
            int drawn = 0;
            for (double v : values) {
                if (Double.isFinite(v) && (!log || v > 0)) {
                    drawn++;
                }
            }
            notDrawn = values.length - drawn;
            if (fin == 0) {
                lo = 0;
                hi = 1;
            } else if (log) {
                double a = Math.floor(Math.log10(minPos)), b = Math.ceil(Math.log10(max));
                lo = a;
                hi = b > a ? b : a + 1;
            } else {
                double a = bars ? Math.min(0, min) : min, b = bars ? Math.max(0, max) : max;
                if (!bars && min >= 0 && min <= 0.25 * max) {
                    a = 0; // a loss curve reads best from zero when it gets near it
                }
                if (b == a) {
                    double pad = a == 0 ? 1 : Math.abs(a) * 0.1;
                    a -= bars && a >= 0 ? 0 : pad;
                    b += pad;
                }
                double[] t = niceTicks(a, b, 6, integral);
                lo = Math.min(a, t[0]);
                hi = Math.max(b, t[t.length - 1]);
            }
        }

        boolean drawable(double v) {
            return Double.isFinite(v) && (!log || v > 0);
        }

        double baseline() {
            return log ? Math.pow(10, lo) : Math.max(lo, Math.min(0, hi));
        }

        double y(double v) {
            double u = log ? Math.log10(v) : v;
            return TOP + PH * (1 - (u - lo) / (hi - lo));
        }

        double[] yTicks() {
            if (!log) {
                return niceTicks(lo, hi, 6, integral);
            }
            int step = (int) Math.max(1, Math.ceil((hi - lo) / 8));
            List<Double> t = new ArrayList<>();
            for (double e = lo; e <= hi + 1e-9; e += step) {
                t.add(Math.pow(10, e));
            }
            return t.stream().mapToDouble(Double::doubleValue).toArray();
        }

        String tickLabel(double t) {
            if (log) {
                int e = (int) Math.round(Math.log10(t));
                return e >= -2 && e <= 3 ? label(t) : "1e" + e;
            }
            return label(t);
        }
    }

    /** @return about {@code count} round tick values (1, 2 or 5 × 10^k apart) covering [lo, hi] */
    static double[] niceTicks(double lo, double hi, int count) {
        return niceTicks(lo, hi, count, false);
    }

    /** As {@link #niceTicks(double, double, int)}; with {@code integral}, ticks are at least 1 apart (counts). */
    static double[] niceTicks(double lo, double hi, int count, boolean integral) {
        if (!(hi > lo)) {
            return new double[] {lo};
        }
        double raw = (hi - lo) / Math.max(1, count - 1);
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double r = raw / mag;
        double step = (r <= 1 ? 1 : r <= 2 ? 2 : r <= 5 ? 5 : 10) * mag;
        if (integral) {
            step = Math.max(1, step);
        }
        double start = Math.floor(lo / step + 1e-9) * step, end = Math.ceil(hi / step - 1e-9) * step;
        int n = (int) Math.round((end - start) / step) + 1;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double v = start + i * step;
            out[i] = Math.abs(v) < step * 1e-9 ? 0 : v;
        }
        return out;
    }

    /** @return a short, locale-independent label for a value */
    static String label(double v) {
        if (!Double.isFinite(v)) {
            return Double.isNaN(v) ? "NaN" : v > 0 ? "∞" : "−∞";
        }
        double a = Math.abs(v);
        if (a != 0 && (a < 1e-3 || a >= 1e6)) {
            String s = String.format(Locale.ROOT, "%.2e", v); // 1.23e-05
            String[] p = s.split("e");
            String m = p[0].replaceAll("0+$", "").replaceAll("\\.$", "");
            return m + "e" + Integer.parseInt(p[1]);
        }
        String s = String.format(Locale.ROOT, "%.4g", v);
        if (s.contains("e")) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        s = s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
        return s.equals("-0") ? "0" : s;
    }

    private static String num(double x) {
        return ResultView.decimal(x);
    }
}
