package dev.mx.engine.service.completion;

import static dev.mx.engine.service.completion.ServiceAssert.c;
import static dev.mx.engine.service.completion.ServiceAssert.no;
import static dev.mx.engine.service.completion.ServiceAssert.testCompletionFor;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class StateCompletionTest {
    private static final String F = ".mx/state.yaml";
    private static Path project;

    @BeforeAll
    static void projectWithALocalGenerator() {
        project = ServiceAssert.project(Map.of(".mx/generators/train-job/generator.yaml", """
                id: train-job
                version: 0.3.0
                description: A training Job for the cluster.
                parameters:
                  - name: gpus
                    type: int
                    default: 1
                    help: GPUs per worker.
                  - name: preemptible
                    type: bool
                    default: false
                    help: Run on spot nodes.
                  - name: framework
                    type: enum
                    choices: [pytorch, jax]
                    default: pytorch
                    help: Training framework.
                """));
    }

    private static final String HEAD = "format_version: 1\nmx_version: 0.1.0\n";

    @Test
    void generatorIdsFromTheProjectsCatalog() {
        testCompletionFor(HEAD + "generators:\n  - id: |\n", F, project, false,
                c("train-job", HEAD + "generators:\n  - id: train-job\n"),
                c("ml-project-skeleton"));
    }

    @Test
    void parameterNamesOfTheGenerator() {
        testCompletionFor(HEAD + """
                generators:
                  - id: ml-project-skeleton
                    version: 1.0.0
                    files: {}
                  - id: train-job
                    version: 0.3.0
                    parameters:
                      gpus: 2
                      |
                """, F, project, false,
                c("framework", HEAD + """
                        generators:
                          - id: ml-project-skeleton
                            version: 1.0.0
                            files: {}
                          - id: train-job
                            version: 0.3.0
                            parameters:
                              gpus: 2
                              framework: \n\
                        """),
                c("preemptible"), no("gpus"), no("cloud"));
    }

    @Test
    void parameterValues() {
        String item = "generators:\n  - id: train-job\n    parameters:\n      ";
        testCompletionFor(HEAD + item + "framework: |\n", F, project, false,
                c("pytorch", HEAD + item + "framework: pytorch\n"), c("jax"));
        testCompletionFor(HEAD + item + "preemptible: t|\n", F, project, false,
                c("true", HEAD + item + "preemptible: true\n"), c("false"));
        testCompletionFor(HEAD + "generators:\n  - parameters:\n      cloud: |\n    id: ml-project-skeleton\n", F,
                project, false, c("gcp"), c("none"));
    }

    @Test
    void answersAreTheProjectScopedParameters() {
        testCompletionFor(HEAD + "answers:\n  project_name: demo\n  |\ngenerators: []\n", F, project, false,
                c("cloud", HEAD + "answers:\n  project_name: demo\n  cloud: \ngenerators: []\n"),
                c("region"), no("project_name"), no("gpus"));
        testCompletionFor(HEAD + "answers:\n  cloud: |\n", F, project, false, c("gcp"), c("none"));
    }

    @Test
    void fixedKeys() {
        testCompletionFor("format_version: 1\n|", F, project, false,
                c("answers", "format_version: 1\nanswers:\n  "), c("generators"), no("format_version"));
        testCompletionFor(HEAD + "generators:\n  - id: train-job\n    |\n", F, project, false,
                c("version"), c("parameters"), c("files"), c("manifests"), no("id"));
    }
}
