package dev.mx.engine.generators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mx.engine.MxEngine;
import dev.mx.engine.MxException;
import dev.mx.engine.generators.DeploymentInfrastructureGeneratorTest.Projects;
import dev.mx.engine.plan.FileChange;
import dev.mx.engine.plan.Plan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in {@code cvat-labeling-tool} generator through the real engine: behind deployment-infrastructure's
 * Istio gateway (a VirtualService) and on its own (its own Ingress), for cloud=gcp and cloud=none, in either
 * application order. Every output is validated offline.
 */
class CvatGeneratorTest {

  static final String ID = "cvat-labeling-tool";
  static final String INFRA = DeploymentInfrastructureGeneratorTest.ID;
  static final String VERSION = "v2.76.0";

  @TempDir
  Path tmp;

  @BeforeAll
  static void packagedTemplatesAreTheSource() {
    Projects.assertPackagedIsSource(ID);
  }

  @Test
  void behindTheGatewayOnGcp() {
    Path out = Projects.skeleton(tmp.resolve("demo"), Map.of());
    Projects.apply(out, INFRA, Map.of("domain", "ml.example.com"));
    Plan plan = Projects.apply(out, ID, Map.of());

    List<String> files = Projects.tree(out);
    assertTrue(files.contains("k8s/cvat/virtualservice.yaml"), String.join("\n", files));
    assertFalse(files.contains("k8s/cvat/ingress.yaml"), "no own Ingress behind the gateway");
    assertFalse(files.contains("k8s/cvat/managed-certificate.yaml"));
    assertFalse(files.contains("terraform/cvat.tf"), "no own IP behind the gateway");

    Map<String, Object> vs = Projects.yamlDoc(out.resolve("k8s/cvat/virtualservice.yaml"), 0);
    assertEquals("networking.istio.io/v1", vs.get("apiVersion"));
    Map<String, Object> spec = Projects.map(vs, "spec");
    // the Gateway of deployment-infrastructure, by namespace/name
    Map<String, Object> gateway = Projects.yamlDoc(out.resolve("k8s/deployment-infrastructure/gateway.yaml"), 0);
    assertEquals(List.of(Projects.map(gateway, "metadata").get("namespace") + "/"
        + Projects.map(gateway, "metadata").get("name")), spec.get("gateways"));
    assertEquals(List.of("istio-ingress/demo-gateway"), spec.get("gateways"));
    assertEquals(List.of("cvat.ml.example.com"), spec.get("hosts"));
    // the host is covered by the gateway's hosts and by the managed certificate
    Map<String, Object> cert =
        Projects.yamlDoc(out.resolve("k8s/deployment-infrastructure/managed-certificate.yaml"), 0);
    assertTrue(((List<?>) Projects.map(cert, "spec").get("domains")).contains("cvat.ml.example.com"));
    String vsText = Projects.read(out.resolve("k8s/cvat/virtualservice.yaml"));
    for (String prefix : List.of("/api", "/admin", "/static", "/django-rq")) {
      assertTrue(vsText.contains("prefix: " + prefix + "\n"), prefix + " not routed:\n" + vsText);
    }
    assertTrue(vsText.contains("host: cvat-backend-service.cvat.svc.cluster.local\n            port:\n"
        + "              number: 8080"), vsText);
    assertTrue(vsText.contains("host: cvat-frontend-service.cvat.svc.cluster.local\n            port:\n"
        + "              number: 80\n"), vsText);
    assertFalse(vsText.contains("/analytics"), "Grafana must not be exposed without the chart's forward-auth");

    checkHelmDeployment(out, "cvat");
    Map<String, Object> values = Projects.yaml(out.resolve("helm/cvat/values.yaml"));
    Map<String, Object> storage = Projects.map(values, "cvat", "backend", "defaultStorage");
    assertEquals("standard-rwo", storage.get("storageClassName"));
    assertEquals(List.of("ReadWriteOnce"), storage.get("accessModes"));
    Map<String, Object> affinity = Projects.map(values, "cvat", "backend", "affinity", "podAffinity");
    assertTrue(affinity.toString().contains("topologyKey=kubernetes.io/hostname"), affinity.toString());
    assertTrue(affinity.toString().contains("tier=backend"), affinity.toString());
    assertEquals(false, Projects.map(values, "analytics").get("enabled"));
    assertEquals(false, Projects.map(values, "ingress").get("enabled"));
    assertEquals(false, Projects.map(values, "traefik").get("enabled"));

    Map<String, Object> routes =
        Projects.map(Projects.yaml(out.resolve("devspace.yaml")), "deployments", "cvat-ingress");
    assertEquals(List.of("k8s/cvat/"), Projects.map(routes, "kubectl").get("manifests"));
    assertEquals("cvat", routes.get("namespace"));

    String next = plan.nextSteps();
    assertTrue(next.contains("kubectl -n cvat exec -it deployment/cvat-backend-server -c cvat-backend --"
        + " python manage.py createsuperuser"), next);
    assertTrue(next.contains("https://cvat.ml.example.com/"), next);
    assertFalse(next.contains("WARNING"), next);
    assertFalse(next.contains("terraform"), "nothing to apply in Terraform behind the gateway:\n" + next);

    Projects.validate(out);
    Projects.assertEngineContract(out, ID, Map.of());
  }

  @Test
  void onItsOwnOnGcp() {
    Path out = Projects.skeleton(tmp.resolve("demo"), Map.of());
    Map<String, String> values = Map.of("domain", "ml.example.com", "hostname", "label.ml.example.com");
    Plan plan = Projects.apply(out, ID, values);

    List<String> files = Projects.tree(out);
    assertFalse(files.contains("k8s/cvat/virtualservice.yaml"), "no gateway to route through");
    assertFalse(files.stream().anyMatch(f -> f.startsWith("k8s/deployment-infrastructure/")));
    Map<String, Object> ingress = Projects.yamlDoc(out.resolve("k8s/cvat/ingress.yaml"), 0);
    Map<String, Object> annotations = Projects.map(ingress, "metadata", "annotations");
    assertEquals("gce", annotations.get("kubernetes.io/ingress.class"));
    assertFalse(Projects.map(ingress, "spec").containsKey("ingressClassName"));
    String tf = Projects.read(out.resolve("terraform/cvat.tf"));
    assertTrue(tf.contains("resource \"google_compute_global_address\" \"cvat\""), tf);
    assertTrue(tf.contains("name        = \"" + annotations.get("kubernetes.io/ingress.global-static-ip-name") + "\""),
        "the Ingress must name the address Terraform creates:\n" + tf);
    Map<String, Object> cert = Projects.yamlDoc(out.resolve("k8s/cvat/managed-certificate.yaml"), 0);
    assertEquals(Projects.map(cert, "metadata").get("name"), annotations.get("networking.gke.io/managed-certificates"));
    assertEquals(List.of("label.ml.example.com"), Projects.map(cert, "spec").get("domains"));
    assertEquals(Projects.map(ingress, "metadata").get("namespace"), Projects.map(cert, "metadata").get("namespace"));
    String ingressText = Projects.read(out.resolve("k8s/cvat/ingress.yaml"));
    assertTrue(ingressText.contains("- host: label.ml.example.com"), ingressText);
    assertTrue(ingressText.contains("path: /api\n            pathType: Prefix\n            backend:\n"
        + "              service:\n                name: cvat-backend-service"), ingressText);

    checkHelmDeployment(out, "cvat");
    String next = plan.nextSteps();
    assertTrue(next.contains("terraform -chdir=terraform output -raw cvat_ip_address"), next);
    assertTrue(next.contains("createsuperuser"), next);
    assertTrue(next.contains("mx generate deployment-infrastructure"), next);
    Projects.validate(out);
    Projects.assertEngineContract(out, ID, values);
  }

  @Test
  void onItsOwnWithoutCloud() {
    Path out = Projects.skeleton(tmp.resolve("demo"), Map.of("cloud", "none"));
    Map<String, String> values = Map.of("domain", "ml.example.com", "ingress_class", "nginx",
        "tls_secret_name", "cvat-tls", "cvat_namespace", "labeling");
    Plan plan = Projects.apply(out, ID, values);
    List<String> files = Projects.tree(out);
    assertFalse(files.stream().anyMatch(f -> f.startsWith("terraform/")), String.join("\n", files));
    assertFalse(files.contains("k8s/cvat/managed-certificate.yaml"));
    Map<String, Object> ingress = Projects.yamlDoc(out.resolve("k8s/cvat/ingress.yaml"), 0);
    assertNull(Projects.map(ingress, "metadata").get("annotations"), "no GKE annotations off GKE");
    Map<String, Object> spec = Projects.map(ingress, "spec");
    assertEquals("nginx", spec.get("ingressClassName"));
    assertEquals(List.of(Map.of("hosts", List.of("cvat.ml.example.com"), "secretName", "cvat-tls")), spec.get("tls"));
    assertEquals("labeling", Projects.map(ingress, "metadata").get("namespace"));
    assertEquals("labeling", Projects.map(Projects.yaml(out.resolve("devspace.yaml")), "deployments", "cvat")
        .get("namespace"));
    // no GKE storage class off GKE: the cluster default
    assertNull(Projects.map(Projects.yaml(out.resolve("helm/cvat/values.yaml")), "cvat", "backend", "defaultStorage")
        .get("storageClassName"));
    assertTrue(plan.nextSteps().contains("https://cvat.ml.example.com/"), plan.nextSteps());
    assertTrue(plan.nextSteps().contains("kubectl -n labeling exec"), plan.nextSteps());
    Projects.validate(out);
    Projects.assertEngineContract(out, ID, values);

    // without a class and a secret: the cluster's default IngressClass, plain HTTP
    Map<String, String> plain = Map.of("ingress_class", "", "tls_secret_name", "");
    plan = Projects.apply(out, ID, plain);
    spec = Projects.map(Projects.yamlDoc(out.resolve("k8s/cvat/ingress.yaml"), 0), "spec");
    assertFalse(spec.containsKey("ingressClassName"));
    assertFalse(spec.containsKey("tls"));
    assertTrue(plan.nextSteps().contains("http://cvat.ml.example.com/"), plan.nextSteps());
    Projects.validate(out);
    Projects.assertEngineContract(out, ID, plain);
  }

  @Test
  void behindTheGatewayWithoutCloud() {
    Path out = Projects.skeleton(tmp.resolve("demo"), Map.of("cloud", "none"));
    Projects.apply(out, INFRA, Map.of("domain", "ml.example.com", "gateway_tls_secret", "wildcard-tls"));
    Plan plan = Projects.apply(out, ID, Map.of());
    assertTrue(Files.exists(out.resolve("k8s/cvat/virtualservice.yaml")));
    assertFalse(Files.exists(out.resolve("k8s/cvat/ingress.yaml")));
    assertTrue(plan.nextSteps().contains("https://cvat.ml.example.com/"),
        "the gateway serves TLS:\n" + plan.nextSteps());
    Projects.validate(out);
    Projects.assertEngineContract(out, ID, Map.of());
  }

  /**
   * Applying cvat before or after deployment-infrastructure ends in the same project once cvat is re-run (as
   * deployment-infrastructure's next steps say); in between, both Ingresses coexist without conflicts.
   */
  @Test
  void applicationOrderDoesNotMatter() {
    for (String cloud : List.of("gcp", "none")) {
      Path a = Projects.skeleton(tmp.resolve(cloud + "-a").resolve("demo"), Map.of("cloud", cloud));
      Projects.apply(a, INFRA, Map.of("domain", "ml.example.com"));
      Projects.apply(a, ID, Map.of());

      Path b = Projects.skeleton(tmp.resolve(cloud + "-b").resolve("demo"), Map.of("cloud", cloud));
      Projects.apply(b, ID, Map.of("domain", "ml.example.com"));
      assertTrue(Files.exists(b.resolve("k8s/cvat/ingress.yaml")));
      Plan infra = Projects.apply(b, INFRA, Map.of()); // domain comes from cvat's shared answer
      assertTrue(infra.nextSteps().contains("mx generate cvat-labeling-tool"), infra.nextSteps());
      Projects.validate(b); // both entry points side by side are still a valid project
      Plan again = Projects.apply(b, ID, Map.of());
      List<String> deleted = again.changes().stream().filter(c -> c.kind() == FileChange.Kind.DELETE)
          .map(FileChange::path).sorted().toList();
      assertEquals(cloud.equals("gcp")
          ? List.of("k8s/cvat/ingress.yaml", "k8s/cvat/managed-certificate.yaml", "terraform/cvat.tf")
          : List.of("k8s/cvat/ingress.yaml"), deleted);

      assertEquals(List.of(), Projects.differences(Projects.snapshot(a), Projects.snapshot(b)), cloud);
      Projects.validate(b);
      Projects.assertEngineContract(b, ID, Map.of());
      Projects.assertEngineContract(b, INFRA, Map.of());
    }
  }

  @Test
  void storageAndAnalyticsOptions() {
    Path out = Projects.skeleton(tmp.resolve("demo"), Map.of());
    Projects.apply(out, INFRA, Map.of("domain", "ml.example.com"));
    Map<String, String> rwx = Map.of("storage", "rwx", "storage_size", "1Ti", "analytics", "true");
    Projects.apply(out, ID, rwx);
    Map<String, Object> values = Projects.yaml(out.resolve("helm/cvat/values.yaml"));
    Map<String, Object> storage = Projects.map(values, "cvat", "backend", "defaultStorage");
    assertEquals("standard-rwx", storage.get("storageClassName"));
    assertEquals(List.of("ReadWriteMany"), storage.get("accessModes"));
    assertEquals("1Ti", storage.get("size"));
    assertNull(Projects.at(values, "cvat", "backend", "affinity"), "no pinning with a ReadWriteMany volume");
    assertEquals(true, Projects.map(values, "analytics").get("enabled"));
    assertEquals("bitnamilegacy/clickhouse", Projects.map(values, "clickhouse", "image").get("repository"));
    assertFalse(Projects.read(out.resolve("k8s/cvat/virtualservice.yaml")).contains("analytics"));
    Projects.validate(out);
    Projects.assertEngineContract(out, ID, rwx);

    Map<String, String> own = Map.of("storage", "single-node", "storage_class", "premium-rwo");
    Projects.apply(out, ID, own);
    storage = Projects.map(Projects.yaml(out.resolve("helm/cvat/values.yaml")), "cvat", "backend", "defaultStorage");
    assertEquals("premium-rwo", storage.get("storageClassName"));
    assertEquals(List.of("ReadWriteOnce"), storage.get("accessModes"));
    Projects.validate(out);
  }

  @Test
  void hostsOutsideTheGatewayOrTheCertificate() {
    Path out = Projects.skeleton(tmp.resolve("demo"), Map.of());
    Projects.apply(out, INFRA, Map.of("domain", "ml.example.com", "subdomains", "app"));
    MxException e = assertThrows(MxException.class, () -> Projects.ENGINE.plan(
        new MxEngine.Request(out, ID, Map.of("hostname", "cvat.example.org"))));
    assertTrue(e.getMessage().contains("is not ml.example.com or a name under it"), e.getMessage());
    assertFalse(Files.exists(out.resolve("helm/cvat/values.yaml")));

    // cvat.ml.example.com is routed, but the certificate only lists app.ml.example.com: say how to add it
    Plan plan = Projects.apply(out, ID, Map.of());
    assertTrue(plan.nextSteps().contains("WARNING: cvat.ml.example.com is not in deployment-infrastructure's managed"
        + " certificate"), plan.nextSteps());
    assertTrue(plan.nextSteps().contains("mx generate deployment-infrastructure --set subdomains=app,cvat"),
        plan.nextSteps());
    Projects.apply(out, INFRA, Map.of("subdomains", "app,cvat"));
    assertFalse(Projects.ENGINE.plan(new MxEngine.Request(out, ID, Map.of())).nextSteps().contains("WARNING"));

    for (String bad : List.of("v2.76", "2.76.0", "dev", "latest")) {
      MxException v = assertThrows(MxException.class,
          () -> Projects.ENGINE.plan(new MxEngine.Request(out, ID, Map.of("cvat_version", bad))), bad);
      assertTrue(v.getMessage().contains("--set cvat_version:"), v.getMessage());
    }
  }

  /** The pinned chart source and image tags every variant shares. */
  private static void checkHelmDeployment(Path out, String name) {
    Map<String, Object> d = Projects.map(Projects.yaml(out.resolve("devspace.yaml")), "deployments", name);
    Map<String, Object> chart = Projects.map(d, "helm", "chart");
    assertEquals("https://github.com/cvat-ai/cvat.git", chart.get("git"));
    assertEquals(VERSION, chart.get("tag"), "the chart must be pinned to a release tag");
    assertEquals("helm-chart", chart.get("subPath"));
    assertFalse(chart.containsKey("branch"), "a branch moves");
    assertEquals(List.of("helm/cvat/values.yaml"), Projects.map(d, "helm").get("valuesFiles"));
    Map<String, Object> values = Projects.yaml(out.resolve("helm/cvat/values.yaml"));
    for (String part : List.of("backend", "frontend")) {
      Map<String, Object> c = Projects.map(values, "cvat", part);
      assertEquals(VERSION, c.get("tag"), part + " image must be pinned to the release");
      assertFalse(List.of("dev", "latest").contains(c.get("tag")));
    }
    assertEquals("cvat/server", Projects.map(values, "cvat", "backend").get("image"));
    assertEquals("cvat/ui", Projects.map(values, "cvat", "frontend").get("image"));
    assertEquals("bitnamilegacy/postgresql", Projects.map(values, "postgresql", "image").get("repository"));
    assertEquals("bitnamilegacy/redis", Projects.map(values, "redis", "image").get("repository"));
    assertEquals(false, Projects.map(values, "nuclio").get("enabled"));
  }
}
