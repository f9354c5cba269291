package dev.mx.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/embedding.md shows docs/examples/EmbedMx.java; the build compiles that file as a test
 * source and this test runs it, and checks the doc still shows it verbatim, so neither can rot.
 */
class EmbeddingExampleTest {
    @TempDir
    Path tmp;

    @Test
    void theDocumentedExampleRunsAndIsShownVerbatim() throws Exception {
        Path docs = Path.of(System.getProperty("mx.docs.dir", "../docs"));
        String exampleSource = Files.readString(docs.resolve("examples/EmbedMx.java"));
        String page = Files.readString(docs.resolve("embedding.md"));
        assertTrue(page.contains(exampleSource.strip()), "docs/embedding.md must show docs/examples/EmbedMx.java verbatim");

        Path project = tmp.resolve("acme-churn");
        PrintStream oldOut = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            example.EmbedMx.main(new String[] {project.toString()});
        } finally {
            System.setOut(oldOut);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("CREATE devspace.yaml"), out);
        assertTrue(out.contains("project_name = acme-churn"), out);
        assertTrue(Files.exists(project.resolve(".mx/state.yaml")));
        assertEquals("europe-west1", MxEngine.create().state(project).answers().get("region"));
    }
}
