package dev.mx.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.Gson;
import com.google.gson.JsonParser;
import java.util.List;
import java.util.Map;

import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DiagnosticTag;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.Test;

/** The direct writer makes the same JSON as lsp4j's reflective one, and reads back the same diagnostics. */
class DiagnosticJsonTest {
    private static final Gson LSP4J = new MessageJsonHandler(Map.of()).getGson();
    private static final Gson FAST = new MessageJsonHandler(Map.of(),
            gson -> gson.registerTypeAdapterFactory(new DiagnosticJson())).getGson();

    @Test
    void sameJsonAsLsp4j() {
        Diagnostic plain = new Diagnostic(new Range(new Position(3, 4), new Position(3, 9)), "bad \"key\"\n\u00e9",
                DiagnosticSeverity.Warning, "mx");
        plain.setCode(Either.forLeft("devspace/unknown-key"));
        Diagnostic bare = new Diagnostic(new Range(new Position(0, 0), new Position(0, 0)), "m");
        Diagnostic numbered = new Diagnostic(new Range(new Position(1, 0), new Position(2, 0)), "n",
                DiagnosticSeverity.Error, "mx");
        numbered.setCode(Either.forRight(42));
        Diagnostic tagged = new Diagnostic(new Range(new Position(1, 0), new Position(2, 0)), "t",
                DiagnosticSeverity.Hint, "mx");
        tagged.setTags(List.of(DiagnosticTag.Unnecessary));
        tagged.setData(Map.of("fix", 1));
        PublishDiagnosticsParams p = new PublishDiagnosticsParams("file:///x/devspace.yaml",
                List.of(plain, bare, numbered, tagged), 7);
        assertEquals(JsonParser.parseString(LSP4J.toJson(p)), JsonParser.parseString(FAST.toJson(p)));
        for (Diagnostic d : List.of(plain, bare, numbered)) {
            assertEquals(d, FAST.fromJson(FAST.toJson(d), Diagnostic.class));
        }
    }
}
