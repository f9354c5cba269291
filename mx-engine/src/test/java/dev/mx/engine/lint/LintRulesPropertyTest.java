package dev.mx.engine.lint;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mx.engine.MxEngine;
import dev.mx.engine.diag.Diagnostic;
import dev.mx.engine.service.CancelChecker;
import dev.mx.engine.service.DocumentModel;
import dev.mx.engine.service.MxLanguageService;
import dev.mx.engine.text.LineMap;
import dev.mx.engine.text.Position;
import dev.mx.engine.text.Range;
import dev.mx.engine.yaml.FuzzBudget;
import dev.mx.engine.yaml.ParsedYaml;
import dev.mx.engine.yaml.YamlFuzz;
import dev.mx.engine.yaml.YamlMapping;
import dev.mx.engine.yaml.YamlNode;
import dev.mx.engine.yaml.YamlParser;
import dev.mx.engine.yaml.YamlScalar;
import dev.mx.engine.yaml.YamlSequence;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/**
 * Every lint rule, and every editor feature built on the same model, on real files mutated at
 * random: nothing throws, no rule crashes ({@code mx/rule-crashed} never appears), and every
 * diagnostic lies inside the text. Seeds: the shared corpus (devspace.yaml, MLproject) and the
 * texts of the rule cases (all four kinds, state files and lint config included).
 * Budget: see {@link FuzzBudget}.
 */
@AddLifecycleHook(FuzzBudget.class)
class LintRulesPropertyTest {
    private static final Duration NO_HANG = Duration.ofSeconds(20);
    private static final MxLanguageService SERVICE =
            new MxLanguageService(MxEngine.withGeneratorPath(List.of()), RuleRegistry.standard());

    /** A seed text, the kind it is linted as, and the file it pretends to be. */
    record Seed(String name, FileKind kind, Path path, String text) {
        @Override
        public String toString() {
            return kind + " " + name;
        }
    }

    @Property(tries = 2400, seed = "20251129", shrinking = ShrinkingMode.OFF)
    void noRuleCrashesOnMutatedFiles(@ForAll("seeds") Seed seed, @ForAll long mutation) {
        String text = mutation % 10 == 0 ? seed.text() : YamlFuzz.mutate(seed.text(), mutation);
        String what = seed + " mutation " + mutation;
        List<Diagnostic> found = assertTimeoutPreemptively(NO_HANG, () -> Linter.lint(new Linter.Request(
                seed.path().toString(), text, seed.kind(), ProjectView.onDisk(seed.path()), LintConfig.EMPTY,
                RuleRegistry.standard())), what);
        LineMap lines = new LineMap(text);
        Position end = lines.position(text.length());
        for (Diagnostic d : found) {
            assertFalse(d.rule().equals("mx/rule-crashed"), () -> d.message() + "\n" + what + "\n" + text);
            Range r = d.range();
            assertTrue(r.start().compareTo(r.end()) <= 0 && r.end().line() <= end.line(),
                    () -> "range " + r + " outside the text (" + end + "): " + d + "\n" + what);
            assertTrue(!d.message().isBlank() && !d.message().contains("Exception"), () -> d + "\n" + what);
        }
    }

    @Property(tries = 800, seed = "20251129", shrinking = ShrinkingMode.OFF)
    void editorFeaturesNeverThrowOnMutatedFiles(@ForAll("seeds") Seed seed, @ForAll long mutation) {
        String text = YamlFuzz.mutate(seed.text(), mutation);
        Path as = seed.path().getParent().resolve(switch (seed.kind()) {
            case MLPROJECT -> "MLproject";
            case STATE -> "state.yaml";
            case LINT_CONFIG -> "lint.yaml";
            default -> "devspace.yaml";
        });
        DocumentModel model = DocumentModel.of(as.toUri().toString(), as, 1, text);
        Random r = new Random(mutation);
        CancelChecker never = CancelChecker.NEVER;
        assertTimeoutPreemptively(NO_HANG, () -> {
            List<Diagnostic> diagnostics = SERVICE.diagnostics(model, Map.of(), never);
            SERVICE.symbols(model, never);
            SERVICE.links(model, never);
            LineMap lines = model.lines();
            for (int i = 0; i < 6; i++) {
                int line = r.nextInt(lines.lineCount() + 1);
                Position p = new Position(line, r.nextInt(1 + (line < lines.lineCount() ? lines.line(line).length() : 0) + 2));
                SERVICE.complete(model, p, r.nextBoolean(), never);
                SERVICE.hover(model, p, never);
                SERVICE.definition(model, p, never);
                SERVICE.codeActions(model, new Range(p, p), diagnostics, never);
            }
            return null;
        }, () -> seed + " mutation " + mutation);
    }

    @Provide
    Arbitrary<Seed> seeds() {
        return Arbitraries.of(SEEDS);
    }

    private static final List<Seed> SEEDS = loadSeeds();

    private static List<Seed> loadSeeds() {
        List<Seed> out = new ArrayList<>();
        for (YamlFuzz.CorpusFile f : YamlFuzz.corpus()) {
            FileKind kind = f.path().getFileName().toString().equals("MLproject") ? FileKind.MLPROJECT : FileKind.DEVSPACE;
            out.add(new Seed(f.toString(), kind, f.path(), f.text()));
        }
        // the rule cases: every kind, with the text each case lints
        Path cases = Path.of("src/test/resources/lint").toAbsolutePath();
        Path fake = Path.of("target", "fuzz-project").toAbsolutePath();
        try (Stream<Path> s = Files.walk(cases)) {
            for (Path p : s.filter(x -> x.toString().endsWith(".yaml")).sorted().toList()) {
                ParsedYaml y = YamlParser.parse(Files.readString(p, StandardCharsets.UTF_8));
                if (!(y.find(List.of("cases")) instanceof YamlSequence list)) {
                    continue;
                }
                for (YamlNode c : list.items()) {
                    if (c instanceof YamlMapping m && m.get("text") instanceof YamlScalar text) {
                        String file = m.get("file") instanceof YamlScalar fs ? fs.value() : "devspace.yaml";
                        Path at = fake.resolve(file).normalize();
                        FileKind kind = FileKind.of(at).orElse(FileKind.DEVSPACE);
                        out.add(new Seed(p.getFileName() + ":" + c.range().start().line(), kind, at, text.value()));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.add(new Seed("empty state", FileKind.STATE, fake.resolve(".mx/state.yaml"), "format_version: 1\n"));
        out.add(new Seed("lint config", FileKind.LINT_CONFIG, fake.resolve(".mx/lint.yaml"),
                "rules:\n  devspace/var: off\n  yaml/syntax: warning\noverrides:\n  - files: [\"k8s/**\"]\n    rules: {mlproject/entry-point: off}\n"));
        return List.copyOf(out);
    }
}
