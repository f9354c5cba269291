package dev.mx.engine.lint.mlproject;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mx.engine.diag.Diagnostic;
import dev.mx.engine.diag.Severity;
import dev.mx.engine.lint.Linter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Lints the 34 real MLflow projects of the shared corpus. Every row SOURCES.md marks MISTAKE must
 * get the finding that names its mistake; no file may crash a rule. All other findings are
 * printed, for review: env files the corpus did not copy are reported missing there, which is
 * right for the directory as stored.
 */
class MlprojectCorpusTest {
    private static final Path CORPUS = Path.of(System.getProperty("mx.shared.dir", "../../shared"))
            .resolve("corpus/mlproject/real");

    /** Per MISTAKE row: the rule and a message fragment that names the mistake. */
    private static final Map<String, List<String>> MISTAKES = Map.of(
            "ZachWolpe__MLFlow-template-code__1",
            List.of("mlproject/env-file", "is by its name a conda environment file"),
            "Venom-Engineering__mlflow_template__1", List.of("mlproject/parameter-type", "did you mean 'type: int'"),
            "chris0879__example_project_kube__1", List.of("mlproject/kubernetes", "carries the tag ':latest'"),
            "326-T__mlflow-project-sample__1", List.of("mlproject/kubernetes", "is a URL ('https://hub.docker.com')"));

    @Test
    void everyMistakeIsFoundAndNothingCrashes() throws IOException {
        assumeTrue(Files.isDirectory(CORPUS), "shared corpus not found at " + CORPUS);
        List<Path> dirs;
        try (Stream<Path> s = Files.list(CORPUS)) {
            dirs = s.filter(Files::isDirectory).sorted().toList();
        }
        assertEquals(34, dirs.size(), "projects in the corpus");
        assertEquals(MISTAKES.keySet(), mistakeRows(), "MISTAKE rows of SOURCES.md vs. expectations here");
        StringBuilder report = new StringBuilder("MLproject corpus findings:\n");
        StringBuilder errors = new StringBuilder();
        List<String> failures = new ArrayList<>();
        for (Path dir : dirs) {
            String name = dir.getFileName().toString();
            Path file = dir.resolve("MLproject");
            List<Diagnostic> ds = Linter.lintFile(file, name + "/MLproject");
            report.append(name).append(MISTAKES.containsKey(name) ? "  [MISTAKE]" : "").append('\n');
            for (Diagnostic d : ds) {
                report.append("  ").append(d.range().start()).append(' ').append(d.severity().label()).append(" [")
                        .append(d.rule()).append("] ").append(d.message()).append('\n');
                if (d.rule().equals("mx/rule-crashed")) {
                    failures.add(name + ": " + d.message());
                }
                if (d.severity() == Severity.ERROR && !MISTAKES.containsKey(name)) {
                    errors.append("  ").append(name).append(" [").append(d.rule()).append("] ").append(d.message())
                            .append('\n');
                }
            }
            List<String> expected = MISTAKES.get(name);
            if (expected != null && ds.stream().noneMatch(d -> d.rule().equals(expected.get(0))
                    && d.message().contains(expected.get(1)))) {
                failures.add(name + ": expected [" + expected.get(0) + "] '" + expected.get(1) + "'");
            }
        }
        report.append("Errors on rows not marked MISTAKE (each must be a real MLflow failure of the directory as"
                + " stored; env files the corpus did not copy are missing there):\n").append(errors);
        System.out.println(report);
        assertTrue(failures.isEmpty(), String.join("\n", failures) + "\n\n" + report);
    }

    private static TreeSet<String> mistakeRows() throws IOException {
        TreeSet<String> out = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^\\| (\\S+) \\|.*\\bMISTAKE\\b")
                .matcher(Files.readString(CORPUS.resolve("SOURCES.md")));
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
