package dev.mx.engine.devspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mx.engine.diag.Diagnostic;
import dev.mx.engine.diag.Severity;
import dev.mx.engine.lint.FileKind;
import dev.mx.engine.lint.LintConfig;
import dev.mx.engine.lint.Linter;
import dev.mx.engine.lint.ProjectView;
import dev.mx.engine.lint.RuleRegistry;
import dev.mx.engine.lint.devspace.DevspaceSchemaRules;
import dev.mx.engine.yaml.ParsedYaml;
import dev.mx.engine.yaml.YamlMapping;
import dev.mx.engine.yaml.YamlParser;
import dev.mx.engine.yaml.YamlScalar;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The real devspace.yaml files of the shared corpus (see its SOURCES.md): all v2beta1 files load in
 * DevSpace, so no rule may call them wrong; the older files are none of the schema rules' business;
 * and nothing crashes, also on every truncated prefix of every file (partial trees).
 */
class DevspaceCorpusTest {
    private static final Set<String> SCHEMA_RULES = DevspaceSchemaRules.all().stream().map(r -> r.meta().id())
            .collect(Collectors.toSet());

    static Path corpusDir() {
        String dir = System.getProperty("mx.shared.dir");
        if (dir == null) {
            throw new IllegalStateException("system property mx.shared.dir is not set (mx-engine's surefire sets it)");
        }
        return Path.of(dir).resolve("corpus/devspace/real");
    }

    static List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(corpusDir())) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    static String version(String text) {
        ParsedYaml y = YamlParser.parse(text);
        return y.root() instanceof YamlMapping m && m.get("version") instanceof YamlScalar v ? v.value() : "";
    }

    /**
     * The corpus holds only each repository's devspace.yaml; the manifests, charts and imports it
     * names live in the repository, which is not part of the corpus. This view answers as that
     * repository would for existence (everything named is there) and has no contents to read.
     */
    static ProjectView repositoryAround(Path file) {
        Path base = file.toAbsolutePath().getParent();
        return new ProjectView() {
            @Override
            public Path baseDir() {
                return base;
            }

            @Override
            public Path projectRoot() {
                return base;
            }

            @Override
            public boolean exists(String relativePath) {
                return true;
            }

            @Override
            public boolean isDirectory(String relativePath) {
                String name = Path.of(relativePath).getFileName() == null ? "" : Path.of(relativePath).getFileName()
                        .toString();
                return relativePath.endsWith("/") || !name.contains(".");
            }

            @Override
            public Optional<String> read(String relativePath) {
                return Optional.empty();
            }
        };
    }

    static String describe(List<Diagnostic> ds) {
        return ds.stream().map(Diagnostic::format).collect(Collectors.joining("\n  ", "\n  ", ""));
    }

    @Test
    void corpusHasTheFilesSourcesListsPerVersion() throws IOException {
        long v2 = 0;
        long older = 0;
        for (Path f : files()) {
            if (version(Files.readString(f)).equals("v2beta1")) {
                v2++;
            } else {
                older++;
            }
        }
        assertEquals(29, v2, "v2beta1 files in the corpus");
        assertEquals(9, older, "older files in the corpus");
    }

    @TestFactory
    Stream<DynamicTest> v2beta1FilesHaveNoSchemaFindings() throws IOException {
        List<DynamicTest> out = new ArrayList<>();
        for (Path f : files()) {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            if (!version(text).equals("v2beta1")) {
                continue;
            }
            out.add(DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
                List<DevspaceSchemaCheck.Finding> found = DevspaceSchemaCheck.check(YamlParser.parse(text));
                assertTrue(found.isEmpty(), "the file loads in DevSpace, so the model must accept it: " + found);
            }));
        }
        return out.stream();
    }

    @TestFactory
    Stream<DynamicTest> v2beta1FilesHaveNoErrorsFromAnyRule() throws IOException {
        List<DynamicTest> out = new ArrayList<>();
        for (Path f : files()) {
            if (!version(Files.readString(f)).equals("v2beta1")) {
                continue;
            }
            out.add(DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                List<Diagnostic> errors = Linter.lint(new Linter.Request(f.getFileName().toString(), text,
                        FileKind.DEVSPACE, repositoryAround(f), LintConfig.EMPTY, RuleRegistry.standard())).stream()
                        .filter(d -> d.severity() == Severity.ERROR).toList();
                assertTrue(errors.isEmpty(), "a file that loads in DevSpace got errors:" + describe(errors));
            }));
        }
        return out.stream();
    }

    @TestFactory
    Stream<DynamicTest> olderFilesAreLeftToTheVersionRule() throws IOException {
        List<DynamicTest> out = new ArrayList<>();
        for (Path f : files()) {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            if (version(text).equals("v2beta1")) {
                continue;
            }
            out.add(DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
                assertFalse(DevspaceSchemaCheck.appliesTo(YamlParser.parse(text)));
                List<Diagnostic> mine = Linter.lintFile(f, f.getFileName().toString()).stream()
                        .filter(d -> SCHEMA_RULES.contains(d.rule())).toList();
                assertTrue(mine.isEmpty(), "schema rules must ignore version " + version(text) + ":" + describe(mine));
            }));
        }
        return out.stream();
    }

    @TestFactory
    Stream<DynamicTest> nothingCrashesOnAnyFileOrTruncatedPrefix() throws IOException {
        List<DynamicTest> out = new ArrayList<>();
        for (Path f : files()) {
            out.add(DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                List<String> variants = new ArrayList<>();
                variants.add(text);
                // as typed in an editor: every prefix ending mid-line, and the file with one line cut out
                int step = Math.max(1, text.length() / 40);
                for (int cut = 1; cut < text.length(); cut += step) {
                    variants.add(text.substring(0, cut));
                }
                String[] lines = text.split("\n", -1);
                for (int i = 0; i < lines.length; i += Math.max(1, lines.length / 20)) {
                    List<String> l = new ArrayList<>(List.of(lines));
                    l.remove(i);
                    variants.add(String.join("\n", l));
                }
                for (String v : variants) {
                    String asV2 = v.replaceFirst("(?m)^version: *\\S+", "version: v2beta1");
                    for (String t : List.of(v, asV2)) {
                        List<Diagnostic> crashed = Linter.lintText(t, "devspace.yaml",
                                FileKind.DEVSPACE).stream()
                                .filter(d -> d.rule().equals("mx/rule-crashed")).toList();
                        assertTrue(crashed.isEmpty(), "crash on a variant of " + f.getFileName() + ":"
                                + describe(crashed) + "\n--- text ---\n" + t);
                    }
                }
            }));
        }
        return out.stream();
    }
}
