package dev.mx.engine.generators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mx.engine.MxEngine;
import dev.mx.engine.MxException;
import dev.mx.engine.generators.DeploymentInfrastructureGeneratorTest.Projects;
import dev.mx.engine.plan.Plan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in {@code streamlit-app} generator through the real engine, on its own (port-forward) and behind
 * deployment-infrastructure's Istio gateway, for cloud=gcp and cloud=none, in either application order.
 */
class StreamlitGeneratorTest {

  static final String ID = "streamlit-app";
  static final String INFRA = DeploymentInfrastructureGeneratorTest.ID;

  @TempDir
  Path tmp;

  @BeforeAll
  static void packagedTemplatesAreTheSource() {
    Projects.assertPackagedIsSource(ID);
  }

  @Test
  void onItsOwn() {
    Path out = Projects.skeleton(tmp.resolve("demo"), Map.of());
    Plan plan = Projects.apply(out, ID, Map.of());
    List<String> files = Projects.tree(out);
    for (String f : List.of("apps/streamlit/app.py", "apps/streamlit/requirements.txt", "apps/streamlit/Dockerfile",
        "apps/streamlit/.dockerignore", "k8s/streamlit/streamlit.yaml")) {
      assertTrue(files.contains(f), f + " missing from\n" + String.join("\n", files));
    }
    assertFalse(files.contains("k8s/streamlit/virtualservice.yaml"), "no gateway to route through");

    String app = Projects.read(out.resolve("apps/streamlit/app.py"));
    assertTrue(app.contains("import streamlit as st") && app.contains("st.title(\"demo\")"), app);
    assertEquals("streamlit==1.67.0\n", Projects.read(out.resolve("apps/streamlit/requirements.txt")));
    String dockerfile = Projects.read(out.resolve("apps/streamlit/Dockerfile"));
    assertTrue(dockerfile.startsWith("# ") && dockerfile.contains("\nFROM python:3.12-slim\n"), dockerfile);
    assertTrue(dockerfile.contains("\"--server.port=8501\", \"--server.address=0.0.0.0\", \"--server.headless=true\""),
        dockerfile);
    assertTrue(dockerfile.contains("USER 1000"), dockerfile);

    Map<String, Map<String, Object>> objects = Projects.objects(out.resolve("k8s/streamlit/streamlit.yaml"));
    assertEquals(List.of("Deployment/streamlit", "Service/streamlit"), List.copyOf(objects.keySet()));
    Map<String, Object> container = firstContainer(objects.get("Deployment/streamlit"));
    assertEquals("europe-west4-docker.pkg.dev/demo-ml-project/demo/streamlit-app", container.get("image"));
    assertEquals(List.of(Map.of("name", "http", "containerPort", 8501)), container.get("ports"));
    for (String probe : List.of("readinessProbe", "livenessProbe")) {
      Map<String, Object> get = Projects.map(container, probe, "httpGet");
      assertEquals("/_stcore/health", get.get("path"), probe);
      assertEquals(8501, get.get("port"), probe);
    }
    assertEquals(1, Projects.map(objects.get("Deployment/streamlit"), "spec").get("replicas"));
    Map<String, Object> service = Projects.map(objects.get("Service/streamlit"), "spec");
    assertEquals(List.of(Map.of("name", "http", "port", 8501, "targetPort", 8501)), service.get("ports"));
    assertEquals(Projects.map(objects.get("Deployment/streamlit"), "spec", "selector", "matchLabels"),
        service.get("selector"));

    Map<String, Object> devspace = Projects.yaml(out.resolve("devspace.yaml"));
    Map<String, Object> image = Projects.map(devspace, "images", "streamlit-app");
    assertEquals(container.get("image"), image.get("image"), "DevSpace rewrites only references to its image");
    assertEquals("./apps/streamlit/Dockerfile", image.get("dockerfile"));
    assertEquals("./apps/streamlit", image.get("context"));
    Map<String, Object> deployment = Projects.map(devspace, "deployments", "streamlit-app");
    assertEquals("demo", deployment.get("namespace"));
    assertEquals(List.of("k8s/streamlit/"), Projects.map(deployment, "kubectl").get("manifests"));
    assertTrue(Projects.map(devspace, "images").containsKey("trainer"), "the skeleton's images stay");

    assertTrue(plan.nextSteps().contains("kubectl -n demo port-forward service/streamlit 8501:8501"), plan.nextSteps());
    Projects.validate(out);
    Projects.assertEngineContract(out, ID, Map.of());
  }

  @Test
  void behindTheGateway() {
    for (String cloud : List.of("gcp", "none")) {
      Path out = Projects.skeleton(tmp.resolve(cloud).resolve("demo"), Map.of("cloud", cloud));
      Projects.apply(out, INFRA, Map.of("domain", "ml.example.com"));
      Plan plan = Projects.apply(out, ID, Map.of());
      Map<String, Object> vs = Projects.yamlDoc(out.resolve("k8s/streamlit/virtualservice.yaml"), 0);
      Map<String, Object> spec = Projects.map(vs, "spec");
      assertEquals(List.of("streamlit.ml.example.com"), spec.get("hosts"));
      assertEquals(List.of("istio-ingress/demo-gateway"), spec.get("gateways"));
      assertTrue(Projects.read(out.resolve("k8s/streamlit/virtualservice.yaml")).contains(
          "host: streamlit.demo.svc.cluster.local\n            port:\n              number: 8501\n"));
      assertEquals("demo", Projects.map(vs, "metadata").get("namespace"));
      String scheme = cloud.equals("gcp") ? "https" : "http";
      assertTrue(plan.nextSteps().contains("Open " + scheme + "://streamlit.ml.example.com/"), plan.nextSteps());
      assertFalse(plan.nextSteps().contains("WARNING"), plan.nextSteps());
      if (cloud.equals("gcp")) {
        assertTrue(((List<?>) Projects.map(Projects.yamlDoc(out.resolve(
            "k8s/deployment-infrastructure/managed-certificate.yaml"), 0), "spec").get("domains"))
            .contains("streamlit.ml.example.com"));
      }
      Projects.validate(out);
      Projects.assertEngineContract(out, ID, Map.of());
    }
  }

  @Test
  void subdomainMissingFromTheCertificateIsReported() {
    Path out = Projects.skeleton(tmp.resolve("demo"), Map.of());
    Projects.apply(out, INFRA, Map.of("domain", "ml.example.com"));
    Plan plan = Projects.apply(out, ID, Map.of("subdomain", "dash"));
    assertEquals(List.of("dash.ml.example.com"),
        Projects.map(Projects.yamlDoc(out.resolve("k8s/streamlit/virtualservice.yaml"), 0), "spec").get("hosts"));
    assertTrue(plan.nextSteps().contains("mx generate deployment-infrastructure --set subdomains=cvat,streamlit,dash"),
        plan.nextSteps());
    Projects.validate(out);
    MxException e = assertThrows(MxException.class, () -> Projects.ENGINE.plan(
        new MxEngine.Request(out, ID, Map.of("streamlit_version", "latest"))));
    assertTrue(e.getMessage().contains("--set streamlit_version:"), e.getMessage());
  }

  @Test
  void applicationOrderDoesNotMatter() {
    Path a = Projects.skeleton(tmp.resolve("a").resolve("demo"), Map.of());
    Projects.apply(a, INFRA, Map.of("domain", "ml.example.com"));
    Projects.apply(a, ID, Map.of());

    Path b = Projects.skeleton(tmp.resolve("b").resolve("demo"), Map.of());
    Projects.apply(b, ID, Map.of());
    Plan infra = Projects.apply(b, INFRA, Map.of("domain", "ml.example.com"));
    assertTrue(infra.nextSteps().contains("mx generate streamlit-app"), infra.nextSteps());
    assertFalse(Files.exists(b.resolve("k8s/streamlit/virtualservice.yaml")));
    Projects.validate(b);
    Projects.apply(b, ID, Map.of());

    assertEquals(List.of(), Projects.differences(Projects.snapshot(a), Projects.snapshot(b)));
    Projects.validate(b);
    Projects.assertEngineContract(b, ID, Map.of());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> firstContainer(Map<String, Object> deployment) {
    List<?> containers = (List<?>) Projects.map(deployment, "spec", "template", "spec").get("containers");
    return (Map<String, Object>) containers.get(0);
  }
}
