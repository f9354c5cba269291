package dev.mx.engine.generators;

import static dev.mx.engine.generators.GeneratorTestSupport.apply;
import static dev.mx.engine.generators.GeneratorTestSupport.assertNoProblems;
import static dev.mx.engine.generators.GeneratorTestSupport.assertRejected;
import static dev.mx.engine.generators.GeneratorTestSupport.checkCloudBuild;
import static dev.mx.engine.generators.GeneratorTestSupport.engineContract;
import static dev.mx.engine.generators.GeneratorTestSupport.firstGroup;
import static dev.mx.engine.generators.GeneratorTestSupport.mkdirs;
import static dev.mx.engine.generators.GeneratorTestSupport.read;
import static dev.mx.engine.generators.GeneratorTestSupport.skeleton;
import static dev.mx.engine.generators.GeneratorTestSupport.snapshot;
import static dev.mx.engine.generators.GeneratorTestSupport.validate;
import static dev.mx.engine.generators.GeneratorTestSupport.values;
import static dev.mx.engine.generators.GeneratorTestSupport.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mx.engine.MxException;
import dev.mx.engine.plan.Plan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in cloud-build-default-config generator applied to real ml-project-skeleton projects through the real
 * engine: every generated file validated (Terraform against the google 8.x allow-list, cloudbuild.yaml against
 * Cloud Build's rules, Python compiled, devspace.yaml against DevSpace's schema and loader rules), mx lint clean,
 * re-applying a no-op, and the names that must agree across files agreeing.
 */
class CloudBuildGeneratorTest {

  static final String ID = "cloud-build-default-config";

  @TempDir
  Path tmp;

  @BeforeAll
  static void packagedGeneratorIsTheSourceGenerator() {
    GeneratorTestSupport.assertPackagedIsSource(ID);
  }

  @Test
  void defaultsOnGcpWithA2ndGenConnection() {
    Path dir = skeleton(tmp.resolve("demo"), Map.of());
    Plan plan = apply(dir, ID, values("github_owner", "acme"));
    assertEquals("gen2", plan.parameters().get("repository_connection"));

    String tf = read(dir.resolve("terraform/cloudbuild.tf"));
    assertTrue(tf.contains("resource \"google_cloudbuildv2_repository\" \"github\""), tf);
    assertTrue(tf.contains("remote_uri        = \"https://github.com/acme/demo.git\""), tf);
    assertTrue(tf.contains("repository_event_config {"), tf);
    assertTrue(tf.contains("repository = google_cloudbuildv2_repository.github.id"), tf);
    assertTrue(tf.contains("branch = \"^main$\""), tf);
    assertTrue(tf.contains("location = var.region"), tf);
    assertFalse(tf.contains("github {"), "one source only");
    assertTrue(tf.contains("\"secretmanager.googleapis.com\""), tf);
    assertFalse(tf.contains("cloudbuild_python_writer") || tf.contains("cloudbuild_mx_jar"), tf);

    String build = read(dir.resolve("cloudbuild.yaml"));
    assertFalse(build.contains("publish-python-package") || build.contains("mx-lint"), build);
    assertTrue(build.contains("(no mx lint step"), "a build without mx lint says so:\n" + build);
    assertTrue(read(dir.resolve("devspace.yaml")).contains(
        "gcloud builds triggers run demo-push --branch=main --region=europe-west4 --project=demo-ml-project"));
    assertTrue(plan.nextSteps().contains("gcloud builds connections create github github --region=europe-west4"),
        plan.nextSteps());
    assertTrue(plan.nextSteps().contains("mx lint is not part of the build"), plan.nextSteps());

    checkProject(dir);
  }

  @Test
  void firstGenGitHubAppWithPythonPackageAndMxLint() {
    Path dir = skeleton(tmp.resolve("trainer-x"), values("region", "us-central1", "gcp_project_id", "acme-ml-42",
        "engineers", "ada@example.com"));
    Map<String, String> values = values("github_owner", "Acme-Labs", "github_repo", "trainer.x",
        "repository_connection", "gen1", "branch", "release/2.0", "publish_python_package", "true",
        "mx_jar", "gs://acme-tools/mx/mx.jar", "build_service_account", "ci-builder", "timeout_minutes", "90");
    Plan plan = apply(dir, ID, values);

    String tf = read(dir.resolve("terraform/cloudbuild.tf"));
    assertTrue(tf.contains("github {\n    owner = \"Acme-Labs\"\n    name  = \"trainer.x\""), tf);
    // the branch is matched exactly; the dot is escaped for the regex and the backslash for HCL
    assertTrue(tf.contains("branch = \"^release/2\\\\.0$\""), tf);
    assertTrue(tf.contains("location = \"global\""), tf);
    assertFalse(tf.contains("google_cloudbuildv2_repository") || tf.contains("secretmanager"), tf);
    assertTrue(tf.contains("resource \"google_artifact_registry_repository_iam_member\" \"cloudbuild_python_writer\""));
    assertTrue(tf.contains("bucket = \"acme-tools\""), "read access to the mx.jar bucket:\n" + tf);
    assertTrue(tf.contains("account_id   = \"ci-builder\""), tf);

    String build = read(dir.resolve("cloudbuild.yaml"));
    assertTrue(build.contains("_MX_JAR: gs://acme-tools/mx/mx.jar"), build);
    assertTrue(build.contains("args: [-jar, /mx/mx.jar, lint, .]"), build);
    assertTrue(build.contains("_PYTHON_REPOSITORY: trainer-x-python"), build);
    assertTrue(build.contains("twine upload --non-interactive"), build);
    assertTrue(build.contains("timeout: 5400s"), build);
    assertTrue(read(dir.resolve("devspace.yaml")).contains("--branch=release/2.0 --region=global --project=acme-ml-42"));
    assertTrue(plan.nextSteps().contains("Install the Cloud Build GitHub App on github.com/Acme-Labs/trainer.x"));
    assertTrue(plan.nextSteps().contains("us-central1-python.pkg.dev/acme-ml-42/trainer-x-python/simple/"));

    checkProject(dir);
  }

  @Test
  void changingAnAnswerRewritesOnlyWhatDependsOnIt() {
    Path dir = skeleton(tmp.resolve("demo"), Map.of());
    apply(dir, ID, values("github_owner", "acme", "mx_jar", "gs://acme-tools/mx.jar"));
    // answers recorded before are reused; turning the lint step off removes it and its IAM grant again
    Plan plan = apply(dir, ID, values("mx_jar", ""));
    assertEquals("acme", plan.parameters().get("github_owner"));
    assertFalse(read(dir.resolve("cloudbuild.yaml")).contains("mx-lint"));
    assertFalse(read(dir.resolve("terraform/cloudbuild.tf")).contains("cloudbuild_mx_jar"));
    checkProject(dir);
  }

  @Test
  void cloudNoneIsRejectedWithTheReason() {
    Path dir = skeleton(tmp.resolve("demo"), values("cloud", "none"));
    MxException e = assertRejected(dir, ID, values("github_owner", "acme"),
        "'none' is not a valid cloud", "needs cloud=gcp", "For a cloud=none project run the same steps");
    assertTrue(e.getMessage().contains(".mx/state.yaml (answers)"), "names where the value came from: " + e);
  }

  @Test
  void withoutTheSkeletonTheRequiresCheckSaysWhatToRun() {
    Path dir = mkdirs(tmp.resolve("empty"));
    assertRejected(dir, ID, values("github_owner", "acme"),
        "generator cloud-build-default-config requires ml-project-skeleton to be applied first",
        "run `mx generate ml-project-skeleton`");
  }

  @Test
  void invalidAnswersAreRejectedBeforeAnythingRenders() {
    Path dir = skeleton(tmp.resolve("demo"), Map.of());
    assertRejected(dir, ID, Map.of(), "missing required parameter 'github_owner'", "--set github_owner=<value>");
    assertRejected(dir, ID, values("github_owner", "acme", "mx_jar", "https://example.com/mx.jar"),
        "--set mx_jar:", "gs:// URI of an mx.jar");
    assertRejected(dir, ID, values("github_owner", "acme", "branch", "feature branch"), "--set branch:");
    assertRejected(dir, ID, values("github_owner", "acme", "build_service_account", "ci"),
        "--set build_service_account:", "6-30 characters");
    assertRejected(dir, ID, values("github_owner", "acme", "timeout_minutes", "5"), "timeout_minutes must be at least 10");
    assertRejected(dir, ID, values("github_owner", "acme", "repository_connection", "gitlab"), "not one of gen2, gen1");
  }

  /** The cloudbuild.yaml checks find real mistakes, so a passing check means something. */
  @Test
  void theCloudBuildChecksCatchBrokenConfigs() {
    Path dir = skeleton(tmp.resolve("demo"), Map.of());
    apply(dir, ID, values("github_owner", "acme", "publish_python_package", "true"));
    String good = read(dir.resolve("cloudbuild.yaml"));
    assertEquals(List.of(), checkCloudBuild(good));
    Map<String, String> broken = Map.of(
        "logging: CLOUD_LOGGING_ONLY", "logging: LEGACY",
        "  _DOCS_BUCKET:", "  _DOCS_BUCKT:",
        "waitFor: [docs, test]", "waitFor: [docs, tests]",
        "echo \"$$name", "echo \"$name",
        "  - ${_REGION}-docker.pkg.dev/$PROJECT_ID/${_REPOSITORY}/${_IMAGE}:latest",
        "  - gcr.io/$PROJECT_ID/${_IMAGE}:latest");
    for (Map.Entry<String, String> b : broken.entrySet()) {
      assertTrue(good.contains(b.getKey()), b.getKey());
      List<String> problems = checkCloudBuild(good.replace(b.getKey(), b.getValue()));
      assertFalse(problems.isEmpty(), "not caught: " + b.getValue());
    }
  }

  // ------------------------------------------------------------------------------------------ checks

  /** Everything a generated project with cloud-build-default-config must satisfy. */
  static void checkProject(Path dir) {
    List<String> problems = new ArrayList<>(validate(dir));
    problems.addAll(engineContract(dir));
    String build = read(dir.resolve("cloudbuild.yaml"));
    problems.addAll(checkCloudBuild(build));
    problems.addAll(crossFileChecks(dir, build));
    assertNoProblems(problems);
  }

  /** Names that must agree between cloudbuild.yaml, the Terraform, MLproject and devspace.yaml. */
  @SuppressWarnings("unchecked")
  static List<String> crossFileChecks(Path dir, String build) {
    List<String> problems = new ArrayList<>();
    Map<String, Object> cb = (Map<String, Object>) yaml(dir.resolve("cloudbuild.yaml"));
    Map<String, Object> subs = (Map<String, Object>) cb.get("substitutions");
    String tf = read(dir.resolve("terraform/cloudbuild.tf"));
    String registry = read(dir.resolve("terraform/registry.tf"));
    String variables = read(dir.resolve("terraform/variables.tf"));
    String projectId = firstGroup(variables, "variable \"project_id\" \\{[^}]*default\\s*=\\s*\"([^\"]+)\"");
    String projectName = firstGroup(variables, "variable \"project_name\" \\{[^}]*default\\s*=\\s*\"([^\"]+)\"");
    String region = firstGroup(variables, "variable \"region\" \\{[^}]*default\\s*=\\s*\"([^\"]+)\"");

    // the image Cloud Build pushes is the one MLproject runs and devspace.yaml builds as "trainer"
    String image = region + "-docker.pkg.dev/" + projectId + "/" + subs.get("_REPOSITORY") + "/" + subs.get("_IMAGE");
    Map<String, Object> mlproject = (Map<String, Object>) yaml(dir.resolve("MLproject"));
    Object runImage = ((Map<String, Object>) mlproject.get("docker_env")).get("image");
    if (!image.equals(runImage)) {
      problems.add("cloudbuild.yaml pushes " + image + " but MLproject runs " + runImage);
    }
    Object trainer = GeneratorTestSupport.at(yaml(dir.resolve("devspace.yaml")), "images.trainer.image");
    if (!image.equals(trainer)) {
      problems.add("cloudbuild.yaml pushes " + image + " but devspace.yaml builds " + trainer);
    }
    if (!region.equals(subs.get("_REGION"))) {
      problems.add("_REGION " + subs.get("_REGION") + " is not the Terraform region " + region);
    }
    // the repositories the build pushes to are the ones Terraform creates and grants access to
    if (!projectName.equals(subs.get("_REPOSITORY")) || !registry.contains("repository_id = var.project_name")) {
      problems.add("_REPOSITORY " + subs.get("_REPOSITORY") + " is not the Docker repository of registry.tf");
    }
    if (subs.containsKey("_PYTHON_REPOSITORY") && (!(projectName + "-python").equals(subs.get("_PYTHON_REPOSITORY"))
        || !registry.contains("repository_id = \"${var.project_name}-python\"")
        || !tf.contains("repository = google_artifact_registry_repository.python.name"))) {
      problems.add("_PYTHON_REPOSITORY is not the Python repository Terraform creates and grants write access to");
    }
    String bucket = firstGroup(tf, "resource \"google_storage_bucket\" \"docs\" \\{\\s*name\\s*=\\s*\"([^\"]+)\"");
    if (bucket == null || !bucket.equals(subs.get("_DOCS_BUCKET"))) {
      problems.add("_DOCS_BUCKET " + subs.get("_DOCS_BUCKET") + " is not the bucket Terraform creates: " + bucket);
    }
    if (subs.containsKey("_MX_JAR")) {
      String jarBucket = String.valueOf(subs.get("_MX_JAR")).replaceFirst("^gs://([^/]+)/.*$", "$1");
      if (!tf.contains("bucket = \"" + jarBucket + "\"")) {
        problems.add("the build service account cannot read " + subs.get("_MX_JAR"));
      }
    }
    // the trigger runs cloudbuild.yaml as the dedicated service account, which can write logs
    for (String needed : List.of("filename = \"cloudbuild.yaml\"",
        "service_account = google_service_account.cloudbuild.id", "role    = \"roles/logging.logWriter\"",
        "cloudbuild.googleapis.com", "for_each = local.cloudbuild_apis")) {
      if (!tf.contains(needed)) {
        problems.add("terraform/cloudbuild.tf lacks " + needed);
      }
    }
    // every API is managed by one resource only: cloudbuild.tf subtracts what apis.tf enables
    if (!tf.contains("keys(google_project_service.apis)")) {
      problems.add("terraform/cloudbuild.tf may enable an API apis.tf manages too");
    }
    // the devspace command runs the trigger Terraform creates, where Terraform creates it
    String command = String.valueOf(GeneratorTestSupport.at(yaml(dir.resolve("devspace.yaml")),
        "commands.cloud-build.command"));
    String location = tf.contains("location = \"global\"") ? "global" : region;
    if (!command.contains("triggers run " + projectName + "-push ") || !command.contains("--region=" + location + " ")
        || !tf.contains("name     = \"${var.project_name}-push\"")) {
      problems.add("devspace.yaml commands.cloud-build does not run the trigger of cloudbuild.tf: " + command);
    }
    if (!Arrays.asList(build.split("\n")).contains("  logging: CLOUD_LOGGING_ONLY")) {
      problems.add("cloudbuild.yaml: options.logging");
    }
    if (snapshot(dir).keySet().stream().noneMatch(f -> f.startsWith("tests/test_") && f.endsWith(".py"))) {
      problems.add("the test step would find no tests (pytest exits 5)");
    }
    return problems;
  }
}
