package org.rnnautograder.packaging;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal YAML reader for the block style GitHub workflows use: mappings, sequences ("- "), literal block
 * scalars ("|"), plain and quoted scalars, comments. No flow style, anchors or folded scalars — the workflow test
 * fails loudly on what it cannot read, so the workflow stays in this subset.
 */
final class MiniYaml {
    private final List<String> lines;
    private int pos;

    private MiniYaml(String text) {
        this.lines = new ArrayList<>(List.of(text.replace("\r\n", "\n").split("\n", -1)));
    }

    static Object parse(String text) {
        MiniYaml y = new MiniYaml(text);
        y.skipInsignificant();
        Object root = y.node(y.indentOf(y.pos));
        y.skipInsignificant();
        if (y.pos < y.lines.size()) {
            throw new IllegalArgumentException("unparsed YAML from line " + (y.pos + 1) + ": " + y.lines.get(y.pos));
        }
        return root;
    }

    private void skipInsignificant() {
        while (pos < lines.size() && (lines.get(pos).isBlank() || lines.get(pos).strip().startsWith("#"))) {
            pos++;
        }
    }

    private int indentOf(int i) {
        String l = lines.get(i);
        int n = 0;
        while (n < l.length() && l.charAt(n) == ' ') {
            n++;
        }
        return n;
    }

    private Object node(int indent) {
        return lines.get(pos).substring(indent).startsWith("- ") || lines.get(pos).strip().equals("-") ? sequence(indent)
                : mapping(indent);
    }

    private List<Object> sequence(int indent) {
        List<Object> out = new ArrayList<>();
        while (true) {
            skipInsignificant();
            if (pos >= lines.size() || indentOf(pos) != indent || !lines.get(pos).substring(indent).startsWith("-")) {
                return out;
            }
            String content = lines.get(pos).substring(indent + 1).strip();
            if (content.contains(": ") || content.endsWith(":")) {
                lines.set(pos, " ".repeat(indent + 2) + content); // the item is a mapping starting on this line
                out.add(mapping(indent + 2));
            } else {
                pos++;
                out.add(scalar(content));
            }
        }
    }

    private Map<String, Object> mapping(int indent) {
        Map<String, Object> out = new LinkedHashMap<>();
        while (true) {
            skipInsignificant();
            if (pos >= lines.size() || indentOf(pos) != indent || lines.get(pos).substring(indent).startsWith("- ")) {
                if (pos < lines.size() && indentOf(pos) > indent) {
                    throw new IllegalArgumentException("bad indentation at line " + (pos + 1) + ": " + lines.get(pos));
                }
                return out;
            }
            String line = lines.get(pos).substring(indent);
            int colon = line.indexOf(": ");
            if (colon < 0 && line.endsWith(":")) {
                colon = line.length() - 1;
            }
            if (colon < 0) {
                throw new IllegalArgumentException("expected \"key: value\" at line " + (pos + 1) + ": " + lines.get(pos));
            }
            String key = unquote(line.substring(0, colon).strip());
            String rest = stripComment(line.substring(colon + 1).strip());
            pos++;
            if (rest.equals("|") || rest.equals("|-")) {
                out.put(key, block(indent, rest.equals("|-")));
            } else if (rest.isEmpty()) {
                skipInsignificant();
                out.put(key, pos < lines.size() && indentOf(pos) > indent ? node(indentOf(pos)) : null);
            } else if (rest.startsWith("{") || rest.startsWith("[") || rest.startsWith(">") || rest.startsWith("&")
                    || rest.startsWith("*")) {
                throw new IllegalArgumentException("MiniYaml does not read flow style, folded scalars or anchors (line "
                        + pos + "): " + rest);
            } else {
                out.put(key, scalar(rest));
            }
        }
    }

    private String block(int parentIndent, boolean strip) {
        List<String> body = new ArrayList<>();
        int blockIndent = -1;
        while (pos < lines.size()) {
            String l = lines.get(pos);
            if (!l.isBlank()) {
                int ind = indentOf(pos);
                if (ind <= parentIndent) {
                    break;
                }
                if (blockIndent < 0) {
                    blockIndent = ind;
                }
                body.add(l.substring(Math.min(blockIndent, ind)));
            } else {
                body.add("");
            }
            pos++;
        }
        while (!body.isEmpty() && body.get(body.size() - 1).isEmpty()) {
            body.remove(body.size() - 1);
        }
        String text = String.join("\n", body);
        return strip ? text : text + "\n";
    }

    private static String stripComment(String s) {
        if (s.startsWith("\"") || s.startsWith("'")) {
            return s;
        }
        int hash = s.indexOf(" #");
        return hash < 0 ? s : s.substring(0, hash).strip();
    }

    private static Object scalar(String s) {
        return unquote(stripComment(s));
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && ((s.startsWith("\"") && s.endsWith("\"")) || (s.startsWith("'") && s.endsWith("'")))) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }
}
