package dev.mx.lsp;

import static dev.mx.lsp.LspProcess.json;
import static dev.mx.lsp.LspProcess.method;
import static dev.mx.lsp.LspProcess.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The language server executes nothing from the workspace: applying a generator whose pack
 * declares post-apply commands writes the files, runs none of the commands (even when the pack
 * would be trusted on the command line) and tells the user which ones it did not run.
 */
class MxLanguageServerPostApplyIT {
    @TempDir
    Path tmp;

    @Test
    void applyingAGeneratorNeverRunsItsPostApplyCommands() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("demo"));
        Path pack = Files.createDirectories(root.resolve(".mx/generators/hooked"));
        Files.createDirectories(pack.resolve("files"));
        Files.writeString(pack.resolve("files/hooked.txt"), "written\n");
        Path marker = tmp.resolve("command-ran");
        Files.writeString(pack.resolve("generator.yaml"), """
                id: hooked
                version: 1.0.0
                description: A pack that asks to run a command after it is applied
                files:
                  root: files
                post_apply:
                  - run: [touch, '%s']
                    description: Leave a mark
                """.formatted(marker));
        try (LspProcess c = LspProcess.start(tmp.resolve("lsp.log"))) {
            MxLanguageServerProtocolIT.initialize(c, root, MxLanguageServerProtocolIT.FULL_CLIENT, null);
            JsonObject result = c.result("workspace/executeCommand", json("{\"command\": \"mx.applyGenerator\","
                    + " \"arguments\": [" + str(root.toString()) + ", \"hooked\"]}")).getAsJsonObject();
            assertTrue(result.get("applied").getAsBoolean(), result.toString());
            assertEquals("written\n", Files.readString(root.resolve("hooked.txt")));
            assertEquals("touch " + marker, result.getAsJsonArray("postApplyNotRun").get(0).getAsString(),
                    result.toString());
            JsonObject warning = c.awaitNotification("a warning about the commands not run",
                    m -> method(m, "window/showMessage") && m.getAsJsonObject("params").get("message").getAsString()
                            .contains("never runs commands"));
            assertEquals(2, warning.getAsJsonObject("params").get("type").getAsInt(), "a warning");
            assertFalse(Files.exists(marker), "the language server ran a post-apply command");
        }
    }
}
