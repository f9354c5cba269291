package dev.mx.engine.service.completion;

import static dev.mx.engine.service.completion.ServiceAssert.c;
import static dev.mx.engine.service.completion.ServiceAssert.no;
import static dev.mx.engine.service.completion.ServiceAssert.s;
import static dev.mx.engine.service.completion.ServiceAssert.testCompletionFor;
import static dev.mx.engine.service.completion.ServiceAssert.testNoCompletion;

import org.junit.jupiter.api.Test;

class MlprojectCompletionTest {
    private static final String F = "MLproject";

    @Test
    void topLevelKeys() {
        testCompletionFor("|", F,
                c("name", "name: "),
                c("entry_points", "entry_points:\n  "),
                c("docker_env", "docker_env:\n  "),
                c("python_env"), c("conda_env"), c("databricks_spark_job"));
    }

    @Test
    void oneEnvironmentOnly() {
        testCompletionFor("name: demo\ndocker_env:\n  image: python:3.11\n|\n", F,
                c("entry_points"), no("python_env"), no("conda_env"), no("databricks_spark_job"), no("name"));
    }

    @Test
    void keysOfDockerEnvEntryPointsAndParameterSpecs() {
        testCompletionFor("docker_env:\n  |\n", F, c("image", "docker_env:\n  image: \n"),
                c("volumes", "docker_env:\n  volumes:\n    - \n"), c("environment"));
        testCompletionFor("entry_points:\n  main:\n    co|\n", F,
                c("command", "entry_points:\n  main:\n    command: \n"), c("parameters"));
        testCompletionFor("entry_points:\n  main:\n    parameters:\n      alpha:\n        |\n", F,
                c("type"), c("default"));
        testCompletionFor("entry_points:\n  main:\n    parameters:\n      alpha:\n        |\n", F, true,
                s("type", "type: ${1|string,float,path,uri|}"));
    }

    @Test
    void parameterTypes() {
        testCompletionFor("entry_points:\n  main:\n    parameters:\n      alpha:\n        type: |\n", F,
                c("float", "entry_points:\n  main:\n    parameters:\n      alpha:\n        type: float\n"),
                c("string"), c("path"), c("uri"), no("int"));
        // the short form: name: TYPE
        testCompletionFor("entry_points:\n  main:\n    parameters:\n      data: p|\n", F,
                c("path", "entry_points:\n  main:\n    parameters:\n      data: path\n"));
    }

    @Test
    void placeholdersInACommandAreTheEntryPointsParameters() {
        String head = """
                entry_points:
                  main:
                    parameters:
                      alpha: {type: float, default: 0.1}
                      data_path:
                        type: path
                    command: "python train.py --alpha {""";
        testCompletionFor(head + "|\"\n  other:\n    parameters:\n      beta: float\n", F,
                c("alpha", head + "alpha}\"\n  other:\n    parameters:\n      beta: float\n"),
                c("data_path"), no("beta"));
        testCompletionFor("""
                entry_points:
                  train:
                    command: ¦
                      python train.py --lr {l|} --epochs 3
                    parameters:
                      lr: float
                      epochs: {type: float, default: 3}
                """, F,
                c("lr", """
                        entry_points:
                          train:
                            command: |
                              python train.py --lr {lr} --epochs 3
                            parameters:
                              lr: float
                              epochs: {type: float, default: 3}
                        """),
                c("epochs"));
    }

    @Test
    void noPlaceholdersAfterADoubledBraceOrAClosedOne() {
        testNoCompletion("entry_points:\n  main:\n    parameters:\n      a: float\n    command: \"echo {{|\"\n", F);
        testNoCompletion("entry_points:\n  main:\n    parameters:\n      a: float\n    command: \"echo {a} |\"\n", F);
    }
}
