package dev.mx.cli;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The hostile inputs of the bad-input matrix, shared by the in-process test and the real-jar
 * test: each is either a whole file or a change of the file a new skeleton project has there.
 */
final class HostileInputs {
    private HostileInputs() {
    }

    /** Where an input goes in a skeleton project. */
    enum Place {
        DEVSPACE("devspace.yaml"), MLPROJECT("MLproject"), STATE(".mx/state.yaml");

        final String file;

        Place(String file) {
            this.file = file;
        }
    }

    /**
     * One input. {@code valid}: the text is well-formed and must just work (lint finds no errors,
     * generate plans, state and list read it). {@code content} maps the file's current bytes to new ones.
     */
    record Input(String name, boolean valid, UnaryOperator<byte[]> content) {
        @Override
        public String toString() {
            return name;
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    /** Billion laughs: 9 levels of 9 aliases each (10^9 leaves if expanded). */
    static String aliasBomb() {
        StringBuilder sb = new StringBuilder("a0: &a0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n");
        for (int i = 1; i < 10; i++) {
            sb.append('a').append(i).append(": &a").append(i).append(" [");
            for (int k = 0; k < 9; k++) {
                sb.append(k == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            sb.append("]\n");
        }
        return sb.toString();
    }

    /** The file grown to about 250,000 lines with entries of its own kind. */
    static String quarterMillionLines(Place place, String original) {
        StringBuilder sb = new StringBuilder(original.length() + 8_000_000).append(original);
        if (!original.endsWith("\n")) {
            sb.append('\n');
        }
        switch (place) {
            case DEVSPACE -> {
                // deployments of their own chart, 5 lines each, under a second top-level key DevSpace merges
                sb.append("profiles:\n  - name: big\n    merge:\n      deployments:\n");
                for (int i = 0; i < 50_000; i++) {
                    sb.append("        app-").append(i).append(":\n          helm:\n            chart:\n")
                            .append("              name: ./chart\n            values: {replicas: 1}\n");
                }
            }
            case MLPROJECT -> {
                // more entry points, 5 lines each, in the entry_points mapping that ends the skeleton's file
                String ep = original.contains("\nentry_points:") ? "" : "entry_points:\n";
                sb.append(ep);
                for (int i = 0; i < 50_000; i++) {
                    sb.append("  step_").append(i).append(":\n    parameters:\n      alpha: {type: float, default: 0.")
                            .append(i % 10).append("}\n    command: \"python -c 'print({alpha})'\"\n\n");
                }
            }
            default -> {
                // answers, one line each
                String text = sb.toString().replaceFirst("(?m)^answers:\\n", "answers:\n" + answers());
                return text;
            }
        }
        return sb.toString();
    }

    private static String answers() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 250_000; i++) {
            sb.append("  extra_").append(i).append(": value ").append(i).append('\n');
        }
        return sb.toString();
    }

    static List<Input> all(Place place) {
        List<Input> out = new ArrayList<>();
        out.add(new Input("alias bomb", false, b -> utf8(aliasBomb())));
        out.add(new Input("nesting 20,000 deep (flow)", false, b -> utf8("x: " + "[".repeat(20_000) + "]".repeat(20_000)
                + "\n")));
        out.add(new Input("nesting 20,000 deep (block)", false, b -> utf8("x:\n" + "- ".repeat(20_000) + "end\n")));
        out.add(new Input("binary", false, b -> {
            byte[] bin = new byte[8192];
            for (int i = 0; i < bin.length; i++) {
                bin[i] = (byte) (i * 31 + 7);
            }
            return bin;
        }));
        out.add(new Input("invalid UTF-8", false, b -> {
            // two bytes that are never UTF-8, inside the first value
            String t = text(b);
            int at = t.indexOf(": ") < 0 ? 0 : t.indexOf(": ") + 2;
            byte[] head = utf8(t.substring(0, at));
            byte[] tail = utf8(t.substring(at));
            byte[] out2 = new byte[head.length + 2 + tail.length];
            System.arraycopy(head, 0, out2, 0, head.length);
            out2[head.length] = (byte) 0xff;
            out2[head.length + 1] = (byte) 0xfe;
            System.arraycopy(tail, 0, out2, head.length + 2, tail.length);
            return out2;
        }));
        out.add(new Input("byte order mark", true, b -> utf8("\uFEFF" + text(b))));
        out.add(new Input("CRLF line endings", true, b -> utf8(text(b).replace("\r\n", "\n").replace("\n", "\r\n"))));
        out.add(new Input("250,000 lines", true, b -> utf8(quarterMillionLines(place, text(b)))));
        out.add(new Input("duplicate keys", false, b -> utf8(text(b) + firstLine(text(b)) + "\n")));
        out.add(new Input("tab indentation", false, b -> utf8(text(b) + "extra:\n\tkey: value\n")));
        out.add(new Input("two documents", false, b -> utf8(text(b) + "---\nsecond: document\n")));
        out.add(new Input("empty file", false, b -> new byte[0]));
        if (place == Place.STATE) {
            out.add(new Input("a state file from a newer mx", false, b -> utf8(text(b).replaceFirst("format_version: 1",
                    "format_version: 99"))));
        }
        out.add(new Input("edited into nonsense", false, b -> utf8("format_version: [1\ngenerators: {x: - y\n\t- ]]\n")));
        // valid YAML; only DevSpace and the state file know their keys
        out.add(new Input("a long line (5 MB)", place == Place.MLPROJECT, b -> utf8(text(b) + "long: "
                + "x".repeat(5_000_000) + "\n")));
        return out;
    }

    private static String firstLine(String text) {
        for (String l : text.split("\n")) {
            if (!l.isBlank() && !l.startsWith("#") && Character.isLetter(l.charAt(0))) {
                return l;
            }
        }
        return "name: x";
    }
}
