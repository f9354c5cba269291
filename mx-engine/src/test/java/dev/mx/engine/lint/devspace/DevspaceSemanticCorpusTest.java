package dev.mx.engine.lint.devspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mx.engine.diag.Diagnostic;
import dev.mx.engine.diag.Severity;
import dev.mx.engine.lint.LintRule;
import dev.mx.engine.lint.Linter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The semantic devspace rules over the real-world corpus (shared material, see its SOURCES.md):
 * every v2beta1 file there loads in DevSpace, so no rule may report an error on it; files with an
 * older version get exactly one note from devspace/version and nothing else; nothing crashes.
 * The corpus holds only the devspace.yaml files, not the manifests, values files, Dockerfiles and
 * imports they point at, so the test first creates empty stand-ins for the local files the rules
 * say are missing, then lints again.
 */
class DevspaceSemanticCorpusTest {
    private static final Set<String> MINE = DevspaceSemanticRules.all().stream().map(r -> r.meta().id())
            .collect(Collectors.toSet());

    static Path corpus() {
        String shared = System.getProperty("mx.shared.dir");
        assertTrue(shared != null, "mx.shared.dir is not set (surefire sets it)");
        return Path.of(shared, "corpus", "devspace", "real");
    }

    static List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(corpus())) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @Test
    void v2FilesGetNoErrorsAndOlderFilesOneNote(@TempDir Path tmp) throws IOException {
        List<String> report = new ArrayList<>();
        int v2 = 0;
        int older = 0;
        int standIns = 0;
        for (Path f : files()) {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            Path dir = Files.createDirectories(tmp.resolve(f.getFileName().toString().replace(".yaml", "")));
            Path file = dir.resolve("devspace.yaml");
            Files.writeString(file, text, StandardCharsets.UTF_8);
            List<Diagnostic> all = Linter.lintFile(file, f.getFileName().toString());
            assertTrue(all.stream().noneMatch(d -> d.rule().equals("mx/rule-crashed")), f + ": " + all);
            String version = DevspaceFiles.version(dev.mx.engine.yaml.YamlParser.parse(text));
            if (DevspaceFiles.OLDER.contains(version)) {
                older++;
                List<Diagnostic> mine = all.stream().filter(d -> d.rule().startsWith("devspace/")).toList();
                assertEquals(1, mine.size(), f + ": " + mine);
                assertEquals("devspace/version", mine.get(0).rule());
                assertEquals(Severity.INFO, mine.get(0).severity());
                continue;
            }
            v2++;
            for (Diagnostic d : mine(all)) {
                if (isMissingFile(d)) {
                    standIns++;
                    createStandIn(dir, d);
                }
            }
            List<Diagnostic> again = mine(Linter.lintFile(file, f.getFileName().toString()));
            for (Diagnostic d : again) {
                report.add(d.format());
            }
            List<Diagnostic> errors = again.stream().filter(d -> d.severity() == Severity.ERROR).toList();
            assertTrue(errors.isEmpty(), f + " loads in DevSpace but got errors:\n"
                    + errors.stream().map(Diagnostic::format).collect(Collectors.joining("\n")));
        }
        assertEquals(29, v2);
        assertEquals(9, older);
        System.out.println("[corpus] v2beta1 files: " + v2 + ", older: " + older + ", stand-ins created: " + standIns
                + ", remaining non-error findings: " + report.size());
        report.forEach(r -> System.out.println("[corpus]   " + r));
    }

    private static List<Diagnostic> mine(List<Diagnostic> all) {
        return all.stream().filter(d -> MINE.contains(d.rule())).toList();
    }

    private static boolean isMissingFile(Diagnostic d) {
        return (d.rule().equals("devspace/unknown-reference") || d.rule().equals("devspace/import"))
                && d.message().contains("' does not exist (paths are relative to the folder of devspace.yaml)");
    }

    private static void createStandIn(Path dir, Diagnostic d) throws IOException {
        String m = d.message();
        String path = m.substring(m.indexOf('\'') + 1, m.indexOf("' does not exist"));
        Path p = dir.resolve(path).normalize();
        assertTrue(p.startsWith(dir), "stand-in outside the project: " + path);
        boolean folder = m.startsWith("build context") || m.startsWith("kustomization") || m.contains(" folder '")
                || (m.startsWith("manifest") && !path.endsWith(".yaml") && !path.endsWith(".yml"));
        if (folder) {
            Files.createDirectories(p);
        } else {
            Files.createDirectories(p.getParent());
            Files.writeString(p, m.startsWith("imported file") ? "version: v2beta1\n" : "");
        }
    }

    @Test
    void truncatedCorpusFilesNeverCrash(@TempDir Path tmp) throws IOException {
        List<LintRule> rules = DevspaceSemanticRules.all();
        assertTrue(rules.size() >= 10);
        for (Path f : files()) {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            int step = Math.max(1, text.length() / 23);
            for (int cut = 0; cut < text.length(); cut += step) {
                Path file = tmp.resolve("devspace.yaml");
                Files.writeString(file, text.substring(0, cut), StandardCharsets.UTF_8);
                List<Diagnostic> all = Linter.lintFile(file, "devspace.yaml");
                assertTrue(all.stream().noneMatch(d -> d.rule().equals("mx/rule-crashed")),
                        f + " cut at " + cut + ": " + all.stream().filter(d -> d.rule().equals("mx/rule-crashed"))
                                .map(Diagnostic::message).toList());
            }
        }
        try (Stream<Path> s = Files.walk(tmp)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
