package dev.mx.engine.yaml;

import dev.mx.engine.text.Range;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Helpers shared by the yaml package tests. */
final class YamlTestSupport {
    private YamlTestSupport() {
    }

    /** Zero-based "line:col-line:col", easier to read in test tables than Range.toString. */
    static String span(Range r) {
        return r.start().line() + ":" + r.start().column() + "-" + r.end().line() + ":" + r.end().column();
    }

    static YamlNode node(ParsedYaml y, Object... path) {
        YamlNode n = y.find(Arrays.asList(path));
        assertNotNull(n, () -> "no node at " + Arrays.toString(path) + " in:\n" + y.text());
        return n;
    }

    static String text(ParsedYaml y, YamlNode n) {
        return y.textOf(n.range());
    }

    static List<String> lines(String text) {
        List<String> out = new ArrayList<>(Arrays.asList(text.split("\r\n|\r|\n", -1)));
        if (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    /**
     * The shared reference folder, from the {@code mx.shared.dir} system property that the build
     * sets for tests.
     */
    static Path sharedDir() {
        String dir = System.getProperty("mx.shared.dir");
        assertNotNull(dir, "system property mx.shared.dir is not set (run the tests with Maven)");
        Path p = Path.of(dir);
        assertTrue(Files.isDirectory(p), "mx.shared.dir is not a directory: " + p);
        return p;
    }

    /**
     * Asserts that {@code after} is {@code before} with one contiguous block of lines inserted and
     * returns the inserted lines.
     */
    static List<String> assertInsertionOnly(String before, String after) {
        List<String> a = lines(before);
        List<String> b = lines(after);
        int prefix = commonPrefix(a, b);
        int suffix = commonSuffix(a, b, prefix);
        assertTrue(prefix + suffix == a.size() && b.size() > a.size(),
                () -> "not a pure insertion of lines (prefix " + prefix + ", suffix " + suffix + ", lines "
                        + a.size() + " -> " + b.size() + "):\n" + after);
        return b.subList(prefix, b.size() - suffix);
    }

    /** Asserts that {@code after} is {@code before} with one contiguous block of lines removed; returns them. */
    static List<String> assertDeletionOnly(String before, String after) {
        List<String> removed = assertInsertionOnly(after, before);
        return removed;
    }

    /**
     * Asserts that only one contiguous block of lines differs; returns {old block, new block}.
     */
    static List<List<String>> changedBlock(String before, String after) {
        List<String> a = lines(before);
        List<String> b = lines(after);
        int prefix = commonPrefix(a, b);
        int suffix = commonSuffix(a, b, prefix);
        return List.of(a.subList(prefix, a.size() - suffix), b.subList(prefix, b.size() - suffix));
    }

    private static int commonPrefix(List<String> a, List<String> b) {
        int i = 0;
        while (i < a.size() && i < b.size() && a.get(i).equals(b.get(i))) {
            i++;
        }
        return i;
    }

    private static int commonSuffix(List<String> a, List<String> b, int prefix) {
        int i = 0;
        while (i < a.size() - prefix && i < b.size() - prefix
                && a.get(a.size() - 1 - i).equals(b.get(b.size() - 1 - i))) {
            i++;
        }
        return i;
    }
}
