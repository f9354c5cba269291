package dev.mx.engine.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mx.engine.MxEngine;
import dev.mx.engine.MxException;
import dev.mx.engine.apply.ProjectLock;
import dev.mx.engine.state.ProjectState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Applies small generators written into a temp generator path to real project directories. */
class GeneratorApplyTest {
    @TempDir
    Path tmp;
    Path packs;
    Path project;
    MxEngine engine;

    @BeforeEach
    void setUp() throws IOException {
        packs = Files.createDirectories(tmp.resolve("packs"));
        project = Files.createDirectories(tmp.resolve("my-project"));
        engine = MxEngine.withGeneratorPath(List.of(packs));
        pack("base", """
                id: base
                version: 1.0.0
                description: Base files and a devspace.yaml.
                parameters:
                  - name: project_name
                    type: string
                    default: "[=project_dir_name]"
                    pattern: '^[a-z]([-a-z0-9]*[a-z0-9])?$'
                    scope: project
                  - name: replicas
                    type: int
                    min: 1
                    max: 5
                    default: 1
                files:
                  root: files
                manifests:
                  - file: devspace.yaml
                    create: devspace.yaml.ftl
                    keys:
                      - path: deployments.app
                        template: app.yaml.ftl
                """, Map.of(
                "files/README.md.ftl", "# [=project_name]\n",
                "files/k8s/[=project_name].yaml.ftl", "replicas: [=replicas]\n",
                "files/static.txt", "copied ${verbatim}\n",
                "devspace.yaml.ftl", "version: v2beta1\nname: [=project_name]\n",
                "app.yaml.ftl", "kubectl:\n  manifests:\n    - k8s/[=project_name].yaml\n"));
        pack("addon", """
                id: addon
                version: 0.1.0
                description: Adds a deployment; needs base.
                requires: [base]
                parameters:
                  - name: project_name
                    type: string
                    scope: project
                    required: true
                manifests:
                  - file: devspace.yaml
                    keys:
                      - path: deployments.addon
                        template: addon.yaml.ftl
                """, Map.of("addon.yaml.ftl", "helm:\n  chart:\n    name: [=project_name]-addon\n"));
    }

    private void pack(String id, String descriptor, Map<String, String> files) throws IOException {
        Path dir = Files.createDirectories(packs.resolve(id));
        Files.writeString(dir.resolve("generator.yaml"), descriptor);
        for (var e : files.entrySet()) {
            Path f = dir.resolve(e.getKey());
            Files.createDirectories(f.getParent());
            Files.writeString(f, e.getValue());
        }
    }

    private Plan plan(String id, Map<String, String> values) {
        return engine.plan(new MxEngine.Request(project, id, values));
    }

    static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString(), Files.readString(p));
            }
        }
        return out;
    }

    @Test
    void appliesFilesManifestsAndState() throws Exception {
        engine.generate(project, "base", Map.of());
        assertEquals("# my-project\n", Files.readString(project.resolve("README.md")));
        assertEquals("replicas: 1\n", Files.readString(project.resolve("k8s/my-project.yaml")));
        assertEquals("copied ${verbatim}\n", Files.readString(project.resolve("static.txt")));
        assertEquals("version: v2beta1\nname: my-project\ndeployments:\n  app:\n    kubectl:\n      manifests:\n"
                + "        - k8s/my-project.yaml\n", Files.readString(project.resolve("devspace.yaml")));
        ProjectState state = engine.state(project);
        assertEquals("my-project", state.answers().get("project_name"));
        assertEquals(3, state.generator("base").orElseThrow().files().size());
        assertTrue(state.generator("base").orElseThrow().manifestKeyHash("devspace.yaml", "deployments.app")
                .startsWith("sha256:"));
        assertFalse(Files.exists(project.resolve(".mx/lock")));
    }

    @Test
    void reapplyingWithTheSameAnswersChangesNothing() throws Exception {
        engine.generate(project, "base", Map.of("replicas", "2"));
        Map<String, String> before = snapshot(project);
        Plan again = plan("base", Map.of());
        assertTrue(again.isNoop(), () -> again.changes().toString());
        assertEquals(2L, again.parameters().get("replicas"), "answers come back from the state file");
        engine.apply(again, false, s -> { });
        assertEquals(before, snapshot(project));
    }

    @Test
    void userCommentsAndKeysInSharedManifestsSurvive() throws Exception {
        engine.generate(project, "base", Map.of());
        Path devspace = project.resolve("devspace.yaml");
        String edited = "# my notes\n" + Files.readString(devspace).replace("name: my-project\n",
                "name: my-project # keep this\nvars:\n  REGISTRY: eu.gcr.io # mine\n");
        Files.writeString(devspace, edited);
        assertTrue(plan("base", Map.of()).isNoop());
        engine.generate(project, "addon", Map.of());
        String after = Files.readString(devspace);
        assertTrue(after.startsWith(edited), after);
        assertTrue(after.endsWith("  addon:\n    helm:\n      chart:\n        name: my-project-addon\n"), after);
    }

    @Test
    void changedAnswerUpdatesOwnedFilesAndRemovesOrphans() throws Exception {
        engine.generate(project, "base", Map.of());
        Plan p = plan("base", Map.of("project_name", "renamed"));
        engine.apply(p, false, s -> { });
        assertFalse(Files.exists(project.resolve("k8s/my-project.yaml")), "the old rendered file is an orphan");
        assertEquals("replicas: 1\n", Files.readString(project.resolve("k8s/renamed.yaml")));
        assertTrue(Files.readString(project.resolve("devspace.yaml")).contains("- k8s/renamed.yaml"));
    }

    @Test
    void updatingAKeyKeepsOneCopyOfItsTemplateCommentAndTheUsersOwn() throws Exception {
        pack("commented", """
                id: commented
                version: 1.0.0
                description: A key whose template starts with a comment.
                parameters:
                  - name: replicas
                    type: int
                    default: 1
                manifests:
                  - file: devspace.yaml
                    keys:
                      - path: deployments.web
                        template: web.yaml.ftl
                """, Map.of("web.yaml.ftl", "# the web deployment\nhelm:\n  values:\n    replicas: [=replicas]\n"));
        engine.generate(project, "commented", Map.of());
        Path devspace = project.resolve("devspace.yaml");
        Files.writeString(devspace, Files.readString(devspace).replace("  web:\n", "  web:\n    # mine\n"));
        engine.generate(project, "commented", Map.of("replicas", "2"));
        engine.generate(project, "commented", Map.of("replicas", "3"));
        String text = Files.readString(devspace);
        assertEquals(1, text.split("# the web deployment", -1).length - 1, text);
        assertEquals(1, text.split("# mine", -1).length - 1, text);
        assertTrue(text.contains("replicas: 3"), text);
    }

    @Test
    void keysAndFilesNoLongerRenderedAreRemovedWithTheirEmptyFolders() throws Exception {
        pack("optional", """
                id: optional
                version: 1.0.0
                description: A deployment and a file that an answer turns off.
                parameters:
                  - name: extra
                    type: bool
                    default: true
                files:
                  root: files
                  when:
                    "extra/**": extra
                manifests:
                  - file: devspace.yaml
                    keys:
                      - path: deployments.extra
                        template: extra.yaml.ftl
                        when: extra
                      - path: deployments.always
                        template: extra.yaml.ftl
                """, Map.of("files/extra/deep/x.yaml", "a: 1\n", "extra.yaml.ftl", "kubectl:\n  manifests: [x]\n"));
        engine.generate(project, "optional", Map.of());
        assertTrue(Files.readString(project.resolve("devspace.yaml")).contains("extra:"));
        Plan p = plan("optional", Map.of("extra", "false"));
        FileChange manifest = p.changes().stream().filter(c -> c.path().equals("devspace.yaml")).findFirst()
                .orElseThrow();
        assertEquals(List.of("- deployments.extra"), manifest.keys());
        engine.apply(p, false, s -> { });
        String devspace = Files.readString(project.resolve("devspace.yaml"));
        assertFalse(devspace.contains("extra:"), devspace);
        assertTrue(devspace.contains("always:"), devspace);
        assertFalse(Files.exists(project.resolve("extra")), "the emptied folder is removed");
        assertTrue(engine.state(project).generator("optional").orElseThrow().manifests().get("devspace.yaml")
                .containsKey("deployments.always"));
        assertTrue(plan("optional", Map.of()).isNoop());
    }

    @Test
    void aFileTheUserChangedIsAConflictAndNeverOverwritten() throws Exception {
        engine.generate(project, "base", Map.of());
        Files.writeString(project.resolve("README.md"), "# my own readme\n");
        Plan p = plan("base", Map.of("replicas", "3"));
        assertEquals(List.of("README.md"), p.conflicts().stream().map(FileChange::path).toList());
        MxException e = assertThrows(MxException.class, () -> engine.apply(p, false, s -> { }));
        assertEquals(MxException.Kind.CONFLICT, e.kind());
        assertTrue(e.getMessage().contains("README.md: you changed it"), e.getMessage());
        assertEquals("# my own readme\n", Files.readString(project.resolve("README.md")));
        assertEquals("replicas: 1\n", Files.readString(project.resolve("k8s/my-project.yaml")), "nothing applied");

        engine.apply(p, true, s -> { });
        assertEquals("# my-project\n", Files.readString(project.resolve("README.md")));
        assertEquals("# my own readme\n", Files.readString(project.resolve("README.md.orig")));
        assertEquals("replicas: 3\n", Files.readString(project.resolve("k8s/my-project.yaml")));
    }

    @Test
    void aManifestKeyTheUserEditedIsAConflict() throws Exception {
        engine.generate(project, "base", Map.of());
        Path devspace = project.resolve("devspace.yaml");
        Files.writeString(devspace, Files.readString(devspace).replace("- k8s/my-project.yaml", "- k8s/other.yaml"));
        Plan p = plan("base", Map.of("project_name", "renamed"));
        FileChange c = p.conflicts().stream().filter(x -> x.path().equals("devspace.yaml")).findFirst().orElseThrow();
        assertTrue(c.reason().contains("deployments.app (you changed it)"), c.reason());
    }

    @Test
    void anExistingUnmanagedFileIsAConflict() throws Exception {
        Files.writeString(project.resolve("README.md"), "mine\n");
        Plan p = plan("base", Map.of());
        assertTrue(p.conflicts().get(0).reason().contains("not written by base"));
    }

    @Test
    void aFailureMidwayLeavesTheProjectUnchanged() throws Exception {
        engine.generate(project, "base", Map.of());
        Map<String, String> before = snapshot(project);
        Plan p = plan("base", Map.of("project_name", "other", "replicas", "4"));
        assertThrows(MxException.class, () -> engine.apply(p, false, s -> { }, point -> {
            if (point.equals("renamed:2")) {
                throw new IOException("injected failure");
            }
        }));
        assertEquals(before, snapshot(project));
    }

    @Test
    void aLockedProjectIsRefusedNamingTheHolder() throws Exception {
        Plan p = plan("base", Map.of());
        try (ProjectLock held = ProjectLock.acquire(project, "mx generate other", Duration.ZERO, s -> { })) {
            MxException e = assertThrows(MxException.class, () -> engine.apply(p, false, s -> { }));
            assertEquals(MxException.Kind.LOCKED, e.kind());
            assertTrue(e.getMessage().contains("locked by pid " + ProcessHandle.current().pid()), e.getMessage());
        }
        assertFalse(Files.exists(project.resolve("README.md")));
    }

    @Test
    void requiresIsCheckedBeforePlanning() {
        MxException e = assertThrows(MxException.class, () -> plan("addon", Map.of()));
        assertTrue(e.getMessage().contains("requires base"), e.getMessage());
    }

    @Test
    void parametersAreValidatedBeforeAnythingRenders() {
        MxException e = assertThrows(MxException.class, () -> plan("base",
                Map.of("project_name", "Bad_Name", "replicas", "9", "replica", "1")));
        assertTrue(e.getMessage().contains("'Bad_Name' is not a valid project_name"), e.getMessage());
        assertTrue(e.getMessage().contains("at most 5"), e.getMessage());
        assertTrue(e.getMessage().contains("unknown parameter 'replica'"), e.getMessage());
        assertTrue(e.getMessage().contains("did you mean 'replicas'"), e.getMessage());
        assertFalse(Files.exists(project.resolve(".mx")));
    }

    @Test
    void aPackCannotWriteOutsideTheProject() throws Exception {
        pack("evil", """
                id: evil
                version: 1.0.0
                description: Tries to escape.
                parameters:
                  - name: target
                    type: string
                    default: "../escaped.txt"
                files:
                  root: files
                """, Map.of("files/[=target].ftl", "x\n"));
        MxException e = assertThrows(MxException.class, () -> plan("evil", Map.of()));
        assertTrue(e.getMessage().contains("refused"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("escaped.txt")));
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.createSymbolicLink(project.resolve("link"), outside);
        MxException e2 = assertThrows(MxException.class, () -> plan("evil", Map.of("target", "link/x.txt")));
        assertTrue(e2.getMessage().contains("symbolic link"), e2.getMessage());
    }

    @Test
    void aPackCannotRunCommandsThroughFreeMarker() throws Exception {
        Path marker = tmp.resolve("pwned");
        pack("exec", """
                id: exec
                version: 1.0.0
                description: Tries the ?new Execute trick.
                files:
                  root: files
                """, Map.of("files/x.txt.ftl",
                "[#assign ex = \"freemarker.template.utility.Execute\"?new()][=ex(\"touch " + marker + "\")]"));
        MxException e = assertThrows(MxException.class, () -> plan("exec", Map.of()));
        assertTrue(e.describe().contains("x.txt.ftl:1:"), e.describe());
        assertFalse(Files.exists(marker));
    }
}
