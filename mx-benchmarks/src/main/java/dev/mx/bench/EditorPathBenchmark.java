package dev.mx.bench;

import dev.mx.engine.MxEngine;
import dev.mx.engine.diag.Diagnostic;
import dev.mx.engine.lint.FileKind;
import dev.mx.engine.lint.LintConfig;
import dev.mx.engine.lint.Linter;
import dev.mx.engine.lint.ProjectView;
import dev.mx.engine.lint.RuleRegistry;
import dev.mx.engine.service.CancelChecker;
import dev.mx.engine.service.CompletionResult;
import dev.mx.engine.service.DocumentModel;
import dev.mx.engine.service.MxLanguageService;
import dev.mx.engine.text.Position;
import dev.mx.engine.yaml.ParsedYaml;
import dev.mx.engine.yaml.YamlParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * What the language server does on a devspace.yaml of each size: parse, lint, one edit (new text
 * to diagnostics, as after a didChange), completion; and the CLI's plan of a generator that merges
 * into that devspace.yaml. The peer in the same run is snakeyaml-engine loading the same text
 * (no positions, no rules): {@link #snakeyamlLoad}.
 *
 * <p>Sizes are {@code bigdevspace.py N} ({@link BigDevspace}): 3 is about a median real config
 * (70 lines), 25 about the largest in the corpus (530 lines), 500 is 10.5k lines, 2000 is 42k lines.
 *
 * <p>Run: {@code mvn -B -Pbenchmarks package -pl mx-benchmarks -am -DskipTests}, then
 * {@code java -jar mx-benchmarks/target/benchmarks.jar EditorPath} (add {@code -p n=500} for one size,
 * {@code -prof gc} for allocation).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC", "-Xms256m"})
public class EditorPathBenchmark {
    @Param({"3", "25", "500", "2000"})
    public int n;

    Path project;
    Path file;
    String text;
    int lines;
    MxLanguageService service;
    DocumentModel model;
    Position completeAt;
    MxEngine engine;
    Path planProject;
    int edit;
    DocumentModel editModel;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        text = BigDevspace.of(n);
        lines = text.split("\n", -1).length;
        project = Files.createTempDirectory("mx-bench");
        file = project.resolve("devspace.yaml");
        Files.writeString(file, text);
        engine = MxEngine.withGeneratorPath(List.of());
        service = new MxLanguageService(engine, RuleRegistry.standard());
        model = DocumentModel.of(file.toUri().toString(), file, 1, text);
        editModel = model;
        completeAt = new Position(BigDevspace.completionLine(text), 4);
        CompletionResult r = service.complete(model, completeAt, true, CancelChecker.NEVER);
        if (r.items().isEmpty()) {
            throw new IllegalStateException("no completion items at " + completeAt);
        }
        // a project with the skeleton applied whose devspace.yaml is this text: debug-pod merges into it
        planProject = Files.createTempDirectory("mx-bench-plan").resolve("demo");
        Files.createDirectories(planProject);
        engine.generate(planProject, "ml-project-skeleton", Map.of());
        Files.writeString(planProject.resolve("devspace.yaml"), text.replace("name: big-project", "name: demo"));
        System.out.printf("%nn=%d: %d lines, %d chars, %d diagnostics%n", n, lines, text.length(),
                service.diagnostics(model, Map.of(), CancelChecker.NEVER).size());
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        for (Path root : List.of(project, planProject.getParent())) {
            try (var s = Files.walk(root)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The peer: snakeyaml-engine loading the same text into plain Java objects. */
    @Benchmark
    public void snakeyamlLoad(Blackhole bh) {
        for (Object doc : new Load(LoadSettings.builder().setAllowDuplicateKeys(true).build()).loadAllFromString(text)) {
            bh.consume(doc);
        }
    }

    /** Our positioned tree (what every editor feature reads). */
    @Benchmark
    public ParsedYaml parse() {
        return YamlParser.parse(text);
    }

    /** The rules on an already parsed model (the server parses once per version). */
    @Benchmark
    public List<Diagnostic> lint() {
        return service.diagnostics(model, Map.of(), CancelChecker.NEVER);
    }

    /** Lint from text, parse included, as `mx lint` does per file. */
    @Benchmark
    public List<Diagnostic> lintText() {
        return Linter.lint(new Linter.Request(file.toString(), text, FileKind.DEVSPACE, ProjectView.onDisk(file),
                LintConfig.EMPTY, RuleRegistry.standard()));
    }

    /**
     * One edit as the LSP benchmark makes it (a comment line appended), from the new text to its
     * diagnostics: the model of the new version (from the previous one) and the rules.
     */
    @Benchmark
    public List<Diagnostic> edit() {
        String next = text + "# e" + (edit++ & 1) + "\n";
        editModel = editModel.next(editModel.version() + 1, next);
        return service.diagnostics(editModel, Map.of(), CancelChecker.NEVER);
    }

    @Benchmark
    public CompletionResult completion() {
        return service.complete(model, completeAt, true, CancelChecker.NEVER);
    }

    /** Planning debug-pod, which merges its dev, deployment and pipeline into this devspace.yaml. */
    @Benchmark
    public Object plan() {
        return engine.plan(new MxEngine.Request(planProject, "debug-pod", Map.of()));
    }
}
