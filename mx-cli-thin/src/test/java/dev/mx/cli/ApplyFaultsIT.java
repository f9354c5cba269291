package dev.mx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.mx.engine.state.AppliedGenerator;
import dev.mx.engine.state.Hashes;
import dev.mx.engine.state.ProjectState;
import dev.mx.engine.state.StateFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults during a large apply, with the shaded {@code target/mx.jar} as a real process: killed
 * with SIGKILL at random moments, two runs at once, a full disk, a file size limit, an immutable
 * file. After each, the project is exactly as before or exactly as after the apply (every byte,
 * every folder), the state file parses and matches the files, and mx said clearly what happened.
 *
 * <p>The project is the skeleton plus {@code bigpack} in {@code .mx/generators/}: 200 rendered
 * files, 2 × 30 files that one answer swaps for others, one file of 370 KB, and 20 manifest keys.
 * Changing {@code variant} between {@code a} and {@code b} rewrites about 260 files in one
 * transaction.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class ApplyFaultsIT {
    private static final String PACK = "bigpack";
    private static Path jar;
    private static Path javaBin;

    /** The project before (variant a) and after (variant b), computed once by clean runs. */
    private static Path base;
    private static Map<String, String> before;
    private static Map<String, String> after;
    private static long cleanRunMillis;

    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout:\n" + out + "\n--- stderr:\n" + err;
        }

        Run expect(int expected) {
            if (code != expected) {
                fail("exit " + code + ", expected " + expected + "\n" + this);
            }
            assertFalse(err.contains("Exception") || err.contains("\tat "), "stack trace on stderr:\n" + err);
            return this;
        }
    }

    /** A started mx; output goes to files so a full pipe never blocks it. */
    static final class Proc {
        final Process process;
        final Path out;
        final Path err;

        Proc(Path logs, Map<String, String> env, List<String> prefix, String... args) throws IOException {
            List<String> cmd = new ArrayList<>(prefix);
            cmd.addAll(List.of(javaBin.toString(), "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                    "-jar", jar.toString()));
            cmd.addAll(List.of(args));
            Files.createDirectories(logs);
            out = Files.createTempFile(logs, "out", ".txt");
            err = Files.createTempFile(logs, "err", ".txt");
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
            pb.environment().remove("MX_GENERATOR_PATH");
            pb.environment().remove("MX_TEST_APPLY_DELAY_MS");
            pb.environment().putAll(env);
            process = pb.start();
            process.getOutputStream().close();
        }

        Run await() throws Exception {
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("mx did not finish in 120 s\n" + Files.readString(err));
            }
            return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        }
    }

    static Run mx(Path logs, Map<String, String> env, String... args) throws Exception {
        return new Proc(logs, env, List.of(), args).await();
    }

    @BeforeAll
    static void cleanRuns(@TempDir Path shared) throws Exception {
        jar = Paths.get(System.getProperty("mx.jar", "target/mx.jar")).toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), "shaded jar not built: " + jar);
        javaBin = Paths.get(System.getProperty("java.home"), "bin", "java");
        base = shared;
        Path logs = shared.resolve("logs");
        Path b = Files.createDirectories(shared.resolve("before"));
        mx(logs, Map.of(), "new", Cli.SKELETON, b.resolve("demo").toString()).expect(0);
        writeBigPack(b.resolve("demo"));
        mx(logs, Map.of(), "generate", PACK, "-C", b.resolve("demo").toString()).expect(0);
        Path a = Files.createDirectories(shared.resolve("after"));
        copyTree(b.resolve("demo"), a.resolve("demo"));
        long t0 = System.nanoTime();
        Run r = mx(logs, Map.of(), "generate", PACK, "--set", "variant=b", "-C", a.resolve("demo").toString()).expect(0);
        cleanRunMillis = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(r.out().contains("30 create") && r.out().contains("30 delete"), r.out());
        before = snapshot(b.resolve("demo"));
        after = snapshot(a.resolve("demo"));
        assertConsistent(b.resolve("demo"), "before");
        assertConsistent(a.resolve("demo"), "after");
        System.out.printf("ApplyFaultsIT: %d entries before, %d after; a clean update takes %d ms%n", before.size(),
                after.size(), cleanRunMillis);
    }

    /** The big pack: 200 + 30 rendered files, 30 more per variant, a 370 KB file and 20 keys of a shared manifest. */
    static void writeBigPack(Path project) throws IOException {
        Path p = Files.createDirectories(project.resolve(".mx/generators").resolve(PACK));
        StringBuilder d = new StringBuilder("""
                id: bigpack
                version: 1.0.0
                description: Hundreds of files and manifest keys, for the fault tests.
                parameters:
                  - name: variant
                    type: enum
                    choices: [a, b]
                    default: a
                files:
                  root: files
                  when:
                    "only-a/**": variant == "a"
                    "only-b/**": variant == "b"
                manifests:
                  - file: big-manifest.yaml
                    create: manifests/create.yaml.ftl
                    keys:
                """);
        for (int k = 0; k < 20; k++) {
            d.append("      - path: items.k").append(k).append("\n        template: manifests/item.yaml.ftl\n");
        }
        Files.writeString(p.resolve("generator.yaml"), d.toString());
        Files.createDirectories(p.resolve("manifests"));
        Files.writeString(p.resolve("manifests/create.yaml.ftl"), "# shared by the fault tests\nitems: {}\n");
        Files.writeString(p.resolve("manifests/item.yaml.ftl"), "variant: [=variant]\nreplicas: 3\n");
        String padding = "x".repeat(600);
        for (int dir = 0; dir < 10; dir++) {
            Path part = Files.createDirectories(p.resolve("files/part-" + dir));
            for (int f = 0; f < 20; f++) {
                Files.writeString(part.resolve("file-" + f + ".txt.ftl"),
                        "file " + dir + "/" + f + " variant [=variant]\n" + padding + "\n");
            }
        }
        Files.writeString(p.resolve("files/part-9/big.txt.ftl"),
                "[#list 1..5000 as i]line [=i] [=variant] " + "y".repeat(60) + "\n[/#list]");
        for (String v : List.of("a", "b")) {
            Path only = Files.createDirectories(p.resolve("files/only-" + v + "/nested"));
            for (int f = 0; f < 30; f++) {
                Files.writeString(only.resolve(v + "-" + f + ".txt"), v + f + "\n");
            }
        }
    }

    /** Every file (bytes as ISO-8859-1 text) and every folder under {@code root}; nothing is skipped. */
    static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.toList()) {
                String rel = root.relativize(p).toString().replace('\\', '/');
                if (rel.isEmpty()) {
                    continue;
                }
                out.put(rel, Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS) ? "<dir>"
                        : new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
            }
        }
        return out;
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.sorted(Comparator.naturalOrder()).toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** The state parses; every file it records for both generators exists with its recorded hash. */
    static String assertConsistent(Path project, String where) throws IOException {
        ProjectState state = StateFile.read(project);
        for (String id : List.of(Cli.SKELETON, PACK)) {
            AppliedGenerator g = state.generator(id).orElseThrow(() -> new AssertionError(where + ": " + id
                    + " not in the state"));
            for (Map.Entry<String, String> f : g.files().entrySet()) {
                Path p = project.resolve(f.getKey());
                assertTrue(Files.isRegularFile(p), where + ": " + f.getKey() + " is recorded but missing");
                assertEquals(f.getValue(), Hashes.of(Files.readAllBytes(p)), where + ": " + f.getKey()
                        + " does not match its hash in the state file");
            }
        }
        return String.valueOf(state.generator(PACK).orElseThrow().parameters().get("variant"));
    }

    /** Exactly the before or exactly the after snapshot, nothing else; which one it is. */
    static String assertBeforeOrAfter(Path project, String where) throws IOException {
        Map<String, String> now = snapshot(project);
        if (now.equals(before)) {
            assertEquals("a", assertConsistent(project, where));
            return "before";
        }
        if (now.equals(after)) {
            assertEquals("b", assertConsistent(project, where));
            return "after";
        }
        Map<String, String> closest = diffCount(now, before) <= diffCount(now, after) ? before : after;
        List<String> diffs = new ArrayList<>();
        for (String k : new java.util.TreeSet<>(union(now.keySet(), closest.keySet()))) {
            if (!java.util.Objects.equals(now.get(k), closest.get(k))) {
                diffs.add((now.containsKey(k) ? closest.containsKey(k) ? "changed " : "extra " : "missing ") + k);
            }
        }
        fail(where + ": the project is neither as before nor as after; closest is "
                + (closest == before ? "before" : "after") + ", differing in " + diffs.size() + ": "
                + diffs.subList(0, Math.min(20, diffs.size())));
        return null;
    }

    private static java.util.Set<String> union(java.util.Set<String> a, java.util.Set<String> b) {
        java.util.Set<String> u = new java.util.HashSet<>(a);
        u.addAll(b);
        return u;
    }

    private static long diffCount(Map<String, String> a, Map<String, String> b) {
        return union(a.keySet(), b.keySet()).stream().filter(k -> !java.util.Objects.equals(a.get(k), b.get(k))).count();
    }

    private static String pidInLock(Path project) {
        try {
            for (String line : Files.readAllLines(project.resolve(".mx/lock"))) {
                if (line.startsWith("pid=")) {
                    return line.substring(4);
                }
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    /**
     * SIGKILL at a random moment of a large update, many times. The delays are seeded (the seed
     * is printed; {@code -Dmx.faults.seed=N} replays a run) and spread over the whole run, with
     * most of them inside the transaction: {@code MX_TEST_APPLY_DELAY_MS=1} slows each of its
     * ~800 checkpoints by a millisecond so the window is wide enough to hit. After each kill,
     * {@code mx state} recovers, and the project must be exactly the before or the after
     * snapshot. Directions alternate: a → b, then b → a. Two lanes run side by side, each on its
     * own copies, for about 50 s.
     */
    @Test
    void sigkillAtRandomMomentsLeavesTheProjectExactlyBeforeOrAfter() throws Exception {
        long seed = Long.getLong("mx.faults.seed", System.nanoTime());
        Map<String, String> slow = Map.of("MX_TEST_APPLY_DELAY_MS", "1");
        // calibrate: how long a slowed run takes here, and how long its transaction is open
        Path calib = tmp.resolve("calibrate").resolve("demo");
        copyTree(base.resolve("before/demo"), calib);
        long t0 = System.nanoTime();
        Proc c = new Proc(tmp.resolve("logs"), slow, List.of(), "generate", PACK, "--set", "variant=b", "-C",
                calib.toString());
        awaitFile(calib.resolve(".mx/journal.json"), c.process);
        long t1 = System.nanoTime();
        c.await().expect(0);
        long slowRun = (System.nanoTime() - t0) / 1_000_000;
        long transaction = (System.nanoTime() - t1) / 1_000_000;
        System.out.printf("sigkill: seed %d (replay with -Dmx.faults.seed=%d); a slowed run takes %d ms, %d of them"
                + " in the transaction%n", seed, seed, slowRun, transaction);

        // two lanes of kills in parallel, each on its own projects: about twice the runs in the time
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(48);
        Map<String, Integer> killedIn = new java.util.concurrent.ConcurrentSkipListMap<>();
        Map<String, Integer> endedAs = new java.util.concurrent.ConcurrentSkipListMap<>();
        java.util.concurrent.atomic.AtomicInteger runs = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.ExecutorService lanes = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<?>> done = new ArrayList<>();
            for (int lane = 0; lane < 2; lane++) {
                Random random = new Random(seed * 31 + lane);
                int l = lane;
                done.add(lanes.submit(() -> {
                    for (int i = 0; i < 20 && (i < 6 || System.nanoTime() < deadline); i++) {
                        killOnce("lane " + l + " run " + i + " (seed " + seed + ")", i % 2 == 0, random, slow, slowRun,
                                transaction, tmp.resolve("lane-" + l + "-run-" + i), killedIn, endedAs);
                        runs.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> f : done) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof Error err) {
                        throw err;
                    }
                    throw e;
                }
            }
        } finally {
            lanes.shutdownNow();
        }
        System.out.printf("sigkill: %d runs; killed %s; %s%n", runs.get(), killedIn, endedAs);
        assertTrue(killedIn.getOrDefault("in the transaction", 0) >= Math.min(5, runs.get() / 4),
                "too few kills landed inside the transaction to mean anything: " + killedIn);
    }

    /** One kill and its checks; {@code forward}: from before (variant a) to b, else from after back to a. */
    private static void killOnce(String name, boolean forward, Random random, Map<String, String> slow, long slowRun,
            long transaction, Path dir, Map<String, Integer> killedIn, Map<String, Integer> endedAs) throws Exception {
        Path project = dir.resolve("demo");
        copyTree(base.resolve(forward ? "before/demo" : "after/demo"), project);
        // Two kinds of moments, so a busy machine's slower start cannot make every kill miss the
        // transaction: 60% at a random point after the journal appears, 40% at a random time after
        // the start (from the JVM's start to a little past the usual end).
        boolean inTransaction;
        long delay;
        synchronized (random) {
            inTransaction = random.nextDouble() < 0.6;
            delay = inTransaction ? (long) (transaction * 1.2 * random.nextDouble())
                    : (long) (slowRun * 1.1 * random.nextDouble());
        }
        Proc p = new Proc(dir.resolve("logs"), slow, List.of(), "generate", PACK, "--set",
                "variant=" + (forward ? "b" : "a"), "-C", project.toString());
        if (inTransaction) {
            Path journalFile = project.resolve(".mx/journal.json");
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.exists(journalFile) && p.process.isAlive() && System.nanoTime() < until) {
                Thread.sleep(1);
            }
        }
        boolean exited = p.process.waitFor(delay, TimeUnit.MILLISECONDS);
        p.process.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block runs
        assertTrue(p.process.waitFor(30, TimeUnit.SECONDS));
        String phase;
        if (exited) {
            phase = "after it finished";
        } else if (Files.exists(project.resolve(".mx/journal.json"))) {
            phase = "in the transaction";
        } else if (Files.exists(project.resolve(".mx/committed.json"))) {
            phase = "after the commit point";
        } else if (Files.exists(project.resolve(".mx/lock"))) {
            phase = "holding the lock, outside the transaction";
        } else {
            phase = "before taking the lock";
        }
        killedIn.merge(phase, 1, Integer::sum);
        String where = name + ", killed " + delay + " ms after " + (inTransaction ? "the journal appeared" : "the start")
                + ", " + phase;
        String lockPid = pidInLock(project);
        boolean journal = Files.exists(project.resolve(".mx/journal.json"));
        if (lockPid == null && Files.exists(project.resolve(".mx/lock"))) {
            Thread.sleep(2500); // killed while writing the lock itself: it is cleared once it is 2 s old
        }

        Run state = mx(dir.resolve("logs"), Map.of(), "state", "-C", project.toString()).expect(0);
        if (lockPid != null) {
            assertEquals(String.valueOf(p.process.pid()), lockPid, where);
            assertTrue(state.err().contains("cleared a stale lock left by pid " + lockPid
                    + " (mx generate bigpack), which is no longer running"), where + "\n" + state);
        }
        if (journal) {
            assertTrue(state.err().contains("rolled back an interrupted mx run"), where + "\n" + state);
        }
        String outcome = assertBeforeOrAfter(project, where);
        if (phase.equals("after it finished") || phase.equals("after the commit point")) {
            assertEquals(forward ? "after" : "before", outcome, where);
        }
        if (journal) {
            assertEquals(forward ? "before" : "after", outcome, where + ": a run killed before its commit point"
                    + " is rolled back");
        }
        endedAs.merge((forward ? "a→b " : "b→a ") + "ended " + outcome, 1, Integer::sum);
        deleteTree(dir);
    }

    /** A run killed mid-transaction leaves a lock naming a dead pid; the next generate clears it, says so, rolls back and applies. */
    @Test
    void theNextGenerateClearsADeadRunsLockWithAMessage() throws Exception {
        Path project = tmp.resolve("demo");
        copyTree(base.resolve("before/demo"), project);
        Proc p = new Proc(tmp.resolve("logs"), Map.of("MX_TEST_APPLY_DELAY_MS", "20"), List.of(), "generate", PACK,
                "--set", "variant=b", "-C", project.toString());
        awaitFile(project.resolve(".mx/journal.json"), p.process);
        p.process.destroyForcibly();
        p.process.waitFor(30, TimeUnit.SECONDS);
        assertEquals(String.valueOf(p.process.pid()), pidInLock(project));

        Run next = mx(tmp.resolve("logs"), Map.of(), "generate", PACK, "--set", "variant=b", "-C",
                project.toString()).expect(0);
        assertTrue(next.err().contains("mx: cleared a stale lock left by pid " + p.process.pid()
                + " (mx generate bigpack), which is no longer running"), next.err());
        assertTrue(next.err().contains("mx: rolled back an interrupted mx run; the project is as it was before it"),
                next.err());
        assertEquals(after, snapshot(project));
    }

    /**
     * While one run holds the lock (slowed down so it surely does), a second one fails at once
     * naming the holder's pid and changes nothing; the first completes.
     */
    @Test
    void aSecondRunWhileTheFirstHoldsTheLockFailsNamingItsPid() throws Exception {
        Path project = tmp.resolve("demo");
        copyTree(base.resolve("before/demo"), project);
        Proc first = new Proc(tmp.resolve("logs"), Map.of("MX_TEST_APPLY_DELAY_MS", "5"), List.of(), "generate", PACK,
                "--set", "variant=b", "-C", project.toString());
        awaitFile(project.resolve(".mx/journal.json"), first.process);
        Run second = mx(tmp.resolve("logs"), Map.of(), "generate", PACK, "--set", "variant=a", "-C",
                project.toString()).expect(2);
        assertEquals("", second.out());
        assertTrue(second.err().startsWith("mx: .mx/lock: project is locked by pid " + first.process.pid() + " on "),
                second.err());
        assertTrue(second.err().contains("(mx generate bigpack, since "), second.err());
        assertTrue(second.err().contains("wait for it to finish and try again"), second.err());
        first.await().expect(0);
        assertEquals(after, snapshot(project));
    }

    private static void awaitFile(Path file, Process p) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(file)) {
            assertTrue(p.isAlive(), "mx ended before " + file.getFileName() + " appeared");
            assertTrue(System.nanoTime() < deadline, file + " did not appear");
            Thread.sleep(5);
        }
    }

    /**
     * A real full file system: a small tmpfs (needs root or CAP_SYS_ADMIN; skipped otherwise),
     * filled so that the update runs out of space at different points: taking the lock, writing
     * the journal, staging files. Each time: exit code 2, "No space left on device", the project
     * exactly as before and nothing left over; once there is room again, the update applies.
     */
    @Test
    @EnabledOnOs(OS.LINUX)
    void aFullDiskStopsTheApplyAndChangesNothing() throws Exception {
        Path mount = Files.createDirectories(tmp.resolve("small-fs"));
        ProcessBuilder pb = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=16m,mode=0755", "mx-test-full",
                mount.toString()).redirectErrorStream(true);
        Process m;
        try {
            m = pb.start();
        } catch (IOException e) {
            Assumptions.abort("no mount command: " + e.getMessage());
            return;
        }
        String why = new String(m.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        Assumptions.assumeTrue(m.waitFor() == 0, "cannot mount a tmpfs here (needs root or CAP_SYS_ADMIN): " + why);
        try {
            Path project = mount.resolve("demo");
            copyTree(base.resolve("before/demo"), project);
            Path filler = mount.resolve("filler");
            java.nio.file.FileStore store = Files.getFileStore(mount);
            // free space left for the update: none at all, room for the lock only, part of the journal, part of the staging
            for (long free : new long[] {0, 4096, 128 * 1024, 600 * 1024}) {
                fill(filler, store, free);
                Run r = mx(tmp.resolve("logs"), Map.of(), "generate", PACK, "--set", "variant=b", "-C",
                        project.toString()).expect(2);
                assertEquals("", r.out());
                assertTrue(r.err().contains("No space left on device"), free + " bytes free:\n" + r);
                assertTrue(r.err().contains("nothing was changed") || r.err().contains("cannot create .mx/lock"),
                        free + " bytes free:\n" + r);
                assertEquals(before, snapshot(project), free + " bytes free: the project changed");
                System.out.printf("full disk, %d bytes free: %s", free, r.err());
                Files.delete(filler);
            }
            mx(tmp.resolve("logs"), Map.of(), "generate", PACK, "--set", "variant=b", "-C", project.toString())
                    .expect(0);
            assertEquals(after, snapshot(project));
        } finally {
            new ProcessBuilder("umount", "-l", mount.toString()).start().waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Fills the file system until only about {@code free} bytes are usable. */
    private static void fill(Path filler, java.nio.file.FileStore store, long free) throws IOException {
        long usable = store.getUsableSpace();
        long size = Math.max(0, usable - free);
        byte[] chunk = new byte[64 * 1024];
        try (var out = Files.newOutputStream(filler)) {
            for (long written = 0; written < size; written += chunk.length) {
                out.write(chunk, 0, (int) Math.min(chunk.length, size - written));
            }
        } catch (IOException full) {
            // free == 0: write until the disk is full
        }
    }

    /**
     * A real write error without privileges: a file size limit ({@code ulimit -f}, 120 KB) makes
     * the kernel refuse to write the 370 KB file in the middle of staging (EFBIG). Exit code 2,
     * the reason and the file named, the project exactly as before.
     */
    @Test
    void aFileSizeLimitStopsTheApplyMidwayAndChangesNothing() throws Exception {
        Path project = tmp.resolve("demo");
        copyTree(base.resolve("before/demo"), project);
        Run r = new Proc(tmp.resolve("logs"), Map.of(), List.of("sh", "-c", "ulimit -f 240 && exec \"$@\"", "sh"),
                "generate", PACK, "--set", "variant=b", "-C", project.toString()).await().expect(2);
        assertEquals("", r.out());
        assertEquals("mx: could not write the project (File too large: part-9/big.txt); nothing was changed\n",
                r.err());
        assertEquals(before, snapshot(project));
    }

    /**
     * A file that cannot be replaced (the immutable attribute stops even root; skipped where
     * {@code chattr} does not work, such as overlay or tmpfs file systems): the update fails when
     * it reaches that file, after it has already replaced many others, and every one of them is
     * put back. Then an immutable folder, which fails while staging.
     */
    @Test
    @EnabledOnOs(OS.LINUX)
    void anImmutableFileOrFolderStopsTheApplyAndEverythingIsPutBack() throws Exception {
        Path project = tmp.resolve("demo");
        copyTree(base.resolve("before/demo"), project);
        Path late = project.resolve("part-9/file-9.txt"); // the last file of the pack renamed into place
        Path folder = project.resolve("part-5");
        Assumptions.assumeTrue(chattr("+i", late), "chattr +i does not work on this file system");
        try {
            Run r = mx(tmp.resolve("logs"), Map.of(), "generate", PACK, "--set", "variant=b", "-C",
                    project.toString()).expect(2);
            assertEquals("", r.out());
            assertEquals("mx: could not write the project (Operation not permitted: part-9/file-9.txt); nothing was"
                    + " changed\n", r.err());
        } finally {
            chattr("-i", late);
        }
        assertEquals(before, snapshot(project));

        assertTrue(chattr("+i", folder));
        try {
            Run r = mx(tmp.resolve("logs"), Map.of(), "generate", PACK, "--set", "variant=b", "-C",
                    project.toString()).expect(2);
            assertTrue(r.err().contains("Operation not permitted: part-5/") && r.err().contains("nothing was changed"),
                    r.toString());
        } finally {
            chattr("-i", folder);
        }
        assertEquals(before, snapshot(project));
        mx(tmp.resolve("logs"), Map.of(), "generate", PACK, "--set", "variant=b", "-C", project.toString()).expect(0);
        assertEquals(after, snapshot(project));
    }

    private static boolean chattr(String flag, Path file) throws InterruptedException {
        try {
            Process p = new ProcessBuilder("chattr", flag, file.toString()).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        }
    }

}
