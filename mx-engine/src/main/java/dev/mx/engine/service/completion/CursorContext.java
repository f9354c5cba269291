package dev.mx.engine.service.completion;

import dev.mx.engine.text.LineMap;
import dev.mx.engine.text.Position;
import dev.mx.engine.text.Range;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * What the cursor is on, worked out from the text and indentation (see {@link YamlOutline}), so
 * it is right on the line being typed even when that line does not parse.
 *
 * <ul>
 * <li>{@link Kind#KEY}: a key of the mapping at {@code path} is being written (a blank line, a bare
 * word with no colon yet, the start of a list item after {@code - }, or an existing key);</li>
 * <li>{@link Kind#VALUE}: the inline value of {@code key} (after {@code key: }); {@code path}
 * ends with the key;</li>
 * <li>{@link Kind#SCALAR}: inside a multi-line scalar (a block scalar such as a pipeline script);
 * {@code path} is the scalar's;</li>
 * <li>{@link Kind#NONE}: nothing to offer (right after a colon, in a comment, in a scalar list item).</li>
 * </ul>
 */
public final class CursorContext {
    public enum Kind { KEY, VALUE, SCALAR, NONE }

    private final YamlOutline outline;
    private final Kind kind;
    private final List<String> path;
    private final List<YamlOutline.Ancestor> ancestors;
    private final String key;
    private final int line;
    private final int column;
    private final String lineText;
    private final int keyColumn;
    private final boolean newItem;
    private final int valueStart;
    private final Range keyRange;
    private final Range valueRange;

    private CursorContext(YamlOutline outline, Kind kind, List<String> path, List<YamlOutline.Ancestor> ancestors,
            String key, int line, int column, String lineText, int keyColumn, boolean newItem, int valueStart,
            Range keyRange, Range valueRange) {
        this.outline = outline;
        this.kind = kind;
        this.path = Collections.unmodifiableList(path);
        this.ancestors = ancestors;
        this.key = key;
        this.line = line;
        this.column = column;
        this.lineText = lineText;
        this.keyColumn = keyColumn;
        this.newItem = newItem;
        this.valueStart = valueStart;
        this.keyRange = keyRange;
        this.valueRange = valueRange;
    }

    /** For completion: only the text before the cursor decides what is being written. */
    public static CursorContext forCompletion(LineMap lines, Position pos) {
        YamlOutline outline = new YamlOutline(lines);
        int lineNo = Math.min(pos.line(), lines.lineCount() - 1);
        String full = lines.line(lineNo);
        int col = Math.min(pos.column(), full.length());
        String prefix = full.substring(0, col);
        LineShape ps = LineShape.of(prefix);
        boolean blank = ps.kind() == LineShape.Kind.BLANK;
        int need = blank ? col : ps.indent();
        YamlOutline.Chain chain = outline.chain(lineNo, need, !blank && ps.dashes().length > 0);
        List<String> steps = new ArrayList<>(chain.steps());
        if (chain.scalar() != null) {
            return new CursorContext(outline, Kind.SCALAR, steps, chain.ancestors(), null, lineNo, col, full, -1,
                    false, YamlOutline.indentOf(full), null, null);
        }
        switch (ps.kind()) {
            case BLANK:
                return new CursorContext(outline, Kind.KEY, steps, chain.ancestors(), null, lineNo, col, full, col,
                        false, -1, null, null);
            case TEXT: {
                for (int d = 0; d < ps.dashes().length; d++) {
                    steps.add(YamlOutline.ITEM);
                }
                String word = prefix.substring(Math.min(ps.contentStart(), prefix.length()));
                boolean dashes = ps.dashes().length > 0;
                if (prefix.endsWith("-") || (!word.isEmpty() && !isKeyWord(word))) {
                    return none(outline, steps, chain, lineNo, col, full);
                }
                return new CursorContext(outline, Kind.KEY, steps, chain.ancestors(), null, lineNo, col, full,
                        ps.contentStart(), dashes, -1, null, null);
            }
            case KEY: {
                if (prefix.endsWith(":") || ps.commentStart(prefix) >= 0) {
                    return none(outline, steps, chain, lineNo, col, full);
                }
                for (int d = 0; d < ps.dashes().length; d++) {
                    steps.add(YamlOutline.ITEM);
                }
                steps.add(ps.key());
                return new CursorContext(outline, Kind.VALUE, steps, chain.ancestors(), ps.key(), lineNo, col, full,
                        ps.contentStart(), ps.dashes().length > 0, ps.valueStart(), null, null);
            }
            default:
                return none(outline, steps, chain, lineNo, col, full);
        }
    }

    /**
     * For hover: the whole line is read; {@link #keyRange()} and {@link #valueRange()} say where
     * its key and inline value are. KEY means the cursor is on the key, VALUE on the value.
     */
    public static CursorContext forHover(LineMap lines, Position pos) {
        YamlOutline outline = new YamlOutline(lines);
        int lineNo = Math.min(pos.line(), lines.lineCount() - 1);
        String full = lines.line(lineNo);
        int col = Math.min(pos.column(), full.length());
        LineShape fs = LineShape.of(full);
        YamlOutline.Chain chain = outline.chain(lineNo, fs.indent(),
                fs.isContent() && fs.dashes().length > 0);
        List<String> steps = new ArrayList<>(chain.steps());
        if (chain.scalar() != null) {
            return new CursorContext(outline, Kind.SCALAR, steps, chain.ancestors(), null, lineNo, col, full, -1,
                    false, YamlOutline.indentOf(full), null, null);
        }
        if (!fs.hasKey()) {
            return none(outline, steps, chain, lineNo, col, full);
        }
        for (int d = 0; d < fs.dashes().length; d++) {
            steps.add(YamlOutline.ITEM);
        }
        steps.add(fs.key());
        Range keyRange = Range.of(lineNo, fs.contentStart(), lineNo, fs.keyEnd());
        Range valueRange = Range.of(lineNo, fs.valueStart(), lineNo, Math.max(fs.valueStart(), fs.valueEnd()));
        Kind k = col >= fs.contentStart() && col <= fs.keyEnd() ? Kind.KEY
                : col >= fs.valueStart() && col <= fs.valueEnd() && fs.valueEnd() > fs.valueStart() ? Kind.VALUE
                : Kind.NONE;
        return new CursorContext(outline, k, steps, chain.ancestors(), fs.key(), lineNo, col, full,
                fs.contentStart(), fs.dashes().length > 0, fs.valueStart(), keyRange, valueRange);
    }

    private static CursorContext none(YamlOutline outline, List<String> steps, YamlOutline.Chain chain, int line,
            int col, String full) {
        return new CursorContext(outline, Kind.NONE, steps, chain.ancestors(), null, line, col, full, -1, false, -1,
                null, null);
    }

    /** Letters, digits, {@code _ - . $ /}: what a key being typed looks like. */
    static boolean isKeyWord(String w) {
        for (int i = 0; i < w.length(); i++) {
            if (!isKeyChar(w.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean isKeyChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || c == '$' || c == '/';
    }

    public Kind kind() {
        return kind;
    }

    /** KEY: the path of the mapping; VALUE: the path of the value (ending with the key); SCALAR: the scalar's. */
    public List<String> path() {
        return path;
    }

    /** The keys along {@link #path()}, outermost first, with the lines they are on. */
    public List<YamlOutline.Ancestor> ancestors() {
        return ancestors;
    }

    /** VALUE (and hover): the key of the line. */
    public String key() {
        return key;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** The whole cursor line. */
    public String lineText() {
        return lineText;
    }

    public YamlOutline outline() {
        return outline;
    }

    /** KEY: the column keys of this mapping start at (the inserted key's indentation). */
    public int keyColumn() {
        return keyColumn;
    }

    /** KEY: the mapping is a list item that starts on the cursor line (after {@code - }). */
    public boolean newItem() {
        return newItem;
    }

    /** VALUE: where the inline value starts; SCALAR: where the line's text starts. */
    public int valueStart() {
        return valueStart;
    }

    /** Hover: the key as written. */
    public Range keyRange() {
        return keyRange;
    }

    /** Hover: the inline value as written. */
    public Range valueRange() {
        return valueRange;
    }

    /** VALUE/SCALAR: the text from the value's start to the cursor. */
    public String textBefore() {
        int from = Math.max(0, Math.min(valueStart, column));
        return lineText.substring(from, column);
    }

    /** The range of the word around the cursor made of characters {@code part} accepts, not before {@code min}. */
    public Range wordRange(IntPredicate part, int min) {
        int s = column;
        while (s > min && part.test(lineText.charAt(s - 1))) {
            s--;
        }
        int e = column;
        while (e < lineText.length() && part.test(lineText.charAt(e))) {
            e++;
        }
        return Range.of(line, s, line, e);
    }

    /** KEY: the word being typed as a key (may extend past the cursor). */
    public Range keyWordRange() {
        return wordRange(c -> isKeyChar((char) c), Math.max(0, keyColumn));
    }

    /** The text of the line after a range on it. */
    public String after(Range r) {
        return lineText.substring(Math.min(lineText.length(), r.end().column()));
    }

    /**
     * KEY: the keys already in the mapping being completed (the cursor line's own key excluded),
     * with their lines.
     */
    public Map<String, Integer> presentKeys() {
        return outline.siblings(line, keyColumn, newItem);
    }

    @Override
    public String toString() {
        return kind + " " + path + (key == null ? "" : " key=" + key) + " @" + line + ":" + column;
    }
}
