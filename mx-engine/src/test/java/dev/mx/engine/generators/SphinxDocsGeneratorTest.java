package dev.mx.engine.generators;

import static dev.mx.engine.generators.GeneratorTestSupport.apply;
import static dev.mx.engine.generators.GeneratorTestSupport.assertNoProblems;
import static dev.mx.engine.generators.GeneratorTestSupport.assertRejected;
import static dev.mx.engine.generators.GeneratorTestSupport.at;
import static dev.mx.engine.generators.GeneratorTestSupport.engineContract;
import static dev.mx.engine.generators.GeneratorTestSupport.mkdirs;
import static dev.mx.engine.generators.GeneratorTestSupport.read;
import static dev.mx.engine.generators.GeneratorTestSupport.skeleton;
import static dev.mx.engine.generators.GeneratorTestSupport.snapshot;
import static dev.mx.engine.generators.GeneratorTestSupport.tree;
import static dev.mx.engine.generators.GeneratorTestSupport.validate;
import static dev.mx.engine.generators.GeneratorTestSupport.values;
import static dev.mx.engine.generators.GeneratorTestSupport.yaml;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mx.engine.plan.Plan;
import dev.mx.engine.state.StateFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in sphinx-docs generator on real skeleton projects: it adds its own files, a DevSpace command and a
 * `docs` entry point in the shared MLproject, and leaves the skeleton's files alone, so re-applying either generator
 * stays a no-op.
 */
class SphinxDocsGeneratorTest {

  static final String ID = "sphinx-docs";

  @TempDir
  Path tmp;

  @BeforeAll
  static void packagedGeneratorIsTheSourceGenerator() {
    GeneratorTestSupport.assertPackagedIsSource(ID);
  }

  @Test
  void addsTheBuildScriptAndACommandAndTouchesNothingOfTheSkeleton() {
    Path dir = skeleton(tmp.resolve("demo"), Map.of());
    Map<String, byte[]> before = snapshot(dir);
    Plan plan = apply(dir, ID, Map.of());

    Map<String, byte[]> after = snapshot(dir);
    List<String> added = new ArrayList<>(after.keySet());
    added.removeAll(before.keySet());
    assertEquals(List.of("docs/build_docs.py"), added);
    for (String f : before.keySet()) {
      if (!f.equals("devspace.yaml") && !f.equals("MLproject") && !f.equals(StateFile.RELATIVE_PATH)) {
        assertArrayEquals(before.get(f), after.get(f), f + " belongs to the skeleton and must not change");
      }
    }
    Object devspace = yaml(dir.resolve("devspace.yaml"));
    assertEquals("python docs/build_docs.py", at(devspace, "commands.docs.command"));
    assertEquals(true, at(devspace, "commands.docs.appendArgs"));
    String script = read(dir.resolve("docs/build_docs.py"));
    assertTrue(script.contains("default=True,"), "strict by default:\n" + script);
    assertTrue(plan.nextSteps().contains("mlflow run . -e docs --build-image"), plan.nextSteps());
    Object mlproject = yaml(dir.resolve("MLproject"));
    assertEquals("python docs/build_docs.py --builder {builder}", at(mlproject, "entry_points.docs.command"));
    assertTrue(read(dir.resolve("MLproject")).startsWith(new String(before.get("MLproject"),
        java.nio.charset.StandardCharsets.UTF_8)), "the skeleton's MLproject text stays as it was, the entry point is added");
    // re-applying the skeleton keeps the docs entry point: the keys belong to different generators
    assertTrue(GeneratorTestSupport.ENGINE.plan(new dev.mx.engine.MxEngine.Request(dir, "ml-project-skeleton", Map.of())).isNoop());
    // no cloud-build-default-config yet: the next steps point at it (the project is on GCP)
    assertTrue(plan.nextSteps().contains("mx generate cloud-build-default-config"), plan.nextSteps());

    checkProject(dir);
  }

  @Test
  void cloudNoneAndNonStrictWithAnotherCommandName() {
    Path dir = skeleton(tmp.resolve("demo"), values("cloud", "none"));
    Plan plan = apply(dir, ID, values("strict", "false", "docs_command", "build_docs"));
    Object devspace = yaml(dir.resolve("devspace.yaml"));
    assertEquals("python docs/build_docs.py", at(devspace, "commands.build_docs.command"));
    assertTrue(read(dir.resolve("docs/build_docs.py")).contains("default=False,"));
    assertFalse(plan.nextSteps().contains("cloud-build"), "no Cloud Build hint without GCP:\n" + plan.nextSteps());
    checkProject(dir);

    // renaming the command moves the key: the old one goes, since it was untouched
    apply(dir, ID, values("docs_command", "docs"));
    devspace = yaml(dir.resolve("devspace.yaml"));
    assertEquals("python docs/build_docs.py", at(devspace, "commands.docs.command"));
    assertFalse(((Map<?, ?>) at(devspace, "commands")).containsKey("build_docs"));
    checkProject(dir);
  }

  @Test
  void withCloudBuildAppliedTheNextStepsNameTheDocsBucket() {
    Path dir = skeleton(tmp.resolve("demo"), Map.of());
    apply(dir, CloudBuildGeneratorTest.ID, values("github_owner", "acme", "docs_bucket", "acme-docs"));
    Plan plan = apply(dir, ID, Map.of());
    assertTrue(plan.nextSteps().contains("https://storage.cloud.google.com/acme-docs/latest/index.html"),
        plan.nextSteps());
    checkProject(dir);
  }

  /** A script that no longer compiles, or a stray FreeMarker tag, fails the validation this test relies on. */
  @Test
  void theValidationNoticesABrokenScript() {
    Path dir = skeleton(tmp.resolve("demo"), Map.of());
    apply(dir, ID, Map.of());
    Path script = dir.resolve("docs/build_docs.py");
    GeneratorTestSupport.write(script, read(script).replace("def main(", "def main(("));
    assertTrue(validate(dir).stream().anyMatch(p -> p.contains("docs/build_docs.py")), "py_compile missed it");
    assertTrue(engineContract(dir).stream().anyMatch(p -> p.contains("re-applying sphinx-docs is not a no-op")));
  }

  @Test
  void withoutTheSkeletonTheRequiresCheckSaysWhatToRun() {
    Path dir = mkdirs(tmp.resolve("empty"));
    assertRejected(dir, ID, Map.of(), "generator sphinx-docs requires ml-project-skeleton to be applied first",
        "run `mx generate ml-project-skeleton`");
    assertEquals(List.of(), tree(dir));
  }

  @Test
  void invalidAnswersAreRejected() {
    Path dir = skeleton(tmp.resolve("demo"), Map.of());
    assertRejected(dir, ID, values("docs_command", "Docs"), "--set docs_command:");
    assertRejected(dir, ID, values("strict", "maybe"), "--set strict:", "is not true or false");
  }

  static void checkProject(Path dir) {
    List<String> problems = new ArrayList<>(validate(dir));
    problems.addAll(engineContract(dir));
    String script = read(dir.resolve("docs/build_docs.py"));
    // the entry point documented in the script works the way MLflow runs a .py entry point
    for (String needed : List.of("\"--builder\"", "MLFLOW_RUN_ID", "mlflow.log_artifacts", "\"-W\", \"--keep-going\"",
        "docs/requirements.txt")) {
      if (!script.contains(needed)) {
        problems.add("docs/build_docs.py lacks " + needed);
      }
    }
    if (!tree(dir).contains("docs/requirements.txt") || !tree(dir).contains("docs/conf.py")) {
      problems.add("the skeleton's docs sources, which the script builds, are missing");
    }
    assertNoProblems(problems);
  }
}
