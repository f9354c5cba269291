package dev.mx.engine.service.actions;

import static dev.mx.engine.service.symbols.ServiceAssert.applyToDisk;
import static dev.mx.engine.service.symbols.ServiceAssert.parse;
import static dev.mx.engine.service.symbols.ServiceAssert.snapshot;
import static dev.mx.engine.service.symbols.ServiceAssert.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mx.engine.MxException;
import dev.mx.engine.diag.Diagnostic;
import dev.mx.engine.diag.Fix;
import dev.mx.engine.diag.Severity;
import dev.mx.engine.service.CancelChecker;
import dev.mx.engine.service.CodeActionItem;
import dev.mx.engine.service.DocumentModel;
import dev.mx.engine.service.MxLanguageService;
import dev.mx.engine.service.WorkspaceChange;
import dev.mx.engine.service.symbols.ServiceAssert;
import dev.mx.engine.text.LineMap;
import dev.mx.engine.text.Position;
import dev.mx.engine.text.Range;
import dev.mx.engine.text.TextEdit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Quick fixes, and "Apply generator" on real projects: the built-in skeleton applied, plus packs
 * in the project's .mx/generators/.
 */
class CodeActionProviderTest {
    /** The packs these tests write; built-ins that others add later are left out of comparisons. */
    private static final Set<String> OURS = Set.of("ml-project-skeleton", "serving", "notes", "needs-missing");

    @TempDir
    Path tmp;
    Path project;
    final MxLanguageService service = ServiceAssert.service();

    @BeforeEach
    void setUp() throws IOException {
        project = newProject(tmp.resolve("a"));
    }

    /** A skeleton project named "demo" with three packs of its own. */
    private Path newProject(Path parent) throws IOException {
        Path p = Files.createDirectories(parent.resolve("demo"));
        service.engine().generate(p, "ml-project-skeleton", Map.of());
        Path packs = p.resolve(".mx/generators");
        write(packs.resolve("serving/generator.yaml"), """
                id: serving
                version: 0.1.0
                description: Serves the trained model behind a Service.
                requires: [ml-project-skeleton]
                parameters:
                  - name: project_name
                    type: string
                    scope: project
                    required: true
                  - name: replicas
                    type: int
                    default: 2
                files:
                  root: files
                manifests:
                  - file: devspace.yaml
                    keys:
                      - path: deployments.serving
                        template: serving.yaml.ftl
                """);
        write(packs.resolve("serving/files/k8s/serving/deployment.yaml.ftl"),
                "name: [=project_name]-serving\nreplicas: [=replicas]\n");
        write(packs.resolve("serving/serving.yaml.ftl"),
                "# model server\nkubectl:\n  manifests:\n    - k8s/serving/\n");
        write(packs.resolve("notes/generator.yaml"), """
                id: notes
                version: 1.0.0
                description: |
                  Adds NOTES.md.
                  Nothing else.
                files:
                  root: files
                """);
        write(packs.resolve("notes/files/NOTES.md.ftl"), "# [=answers.project_name] notes\n");
        write(packs.resolve("needs-missing/generator.yaml"), """
                id: needs-missing
                version: 1.0.0
                description: Needs a generator nobody applied.
                requires: [ghost]
                manifests:
                  - file: devspace.yaml
                    keys:
                      - path: deployments.extra
                        template: extra.yaml.ftl
                """);
        write(packs.resolve("needs-missing/extra.yaml.ftl"), "kubectl:\n  manifests: [k8s/extra/]\n");
        return p;
    }

    private List<String> generatorTitles(String relative, String marked) {
        ServiceAssert.Marked m = parse(marked);
        return generatorTitles(relative, m.text(), m.cursor());
    }

    private List<String> generatorTitles(String relative, String text, Position cursor) {
        Path file = project.resolve(relative);
        DocumentModel doc = DocumentModel.of(file.toUri().toString(), file, 2, text);
        return service.codeActions(doc, Range.at(cursor), List.of(), CancelChecker.NEVER).stream()
                .filter(a -> a.kind() == CodeActionItem.Kind.APPLY_GENERATOR)
                .peek(a -> assertEquals(project.toAbsolutePath().normalize(), a.projectRoot()))
                .filter(a -> OURS.contains(a.generatorId()))
                .map(CodeActionItem::title).toList();
    }

    /** Generator actions in the project's devspace.yaml as on disk, the cursor after the first {@code at}. */
    private List<String> devspaceTitlesAfter(String at) throws IOException {
        String text = Files.readString(project.resolve("devspace.yaml"));
        int i = text.indexOf(at);
        assertTrue(i >= 0, at);
        return generatorTitles("devspace.yaml", text, new LineMap(text).position(i + at.length()));
    }

    private static final List<String> SERVING = List.of(
            "Apply generator serving: Serves the trained model behind a Service.");

    @Test
    void offeredInsideDeploymentsForGeneratorsThatAddOne() throws IOException {
        for (String at : List.of("\ndeploy", "deployments:", "\n  training-infra", "k8s/training-infrastructure/",
                "updateImageTags: false\n", "k8s/cuda-drivers/\n")) {
            assertEquals(SERVING, devspaceTitlesAfter(at), at);
        }
        assertEquals(SERVING, generatorTitles("devspace.yaml", """
                version: v2beta1
                deployments:
                  app:
                    kubectl: {manifests: [k8s/]}

                  |
                # the pipelines
                pipelines:
                  deploy: create_deployments --all
                """));
    }

    @Test
    void notOfferedElsewhereInDevspaceYaml() throws IOException {
        for (String at : List.of("version", "image: ", "MLFLOW_NAMESPACE", "events:", "name: de")) {
            assertEquals(List.of(), devspaceTitlesAfter(at), at);
        }
        assertEquals(List.of(), generatorTitles("devspace.yaml", """
                version: v2beta1
                deployments:
                  app:
                    kubectl: {manifests: [k8s/]}
                # the pipelines|
                pipelines:
                  deploy: create_deployments --all
                """));
        assertEquals(List.of(), generatorTitles("devspace.yaml", """
                version: v2beta1
                profiles:
                  - name: prod
                    merge:
                      deployments:
                        |
                """), "only the top-level section");
        assertEquals(List.of(), generatorTitles("k8s/devspace.yaml", "deployments:\n  |\n"),
                "another devspace.yaml than the one the generators write");
        assertEquals(List.of(), generatorTitles("MLproject", "name: demo|\n"));
    }

    @Test
    void stateFileOffersEveryGeneratorNotAppliedYet() throws IOException {
        String state = Files.readString(project.resolve(".mx/state.yaml"));
        assertEquals(List.of("Apply generator notes: Adds NOTES.md.",
                "Apply generator serving: Serves the trained model behind a Service."),
                generatorTitles(".mx/state.yaml", state, new Position(0, 0)).stream().sorted().toList());
    }

    @Test
    void appliedGeneratorsAreNoLongerOffered() throws IOException {
        service.engine().generate(project, "serving", Map.of());
        assertEquals(List.of(), devspaceTitlesAfter("\n  training-infra"));
        assertEquals(List.of("Apply generator notes: Adds NOTES.md."),
                generatorTitles(".mx/state.yaml", Files.readString(project.resolve(".mx/state.yaml")),
                new Position(3, 0)));
    }

    @Test
    void editedAndNewPacksAreSeenAtOnce() throws IOException {
        assertEquals(SERVING, devspaceTitlesAfter("\n  training-infra"));
        Path descriptor = project.resolve(".mx/generators/serving/generator.yaml");
        write(descriptor, Files.readString(descriptor).replace("behind a Service.", "with autoscaling."));
        write(project.resolve(".mx/generators/gpu-monitor/generator.yaml"), """
                id: gpu-monitor
                version: 1.0.0
                description: DCGM exporter.
                manifests:
                  - file: devspace.yaml
                    keys:
                      - path: deployments.gpu-monitor
                        template: d.yaml.ftl
                """);
        String text = Files.readString(project.resolve("devspace.yaml"));
        Path file = project.resolve("devspace.yaml");
        DocumentModel doc = DocumentModel.of(file.toUri().toString(), file, 3, text);
        Position inside = new LineMap(text).position(text.indexOf("\n  training-infra") + 3);
        assertEquals(List.of("Apply generator gpu-monitor: DCGM exporter.",
                "Apply generator serving: Serves the trained model with autoscaling."),
                service.codeActions(doc, Range.at(inside), List.of(), CancelChecker.NEVER).stream()
                        .map(CodeActionItem::title).filter(t -> t.contains("gpu-monitor") || t.contains("serving"))
                        .sorted().toList());
    }

    @Test
    void noProjectNoGeneratorActions() throws IOException {
        Path loose = Files.createDirectories(tmp.resolve("loose"));
        Path file = loose.resolve("devspace.yaml");
        write(file, "version: v2beta1\ndeployments:\n  app: {}\n");
        DocumentModel doc = DocumentModel.of(file.toUri().toString(), file, 1, Files.readString(file));
        assertEquals(List.of(), service.codeActions(doc, Range.at(new Position(2, 3)), List.of(), CancelChecker.NEVER));
        DocumentModel unsaved = DocumentModel.of("untitled:1", null, 1, "deployments:\n  app: {}\n");
        assertEquals(List.of(), service.codeActions(unsaved, Range.at(new Position(1, 3)), List.of(),
                CancelChecker.NEVER));
    }

    @Test
    void resolvingGivesTheChangesMxGenerateWouldWrite() throws IOException {
        Path twin = newProject(tmp.resolve("b"));
        assertEquals(snapshot(twin), snapshot(project));

        String devspaceBefore = Files.readString(project.resolve("devspace.yaml"));
        WorkspaceChange change = service.applyGenerator(project, "serving", Map.of());
        applyToDisk(change);
        service.engine().generate(twin, "serving", Map.of());

        assertEquals(snapshot(twin), snapshot(project));
        assertTrue(Files.readString(project.resolve("devspace.yaml")).contains("  serving:\n    # model server\n"));
        assertEquals(List.of(project.resolve("k8s/serving/deployment.yaml")),
                change.creates().stream().map(WorkspaceChange.Create::file).toList());
        // shared files change in place: the edits touch only the new deployment and the state's new entries
        WorkspaceChange.Edit devspace = change.edits().stream()
                .filter(e -> e.file().endsWith("devspace.yaml")).findFirst().orElseThrow();
        int changed = devspace.edits().stream().mapToInt(e -> e.newText().length()).sum();
        assertTrue(changed < 100, () -> devspace.edits().toString());
        assertTrue(devspace.edits().stream().allMatch(e -> e.range().start().line() > 10), devspaceBefore);
        assertEquals(2, change.edits().size(), "devspace.yaml and .mx/state.yaml");
    }

    @Test
    void conflictsAreAnError() throws IOException {
        write(project.resolve("k8s/serving/deployment.yaml"), "mine: true\n");
        MxException e = assertThrows(MxException.class, () -> service.applyGenerator(project, "serving", Map.of()));
        assertEquals(MxException.Kind.CONFLICT, e.kind());
        assertTrue(e.getMessage().contains("k8s/serving/deployment.yaml"), e.getMessage());
    }

    // quick fixes

    @Test
    void everyFixIsAQuickFixTheFirstOfEachDiagnosticPreferred() {
        Range r = Range.of(0, 0, 0, 3);
        TextEdit e1 = new TextEdit(r, "one");
        TextEdit e2 = new TextEdit(r, "two");
        Diagnostic a = new Diagnostic("devspace.yaml", r, Severity.ERROR, "devspace/unknown-key", "unknown key",
                List.of(new Fix("Change to 'one'", List.of(e1)), new Fix("Change to 'two'", List.of(e2))));
        Diagnostic b = new Diagnostic("devspace.yaml", r, Severity.WARNING, "devspace/x", "x",
                List.of(new Fix("Nothing to do", List.of()), new Fix("Remove it", List.of(new TextEdit(r, "")))));
        Diagnostic c = new Diagnostic("devspace.yaml", r, Severity.INFO, "devspace/y", "no fix");
        Path file = tmp.resolve("loose/devspace.yaml");
        DocumentModel doc = DocumentModel.of(file.toUri().toString(), file, 1, "abc: 1\n");
        List<CodeActionItem> actions = service.codeActions(doc, r, List.of(a, b, c), CancelChecker.NEVER);
        assertEquals(List.of(
                CodeActionItem.quickFix("Change to 'one'", a, List.of(e1), true),
                CodeActionItem.quickFix("Change to 'two'", a, List.of(e2), false),
                CodeActionItem.quickFix("Remove it", b, List.of(new TextEdit(r, "")), true)), actions);
        assertFalse(actions.stream().anyMatch(x -> x.kind() != CodeActionItem.Kind.QUICK_FIX));
    }
}
