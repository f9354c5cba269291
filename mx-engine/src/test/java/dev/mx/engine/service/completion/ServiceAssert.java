package dev.mx.engine.service.completion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.mx.engine.MxEngine;
import dev.mx.engine.lint.RuleRegistry;
import dev.mx.engine.service.CancelChecker;
import dev.mx.engine.service.CompletionItem;
import dev.mx.engine.service.CompletionResult;
import dev.mx.engine.service.DocumentModel;
import dev.mx.engine.service.HoverResult;
import dev.mx.engine.service.MxLanguageService;
import dev.mx.engine.text.LineMap;
import dev.mx.engine.text.Position;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Data-driven assertions in the manner of LemMinX's XMLAssert: a text with a {@code |} cursor,
 * a file name that decides the kind ({@code devspace.yaml}, {@code MLproject},
 * {@code .mx/state.yaml}), and expected items. A literal pipe (a YAML block scalar) is written
 * {@code ¦} and turned into {@code |} once the cursor is found.
 */
public final class ServiceAssert {
    public static final MxLanguageService SERVICE =
            new MxLanguageService(MxEngine.withGeneratorPath(List.of()), RuleRegistry.standard());
    private static Path defaultProject;

    private ServiceAssert() {
    }

    /** An expected item: present (with the document after its plain edit, when given), or absent. */
    public record Expected(String label, String afterEdit, String snippet, boolean absent) {
    }

    /** {@code label} is offered. */
    public static Expected c(String label) {
        return new Expected(label, null, null, false);
    }

    /** {@code label} is offered and applying its plain edit gives {@code afterEdit} (the whole document). */
    public static Expected c(String label, String afterEdit) {
        return new Expected(label, afterEdit, null, false);
    }

    /** {@code label} is offered with this snippet. */
    public static Expected s(String label, String snippet) {
        return new Expected(label, null, snippet, false);
    }

    /** {@code label} is not offered. */
    public static Expected no(String label) {
        return new Expected(label, null, null, true);
    }

    // ------------------------------------------------------------------ documents

    /** A temporary project folder holding {@code files} (relative path → content). */
    public static Path project(Map<String, String> files) {
        try {
            Path root = Files.createTempDirectory("mx-service-test");
            for (var e : files.entrySet()) {
                Path f = root.resolve(e.getKey());
                Files.createDirectories(f.getParent());
                Files.writeString(f, e.getValue());
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized Path defaultProject() {
        if (defaultProject == null) {
            defaultProject = project(Map.of());
        }
        return defaultProject;
    }

    public record Cursor(String text, Position position) {
    }

    /** Removes the {@code |} cursor marker and turns {@code ¦} into {@code |}. */
    public static Cursor cursor(String textWithCursor) {
        int at = textWithCursor.indexOf('|');
        if (at < 0 || textWithCursor.indexOf('|', at + 1) >= 0) {
            fail("the text needs exactly one | cursor (write ¦ for a literal pipe): " + textWithCursor);
        }
        String text = (textWithCursor.substring(0, at) + textWithCursor.substring(at + 1)).replace('¦', '|');
        return new Cursor(text, new LineMap(text).position(at));
    }

    public static DocumentModel model(String text, String fileName, Path projectRoot) {
        Path file = (projectRoot == null ? defaultProject() : projectRoot).resolve(fileName);
        return DocumentModel.of(file.toUri().toString(), file, 1, text);
    }

    // ------------------------------------------------------------------ completion

    public static CompletionResult testCompletionFor(String text, String fileName, Expected... expected) {
        return testCompletionFor(text, fileName, null, false, expected);
    }

    public static CompletionResult testCompletionFor(String text, String fileName, boolean snippets,
            Expected... expected) {
        return testCompletionFor(text, fileName, null, snippets, expected);
    }

    public static CompletionResult testCompletionFor(String textWithCursor, String fileName, Path projectRoot,
            boolean snippets, Expected... expected) {
        Cursor c = cursor(textWithCursor);
        DocumentModel doc = model(c.text(), fileName, projectRoot);
        CompletionResult result = SERVICE.complete(doc, c.position(), snippets, CancelChecker.NEVER);
        assertNotNull(result);
        Set<String> seen = new HashSet<>();
        for (CompletionItem item : result.items()) {
            assertTrue(seen.add(item.label()), "duplicate label " + item.label());
            assertNotNull(item.edit(), "item without an edit: " + item.label());
            assertEquals(c.position().line(), item.edit().range().start().line(), "edit not on the cursor line");
            assertTrue(item.edit().range().start().column() <= c.position().column()
                    && item.edit().range().end().column() >= c.position().column(),
                    "edit range " + item.edit().range() + " does not hold the cursor " + c.position());
            if (!snippets) {
                assertEquals(null, item.snippet(), "a snippet was made for a client without snippets");
            }
        }
        String labels = result.items().stream().map(CompletionItem::label).collect(Collectors.joining(", "));
        for (Expected e : expected) {
            Optional<CompletionItem> item = result.items().stream().filter(i -> i.label().equals(e.label())).findFirst();
            if (e.absent()) {
                assertTrue(item.isEmpty(), "'" + e.label() + "' should not be offered; got: " + labels);
                continue;
            }
            assertTrue(item.isPresent(), "'" + e.label() + "' should be offered; got: [" + labels + "]");
            if (e.afterEdit() != null) {
                String applied = new LineMap(c.text()).apply(List.of(item.get().edit()));
                assertEquals(e.afterEdit().replace('¦', '|'), applied, "document after accepting " + e.label());
            }
            if (e.snippet() != null) {
                assertEquals(e.snippet(), item.get().snippet(), "snippet of " + e.label());
            }
        }
        return result;
    }

    /** Nothing is offered. */
    public static void testNoCompletion(String textWithCursor, String fileName) {
        Cursor c = cursor(textWithCursor);
        CompletionResult result = SERVICE.complete(model(c.text(), fileName, null), c.position(), false,
                CancelChecker.NEVER);
        assertTrue(result.items().isEmpty(), "expected no items, got: "
                + result.items().stream().map(CompletionItem::label).collect(Collectors.joining(", ")));
    }

    // ------------------------------------------------------------------ hover

    public static HoverResult assertHover(String textWithCursor, String fileName, String... fragments) {
        return assertHover(textWithCursor, fileName, null, fragments);
    }

    public static HoverResult assertHover(String textWithCursor, String fileName, Path projectRoot,
            String... fragments) {
        Cursor c = cursor(textWithCursor);
        Optional<HoverResult> h = SERVICE.hover(model(c.text(), fileName, projectRoot), c.position(),
                CancelChecker.NEVER);
        assertTrue(h.isPresent(), "expected a hover at " + c.position());
        assertTrue(h.get().range().contains(c.position()), "hover range " + h.get().range() + " misses the cursor");
        for (String f : fragments) {
            assertTrue(h.get().markdown().contains(f), "hover should contain '" + f + "':\n" + h.get().markdown());
        }
        return h.get();
    }

    public static void assertNoHover(String textWithCursor, String fileName) {
        Cursor c = cursor(textWithCursor);
        Optional<HoverResult> h = SERVICE.hover(model(c.text(), fileName, null), c.position(), CancelChecker.NEVER);
        assertTrue(h.isEmpty(), "expected no hover, got: " + h.map(HoverResult::markdown).orElse(""));
    }
}
