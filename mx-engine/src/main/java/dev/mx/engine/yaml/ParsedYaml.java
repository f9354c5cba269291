package dev.mx.engine.yaml;

import dev.mx.engine.text.LineMap;
import dev.mx.engine.text.Position;
import dev.mx.engine.text.Range;

import java.util.ArrayList;
import java.util.List;

/** The result of parsing one text: its documents, positions and problems. Immutable. */
public final class ParsedYaml {
    private final String text;
    private final LineMap lines;
    private final List<YamlDocument> documents;
    private final List<YamlProblem> problems;
    /**
     * One document without problems, markers, directives, anchors or aliases: then
     * {@link IncrementalParse} may re-parse only the changed entries of this tree for a newer text
     * (when its root is a block mapping whose keys start their lines, see {@link #sectionable()}).
     */
    private final boolean clean;

    ParsedYaml(String text, LineMap lines, List<YamlDocument> documents, List<YamlProblem> problems) {
        this(text, lines, documents, problems, false);
    }

    ParsedYaml(String text, LineMap lines, List<YamlDocument> documents, List<YamlProblem> problems,
            boolean clean) {
        this.text = text;
        this.lines = lines;
        this.documents = List.copyOf(documents);
        this.problems = List.copyOf(problems);
        this.clean = clean && documents.size() == 1 && problems.isEmpty();
    }

    boolean clean() {
        return clean;
    }

    boolean sectionable() {
        return clean && IncrementalParse.splittable(root(), 0);
    }

    public String text() {
        return text;
    }

    public LineMap lines() {
        return lines;
    }

    public List<YamlDocument> documents() {
        return documents;
    }

    /** The first document's root, or null when there is none or it is empty. */
    public YamlNode root() {
        return documents.isEmpty() ? null : documents.get(0).root();
    }

    /** Problems ordered by position. */
    public List<YamlProblem> problems() {
        return problems;
    }

    /** Whether any problem is a syntax error (the tree may then miss some lines). */
    public boolean hasSyntaxErrors() {
        return problems.stream().anyMatch(p -> p.kind() == YamlProblem.Kind.SYNTAX);
    }

    /**
     * The node at {@code path} in the first document: a String selects a mapping key, an Integer
     * (any Number) a sequence index. Aliases along the way are followed. Null when absent.
     */
    public YamlNode find(List<?> path) {
        YamlNode node = root();
        for (Object step : path) {
            while (node instanceof YamlAliasNode a) {
                node = a.target();
            }
            if (node == null) {
                return null;
            }
            if (step instanceof String key && node instanceof YamlMapping m) {
                node = m.get(key);
            } else if (step instanceof Number n && node instanceof YamlSequence s) {
                int i = n.intValue();
                node = i >= 0 && i < s.items().size() ? s.items().get(i) : null;
            } else {
                return null;
            }
        }
        return node;
    }

    /**
     * The nodes from a document root down to the innermost node whose range contains {@code p}
     * (mapping keys included, aliases not followed); empty when no node contains it.
     */
    public List<YamlNode> nodePathAt(Position p) {
        List<YamlNode> path = new ArrayList<>();
        YamlNode node = null;
        for (YamlDocument d : documents) {
            if (d.root() != null && d.root().range().contains(p)) {
                node = d.root();
                break;
            }
        }
        while (node != null) {
            path.add(node);
            node = childAt(node, p);
        }
        return path;
    }

    private static YamlNode childAt(YamlNode node, Position p) {
        if (node instanceof YamlMapping m) {
            List<YamlEntry> es = m.entries();
            int i = lastStartingAtOrBefore(es.size(), k -> es.get(k).key().range().start(), p);
            for (int k = i; k >= 0 && k >= i - 1; k--) {
                YamlEntry e = es.get(k);
                if (e.key().range().contains(p)) {
                    return e.key();
                }
                if (e.value().range().contains(p)) {
                    return e.value();
                }
            }
        } else if (node instanceof YamlSequence s) {
            List<YamlNode> items = s.items();
            int i = lastStartingAtOrBefore(items.size(), k -> items.get(k).range().start(), p);
            for (int k = i; k >= 0 && k >= i - 1; k--) {
                if (items.get(k).range().contains(p)) {
                    return items.get(k);
                }
            }
        }
        return null;
    }

    private interface StartAt {
        Position at(int index);
    }

    private static int lastStartingAtOrBefore(int size, StartAt starts, Position p) {
        int lo = 0;
        int hi = size - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (starts.at(mid).compareTo(p) <= 0) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    /** The text covered by a range. */
    public String textOf(Range r) {
        return text.substring(lines.offset(r.start()), lines.offset(r.end()));
    }
}
