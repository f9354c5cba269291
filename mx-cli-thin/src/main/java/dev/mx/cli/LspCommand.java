package dev.mx.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "lsp", description = {"Start the mx language server (for editors): on stdin/stdout, or on a local port.",
    "Setup for VS Code, Neovim, Emacs and Helix: docs/editors.md"})
final class LspCommand implements Callable<Integer> {
    @Option(names = "--socket", paramLabel = "PORT",
            description = "Listen on 127.0.0.1:PORT instead of stdio and serve the first editor that connects"
                    + " (0 picks a free port, printed on stderr).")
    Integer socket;

    @Option(names = "--log-file", paramLabel = "FILE",
            description = "Server log (default: $MX_LSP_LOG, $XDG_STATE_HOME/mx/lsp.log, or mx-lsp-<user>.log"
                    + " in the temp directory).")
    Path logFile;

    @Override
    public Integer call() {
        if (socket != null) {
            if (socket < 0 || socket > 65535) {
                throw dev.mx.engine.MxException.input("--socket takes a port from 0 to 65535, not " + socket);
            }
            return dev.mx.lsp.MxLanguageServerLauncher.runOnSocket(socket, logFile);
        }
        return dev.mx.lsp.MxLanguageServerLauncher.runOnStdio(logFile);
    }
}
