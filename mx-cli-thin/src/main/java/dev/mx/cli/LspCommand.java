package dev.mx.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "lsp", description = "Start the mx language server on stdio (for editors).")
final class LspCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return dev.mx.lsp.MxLanguageServerLauncher.runOnStdio();
    }
}
