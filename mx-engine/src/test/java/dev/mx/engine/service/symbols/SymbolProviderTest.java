package dev.mx.engine.service.symbols;

import static dev.mx.engine.service.symbols.ServiceAssert.assertOutline;
import static dev.mx.engine.service.symbols.ServiceAssert.open;
import static dev.mx.engine.service.symbols.ServiceAssert.outline;
import static dev.mx.engine.service.symbols.ServiceAssert.r;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mx.engine.service.CancelChecker;
import dev.mx.engine.service.DocumentModel;
import dev.mx.engine.service.MxLanguageService;
import dev.mx.engine.service.SymbolItem;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SymbolProviderTest {
    @TempDir
    Path dir;
    final MxLanguageService service = ServiceAssert.service();

    @Test
    void devspaceSectionsWithTheirNamedEntries() {
        DocumentModel doc = open(dir, "devspace.yaml", """
                version: v2beta1
                name: demo
                vars:
                  REGISTRY: eu.gcr.io/demo
                  NAMESPACE:
                    source: env
                    default: demo
                  TOKEN:
                    source: env
                images:
                  trainer:
                    image: ${REGISTRY}/trainer
                    dockerfile: ./Dockerfile
                deployments:
                  training-infrastructure:
                    kubectl:
                      manifests:
                        - k8s/
                  postgres:
                    helm:
                      chart:
                        name: bitnami/postgresql
                  plain:
                    helm:
                      values: {}
                dev:
                  trainer:
                    imageSelector: ${runtime.images.trainer.image}
                  db:
                    labelSelector:
                      app: postgres
                pipelines:
                  deploy: |-
                    run_dependencies --all
                    create_deployments --all
                  dev:
                    run: start_dev --all
                commands:
                  train: mlflow run . -e trainer
                  lint:
                    command: mx lint
                    description: Check the files mx knows
                dependencies:
                  shared:
                    path: ../shared
                hooks:
                  - command: echo hi
                """);
        assertOutline(service, doc, """
                vars [MODULE]
                  REGISTRY [PROPERTY] eu.gcr.io/demo
                  NAMESPACE [PROPERTY] demo
                  TOKEN [PROPERTY] source: env
                images [MODULE]
                  trainer [PACKAGE] ${REGISTRY}/trainer
                deployments [MODULE]
                  training-infrastructure [CLASS] kubectl
                  postgres [CLASS] helm bitnami/postgresql
                  plain [CLASS] helm
                dev [MODULE]
                  trainer [CLASS] ${runtime.images.trainer.image}
                  db [CLASS] app=postgres
                pipelines [MODULE]
                  deploy [FUNCTION] run_dependencies --all
                  dev [FUNCTION] start_dev --all
                commands [MODULE]
                  train [FUNCTION] mlflow run . -e trainer
                  lint [FUNCTION] Check the files mx knows
                dependencies [MODULE]
                  shared [PACKAGE] ../shared
                """);
    }

    @Test
    void rangesCoverTheEntryAndSelectTheKey() {
        DocumentModel doc = open(dir, "devspace.yaml", """
                version: v2beta1
                deployments:
                  app:
                    kubectl:
                      manifests: [k8s/app.yaml]
                """);
        SymbolItem deployments = service.symbols(doc, CancelChecker.NEVER).get(0);
        assertEquals("1:0-4:31", r(deployments.range()));
        assertEquals("1:0-1:11", r(deployments.selectionRange()));
        SymbolItem app = deployments.children().get(0);
        assertEquals("2:2-4:31", r(app.range()));
        assertEquals("2:2-2:5", r(app.selectionRange()));
    }

    @Test
    void profilesShowWhatTheyMergeReplaceAndPatch() {
        DocumentModel doc = open(dir, "devspace.yaml", """
                version: v2beta1
                deployments:
                  app:
                    kubectl: {manifests: [k8s/]}
                profiles:
                  - name: prod
                    description: Production cluster
                    merge:
                      deployments:
                        monitoring:
                          helm: {chart: {name: prometheus}}
                    replace:
                      images:
                        app:
                          image: gcr.io/x/app
                    patches:
                      - op: replace
                        path: deployments.app.kubectl.manifests
                        value: [k8s/prod/]
                  - description: no name yet
                """);
        assertOutline(service, doc, """
                deployments [MODULE]
                  app [CLASS] kubectl
                profiles [MODULE]
                  prod [NAMESPACE] Production cluster
                    deployments [MODULE] merge
                      monitoring [CLASS] helm prometheus
                    images [MODULE] replace
                      app [PACKAGE] gcr.io/x/app
                    patches [MODULE]
                      deployments.app.kubectl.manifests [EVENT] replace
                  (unnamed profile) [NAMESPACE] no name yet
                """);
    }

    @Test
    void mlprojectNameEnvironmentEntryPointsAndParameters() {
        DocumentModel doc = open(dir, "MLproject", """
                name: demo
                python_env: python_env.yaml
                docker_env:
                  image: europe-west4-docker.pkg.dev/p/demo/demo
                entry_points:
                  trainer:
                    parameters:
                      lr: {type: float, default: 0.01}
                      data: path
                      name:
                        default: run
                    command: "python src/demo/train.py trainer.lr={lr}"
                  main:
                    command: python train.py
                """);
        assertOutline(service, doc, """
                name [KEY] demo
                python_env [PACKAGE] python_env.yaml
                docker_env [PACKAGE] europe-west4-docker.pkg.dev/p/demo/demo
                entry_points [MODULE]
                  trainer [FUNCTION] python src/demo/train.py trainer.lr={lr}
                    lr [PROPERTY] float = 0.01
                    data [PROPERTY] path
                    name [PROPERTY] string = run
                  main [FUNCTION] python train.py
                """);
    }

    @Test
    void stateAnswersAndAppliedGenerators() {
        DocumentModel doc = open(dir, ".mx/state.yaml", """
                format_version: 1
                mx_version: 0.1.0
                answers:
                  project_name: demo
                  engineers: [a@example.com]
                  gpu_count: 1
                generators:
                  - id: ml-project-skeleton
                    version: 1.0.0
                    files:
                      README.md: sha256:00
                  - id: serving
                    version: 0.2.0
                """);
        assertOutline(service, doc, """
                answers [MODULE]
                  project_name [PROPERTY] demo
                  engineers [PROPERTY] [a@example.com]
                  gpu_count [PROPERTY] 1
                generators [MODULE]
                  ml-project-skeleton [PACKAGE] 1.0.0
                  serving [PACKAGE] 0.2.0
                """);
    }

    @Test
    void longDetailsAreCutToOneLine() {
        DocumentModel doc = open(dir, "devspace.yaml", """
                version: v2beta1
                pipelines:
                  deploy:
                    run: |-

                      echo "%s"
                      create_deployments --all
                """.formatted("x".repeat(100)));
        String line = outline(service.symbols(doc, CancelChecker.NEVER)).lines().toList().get(1);
        assertEquals("  deploy [FUNCTION] echo \"" + "x".repeat(SymbolProvider.DETAIL - 7) + "\u2026", line);
    }

    @Test
    void brokenOrForeignDocumentsGiveWhatCanBeSeen() {
        for (Map.Entry<String, String> c : Map.of(
                "devspace.yaml", "- just\n- a list\n",
                "MLproject", "",
                ".mx/state.yaml", "42\n").entrySet()) {
            DocumentModel doc = open(dir, c.getKey(), c.getValue());
            assertEquals(List.of(), service.symbols(doc, CancelChecker.NEVER), c.getKey());
        }
        assertOutline(service, open(dir, ".mx/state.yaml", "answers: [\ngenerators:\n"), "answers [MODULE]\n");
        DocumentModel half = open(dir, "devspace.yaml", "version: v2beta1\ndeployments:\n  app:\n    kubectl: [\n");
        assertEquals(List.of(), service.symbols(half, CancelChecker.NEVER).stream()
                .filter(s -> !s.name().equals("deployments")).toList());
        DocumentModel lint = open(dir, ".mx/lint.yaml", "rules:\n  devspace/unknown-key: off\n");
        assertOutline(service, lint, "rules [KEY]\n");
    }

    @Test
    void cancellationStopsTheOutline() {
        DocumentModel doc = open(dir, "devspace.yaml", "version: v2beta1\nimages:\n  a:\n    image: x\n");
        assertThrows(CancellationException.class, () -> service.symbols(doc, () -> {
            throw new CancellationException();
        }));
    }
}
