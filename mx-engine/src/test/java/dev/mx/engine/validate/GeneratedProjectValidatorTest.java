package dev.mx.engine.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The validator must pass the good samples and catch each deliberate mistake in the bad ones. */
class GeneratedProjectValidatorTest {

  private static GeneratedProjectValidator validator;

  @BeforeAll
  static void setUp() {
    validator = new GeneratedProjectValidator();
  }

  static Path sample(String name) {
    URL url = GeneratedProjectValidatorTest.class.getResource("/validate/" + name);
    if (url == null) {
      throw new IllegalStateException("missing test resource validate/" + name);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void assertClean(List<String> problems) {
    assertTrue(problems.isEmpty(), GeneratedProjectValidator.report(problems));
  }

  private static void assertProblem(List<String> problems, String fileAndLine, String fragment) {
    assertTrue(problems.stream().anyMatch(p -> p.contains(fileAndLine) && p.contains(fragment)),
        "expected a problem at " + fileAndLine + " containing '" + fragment + "', got "
            + GeneratedProjectValidator.report(problems));
  }

  @Test
  void goodKubernetesManifestsPass() {
    assertClean(validator.validateKubernetesYaml(sample("good-deployment.yaml")));
    assertClean(validator.validateKubernetesYaml(sample("good-crd.yaml")));
  }

  @Test
  void misspelledDeploymentFieldFailsWithLine() {
    List<String> problems = validator.validateKubernetesYaml(sample("bad-deployment-misspelled.yaml"));
    assertProblem(problems, "bad-deployment-misspelled.yaml:18", "comand");
  }

  @Test
  void unknownKindIsAProblemNotAPass() {
    List<String> problems = validator.validateKubernetesYaml(sample("bad-unknown-kind.yaml"));
    assertProblem(problems, "bad-unknown-kind.yaml:1", "Deploymnet");
  }

  @Test
  void crdTopLevelAndMetadataAreChecked() {
    List<String> problems = validator.validateKubernetesYaml(sample("bad-crd-top-level.yaml"));
    assertProblem(problems, "bad-crd-top-level.yaml:12", "specs");
    assertProblem(problems, "bad-crd-top-level.yaml:5", "namspace");
  }

  @Test
  void goodTerraformPasses() {
    assertClean(validator.validateTerraform(sample("good.tf")));
  }

  @Test
  void badHclFails() {
    List<String> problems = validator.validateTerraform(sample("bad-syntax.tf"));
    assertEquals(1, problems.size(), GeneratedProjectValidator.report(problems));
    assertTrue(problems.get(0).contains("bad-syntax.tf:3: attribute has no value"), problems.get(0));
    assertEquals("2: '{' is never closed", GeneratedProjectValidator.hclStructureProblem("locals {\n  x = [1, {\n"));
    assertEquals("1: unexpected '}'", GeneratedProjectValidator.hclStructureProblem("}\n"));
    assertEquals(null, GeneratedProjectValidator.hclStructureProblem(
        "locals {\n  a = \"${var.x}-{}\" # }\n  b = <<-EOT\n    {{{\n  EOT\n  c = [\n    1,\n  ]\n}\n"));
  }

  @Test
  void staleProviderPinRemovedArgumentAndUnknownTypeFail() {
    List<String> problems = validator.validateTerraform(sample("bad-stale.tf"));
    assertProblem(problems, "bad-stale.tf:3", "~> 8.0");
    assertProblem(problems, "bad-stale.tf:14", "identity_namespace");
    assertProblem(problems, "bad-stale.tf:18", "google_container_registry");
  }

  @Test
  void pythonSyntaxErrorFails() {
    assertClean(validator.validatePython(sample("good.py")));
    List<String> problems = validator.validatePython(sample("bad-syntax.py"));
    assertProblem(problems, "bad-syntax.py:1", "SyntaxError");
  }

  @Test
  void devspaceSchemaAndRules() {
    assertClean(validator.validateDevspaceSchema(sample("good-devspace.yaml")));
    assertClean(validator.validateDevspaceRules(sample("good-devspace.yaml")));

    List<String> schema = validator.validateDevspaceSchema(sample("bad-devspace.yaml"));
    assertProblem(schema, "bad-devspace.yaml:16", "port"); // ports[].port must be a string
    assertProblem(schema, "bad-devspace.yaml:9", "manifests"); // manifests must be a list

    List<String> rules = validator.validateDevspaceRules(sample("bad-devspace.yaml"));
    assertProblem(rules, "bad-devspace.yaml:2", "name 'Demo_App'");
    assertProblem(rules, "bad-devspace.yaml:5", "tag");
    assertProblem(rules, "bad-devspace.yaml:7", "exactly one of helm or kubectl");
  }

  @Test
  void json() {
    assertClean(validator.validateJson(sample("good.json")));
    assertClean(validator.validateKubernetesBackendConfig(sample("good.json")));
    assertProblem(validator.validateJson(sample("bad.json")), "bad.json:3", "invalid JSON");
    assertFalse(validator.validateKubernetesBackendConfig(sample("bad.json")).isEmpty());
  }
}
