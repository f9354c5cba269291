package dev.mx.engine.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** YAML model and editor bugs found by the property-based suites and the hostile-input matrix, kept as regressions. */
class FuzzCrashersYamlTest {

    @Test
    void aFiveMillionCharacterLineParsesInSeconds() {
        // found by the hostile-input matrix: the event parser's reader copied its whole window on every
        // 1 KB refill inside one long scalar (quadratic: `mx lint` did not finish in a minute)
        String text = "version: v2beta1\nname: " + "x".repeat(5_000_000) + "\nimages: {}\n";
        ParsedYaml y = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> YamlParser.parse(text));
        assertEquals(List.of(), y.problems());
        assertEquals(5_000_000, ((YamlScalar) y.find(List.of("name"))).value().length());
        assertEquals(Map.of(), y.find(List.of("images")).toJava());
        assertTrue(y.find(List.of("images")).range().start().line() == 2);
    }
}
