package dev.mx.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mx.engine.diag.Severity;
import dev.mx.engine.lint.RuleRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

/** Settings are read leniently: a bad value is reported and skipped, never fatal. */
class SettingsTest {
    private final List<String> problems = new ArrayList<>();

    private Settings parse(String sent) {
        return Settings.parse(Settings.section(JsonParser.parseString(sent)), Path.of("/ws/project"),
                RuleRegistry.standard(), problems::add);
    }

    @Test
    void readsTheMxSectionInAnyWrapping() {
        String mx = "{\"lint\": {\"rules\": {\"devspace/unknown-key\": \"warning\"}}}";
        for (String sent : List.of("{\"settings\": {\"mx\": " + mx + "}}", "{\"mx\": " + mx + "}", mx)) {
            Settings s = parse(sent);
            assertEquals(Optional.of(Severity.WARNING), s.ruleLevels().get("devspace/unknown-key"), sent);
        }
        assertTrue(problems.isEmpty(), problems.toString());
        assertEquals(Settings.DEFAULT, parse("{\"yaml\": {\"validate\": true}}"), "another tool's settings");
        assertEquals(Settings.DEFAULT, parse("null"));
    }

    @Test
    void fullSettings() {
        Settings s = parse("""
                {"mx": {"lint": {"rules": {"devspace/unknown-key": "off", "devspace/image-tag": "ERROR",
                                           "mlproject/docker-env": false, "state/changed-file": true}},
                        "generatorPath": ["gens", "/abs/gens", "~/my-gens"],
                        "maxDocumentSize": 1000}}""");
        assertTrue(problems.isEmpty(), problems.toString());
        assertEquals(Optional.empty(), s.ruleLevels().get("devspace/unknown-key"));
        assertEquals(Optional.empty(), s.ruleLevels().get("mlproject/docker-env"));
        assertEquals(Optional.of(Severity.ERROR), s.ruleLevels().get("devspace/image-tag"));
        assertFalse(s.ruleLevels().containsKey("state/changed-file"), "true keeps the default");
        assertEquals(List.of(Path.of("/ws/project/gens"), Path.of("/abs/gens"),
                Path.of(System.getProperty("user.home"), "my-gens")), s.generatorPath());
        assertEquals(1000, s.maxDocumentSize());
    }

    @Test
    void badValuesAreReportedAndIgnored() {
        Settings s = parse("""
                {"mx": {"lint": {"rules": {"devspace/unknown-kye": "off", "devspace/image-tag": "loud",
                                           "devspace/unknown-key": "hint"}, "colour": 1},
                        "generatorPath": 42, "maxDocumentSize": -5, "telemetry": true}}""");
        assertEquals(Optional.of(Severity.HINT), s.ruleLevels().get("devspace/unknown-key"), "good values survive");
        assertEquals(1, s.ruleLevels().size());
        assertNull(s.generatorPath());
        assertEquals(Settings.DEFAULT_MAX_DOCUMENT_SIZE, s.maxDocumentSize());
        String all = String.join("\n", problems);
        for (String expected : List.of("devspace/unknown-kye", "loud", "mx.lint.colour", "mx.generatorPath",
                "mx.maxDocumentSize", "mx.telemetry")) {
            assertTrue(all.contains(expected), "a problem about " + expected + " in:\n" + all);
        }
    }

    @Test
    void wrongShapesDoNotThrow() {
        for (String sent : List.of("{\"mx\": {\"lint\": []}}", "{\"mx\": {\"lint\": {\"rules\": \"all\"}}}",
                "{\"mx\": {\"generatorPath\": [1, null, \"\"]}}", "{\"mx\": {\"maxDocumentSize\": 1.5}}",
                "{\"mx\": 3}", "[]", "\"mx\"")) {
            problems.clear();
            Settings s = parse(sent);
            assertTrue(s.ruleLevels().isEmpty(), sent);
        }
    }
}
