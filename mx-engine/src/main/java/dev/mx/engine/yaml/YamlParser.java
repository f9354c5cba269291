package dev.mx.engine.yaml;

import dev.mx.engine.text.LineMap;
import dev.mx.engine.text.Position;
import dev.mx.engine.text.Range;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.scanner.StreamReader;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Parses YAML text into a positioned tree. Never throws: errors become {@link YamlProblem}s and the
 * tree holds whatever could be read.
 *
 * <p>Error recovery: when the event parser fails, the problem is recorded, the offending line is
 * blanked with spaces (same length, so every position stays the same) and the text is parsed again,
 * at most {@value #MAX_RECOVERIES} times. The tree comes from the last parse; if that one failed too,
 * the nodes read before the error are kept.
 */
public final class YamlParser {
    static final int MAX_RECOVERIES = 20;
    private static final int MAX_ENCODING_PROBLEMS = 100;
    /**
     * Largest read buffer handed to the event parser. Its reader copies the rest of its window on every
     * refill while one token is open, so its default 1 KB buffer makes a long scalar quadratic (a 5 MB
     * line took minutes). Not larger: every mark the parser keeps (one per open collection) holds on to
     * the window it was made in, and windows grow with the buffer.
     */
    static final int MAX_READ_BUFFER = 1 << 16;

    private YamlParser() {
    }

    public static ParsedYaml parse(String text) {
        return parse(text, YamlLimits.DEFAULT);
    }

    public static ParsedYaml parse(String text, YamlLimits limits) {
        String t = text == null ? "" : text;
        YamlLimits l = limits == null ? YamlLimits.DEFAULT : limits;
        LineMap lines = new LineMap(t);
        try {
            return new Run(t, lines, l).run();
        } catch (RuntimeException | StackOverflowError e) {
            // last resort: the parser must not throw
            List<YamlProblem> problems = List.of(new YamlProblem(Range.at(new Position(0, 0)),
                    "could not read this file as YAML", YamlProblem.Kind.SYNTAX));
            return new ParsedYaml(t, lines, List.of(), problems);
        }
    }

    /** The event parser's read buffer for a text of {@code length} chars: all of it, up to {@link #MAX_READ_BUFFER}. */
    static int readBufferSize(int length) {
        return Math.max(1024, Math.min(MAX_READ_BUFFER, length + 1));
    }

    /**
     * Parses {@code text}, a newer version of the text {@code previous} was parsed from: when the
     * change lies within entries of block mappings, only those entries are parsed again and the
     * rest of the tree is reused (nodes before the change as they are, nodes after it moved by the
     * number of lines added or removed). The result is the tree {@link #parse(String)} would build;
     * anything the incremental path does not handle exactly (anchors, aliases, several documents,
     * flow collections around the change, syntax errors, duplicate keys) falls back to a full parse.
     *
     * <p>Nodes reused from {@code previous} belong to the new tree afterwards ({@link YamlNode#parent()}).
     */
    public static ParsedYaml reparse(ParsedYaml previous, String text) {
        String t = text == null ? "" : text;
        if (previous != null && previous.sectionable()) {
            try {
                ParsedYaml r = IncrementalParse.reparse(previous, t, YamlLimits.DEFAULT);
                if (r != null) {
                    return r;
                }
            } catch (RuntimeException | StackOverflowError e) {
                // fall back to the full parse below
            }
        }
        return parse(t);
    }

    /** An error from one parse attempt. */
    private record Failure(Position problemAt, Position contextAt, String problem, String context) {
    }

    private static final class Run {
        private final String text;
        private final LineMap lines;
        private final YamlLimits limits;
        private final int shift;
        private final char[] buf;
        private int end;
        private final List<YamlProblem> problems = new ArrayList<>();

        Run(String text, LineMap lines, YamlLimits limits) {
            this.text = text;
            this.lines = lines;
            this.limits = limits;
            this.shift = text.startsWith("\uFEFF") ? 1 : 0;
            this.buf = text.substring(shift).toCharArray();
            this.end = buf.length;
        }

        ParsedYaml run() {
            applySizeLimit();
            sanitize();
            LoadSettings settings = LoadSettings.builder()
                    .setLabel("yaml")
                    .setUseMarks(true)
                    .setAllowDuplicateKeys(true)
                    .setMaxAliasesForCollections(Math.max(1, limits.maxAliases()))
                    .setCodePointLimit(Integer.MAX_VALUE)
                    .setBufferSize(readBufferSize(end))
                    .build();
            TreeBuilder result;
            for (int attempt = 0; ; attempt++) {
                String parseText = new String(buf, 0, end);
                OffsetMapper offsets = OffsetMapper.of(parseText, shift);
                TreeBuilder b = new TreeBuilder(text, lines, offsets, limits);
                Failure failure = null;
                try {
                    b.consume(new Parse(settings).parseString(parseText).iterator());
                } catch (MarkedYamlEngineException e) {
                    failure = new Failure(
                            e.getProblemMark().map(b::position).orElse(null),
                            e.getContextMark().map(b::position).orElse(null),
                            e.getProblem(), e.getContext());
                } catch (RuntimeException | StackOverflowError e) {
                    failure = new Failure(b.lastPosition, null, null, null);
                }
                if (failure == null) {
                    if (b.stoppedByLimit) {
                        b.closeAll(b.lastPosition);
                    }
                    result = b;
                    break;
                }
                List<Blank> blank = linesToBlank(failure);
                boolean atContext = !blank.isEmpty() && failure.contextAt() != null
                        && blank.get(0).line() == failure.contextAt().line()
                        && (failure.problemAt() == null || failure.problemAt().line() != failure.contextAt().line());
                report(failure, atContext);
                if (blank.isEmpty() || attempt >= MAX_RECOVERIES) {
                    Position at = failure.problemAt() != null ? failure.problemAt() : b.lastPosition;
                    b.closeAll(at);
                    result = b;
                    break;
                }
                for (Blank bl : blank) {
                    blankLine(bl.line(), bl.fromColumn());
                }
            }
            problems.addAll(result.problems);
            List<YamlProblem> sorted = new ArrayList<>(problems);
            sorted.sort(Comparator.comparing((YamlProblem p) -> p.range().start()));
            return new ParsedYaml(text, lines, result.documents, sorted, !result.notSectionable && shift == 0);
        }

        private void report(Failure f, boolean atContext) {
            Position at = atContext ? f.contextAt() : (f.problemAt() != null ? f.problemAt() : f.contextAt());
            if (at == null) {
                at = new Position(0, 0);
            }
            String message = f.problem() == null && f.context() == null
                    ? "could not read the rest of this file as YAML"
                    : ProblemMessages.humanize(f.problem(), f.context(), atContext);
            problems.add(new YamlProblem(toLineEnd(at), message, YamlProblem.Kind.SYNTAX));
        }

        private Range toLineEnd(Position at) {
            int endCol = lines.lineContentEnd(at.line()) - lines.lineStart(at.line());
            return new Range(at, new Position(at.line(), Math.max(at.column(), endCol)));
        }

        /** A line to blank from a column on (0: the whole line). */
        private record Blank(int line, int fromColumn) {
        }

        /** What to blank so the next attempt gets past this error; empty when nothing helps. */
        private List<Blank> linesToBlank(Failure f) {
            Integer problemLine = f.problemAt() == null ? null : f.problemAt().line();
            Integer contextLine = f.contextAt() == null ? null : f.contextAt().line();
            String ctx = f.context() == null ? "" : f.context();
            List<Blank> first = new ArrayList<>();
            if (contextLine != null && ctx.contains("simple key")) {
                first.add(new Blank(contextLine, 0));
            } else if (contextLine != null && problemLine != null && contextLine < problemLine
                    && (ctx.contains("flow") || ctx.contains("quoted"))) {
                // an unclosed '[', '{' or quote: drop it (keeping the key before it) and the more
                // indented lines that continue it
                first.add(new Blank(contextLine, f.contextAt().column()));
                int indent = indentOf(contextLine);
                for (int l = contextLine + 1; l < problemLine; l++) {
                    if (isBlank(l, 0)) {
                        continue;
                    }
                    if (indentOf(l) <= indent) {
                        break;
                    }
                    first.add(new Blank(l, 0));
                }
            } else if (problemLine != null) {
                first.add(new Blank(problemLine, 0));
            }
            first.removeIf(b -> isBlank(b.line(), b.fromColumn()));
            if (!first.isEmpty()) {
                return first;
            }
            for (Integer l : new Integer[] {problemLine, contextLine}) {
                if (l != null && !isBlank(l, 0)) {
                    return List.of(new Blank(l, 0));
                }
            }
            return List.of();
        }

        private int lineStartInBuf(int line) {
            return Math.max(0, lines.lineStart(line) - shift);
        }

        private int lineEndInBuf(int line) {
            return Math.min(end, Math.max(0, lines.lineContentEnd(line) - shift));
        }

        private boolean isBlank(int line, int fromColumn) {
            if (line >= lines.lineCount()) {
                return true;
            }
            for (int i = Math.max(0, lines.lineStart(line) + fromColumn - shift), e = lineEndInBuf(line); i < e; i++) {
                if (buf[i] != ' ' && buf[i] != '\t') {
                    return false;
                }
            }
            return true;
        }

        private int indentOf(int line) {
            int i = lineStartInBuf(line);
            int e = lineEndInBuf(line);
            int n = 0;
            while (i + n < e && buf[i + n] == ' ') {
                n++;
            }
            return n;
        }

        private void blankLine(int line, int fromColumn) {
            for (int i = Math.max(0, lines.lineStart(line) + fromColumn - shift), e = lineEndInBuf(line); i < e; i++) {
                buf[i] = ' ';
            }
        }

        /** Reads at most maxCodePoints code points, cut at a line start. */
        private void applySizeLimit() {
            int max = limits.maxCodePoints();
            if (buf.length <= max) {
                return;
            }
            int cps = Character.codePointCount(buf, 0, buf.length);
            if (cps <= max) {
                return;
            }
            int cut = Character.offsetByCodePoints(buf, 0, buf.length, 0, max);
            int lineCut = cut;
            while (lineCut > 0 && buf[lineCut - 1] != '\n' && buf[lineCut - 1] != '\r') {
                lineCut--;
            }
            end = lineCut;
            Position at = lines.position(end + shift);
            problems.add(new YamlProblem(new Range(at, lines.position(text.length())),
                    "file is larger than " + max + " characters; the rest is ignored", YamlProblem.Kind.LIMIT));
        }

        /** Replaces characters YAML forbids with spaces (same length) and reports them. */
        private void sanitize() {
            int reported = 0;
            int lastLine = -1;
            for (int i = 0; i < end; i++) {
                char c = buf[i];
                if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(buf[i + 1])) {
                    i++;
                    continue;
                }
                if (StreamReader.isPrintable(c) && !Character.isSurrogate(c)) {
                    continue;
                }
                buf[i] = ' ';
                Position at = lines.position(i + shift);
                if (at.line() == lastLine) {
                    continue;
                }
                lastLine = at.line();
                if (reported < MAX_ENCODING_PROBLEMS) {
                    String what = Character.isSurrogate(c) ? "unpaired surrogate" : (c < 0x20 || (c >= 0x7F && c <= 0x9F))
                            ? "control character" : "character";
                    problems.add(new YamlProblem(new Range(at, new Position(at.line(), at.column() + 1)),
                            what + " " + String.format("U+%04X", (int) c) + " is not allowed in YAML",
                            YamlProblem.Kind.ENCODING));
                } else if (reported == MAX_ENCODING_PROBLEMS) {
                    problems.add(new YamlProblem(Range.at(at), "more characters that are not allowed in YAML follow",
                            YamlProblem.Kind.ENCODING));
                }
                reported++;
            }
        }
    }
}
