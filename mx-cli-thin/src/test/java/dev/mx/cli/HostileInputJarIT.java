package dev.mx.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The inputs of the bad-input matrix that could exhaust memory or hang, through the real jar with a
 * small heap and a deadline: alias bombs, 20,000 levels of nesting, binary data, a 5 MB line and
 * 250,000 lines, as each of devspace.yaml, MLproject and .mx/state.yaml, through {@code lint} and
 * {@code generate --dry-run} (250,000 lines: {@code lint}, with {@value #HEAP_FOR_LARGE_FILES}). The process must end in time with exit 0, 1 or 2, never an
 * OutOfMemoryError or a stack trace.
 */
class HostileInputJarIT {
    /**
     * The heap of every run: small, as on a busy CI machine or in a container. 250,000 lines get twice
     * that: the positioned model of such a file alone takes about 100 MB.
     */
    static final String HEAP = "-Xmx128m";
    static final String HEAP_FOR_LARGE_FILES = "-Xmx256m";
    static final long DEADLINE_SECONDS = 60;
    private static final List<String> TIMES = new ArrayList<>();

    @TempDir
    static Path tmp;
    private static Path jar;
    private static Path base;

    @BeforeAll
    static void setUp() {
        jar = Paths.get(System.getProperty("mx.jar", "target/mx.jar")).toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), "shaded jar not built: " + jar);
        base = Cli.newProject(tmp.resolve("base"));
    }

    @AfterAll
    static void printTimes() {
        System.out.println("hostile inputs through the jar:");
        TIMES.forEach(System.out::println);
    }

    static Stream<Arguments> cells() {
        List<Arguments> out = new ArrayList<>();
        for (HostileInputs.Place p : HostileInputs.Place.values()) {
            for (HostileInputs.Input in : HostileInputs.all(p)) {
                if (List.of("alias bomb", "nesting 20,000 deep (flow)", "nesting 20,000 deep (block)", "binary",
                        "a long line (5 MB)", "250,000 lines").contains(in.name())) {
                    out.add(Arguments.of(p, in));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{1} as {0}")
    @MethodSource("cells")
    void endsInTimeWithinASmallHeap(HostileInputs.Place place, HostileInputs.Input in) throws Exception {
        String gap = HostileInputMatrixTest.KNOWN_GAPS.get(place + "/" + in.name());
        Assumptions.assumeTrue(gap == null, () -> "known gap: " + gap);
        Path dir = tmp.resolve(place + "-" + in.name().replaceAll("\\W+", "-"));
        Path project = HostileInputMatrixTest.project(base, dir, place, in);
        boolean large = in.name().equals("250,000 lines");
        // generate on a 250,000-line manifest holds several models of it at once (plan and edit checks) and
        // needs about 512 MB; it runs in process in HostileInputMatrixTest
        for (List<String> args : large ? List.of(List.of("lint", "."))
                : List.of(List.of("lint", "."), List.of("generate", "sphinx-docs", "--dry-run"))) {
            long t0 = System.nanoTime();
            String heap = large ? HEAP_FOR_LARGE_FILES : HEAP;
            int code = run(project, heap, args);
            TIMES.add(String.format("  %-14s %-28s %-30s %s exit %d in %.1f s", place.file, in.name(),
                    String.join(" ", args), heap, code, (System.nanoTime() - t0) / 1e9));
        }
    }

    private static int run(Path dir, String heap, List<String> args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                heap, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-jar", jar.toString()));
        cmd.addAll(args);
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(nullFile())).start();
        if (!p.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            fail("mx " + args + " still running after " + DEADLINE_SECONDS + " s in " + dir);
        }
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        String stdout = head(out);
        int code = p.exitValue();
        assertFalse(stderr.contains("OutOfMemoryError") || stderr.contains("Exception") || stderr.contains("\tat "),
                () -> "mx " + args + " in " + dir + ":\n" + stderr);
        assertTrue(code >= 0 && code <= 2, () -> "exit " + code + " of mx " + args + ":\n" + stderr + stdout);
        return code;
    }

    private static String head(Path f) throws IOException {
        byte[] b = Files.readAllBytes(f);
        return new String(b, 0, Math.min(b.length, 4000), StandardCharsets.UTF_8);
    }

    private static java.io.File nullFile() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
