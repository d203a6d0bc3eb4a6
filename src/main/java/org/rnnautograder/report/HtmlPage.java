package org.rnnautograder.report;

import org.rnnautograder.i18n.Messages;

/**
 * The shell every HTML report shares: UTF-8, {@code lang} (the current language's, {@code en} or {@code zh-CN}),
 * viewport, inline CSS; no external resource, no script.
 */
final class HtmlPage {
    private HtmlPage() {}

    static final String CSS = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans CJK SC",sans-serif;\
            margin:2rem auto;max-width:70rem;padding:0 1rem;color:#1b1b1b;line-height:1.45}
            h1{font-size:1.6rem;margin-bottom:.3rem}h2{margin-top:2rem;border-bottom:1px solid #ddd;padding-bottom:.2rem}
            h3{font-size:1.05rem;margin-bottom:.3rem}
            .score{font-size:2rem;font-weight:bold}.score small{font-size:1rem;font-weight:normal;color:#555}
            dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:.15rem 1rem;margin:.8rem 0}
            dl.meta dt{font-weight:bold}dl.meta dd{margin:0;overflow-wrap:anywhere}
            table{border-collapse:collapse;margin:.5rem 0}th,td{border:1px solid #ccc;padding:.25rem .6rem;text-align:left}
            th{background:#f3f3f3}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
            pre{background:#f7f7f7;border:1px solid #e2e2e2;padding:.6rem;white-space:pre-wrap;overflow-wrap:anywhere}
            pre.out{background:#fffbe6;border-color:#efe0a0}
            .passed{color:#1a7f37}.failed{color:#b00020}.not_implemented{color:#9a6700}.skipped{color:#57606a}
            .status{padding:.8rem;border-left:4px solid #b00020;background:#fff3f3}
            figure{margin:1rem 0}figcaption{color:#555;font-size:.9rem}svg.plot{max-width:100%;height:auto;border:1px solid #eee}
            """;

    /** @return a complete HTML5 document; {@code title} is escaped here, {@code body} must already be safe HTML */
    static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"" + Messages.language().htmlTag() + "\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + Escaping.html(title) + "</title>\n<style>\n" + CSS + "</style>\n</head>\n<body>\n"
                + body + "</body>\n</html>\n";
    }

    /** @return a table header cell holding {@code text} (escaped here), with CSS class {@code cssClass} unless "" */
    static String th(String cssClass, String text) {
        return (cssClass.isEmpty() ? "<th>" : "<th class=\"" + cssClass + "\">") + Escaping.html(text) + "</th>";
    }
}
