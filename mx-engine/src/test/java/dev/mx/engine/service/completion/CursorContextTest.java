package dev.mx.engine.service.completion;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mx.engine.text.LineMap;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where the cursor is, read from text and indentation; a row is: text (\n for line breaks, ¦ for a pipe), kind, path. */
class CursorContextTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', quoteCharacter = '"', value = {
        // blank lines and bare words: a key of the mapping found by indentation
        "|;KEY;[]",
        "dev:\\n  app:\\n    |;KEY;[dev, app]",
        "dev:\\n  app:\\n  |;KEY;[dev]",
        "dev:\\n  app:\\n    imageSelector: x\\n    sy|\\n    ports: [];KEY;[dev, app]",
        "dev:\\n  app:\\n\\n    # comment\\n\\n    |;KEY;[dev, app]",
        // list items, also written at the key's column and nested
        "sync:\\n  - |;KEY;[sync, []]",
        "sync:\\n- |;KEY;[sync, []]",
        "sync:\\n  - path: a\\n    |;KEY;[sync, []]",
        "sync:\\n- path: a\\n  |;KEY;[sync, []]",
        "- sync:\\n  - path: a\\n  - |;KEY;[[], sync, []]",
        "- - |;KEY;[[], []]",
        "a:\\n  - b:\\n      c:\\n        |;KEY;[a, [], b, c]",
        "\"quoted key\":\\n  |;KEY;[quoted key]",
        // values
        "dev:\\n  app:\\n    initialSync: pre|;VALUE;[dev, app, initialSync]",
        "sync:\\n  - initialSync: |;VALUE;[sync, [], initialSync]",
        "a: b # x: |;NONE;[]",
        // inside multi-line scalars
        "pipelines:\\n  dev:\\n    run: ¦-\\n      start_dev |;SCALAR;[pipelines, dev, run]",
        "pipelines:\\n  dev: ¦\\n    if x && y\\n      key: |;SCALAR;[pipelines, dev]",
        "pipelines:\\n  dev: >-\\n    a\\n\\n    |;SCALAR;[pipelines, dev]",
        "a: plain\\n  continued |;SCALAR;[a]",
        "- ¦\\n  text |;SCALAR;[[]]",
        // nothing to offer
        "dev:|;NONE;[]",
        "dev:\\n  app:\\n    sync:|;NONE;[dev, app]",
        "# comment |;NONE;[]",
        "items:\\n  - two words |;NONE;[items, []]",
        // a document marker ends the search upwards
        "a:\\n  b: 1\\n---\\n  |;KEY;[]",
    })
    void completionContext(String row, String kind, String path) {
        String text = row.replace("\\n", "\n");
        ServiceAssert.Cursor c = ServiceAssert.cursor(text);
        CursorContext ctx = CursorContext.forCompletion(new LineMap(c.text()), c.position());
        assertEquals(kind, ctx.kind().name(), ctx.toString());
        assertEquals(path, ctx.path().toString(), ctx.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', quoteCharacter = '"', value = {
        "dev:\\n  app:\\n    image|Selector: x;KEY;[dev, app, imageSelector]",
        "dev:\\n  app:\\n    imageSelector: x|y;VALUE;[dev, app, imageSelector]",
        "sync:\\n  - path: .\\n    initialSync: mirror|Local  # why;VALUE;[sync, [], initialSync]",
        "sync:\\n  - pa|th: .;KEY;[sync, [], path]",
        "a:\\n  b:   |  x;NONE;[a, b]",
    })
    void hoverContext(String row, String kind, String path) {
        String text = row.replace("\\n", "\n");
        ServiceAssert.Cursor c = ServiceAssert.cursor(text);
        CursorContext ctx = CursorContext.forHover(new LineMap(c.text()), c.position());
        assertEquals(kind, ctx.kind().name(), ctx.toString());
        assertEquals(path, ctx.path().toString(), ctx.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "a:\\n  b: 1;2",
        "a:\\n    b: 1;4",
        "# header\\n\\nlist:\\n- x\\nmap:\\n   k: v;3",
        "list:\\n    - x;4",
        "a: 1\\nb: 2;2",
    })
    void indentationStep(String text, int step) {
        assertEquals(step, new YamlOutline(new LineMap(text.replace("\\n", "\n"))).indentStep());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "a:\\n  x: 1\\n  y:\\n    deep: 2\\n  z: 3\\nb: 4;2;2;[x, y, z]",
        "l:\\n  - x: 1\\n    y: 2\\n  - z: 3;2;4;[x, y]",
        "l:\\n  - x: 1\\n    y: 2\\n  - z: 3\\n    w: 4;3;4;[z, w]",
    })
    void siblingsOfALine(String text, int line, int column, String expected) {
        YamlOutline o = new YamlOutline(new LineMap(text.replace("\\n", "\n")));
        boolean startsHere = o.shape(line).dashes().length > 0;
        java.util.TreeMap<Integer, String> byLine = new java.util.TreeMap<>();
        o.siblings(line, column, startsHere).forEach((k, l) -> byLine.put(l, k));
        byLine.put(line, o.shape(line).key());
        assertEquals(expected, byLine.values().toString());
    }
}
