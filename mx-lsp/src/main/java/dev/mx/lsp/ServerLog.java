package dev.mx.lsp;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * The server's log: a file (never stdout, which carries JSON-RPC) plus {@code window/logMessage}
 * for what a user may want to see in the editor's LSP log. Debug lines go to the file only.
 *
 * <p>The file is, in order: {@code --log-file}, {@code $MX_LSP_LOG}, {@code $XDG_STATE_HOME/mx/lsp.log},
 * or {@code mx-lsp-<user>.log} in the system temp directory. It is rotated to {@code .1} when it
 * passes 10 MB at start-up. Several servers may append to one file; each line names its process.
 */
final class ServerLog {
    enum Level { ERROR, WARNING, INFO, DEBUG }

    private static final long ROTATE_BYTES = 10L * 1024 * 1024;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private final Path file;
    private final Writer out;
    private final long pid = ProcessHandle.current().pid();
    private volatile LanguageClient client;

    private ServerLog(Path file, Writer out) {
        this.file = file;
        this.out = out;
    }

    /** A log that writes nowhere (in-process tests that do not care). */
    static ServerLog discard() {
        return new ServerLog(null, null);
    }

    /** Opens the log file; when it cannot be opened the log only goes to the client. */
    static ServerLog open(Path requested) {
        Path f = requested != null ? requested : defaultFile(System.getenv());
        try {
            Path parent = f.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (Files.isRegularFile(f) && Files.size(f) > ROTATE_BYTES) {
                Files.move(f, f.resolveSibling(f.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
            }
            Writer w = Files.newBufferedWriter(f, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.WRITE);
            return new ServerLog(f, w);
        } catch (IOException | RuntimeException e) {
            return new ServerLog(null, null);
        }
    }

    static Path defaultFile(Map<String, String> env) {
        String explicit = env.get("MX_LSP_LOG");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String state = env.get("XDG_STATE_HOME");
        if (state != null && !state.isBlank()) {
            return Path.of(state, "mx", "lsp.log");
        }
        String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9._-]", "_");
        return Path.of(System.getProperty("java.io.tmpdir"), "mx-lsp-" + user + ".log");
    }

    /** The log file, or null when there is none. */
    Path file() {
        return file;
    }

    /** From now on, INFO and worse also go to the client as {@code window/logMessage}. */
    void connect(LanguageClient c) {
        this.client = c;
    }

    /**
     * Routes java.util.logging (lsp4j reports malformed messages and handler failures there) into
     * this log instead of the console.
     */
    void captureJavaUtilLogging() {
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        root.setLevel(java.util.logging.Level.INFO);
        root.addHandler(new Handler() {
            @Override
            public void publish(LogRecord r) {
                java.util.logging.Level l = r.getLevel();
                Level level = l.intValue() >= java.util.logging.Level.SEVERE.intValue() ? Level.ERROR
                        : l.intValue() >= java.util.logging.Level.WARNING.intValue() ? Level.WARNING : Level.DEBUG;
                String msg = r.getMessage() == null ? "" : r.getMessage();
                // lsp4j logs each unanswerable message at SEVERE; a flood must not reach the editor
                write(level, r.getLoggerName() + ": " + msg, r.getThrown());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
    }

    void error(String message, Throwable t) {
        log(Level.ERROR, message, t);
    }

    void warn(String message) {
        log(Level.WARNING, message, null);
    }

    void info(String message) {
        log(Level.INFO, message, null);
    }

    void debug(String message) {
        write(Level.DEBUG, message, null);
    }

    private void log(Level level, String message, Throwable t) {
        write(level, message, t);
        LanguageClient c = client;
        if (c != null) {
            MessageType type = switch (level) {
                case ERROR -> MessageType.Error;
                case WARNING -> MessageType.Warning;
                case INFO -> MessageType.Info;
                case DEBUG -> MessageType.Log;
            };
            try {
                c.logMessage(new MessageParams(type, t == null ? message : message + ": " + t));
            } catch (RuntimeException e) {
                write(Level.DEBUG, "logMessage failed: " + e, null);
            }
        }
    }

    private void write(Level level, String message, Throwable t) {
        if (out == null) {
            return;
        }
        StringBuilder line = new StringBuilder(message.length() + 64);
        line.append(LocalDateTime.now().format(TIME)).append(" [").append(pid).append("] ")
                .append(level).append(' ').append(message).append('\n');
        if (t != null) {
            StringWriter sw = new StringWriter();
            t.printStackTrace(new PrintWriter(sw));
            line.append(sw);
        }
        synchronized (this) {
            try {
                out.write(line.toString());
                out.flush();
            } catch (IOException e) {
                // nowhere left to report it
            }
        }
    }
}
