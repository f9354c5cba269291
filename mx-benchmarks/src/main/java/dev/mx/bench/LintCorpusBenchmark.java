package dev.mx.bench;

import dev.mx.engine.diag.Diagnostic;
import dev.mx.engine.lint.FileKind;
import dev.mx.engine.lint.LintConfig;
import dev.mx.engine.lint.Linter;
import dev.mx.engine.lint.ProjectView;
import dev.mx.engine.lint.RuleRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Lints every file of the shared corpus (devspace.yaml and MLproject) from memory, so the figure
 * is the linter's own speed: files per second = ops/s x {@link #files} (printed at setup).
 * Run: {@code java -Dmx.shared.dir=../shared -jar mx-benchmarks/target/benchmarks.jar LintCorpus}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LintCorpusBenchmark {
    record Input(Path path, String text, FileKind kind, ProjectView project) {
    }

    List<Input> inputs;
    int files;

    @Setup
    public void load() throws IOException {
        Path corpus = Path.of(System.getProperty("mx.shared.dir", "../shared")).resolve("corpus");
        inputs = new ArrayList<>();
        try (Stream<Path> s = Files.walk(corpus)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                String name = p.getFileName().toString();
                FileKind kind = name.equals("MLproject") ? FileKind.MLPROJECT
                        : p.toString().contains("devspace/real") && name.endsWith(".yaml") ? FileKind.DEVSPACE : null;
                if (kind != null) {
                    inputs.add(new Input(p, Files.readString(p, StandardCharsets.UTF_8), kind, ProjectView.onDisk(p)));
                }
            }
        }
        files = inputs.size();
        System.out.println("corpus files per op: " + files);
    }

    /** The peer in the same run: parsing the same files with snakeyaml-engine alone (no positions, no rules). */
    @Benchmark
    public void parseOnlyBaseline(Blackhole bh) {
        for (Input in : inputs) {
            for (Object doc : new org.snakeyaml.engine.v2.api.Load(org.snakeyaml.engine.v2.api.LoadSettings.builder()
                    .setAllowDuplicateKeys(true).build()).loadAllFromString(in.text())) {
                bh.consume(doc);
            }
        }
    }

    @Benchmark
    public void lintCorpus(Blackhole bh) {
        for (Input in : inputs) {
            List<Diagnostic> ds = Linter.lint(new Linter.Request(in.path().toString(), in.text(), in.kind(),
                    in.project(), LintConfig.EMPTY, RuleRegistry.standard()));
            bh.consume(ds);
        }
    }
}
