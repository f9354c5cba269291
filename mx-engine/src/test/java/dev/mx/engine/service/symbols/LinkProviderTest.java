package dev.mx.engine.service.symbols;

import static dev.mx.engine.service.symbols.ServiceAssert.files;
import static dev.mx.engine.service.symbols.ServiceAssert.links;
import static dev.mx.engine.service.symbols.ServiceAssert.open;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mx.engine.MxEngine;
import dev.mx.engine.service.DocumentModel;
import dev.mx.engine.service.MxLanguageService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinkProviderTest {
    @TempDir
    Path dir;
    final MxLanguageService service = ServiceAssert.service();

    @Test
    void devspacePathsThatExistRelativeToTheDocument() {
        files(dir, "app/k8s/deploy.yaml", "app/k8s/svc.yaml", "app/values/prod.yaml", "app/Dockerfile",
                "app/docker/Dockerfile.gpu", "app/chart/Chart.yaml", "app/shared/devspace.yaml");
        DocumentModel doc = open(dir, "app/devspace.yaml", """
                version: v2beta1
                imports:
                  - path: ./shared/devspace.yaml
                  - path: https://example.com/devspace.yaml
                images:
                  trainer:
                    image: gcr.io/x/trainer
                    dockerfile: ./Dockerfile
                  gpu:
                    image: gcr.io/x/gpu
                    dockerfile: "docker/Dockerfile.gpu"
                  missing:
                    image: gcr.io/x/missing
                    dockerfile: docker/Nope
                deployments:
                  app:
                    kubectl:
                      manifests:
                        - k8s/deploy.yaml
                        - 'k8s/'
                        - k8s/*.yaml
                        - k8s/gone.yaml
                        - ${MANIFESTS}/x.yaml
                  db:
                    helm:
                      chart:
                        name: ./chart
                      valuesFiles:
                        - values/prod.yaml
                        - values/k8s
                  remote:
                    helm:
                      chart:
                        name: bitnami/postgresql
                profiles:
                  - name: prod
                    merge:
                      deployments:
                        extra:
                          kubectl:
                            manifests: [k8s/svc.yaml]
                """);
        assertEquals(List.of(
                "./shared/devspace.yaml -> app/shared/devspace.yaml",
                "./Dockerfile -> app/Dockerfile",
                "docker/Dockerfile.gpu -> app/docker/Dockerfile.gpu",
                "k8s/deploy.yaml -> app/k8s/deploy.yaml",
                "k8s/ -> app/k8s",
                "k8s/*.yaml -> app/k8s",
                "./chart -> app/chart",
                "values/prod.yaml -> app/values/prod.yaml",
                "k8s/svc.yaml -> app/k8s/svc.yaml"), links(service, dir, doc));
    }

    @Test
    void mlprojectEnvFilesAndScriptsInCommands() {
        files(dir, "python_env.yaml", "src/demo/train.py", "conf/config.yaml");
        DocumentModel doc = open(dir, "MLproject", """
                name: demo
                python_env: python_env.yaml
                conda_env: conda.yaml
                entry_points:
                  trainer:
                    parameters:
                      lr: float
                    command: "python src/demo/train.py trainer.lr={lr} --config=conf/config.yaml"
                  eval:
                    command: |
                      python src/demo/eval.py
                      python -m demo.train
                """);
        assertEquals(List.of(
                "python_env.yaml -> python_env.yaml",
                "src/demo/train.py -> src/demo/train.py",
                "conf/config.yaml -> conf/config.yaml"), links(service, dir, doc));
    }

    @Test
    void stateFileLinksTheFilesGeneratorsWrote() throws Exception {
        MxEngine.withGeneratorPath(List.of()).generate(dir, "ml-project-skeleton", Map.of());
        Files.delete(dir.resolve("README.md"));
        Path state = dir.resolve(".mx/state.yaml");
        DocumentModel doc = DocumentModel.of(state.toUri().toString(), state, 1, Files.readString(state));
        List<String> links = links(service, dir, doc);
        assertEquals(true, links.contains("MLproject -> MLproject"), links::toString);
        assertEquals(true, links.contains("devspace.yaml -> devspace.yaml"), links::toString);
        assertEquals(true, links.stream().anyMatch(l -> l.matches("src/(\\w+)/train\\.py -> src/\\1/train\\.py")),
                links::toString);
        assertEquals(false, links.stream().anyMatch(l -> l.startsWith("README.md")), "deleted files are no links");
    }

    @Test
    void unsavedBuffersAndForeignFilesHaveNoLinks() {
        files(dir, "k8s/a.yaml");
        DocumentModel unsaved = DocumentModel.of("untitled:1", null, 1,
                "deployments:\n  a:\n    kubectl:\n      manifests: [k8s/a.yaml]\n");
        assertEquals(List.of(), service.links(unsaved, () -> { }));
        DocumentModel other = open(dir, "values.yaml", "manifests: [k8s/a.yaml]\n");
        assertEquals(List.of(), service.links(other, () -> { }));
    }
}
