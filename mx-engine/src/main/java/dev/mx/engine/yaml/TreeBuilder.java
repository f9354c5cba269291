package dev.mx.engine.yaml;

import dev.mx.engine.text.LineMap;
import dev.mx.engine.text.Position;
import dev.mx.engine.text.Range;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.MappingStartEvent;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the positioned tree from the event stream with an explicit stack (no recursion), so
 * nesting depth is only bounded by {@link YamlLimits#maxNestingDepth()}.
 */
final class TreeBuilder {
    private final String text;
    private final LineMap lines;
    private final OffsetMapper offsets;
    private final YamlLimits limits;

    final List<YamlDocument> documents = new ArrayList<>();
    final List<YamlProblem> problems = new ArrayList<>();
    /** set when a limit stopped the build; no error recovery applies then */
    boolean stoppedByLimit;
    /** anchors, aliases, directives or explicit document markers seen: no incremental re-parse from this tree */
    boolean notSectionable;

    private final Deque<Frame> stack = new ArrayDeque<>();
    private final Map<String, YamlNode> anchors = new HashMap<>();
    private final Set<String> openAnchors = new HashSet<>();
    private int aliasCount;
    private boolean inDocument;
    private Position docStart;
    private YamlNode docRoot;
    /** end of the last event seen; where a partial tree is closed when nothing better is known */
    Position lastPosition = new Position(0, 0);

    private static final class Frame {
        final boolean mapping;
        final boolean flow;
        final Position start;
        final Position startTokenEnd;
        final String anchor;
        final String tag;
        final List<YamlEntry> entries = new ArrayList<>();
        final List<YamlNode> items = new ArrayList<>();
        YamlNode pendingKey;
        Position lastEnd;

        Frame(boolean mapping, boolean flow, Position start, Position startTokenEnd, String anchor, String tag) {
            this.mapping = mapping;
            this.flow = flow;
            this.start = start;
            this.startTokenEnd = startTokenEnd;
            this.anchor = anchor;
            this.tag = tag;
        }
    }

    TreeBuilder(String text, LineMap lines, OffsetMapper offsets, YamlLimits limits) {
        this.text = text;
        this.lines = lines;
        this.offsets = offsets;
        this.limits = limits;
    }

    /** Consumes events until the stream ends or a limit stops the build. Parser errors propagate. */
    void consume(Iterator<Event> events) {
        while (events.hasNext()) {
            if (!handle(events.next())) {
                return;
            }
        }
    }

    /** line of the last converted position: events mostly move forward, so search from there */
    private int lineHint;

    Position position(Mark m) {
        return position(offsets.offset(m.getIndex()));
    }

    private Position position(int offset) {
        if (offset >= 0 && offset <= text.length() && offset >= lines.lineStart(lineHint)) {
            int n = lines.lineCount();
            while (lineHint + 1 < n && lines.lineStart(lineHint + 1) <= offset) {
                lineHint++;
            }
            return new Position(lineHint, offset - lines.lineStart(lineHint));
        }
        Position p = lines.position(offset);
        lineHint = p.line();
        return p;
    }

    private Position position(Optional<Mark> m, Position fallback) {
        return m.isPresent() ? position(m.get()) : fallback;
    }

    private boolean handle(Event e) {
        Position start = position(e.getStartMark(), lastPosition);
        Position end = position(e.getEndMark(), start);
        if (end.compareTo(start) < 0) {
            end = start;
        }
        lastPosition = end;
        switch (e.getEventId()) {
            case DocumentStart -> {
                if (((org.snakeyaml.engine.v2.events.DocumentStartEvent) e).isExplicit()) {
                    notSectionable = true;
                }
                if (documents.size() >= limits.maxDocuments()) {
                    limit(start, "more than " + limits.maxDocuments() + " documents; the rest of the file is ignored");
                    stoppedByLimit = true;
                    return false;
                }
                inDocument = true;
                docStart = start;
                docRoot = null;
                anchors.clear();
                openAnchors.clear();
            }
            case DocumentEnd -> {
                if (((org.snakeyaml.engine.v2.events.DocumentEndEvent) e).isExplicit()) {
                    notSectionable = true;
                }
                finishDocument(end);
            }
            case Scalar -> {
                ScalarEvent s = (ScalarEvent) e;
                ScalarStyle style = style(s);
                if (style == ScalarStyle.LITERAL || style == ScalarStyle.FOLDED) {
                    end = trimBlockScalarEnd(start, end);
                }
                YamlScalar node = new YamlScalar(new Range(start, end), anchor(s), s.getTag().orElse(null),
                        s.getValue(), style);
                defineAnchor(node);
                attach(node);
            }
            case Alias -> {
                AliasEvent a = (AliasEvent) e;
                String name = a.getAlias().getValue();
                YamlNode target = null;
                aliasCount++;
                notSectionable = true;
                if (aliasCount == limits.maxAliases() + 1) {
                    limit(start, "more than " + limits.maxAliases() + " aliases; further aliases are not resolved");
                }
                if (aliasCount <= limits.maxAliases()) {
                    target = anchors.get(name);
                    if (target == null) {
                        problems.add(new YamlProblem(new Range(start, end),
                                openAnchors.contains(name)
                                        ? "alias *" + shorten(name) + " refers to the node that contains it (recursive aliases are not supported)"
                                        : "alias *" + shorten(name) + " refers to an undefined anchor",
                                YamlProblem.Kind.SYNTAX));
                    }
                }
                attach(new YamlAliasNode(new Range(start, end), name, target));
            }
            case SequenceStart, MappingStart -> {
                if (stack.size() >= limits.maxNestingDepth()) {
                    limit(start, "nesting deeper than " + limits.maxNestingDepth() + " levels; the rest of the file is ignored");
                    stoppedByLimit = true;
                    return false;
                }
                CollectionStartEvent c = (CollectionStartEvent) e;
                String anchor = anchor(c);
                if (anchor != null) {
                    openAnchors.add(anchor);
                }
                stack.push(new Frame(e instanceof MappingStartEvent, c.isFlow(), start, end, anchor,
                        c.getTag().orElse(null)));
            }
            case SequenceEnd, MappingEnd -> {
                Frame f = stack.pop();
                Position close = f.flow ? end : (f.lastEnd != null ? f.lastEnd : f.start);
                attach(build(f, close, true));
            }
            default -> {
                // stream start/end, comments
            }
        }
        return true;
    }

    private void limit(Position at, String message) {
        problems.add(new YamlProblem(new Range(at, new Position(at.line(), Math.max(at.column(),
                lines.lineContentEnd(at.line()) - lines.lineStart(at.line())))), message, YamlProblem.Kind.LIMIT));
    }

    private static String anchor(NodeEvent e) {
        return e.getAnchor().map(a -> a.getValue()).orElse(null);
    }

    private static ScalarStyle style(ScalarEvent s) {
        return switch (s.getScalarStyle()) {
            case SINGLE_QUOTED -> ScalarStyle.SINGLE_QUOTED;
            case DOUBLE_QUOTED -> ScalarStyle.DOUBLE_QUOTED;
            case LITERAL -> ScalarStyle.LITERAL;
            case FOLDED -> ScalarStyle.FOLDED;
            default -> ScalarStyle.PLAIN;
        };
    }

    /** A block scalar's end mark is after its trailing line breaks; end it at its last text instead. */
    private Position trimBlockScalarEnd(Position start, Position end) {
        int s = lines.offset(start);
        int o = lines.offset(end);
        if (end.line() >= lines.lineCount()) {
            o = text.length();
        }
        while (o > s + 1) {
            char c = text.charAt(o - 1);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                o--;
            } else {
                break;
            }
        }
        return lines.position(o);
    }

    private void defineAnchor(YamlNode node) {
        if (node.anchor() != null) {
            notSectionable = true;
            anchors.put(node.anchor(), node);
            openAnchors.remove(node.anchor());
        }
    }

    private void attach(YamlNode node) {
        Frame top = stack.peek();
        if (top == null) {
            docRoot = node;
            return;
        }
        if (top.mapping) {
            if (top.pendingKey == null) {
                top.pendingKey = node;
            } else {
                top.entries.add(new YamlEntry(top.pendingKey, node));
                top.pendingKey = null;
            }
        } else {
            top.items.add(node);
        }
        Position e = node.range().end();
        if (top.lastEnd == null || e.compareTo(top.lastEnd) > 0) {
            top.lastEnd = e;
        }
    }

    private YamlNode build(Frame f, Position close, boolean complete) {
        if (close.compareTo(f.start) < 0) {
            close = f.start;
        }
        Range range = new Range(f.start, close);
        YamlNode node;
        if (f.mapping) {
            YamlMapping m = new YamlMapping(range, f.anchor, f.tag, f.entries, f.flow, complete);
            reportDuplicates(m);
            node = m;
        } else {
            node = new YamlSequence(range, f.anchor, f.tag, f.items, f.flow, complete);
        }
        defineAnchor(node);
        return node;
    }

    private void reportDuplicates(YamlMapping m) {
        if (m.entries().size() < 2) {
            return;
        }
        for (YamlEntry e : m.entries()) {
            String k = YamlMapping.keyText(e.key());
            if (k == null) {
                continue;
            }
            YamlEntry first = m.entry(k);
            if (first != null && first != e) {
                problems.add(new YamlProblem(e.key().range(), "duplicate key '" + shorten(k) + "' (first defined on line "
                        + (first.key().range().start().line() + 1) + ")", YamlProblem.Kind.DUPLICATE_KEY));
            }
        }
    }

    static String shorten(String s) {
        String one = s.replace("\r", "\\r").replace("\n", "\\n");
        return one.length() > 60 ? one.substring(0, 57) + "..." : one;
    }

    private void finishDocument(Position end) {
        if (!inDocument) {
            return;
        }
        YamlNode root = docRoot;
        if (root instanceof YamlScalar s && s.isEmpty() && s.anchor() == null && s.tag() == null) {
            root = null;
        }
        Position docEnd = end;
        if (root != null && root.range().end().compareTo(docEnd) > 0) {
            docEnd = root.range().end();
        }
        if (docEnd.compareTo(docStart) < 0) {
            docEnd = docStart;
        }
        documents.add(new YamlDocument(root, new Range(docStart, docEnd)));
        inDocument = false;
        docRoot = null;
    }

    /** Closes everything still open (after an error or a limit) so nodes built so far are kept. */
    void closeAll(Position at) {
        while (!stack.isEmpty()) {
            Frame f = stack.pop();
            if (f.mapping && f.pendingKey != null) {
                Position p = f.pendingKey.range().end();
                f.entries.add(new YamlEntry(f.pendingKey, new YamlScalar(Range.at(p), null, null, "", ScalarStyle.PLAIN)));
                f.pendingKey = null;
                if (f.lastEnd == null || p.compareTo(f.lastEnd) > 0) {
                    f.lastEnd = p;
                }
            }
            Position close = f.lastEnd != null ? f.lastEnd : f.startTokenEnd;
            attach(build(f, close, false));
        }
        if (inDocument) {
            Position end = at;
            if (docRoot != null && docRoot.range().end().compareTo(end) > 0) {
                end = docRoot.range().end();
            }
            finishDocument(end);
        }
    }
}
