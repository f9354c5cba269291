package dev.mx.engine.apply;

import dev.mx.engine.MxException;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One writer per project at a time: {@code .mx/lock} is created exclusively and names its
 * holder (pid, host, start time, command). A lock whose process is gone (a killed run) is
 * detected and cleared with a message, as Terraform users would expect.
 */
public final class ProjectLock implements AutoCloseable {
    public static final String RELATIVE_PATH = ".mx/lock";

    private final Path file;
    private final String token;
    private final boolean createdMxDir;

    private ProjectLock(Path file, String token, boolean createdMxDir) {
        this.file = file;
        this.token = token;
        this.createdMxDir = createdMxDir;
    }

    public static Path path(Path projectRoot) {
        return projectRoot.resolve(".mx").resolve("lock");
    }

    /**
     * Takes the lock, waiting up to {@code wait} for another live holder to finish.
     *
     * @param notices receives one-line messages for people (a stale lock cleared)
     */
    public static ProjectLock acquire(Path projectRoot, String command, Duration wait, Consumer<String> notices) {
        Path file = path(projectRoot);
        Instant deadline = Instant.now().plus(wait);
        ProcessHandle self = ProcessHandle.current();
        String token = "pid=" + self.pid() + "\n"
                + "host=" + hostName() + "\n"
                + "started=" + self.info().startInstant().map(Instant::toString).orElse("unknown") + "\n"
                + "since=" + Instant.now() + "\n"
                + "command=" + command.replace('\n', ' ') + "\n";
        boolean createdMxDir = !Files.isDirectory(file.getParent());
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new MxException(MxException.Kind.IO, "cannot create .mx/: " + e.getMessage(), e);
        }
        while (true) {
            try {
                createExclusively(file, token);
                return new ProjectLock(file, token, createdMxDir);
            } catch (FileAlreadyExistsException e) {
                Map<String, String> holder = read(file);
                if (holder == null) {
                    continue; // released between our attempt and our read
                }
                String why = staleReason(file, holder);
                if (why != null) {
                    if (!removeIfUnchanged(file, holder)) {
                        continue; // someone else cleared it first, or took it since: look again
                    }
                    notices.accept(why);
                    continue;
                }
                if (!holder.containsKey("pid") && Instant.now().isBefore(deadline.plus(TORN_GRACE))) {
                    sleep(); // being written by its holder right now: read it again in a moment
                    continue;
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new MxException(MxException.Kind.LOCKED, RELATIVE_PATH, -1, -1,
                            "project is locked by pid " + holder.getOrDefault("pid", "?") + " on "
                                    + holder.getOrDefault("host", "?") + " (" + holder.getOrDefault("command", "mx")
                                    + ", since " + holder.getOrDefault("since", "?")
                                    + "); wait for it to finish and try again", null);
                }
                sleep();
            } catch (NoSuchFileException e) {
                // The holder removed the .mx/ it had created while we waited: create it again.
                try {
                    Files.createDirectories(file.getParent());
                } catch (IOException io) {
                    throw new MxException(MxException.Kind.IO, "cannot create .mx/: " + io.getMessage(), io);
                }
            } catch (IOException e) {
                throw new MxException(MxException.Kind.IO, "cannot create " + RELATIVE_PATH + ": " + reason(e), e);
            }
        }
    }

    /** How long a lock file without a pid (being written, or torn by a crash or a full disk) is given. */
    private static final java.time.Duration TORN_GRACE = java.time.Duration.ofSeconds(2);

    /**
     * Creates the lock file only if none exists, with its whole content. If the content cannot be
     * written (a full disk), the empty file is removed again: a torn lock must not outlive us.
     */
    private static void createExclusively(Path file, String token) throws IOException {
        java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE);
        try (ch) {
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(token.getBytes(StandardCharsets.UTF_8));
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // the next run treats an old torn lock as stale
            }
            throw e;
        }
    }

    /**
     * Clears {@code .mx/lock} if the run that holds it is gone (killed, crashed) and returns the
     * message for people, or null when there is no lock or its holder is alive (or on another host).
     */
    public static String clearIfStale(Path projectRoot) {
        Path file = path(projectRoot);
        Map<String, String> holder = read(file);
        if (holder == null) {
            return null;
        }
        String why = staleReason(file, holder);
        return why != null && removeIfUnchanged(file, holder) ? why : null;
    }

    /** Why this lock is stale (a message for people), or null when its holder may still be running. */
    private static String staleReason(Path file, Map<String, String> holder) {
        if (!holder.containsKey("pid")) {
            try {
                java.time.Instant modified = Files.getLastModifiedTime(file).toInstant();
                if (modified.plus(TORN_GRACE).isBefore(Instant.now())) {
                    return "cleared an unreadable lock " + RELATIVE_PATH
                            + " (empty or torn, left by a run that crashed or ran out of disk space)";
                }
            } catch (IOException e) {
                return null;
            }
            return null;
        }
        if (isStale(holder)) {
            return "cleared a stale lock left by pid " + holder.getOrDefault("pid", "?") + " ("
                    + holder.getOrDefault("command", "mx") + "), which is no longer running";
        }
        return null;
    }

    /** Deletes the lock only if it still holds what we judged stale, so a fresh holder's lock is kept. */
    private static boolean removeIfUnchanged(Path file, Map<String, String> judged) {
        Map<String, String> now = read(file);
        if (now == null || !now.equals(judged)) {
            return false;
        }
        try {
            Files.deleteIfExists(file);
            return true;
        } catch (IOException io) {
            throw new MxException(MxException.Kind.IO, "cannot remove stale lock " + RELATIVE_PATH + ": "
                    + reason(io), io);
        }
    }

    private static String reason(IOException e) {
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static boolean isStale(Map<String, String> holder) {
        if (!hostName().equals(holder.get("host"))) {
            return false; // another machine's process: we cannot tell, so we respect it
        }
        long pid;
        try {
            pid = Long.parseLong(holder.getOrDefault("pid", ""));
        } catch (NumberFormatException e) {
            return true; // a pid that is not a number: nobody can hold it meaningfully
        }
        var handle = ProcessHandle.of(pid);
        if (handle.isEmpty() || !handle.get().isAlive()) {
            return true;
        }
        // The pid may have been reused by an unrelated process: compare start times when both are known.
        String started = holder.get("started");
        return started != null && !started.equals("unknown") && handle.get().info().startInstant()
                .map(i -> !i.toString().equals(started)).orElse(false);
    }

    private static Map<String, String> read(Path file) {
        try {
            Map<String, String> out = new LinkedHashMap<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    out.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
            return out;
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            return Map.of();
        }
    }

    private static String hostName() {
        // Avoid InetAddress.getLocalHost(): it may wait on DNS, which a closed network never answers.
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env.strip();
        }
        try {
            Path kernel = Path.of("/proc/sys/kernel/hostname");
            if (Files.isReadable(kernel)) {
                return Files.readString(kernel, StandardCharsets.UTF_8).strip();
            }
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MxException(MxException.Kind.LOCKED, "interrupted while waiting for " + RELATIVE_PATH);
        }
    }

    @Override
    public void close() {
        try {
            // Only remove the lock if it is still ours.
            if (Files.exists(file) && Files.readString(file, StandardCharsets.UTF_8).equals(token)) {
                Files.delete(file);
            }
            // A run that wrote nothing leaves no trace: remove the .mx/ it created if still empty.
            if (createdMxDir) {
                try (var s = Files.list(file.getParent())) {
                    if (s.findAny().isEmpty()) {
                        Files.delete(file.getParent());
                    }
                }
            }
        } catch (IOException e) {
            // Leaving a lock behind is recoverable: the next run sees our pid is gone.
        }
    }
}
