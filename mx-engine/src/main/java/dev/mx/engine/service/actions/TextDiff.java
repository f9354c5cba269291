package dev.mx.engine.service.actions;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import dev.mx.engine.text.LineMap;
import dev.mx.engine.text.Range;
import dev.mx.engine.text.TextEdit;
import java.util.ArrayList;
import java.util.List;

/**
 * The edits that turn one text into another: a line diff (Myers, from java-diff-utils), each
 * changed chunk then narrowed to the characters that differ. Editors apply them in place, so
 * cursors, folds and undo stay where the text did not change. Falls back to one edit replacing
 * the whole text for very large inputs.
 */
final class TextDiff {
    /** Above this many lines on either side, one whole-text edit is cheaper than a diff. */
    static final int MAX_LINES = 20_000;

    private TextDiff() {
    }

    static List<TextEdit> edits(String before, String after) {
        if (before.equals(after)) {
            return List.of();
        }
        LineMap map = new LineMap(before);
        List<String> a = lines(before);
        List<String> b = lines(after);
        if (a.size() > MAX_LINES || b.size() > MAX_LINES) {
            return List.of(whole(map, after));
        }
        int[] starts = starts(a);
        Patch<String> patch = DiffUtils.diff(a, b);
        List<TextEdit> out = new ArrayList<>();
        for (AbstractDelta<String> d : patch.getDeltas()) {
            int from = starts[d.getSource().getPosition()];
            int to = starts[d.getSource().getPosition() + d.getSource().size()];
            String old = before.substring(from, to);
            String neu = String.join("", d.getTarget().getLines());
            int prefix = commonPrefix(old, neu);
            int suffix = commonSuffix(old, neu, prefix);
            out.add(new TextEdit(new Range(map.position(from + prefix), map.position(to - suffix)),
                    neu.substring(prefix, neu.length() - suffix)));
        }
        // the edits must reproduce the text exactly; if anything is off, replace it whole
        return map.apply(out).equals(after) ? out : List.of(whole(map, after));
    }

    static TextEdit whole(LineMap before, String after) {
        return new TextEdit(new Range(before.position(0), before.position(before.text().length())), after);
    }

    /** The lines of a text, each with its line break (\n, \r\n or \r). */
    static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                out.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            out.add(text.substring(start));
        }
        return out;
    }

    private static int[] starts(List<String> lines) {
        int[] s = new int[lines.size() + 1];
        for (int i = 0; i < lines.size(); i++) {
            s[i + 1] = s[i] + lines.get(i).length();
        }
        return s;
    }

    private static int commonPrefix(String x, String y) {
        int n = Math.min(x.length(), y.length());
        int i = 0;
        while (i < n && x.charAt(i) == y.charAt(i)) {
            i++;
        }
        while (i > 0 && !boundary(x, i)) {
            i--;
        }
        return i;
    }

    private static int commonSuffix(String x, String y, int prefix) {
        int n = Math.min(x.length(), y.length()) - prefix;
        int i = 0;
        while (i < n && x.charAt(x.length() - 1 - i) == y.charAt(y.length() - 1 - i)) {
            i++;
        }
        while (i > 0 && !boundary(x, x.length() - i)) {
            i--;
        }
        return i;
    }

    /** Not between the halves of a surrogate pair or of a \r\n line break. */
    private static boolean boundary(String s, int i) {
        if (i <= 0 || i >= s.length()) {
            return true;
        }
        char before = s.charAt(i - 1);
        char at = s.charAt(i);
        return !(Character.isHighSurrogate(before) && Character.isLowSurrogate(at)) && !(before == '\r' && at == '\n');
    }
}
