package dev.mx.engine.service.completion;

import dev.mx.engine.text.LineMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The block structure of a YAML text read from indentation alone, as yaml-language-server's
 * {@code findClosestNode} does: it works on the line being typed, which the parser cannot read
 * (its error recovery blanks that line). Only the lines between a position and the keys that
 * hold it are looked at, so the cost does not grow with the size of the file.
 */
public final class YamlOutline {
    /** Stands for "an item of a list" in a path (DevspaceSchema accepts it as a list step). */
    public static final String ITEM = "[]";
    private static final int INDENT_SCAN_LINES = 2000;

    private final LineMap lines;

    public YamlOutline(LineMap lines) {
        this.lines = lines;
    }

    public LineMap lines() {
        return lines;
    }

    public String line(int l) {
        return lines.line(l);
    }

    public LineShape shape(int l) {
        return LineShape.of(lines.line(l));
    }

    /** A key on a line above that holds the position (its value contains it). */
    public record Ancestor(int line, String key, int column) {
    }

    /**
     * Where a line sits: the path of keys and list items from the root down to the collection its
     * first element belongs to. When the line is inside a multi-line scalar (a block scalar such as
     * {@code run: |-}, or a plain scalar continued on more lines), {@code scalar} says so and
     * {@code steps} is the path of that scalar.
     *
     * @param ancestors the keys of {@code steps}, outermost first, with their lines
     */
    public record Chain(List<String> steps, List<Ancestor> ancestors, Scalar scalar) {
    }

    public enum Scalar { BLOCK, PLAIN }

    private enum FrameKind { KEY, DASH, TEXT }

    private record Frame(int line, String text, LineShape shape, FrameKind kind, int dash) {
    }

    /**
     * The chain of a line whose first element starts at column {@code need}; {@code dash} when that
     * element is a {@code - } (a list item may then sit at the same column as its key).
     */
    public Chain chain(int line, int need, boolean dash) {
        List<Frame> frames = new ArrayList<>();
        for (int l = line - 1; l >= 0 && (need > 0 || dash); l--) {
            if (skip(l, need)) {
                continue;
            }
            String s = lines.line(l);
            int ind = indentOf(s);
            LineShape sh = LineShape.of(s);
            if (sh.kind() == LineShape.Kind.DOCUMENT_MARKER) {
                break;
            }
            if (!sh.isContent()) {
                continue;
            }
            Frame f;
            boolean emptyText = sh.kind() == LineShape.Kind.TEXT && sh.contentStart() >= s.length();
            if (dash && sh.hasKey() && sh.contentStart() == need && sh.valueOnNextLines(s)) {
                f = new Frame(l, s, sh, FrameKind.KEY, -1); // a list written at its key's column
            } else if (ind == need) {
                continue; // a sibling
            } else if (sh.contentStart() < need && !emptyText) {
                f = new Frame(l, s, sh, sh.hasKey() ? FrameKind.KEY : FrameKind.TEXT, -1);
            } else {
                int i = sh.dashes().length - 1;
                while (i >= 0 && sh.dashes()[i] >= need) {
                    i--;
                }
                if (i < 0) {
                    continue;
                }
                f = new Frame(l, s, sh, FrameKind.DASH, i);
            }
            frames.add(f);
            need = ind;
            dash = sh.dashes().length > 0;
        }
        List<String> steps = new ArrayList<>();
        List<Ancestor> ancestors = new ArrayList<>();
        Scalar scalar = null;
        for (int k = frames.size() - 1; k >= 0 && scalar == null; k--) {
            Frame f = frames.get(k);
            LineShape sh = f.shape();
            switch (f.kind()) {
                case KEY -> {
                    for (int d = 0; d < sh.dashes().length; d++) {
                        steps.add(ITEM);
                    }
                    steps.add(sh.key());
                    ancestors.add(new Ancestor(f.line(), sh.key(), sh.contentStart()));
                    if (!sh.valueOnNextLines(f.text())) {
                        scalar = sh.valueIsBlockScalar(f.text()) ? Scalar.BLOCK : Scalar.PLAIN;
                    }
                }
                case DASH -> {
                    for (int d = 0; d <= f.dash(); d++) {
                        steps.add(ITEM);
                    }
                    boolean last = f.dash() == sh.dashes().length - 1;
                    if (last && sh.kind() == LineShape.Kind.TEXT && sh.contentStart() < f.text().length()) {
                        // "- value" continued on the next lines
                        scalar = LineShape.isBlockHeader(sh.text(f.text())) ? Scalar.BLOCK : Scalar.PLAIN;
                    }
                }
                case TEXT -> {
                    for (int d = 0; d < sh.dashes().length; d++) {
                        steps.add(ITEM);
                    }
                    scalar = LineShape.isBlockHeader(sh.text(f.text())) ? Scalar.BLOCK : Scalar.PLAIN;
                }
            }
        }
        return new Chain(Collections.unmodifiableList(steps), Collections.unmodifiableList(ancestors), scalar);
    }

    /**
     * The keys of the mapping whose keys start at {@code column}, around line {@code line} (which
     * itself is skipped), with the line of each. {@code startsHere}: the mapping is a list item
     * that begins on {@code line}, so only the lines below belong to it.
     */
    public Map<String, Integer> siblings(int line, int column, boolean startsHere) {
        Map<String, Integer> out = new LinkedHashMap<>();
        if (!startsHere) {
            for (int l = line - 1; l >= 0; l--) {
                if (skip(l, column)) {
                    continue;
                }
                String s = lines.line(l);
                int ind = indentOf(s);
                LineShape sh = LineShape.of(s);
                if (sh.kind() == LineShape.Kind.DOCUMENT_MARKER) {
                    break;
                }
                if (ind == column) {
                    if (sh.hasKey() && sh.dashes().length == 0) {
                        out.putIfAbsent(sh.key(), l);
                    }
                    continue; // a "- " here is a list written at a sibling key's column
                }
                if (sh.hasKey() && sh.contentStart() == column) {
                    out.putIfAbsent(sh.key(), l); // "- key:" starts this list item
                }
                break;
            }
        }
        for (int l = line + 1; l < lines.lineCount(); l++) {
            if (skip(l, column)) {
                continue;
            }
            String s = lines.line(l);
            int ind = indentOf(s);
            if (ind < column) {
                break;
            }
            LineShape sh = LineShape.of(s);
            if (sh.kind() == LineShape.Kind.DOCUMENT_MARKER) {
                break;
            }
            if (sh.hasKey() && sh.dashes().length == 0) {
                out.putIfAbsent(sh.key(), l);
            }
        }
        return out;
    }

    /** The keys of the block mapping under the key on line {@code line}, with their lines; empty for anything else. */
    public Map<String, Integer> childKeys(int line) {
        LineShape parent = shape(line);
        if (!parent.hasKey()) {
            return Map.of();
        }
        for (int l = line + 1; l < lines.lineCount(); l++) {
            String s = lines.line(l);
            int ind = indentOf(s);
            if (ind == s.length() || s.charAt(ind) == '#') {
                continue;
            }
            LineShape sh = LineShape.of(s);
            if (ind <= parent.contentStart() || !sh.hasKey() || sh.dashes().length > 0) {
                return Map.of();
            }
            Map<String, Integer> out = new LinkedHashMap<>();
            out.put(sh.key(), l);
            out.putAll(siblings(l, ind, false));
            return out;
        }
        return Map.of();
    }

    /**
     * The indentation step the file uses for nested mappings (2 when it cannot tell): the
     * difference between a key with its value on the next lines and its first child key.
     */
    public int indentStep() {
        int listStep = -1;
        int max = Math.min(lines.lineCount(), INDENT_SCAN_LINES);
        for (int l = 0; l < max; l++) {
            String s = lines.line(l);
            int ind = indentOf(s);
            if (ind == s.length() || s.charAt(ind) == '#') {
                continue;
            }
            LineShape sh = LineShape.of(s);
            if (!sh.hasKey() || !sh.valueOnNextLines(s)) {
                continue;
            }
            for (int c = l + 1; c < max; c++) {
                String t = lines.line(c);
                int ti = indentOf(t);
                if (ti == t.length() || t.charAt(ti) == '#') {
                    continue;
                }
                int diff = ti - sh.contentStart();
                if (diff > 0 && diff <= 8) {
                    LineShape child = LineShape.of(t);
                    if (child.dashes().length == 0) {
                        return diff;
                    }
                    if (listStep < 0) {
                        listStep = diff;
                    }
                }
                break;
            }
        }
        return listStep > 0 ? listStep : 2;
    }

    /**
     * The indentation of line {@code l} read in place (no copy of the line): its length when the
     * line is blank, -1 for a comment line.
     */
    private int indentAt(int l) {
        String text = lines.text();
        int start = lines.lineStart(l);
        int end = lines.lineContentEnd(l);
        int i = start;
        while (i < end && text.charAt(i) == ' ') {
            i++;
        }
        if (i == end) {
            return end - start;
        }
        char c = text.charAt(i);
        if (c == '#') {
            return -1;
        }
        if (c == '\t') {
            int j = i;
            while (j < end && Character.isWhitespace(text.charAt(j))) {
                j++;
            }
            if (j == end) {
                return end - start;
            }
        }
        return i - start;
    }

    /** True when line {@code l} is blank or a comment, or indented deeper than {@code column}. */
    private boolean skip(int l, int column) {
        int ind = indentAt(l);
        return ind < 0 || ind > column || ind == lines.lineContentEnd(l) - lines.lineStart(l);
    }

    static int indentOf(String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        if (i < s.length() && s.charAt(i) == '\t' && s.isBlank()) {
            return s.length();
        }
        return i;
    }
}
