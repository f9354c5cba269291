package dev.mx.engine.yaml;

import dev.mx.engine.text.LineMap;
import dev.mx.engine.text.Position;
import dev.mx.engine.text.Range;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Re-parses only the entries of a block mapping that an edit touched (see
 * {@link YamlParser#reparse}). The text before the edit and after it is the same in both
 * versions, so:
 *
 * <ol>
 * <li>the first and last characters that differ give the range of old lines the edit touched;</li>
 * <li>from the root down, while that range lies inside the value of one entry and that value is a
 * block mapping, the search goes down into it; then the touched entries of that mapping (whole lines,
 * from an entry's key line to the next entry's key line, or to where the enclosing entry ends) are
 * parsed alone, as a document of their own;</li>
 * <li>the new entries (moved down to their lines) replace the old ones; entries before them are kept,
 * entries after them are copied with their lines moved by the number of lines the edit added;
 * and each mapping on the way up is rebuilt around its new child the same way.</li>
 * </ol>
 *
 * Returns null whenever the result could differ from a full parse: the pieces parsed alone must be
 * a block mapping whose keys sit in the same column as the entries they replace, without problems,
 * anchors, aliases or document markers, and no mapping may end up with duplicate or no keys.
 */
final class IncrementalParse {
    private IncrementalParse() {
    }

    /** Whether {@code n} is a block mapping whose entries can be re-parsed one by one. */
    static boolean splittable(YamlNode n, int column) {
        if (!(n instanceof YamlMapping m) || m.flow() || !m.complete() || m.tag() != null || m.anchor() != null
                || m.entries().isEmpty()) {
            return false;
        }
        int lastLine = -1;
        for (YamlEntry e : m.entries()) {
            if (!(e.key() instanceof YamlScalar k) || k.tag() != null
                    || k.style() == ScalarStyle.LITERAL || k.style() == ScalarStyle.FOLDED) {
                return false;
            }
            Position s = k.range().start();
            if (s.column() != column || s.line() <= lastLine || k.range().end().line() != s.line()) {
                return false;
            }
            lastLine = e.value().range().end().line();
        }
        return true;
    }

    static ParsedYaml reparse(ParsedYaml old, String text, YamlLimits limits) {
        String before = old.text();
        if (!old.sectionable() || text.length() > limits.maxCodePoints() || text.startsWith("\uFEFF")) {
            return null;
        }
        int oldLen = before.length();
        int newLen = text.length();
        int min = Math.min(oldLen, newLen);
        int prefix = 0;
        while (prefix < min && before.charAt(prefix) == text.charAt(prefix)) {
            prefix++;
        }
        if (prefix == oldLen && prefix == newLen) {
            return old;
        }
        int suffix = 0;
        while (suffix < min - prefix && before.charAt(oldLen - 1 - suffix) == text.charAt(newLen - 1 - suffix)) {
            suffix++;
        }
        // a \r\n pair split by the edit: keep whole line breaks on both sides
        if (prefix > 0 && before.charAt(prefix - 1) == '\r') {
            prefix--;
        }
        if (suffix > 0 && before.charAt(oldLen - suffix) == '\n' && oldLen - suffix > 0
                && before.charAt(oldLen - suffix - 1) == '\r') {
            suffix--;
        }
        LineMap oldLines = old.lines();
        int firstLine = oldLines.position(prefix).line();
        int lastLine = oldLines.position(oldLen - suffix).line();
        LineMap newLines = new LineMap(text);
        int lineDelta = newLines.lineCount() - oldLines.lineCount();
        Edit edit = new Edit(old, text, prefix, suffix, firstLine, lastLine, lineDelta, oldLen, newLen, limits);

        YamlDocument doc = old.documents().get(0);
        Splice root = edit.splice((YamlMapping) doc.root(), oldLines.lineCount(), 0, 1);
        if (root == null) {
            return null;
        }
        Position docStart = root.touchedFirst ? root.partialDocStart : doc.range().start();
        Position docEnd = root.touchedLast ? root.partialDocEnd : shift(doc.range().end(), lineDelta);
        if (docEnd.compareTo(root.node.range().end()) < 0) {
            docEnd = root.node.range().end();
        }
        return new ParsedYaml(text, newLines, List.of(new YamlDocument(root.node, new Range(docStart, docEnd))),
                List.of(), true);
    }

    /** A rebuilt mapping, and where the document would start and end when its first or last entries were parsed again. */
    private record Splice(YamlMapping node, boolean touchedFirst, boolean touchedLast, Position partialDocStart,
            Position partialDocEnd) {
    }

    private record Edit(ParsedYaml old, String text, int prefix, int suffix, int firstLine, int lastLine,
            int lineDelta, int oldLen, int newLen, YamlLimits limits) {

        /**
         * The new version of mapping {@code m}, whose entries span old lines up to {@code endLine}
         * (exclusive) and sit in column {@code column}, at nesting {@code depth}.
         */
        Splice splice(YamlMapping m, int endLine, int column, int depth) {
            List<YamlEntry> entries = m.entries();
            int n = entries.size();
            int a = -1;
            int b = -1;
            for (int i = 0; i < n; i++) {
                int start = keyLine(entries.get(i));
                int end = i + 1 < n ? keyLine(entries.get(i + 1)) : endLine;
                if (a < 0 && firstLine < end) {
                    a = i;
                }
                if (lastLine < end || i == n - 1) {
                    b = i;
                    break;
                }
                if (start > lastLine) {
                    break;
                }
            }
            if (a < 0 || b < a || firstLine < keyLine(entries.get(a))) {
                return null; // before the first key (comments above it) or past the end
            }
            int regionEnd = b + 1 < n ? keyLine(entries.get(b + 1)) : endLine;
            // inside one entry's block mapping value, below its key line: go down into it
            if (a == b) {
                YamlEntry e = entries.get(a);
                YamlNode v = e.value();
                if (v instanceof YamlMapping vm && v.range().start().line() > keyLine(e)
                        && firstLine >= v.range().start().line()) {
                    int col = vm.entries().get(0).key().range().start().column();
                    if (col > column && splittable(vm, col)) {
                        Splice inner = splice(vm, regionEnd, col, depth + 1);
                        if (inner != null) {
                            List<YamlEntry> out = new ArrayList<>(n);
                            out.addAll(entries.subList(0, a));
                            out.add(new YamlEntry(e.key(), inner.node));
                            shiftEntries(entries.subList(a + 1, n), out);
                            boolean last = a == n - 1 && inner.touchedLast;
                            YamlMapping rebuilt = rebuild(m, out, m.range().start(), last, inner.node.range().end());
                            return rebuilt == null ? null : new Splice(rebuilt, false, last, null, inner.partialDocEnd);
                        }
                    }
                }
            }
            // parse entries a..b alone
            LineMap oldLines = old.lines();
            int startLine = keyLine(entries.get(a));
            int from = oldLines.lineStart(startLine);
            int toOld = regionEnd >= oldLines.lineCount() ? oldLen : oldLines.lineStart(regionEnd);
            int to = toOld + (newLen - oldLen);
            if (from > prefix || toOld < oldLen - suffix || to < from) {
                return null; // the edit reaches outside the region (cannot happen; be safe)
            }
            if ((long) (to - from) * 2 > newLen) {
                // most of the text: a full parse is as fast, and holds one tree less than parsing the part
                // and then copying it down to its lines (three trees of a 250,000-line file ran a 256 MB
                // language server out of memory)
                return null;
            }
            ParsedYaml part = YamlParser.parse(text.substring(from, to), limits.withMaxNestingDepth(Math.max(1,
                    limits.maxNestingDepth() - (depth - 1))));
            if (!part.clean() || !(part.root() instanceof YamlMapping pm) || !splittable(pm, column)) {
                return null;
            }
            List<YamlEntry> out = new ArrayList<>(n + pm.entries().size());
            out.addAll(entries.subList(0, a));
            for (YamlEntry e : pm.entries()) {
                out.add(new YamlEntry(shift(e.key(), startLine), shift(e.value(), startLine)));
            }
            shiftEntries(entries.subList(b + 1, n), out);
            boolean first = a == 0;
            boolean last = b == n - 1;
            Position start = first ? shift(pm.range().start(), startLine) : m.range().start();
            YamlMapping rebuilt = rebuild(m, out, start, last, shift(pm.range().end(), startLine));
            if (rebuilt == null) {
                return null;
            }
            YamlDocument pd = part.documents().get(0);
            return new Splice(rebuilt, first, last, shift(pd.range().start(), startLine),
                    shift(pd.range().end(), startLine));
        }

        private void shiftEntries(List<YamlEntry> in, List<YamlEntry> out) {
            for (YamlEntry e : in) {
                out.add(lineDelta == 0 ? e : new YamlEntry(shift(e.key(), lineDelta), shift(e.value(), lineDelta)));
            }
        }

        /** {@code m} with new entries; null when they are unusable (duplicate keys). */
        private YamlMapping rebuild(YamlMapping m, List<YamlEntry> out, Position start, boolean last, Position lastEnd) {
            Set<String> keys = new HashSet<>(out.size() * 2);
            for (YamlEntry e : out) {
                if (!keys.add(((YamlScalar) e.key()).value())) {
                    return null; // a duplicate key: the full parse reports it
                }
            }
            Position end = last ? lastEnd : shift(m.range().end(), lineDelta);
            return new YamlMapping(new Range(start, end), m.anchor(), m.tag(), out, false, true);
        }
    }

    private static int keyLine(YamlEntry e) {
        return e.key().range().start().line();
    }

    static Position shift(Position p, int lines) {
        return lines == 0 ? p : new Position(p.line() + lines, p.column());
    }

    static Range shift(Range r, int lines) {
        return lines == 0 ? r : new Range(shift(r.start(), lines), shift(r.end(), lines));
    }

    /** A copy of {@code n} moved down by {@code lines} lines (no aliases in trees handled here). */
    static YamlNode shift(YamlNode n, int lines) {
        if (lines == 0) {
            return n;
        }
        Range r = shift(n.range(), lines);
        if (n instanceof YamlScalar s) {
            return new YamlScalar(r, s.anchor(), s.tag(), s.value(), s.style());
        }
        if (n instanceof YamlMapping m) {
            List<YamlEntry> es = new ArrayList<>(m.entries().size());
            for (YamlEntry e : m.entries()) {
                es.add(new YamlEntry(shift(e.key(), lines), shift(e.value(), lines)));
            }
            return new YamlMapping(r, m.anchor(), m.tag(), es, m.flow(), m.complete());
        }
        if (n instanceof YamlSequence q) {
            List<YamlNode> items = new ArrayList<>(q.items().size());
            for (YamlNode i : q.items()) {
                items.add(shift(i, lines));
            }
            return new YamlSequence(r, q.anchor(), q.tag(), items, q.flow(), q.complete());
        }
        throw new IllegalStateException("alias in a sectionable tree");
    }
}
