package dev.mx.engine.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mx.engine.MxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateFileTest {
    @TempDir
    Path dir;

    private static final String H = "sha256:" + "ab".repeat(32);

    @Test
    void roundTripsAnswersParametersAndHashes() throws Exception {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("project_name", "demo");
        params.put("gpu_count", 2L);
        params.put("spot", true);
        params.put("engineers", List.of("a@example.com", "b@example.com"));
        params.put("odd", "yes"); // a string that YAML would read as a boolean if unquoted
        ProjectState s = ProjectState.empty().with(new AppliedGenerator("ml-project-skeleton", "1.0.0", params,
                Map.of("Dockerfile", H), Map.of("devspace.yaml", Map.of("deployments.x", H))), Map.of(
                        "project_name", "demo", "engineers", params.get("engineers")));
        String text = StateFile.serialize(s, "0.1.0");
        assertTrue(!text.contains("&id") && !text.contains("*id"), "no YAML anchors in the state file:\n" + text);
        Files.createDirectories(dir.resolve(".mx"));
        Files.writeString(dir.resolve(".mx/state.yaml"), text);
        ProjectState back = StateFile.read(dir);
        assertEquals(s, back);
        assertEquals(text, StateFile.serialize(back, "0.1.0"), "serialization must be deterministic");
    }

    @Test
    void missingFileIsAnEmptyState() {
        assertEquals(ProjectState.empty(), StateFile.read(dir));
    }

    @Test
    void newerFormatIsRefusedClearly() {
        MxException e = assertThrows(MxException.class, () -> StateFile.parse("format_version: 7\nanswers: {}\n"));
        assertTrue(e.describe().startsWith(".mx/state.yaml:1:17: "), e.describe());
        assertTrue(e.getMessage().contains("newer mx"), e.getMessage());
    }

    @Test
    void nonsenseIsReportedWithPosition() {
        MxException e = assertThrows(MxException.class, () -> StateFile.parse(
                "format_version: 1\ngenerators:\n  - id: x\n    version: 1\n    files:\n      a: not-a-hash\n"));
        assertTrue(e.describe().startsWith(".mx/state.yaml:6:10: "), e.describe());
        assertThrows(MxException.class, () -> StateFile.parse("- just\n- a list\n"));
        assertThrows(MxException.class, () -> StateFile.parse("format_version: [1\n"));
        assertThrows(MxException.class, () -> StateFile.parse("format_version: 1\nanswers:\n  a: {b: c}\n"));
    }
}
