package dev.mx.engine.service.hover;

import static dev.mx.engine.service.completion.ServiceAssert.assertHover;
import static dev.mx.engine.service.completion.ServiceAssert.assertNoHover;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mx.engine.diag.Diagnostic;
import dev.mx.engine.diag.Severity;
import dev.mx.engine.service.CancelChecker;
import dev.mx.engine.service.DocumentModel;
import dev.mx.engine.service.HoverResult;
import dev.mx.engine.service.completion.ServiceAssert;
import dev.mx.engine.text.Range;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HoverProviderTest {
    private static final String DS = "devspace.yaml";
    private static final String ML = "MLproject";
    private static final String STATE = ".mx/state.yaml";
    private static Path project;

    @BeforeAll
    static void projectWithALocalGenerator() {
        project = ServiceAssert.project(Map.of(".mx/generators/train-job/generator.yaml", """
                id: train-job
                version: 0.3.0
                description: A training Job for the cluster.
                help: Writes k8s/train-job.yaml and a devspace deployment for it.
                parameters:
                  - name: framework
                    type: enum
                    choices: [pytorch, jax]
                    default: pytorch
                    help: Training framework of the worker image.
                """));
    }

    // ------------------------------------------------------------------ devspace.yaml

    @Test
    void keyDocAndTypeByPath() {
        HoverResult h = assertHover("version: v2beta1\ndev:\n  app:\n    image|Selector: ghcr.io/acme/app\n", DS,
                "**imageSelector** · `string`", "Exactly one of imageSelector, labelSelector");
        assertEquals(Range.of(3, 4, 3, 17), h.range());
        assertHover("dev:\n  app:\n    sync:\n      - path: .\n        initial|Sync: mirrorLocal\n", DS,
                "**initialSync**", "Values: `mirrorLocal`");
        // the same key name means different things at different places
        assertHover("na|me: demo\n", DS, "Project name");
        assertHover("deployments:\n  api:\n    helm:\n      chart:\n        na|me: bitnami/redis\n", DS, "oci://");
        assertHover("deployments:\n  ap|i:\n    helm: {}\n", DS, "**api** · entry of `deployments`");
    }

    @Test
    void enumValues() {
        assertHover("dev:\n  app:\n    sync:\n      - path: .\n        initialSync: prefer|Local\n", DS,
                "`preferLocal`: one of the values of **initialSync**", "Strategy of the first sync");
        assertHover("dev:\n  app:\n    arch: arm|32\n", DS, "`arm32` is not one of the values of **arch**",
                "`amd64`, `arm64`");
    }

    @Test
    void runtimeImagesAndPipelineCommands() {
        String images = "images:\n  app:\n    image: ghcr.io/acme/app\n";
        assertHover(images + "vars:\n  A: ${runtime.images.a|pp.tag}\n", DS, "runtime.images.app.tag",
                "`images.app.image`: `ghcr.io/acme/app`");
        assertHover(images + "pipelines:\n  dev: ¦-\n    create_depl|oyments --all\n", DS,
                "**create_deployments**", "Deploys");
    }

    @Test
    void unknownKeysHaveOnlyTheirFinding() {
        assertHover("version: v2beta1\ndev:\n  app:\n    imageSelector: x\n    sy|nc_x: 1\n", DS,
                "**devspace/unknown-key**", "**Why:**");
    }

    @Test
    void theRuleOfAFindingAndTheKeyDocTogether() {
        HoverResult h = assertHover("version: v2beta1\ndeployments:\n  api:\n    helm: {}\n    kube|ctl:\n"
                + "      manifests: [a.yaml]\n", DS, "**devspace/one-of** · error",
                "'kubectl' cannot be used together with 'helm'", "**Why:**", "**kubectl**");
        assertTrue(h.markdown().indexOf("devspace/one-of") < h.markdown().indexOf("**kubectl**"), h.markdown());
    }

    @Test
    void diagnosticsGivenByTheCallerAreUsed() {
        ServiceAssert.Cursor c = ServiceAssert.cursor("version: v2beta1\nna|me: demo\n");
        DocumentModel doc = ServiceAssert.model(c.text(), DS, null);
        Diagnostic d = new Diagnostic("devspace.yaml", Range.of(1, 0, 1, 4), Severity.WARNING,
                "devspace/unknown-key", "a finding from the server");
        Optional<HoverResult> h = HoverProvider.hover(ServiceAssert.SERVICE, doc, c.position(), List.of(d),
                CancelChecker.NEVER);
        assertTrue(h.orElseThrow().markdown().contains("a finding from the server"), h.get().markdown());
        Optional<HoverResult> none = HoverProvider.hover(ServiceAssert.SERVICE, doc, c.position(), List.of(),
                CancelChecker.NEVER);
        assertFalse(none.orElseThrow().markdown().contains("devspace/"), none.get().markdown());
    }

    @Test
    void nothingOnBlankLinesAndComments() {
        assertNoHover("version: v2beta1\n|\n", DS);
        assertNoHover("# a com|ment\nversion: v2beta1\n", DS);
    }

    // ------------------------------------------------------------------ MLproject

    @Test
    void mlprojectKeysAndTypes() {
        assertHover("name: demo\ndocker_|env:\n  image: python:3.11\n", ML, "**docker_env**",
                "--build-image");
        assertHover("entry_points:\n  main:\n    parameters:\n      epochs: {type: int}\n    com|mand: python t.py\n",
                ML, "**command**", "{name}");
        assertHover("entry_points:\n  main:\n    parameters:\n      epochs:\n        type: i|nt\n", ML,
                "`int` is not an MLflow parameter type", "use `float`");
        assertHover("entry_points:\n  main:\n    parameters:\n      data: pa|th\n", ML,
                "MLflow parameter type `path`", "checks that it exists");
        assertHover("entry_points:\n  main:\n    parameters:\n      data:\n        type: String|\n", ML,
                "case-sensitively");
        assertHover("entry_points:\n  ma|in:\n    command: x\n", ML, "**main** · entry point");
        assertHover("docker_env:\n  image: x\n  docker|file: Dockerfile\n", ML, "MLflow ignores this key");
    }

    // ------------------------------------------------------------------ state file

    @Test
    void stateGeneratorParameterAndAnswer() {
        String head = "format_version: 1\nanswers:\n  clo|ud: gcp\ngenerators:\n  - id: train-job\n"
                + "    version: 0.2.0\n    parameters:\n      framework: jax\n";
        assertHover(head, STATE, project, "**cloud** · `enum`", "Answer shared by:", "ml-project-skeleton");
        String gen = "format_version: 1\ngenerators:\n  - id: train-j|ob\n    version: 0.2.0\n";
        assertHover(gen, STATE, project, "**train-job** 0.3.0", "A training Job for the cluster.",
                "Writes k8s/train-job.yaml");
        assertHover("format_version: 1\ngenerators:\n  - id: train-job\n    version: 0.2|.0\n", STATE, project,
                "the catalog has `0.3.0`");
        assertHover("format_version: 1\ngenerators:\n  - id: train-job\n    parameters:\n      frame|work: jax\n",
                STATE, project, "**framework** · `enum` · parameter of train-job", "Training framework",
                "Choices: `pytorch`, `jax`", "Default: `pytorch`");
        assertHover("format_version: 1\ngenerators:\n  - id: nope|\n", STATE, project, "is not a generator");
        assertHover("format_ver|sion: 1\n", STATE, project, "**format_version**");
    }
}
