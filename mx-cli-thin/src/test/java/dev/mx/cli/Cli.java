package dev.mx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Runs mx in-process and inspects what it printed and wrote. */
final class Cli {
    /** Strict: one JSON document, nothing after it. */
    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    static final String SKELETON = "ml-project-skeleton";

    /** What a stack trace prints: "java.lang.FooException: ...", "\tat dev.mx...(X.java:1)", "Caused by: ...". */
    private static final Pattern STACK_TRACE = Pattern.compile("(?m)Exception|^\\s+at [\\w.$/]+\\(|^Caused by: ");

    private Cli() {
    }

    record Result(int code, String out, String err) {
        /** stdout parsed as exactly one JSON document. */
        JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (IOException e) {
                throw new AssertionError("stdout is not one JSON document: " + e.getMessage() + "\n--- stdout:\n"
                        + out + "\n--- stderr:\n" + err, e);
            }
        }

        Result expect(int expected) {
            if (code != expected) {
                fail("exit code " + code + ", expected " + expected + "\n--- stdout:\n" + out + "\n--- stderr:\n" + err);
            }
            return this;
        }

        /** Neither stream shows a Java stack trace or exception class name. */
        Result noStackTrace() {
            assertFalse(STACK_TRACE.matcher(out).find(), () -> "stack trace on stdout:\n" + out);
            assertFalse(STACK_TRACE.matcher(err).find(), () -> "stack trace on stderr:\n" + err);
            return this;
        }

        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout:\n" + out + "\n--- stderr:\n" + err;
        }
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = MxCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    static Result run(List<String> args) {
        return run(args.toArray(String[]::new));
    }

    /** A new skeleton project at {@code dir} (which must not exist), created through {@code mx new}. */
    static Path newProject(Path dir, String... extraArgs) {
        String[] args = Stream.concat(Stream.of("new", SKELETON, dir.toString()), Stream.of(extraArgs))
                .toArray(String[]::new);
        Result r = run(args).expect(0);
        assertTrue(Files.isRegularFile(dir.resolve(".mx/state.yaml")), () -> "no state file after " + r);
        return dir;
    }

    /** Every regular file under {@code root} (relative path with '/' → content as text, bytes kept exact). */
    static Map<String, String> snapshot(Path root) {
        Map<String, String> out = new TreeMap<>();
        if (!Files.exists(root)) {
            return out;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Iterator<Path> it = s.filter(Files::isRegularFile).iterator(); it.hasNext();) {
                Path p = it.next();
                String rel = root.relativize(p).toString().replace('\\', '/');
                // ISO-8859-1 maps every byte to one char: equal strings mean equal bytes, and a
                // failing assertEquals still shows a readable diff for text files.
                out.put(rel, new String(Files.readAllBytes(p), java.nio.charset.StandardCharsets.ISO_8859_1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static void assertSameFiles(Map<String, String> before, Path root) {
        Map<String, String> after = snapshot(root);
        assertEquals(before.keySet(), after.keySet(), "the set of files changed");
        for (String path : before.keySet()) {
            assertEquals(before.get(path), after.get(path), "content of " + path + " changed");
        }
    }

    static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path p, String text) {
        try {
            Files.createDirectories(p.getParent());
            Files.writeString(p, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void copyTree(Path from, Path to) {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.sorted(Comparator.naturalOrder()).toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int count(String haystack, String needle) {
        int n = 0;
        for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }
}
