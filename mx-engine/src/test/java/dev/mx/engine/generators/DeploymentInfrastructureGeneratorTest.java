package dev.mx.engine.generators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mx.engine.MxEngine;
import dev.mx.engine.MxException;
import dev.mx.engine.diag.Diagnostic;
import dev.mx.engine.lint.Linter;
import dev.mx.engine.plan.FileChange;
import dev.mx.engine.plan.Plan;
import dev.mx.engine.state.AppliedGenerator;
import dev.mx.engine.state.Hashes;
import dev.mx.engine.state.ProjectState;
import dev.mx.engine.state.StateFile;
import dev.mx.engine.validate.GeneratedProjectValidator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The built-in {@code deployment-infrastructure} generator, applied through the real engine after
 * {@code ml-project-skeleton} in temporary projects, for cloud=gcp (each DNS mode) and cloud=none (with and without
 * TLS). Every output is validated offline ({@link Projects#validate}); the tests also check the contract other
 * generators rely on (Gateway {@code istio-ingress/<project>-gateway}) and the names that must agree across files.
 */
class DeploymentInfrastructureGeneratorTest {

  static final String ID = "deployment-infrastructure";

  @TempDir
  Path tmp;

  @BeforeAll
  static void packagedTemplatesAreTheSource() {
    Projects.assertPackagedIsSource(ID);
  }

  @Test
  void gcpWithNewDnsZone() {
    Path out = Projects.skeleton(tmp.resolve("demo"), Map.of());
    Map<String, String> values = Map.of("domain", "ml.example.com");
    Plan plan = Projects.apply(out, ID, values);

    List<String> files = Projects.tree(out);
    for (String f : List.of("terraform/ingress.tf", "k8s/deployment-infrastructure/gateway.yaml",
        "k8s/deployment-infrastructure/ingress.yaml", "k8s/deployment-infrastructure/managed-certificate.yaml",
        "k8s/deployment-infrastructure/backend-config.yaml")) {
      assertTrue(files.contains(f), f + " missing from\n" + String.join("\n", files));
    }

    // Terraform: a *global* address, a zone for the subdomain, A records with trailing dots
    String tf = Projects.read(out.resolve("terraform/ingress.tf"));
    assertTrue(tf.contains("resource \"google_compute_global_address\" \"ingress\""), tf);
    assertFalse(tf.contains("\"google_compute_address\""), "a regional address does not work with a GKE Ingress");
    assertTrue(tf.contains("name        = \"demo-ingress-ip\""), tf);
    assertTrue(tf.contains("resource \"google_dns_managed_zone\" \"ingress\""), tf);
    assertTrue(tf.contains("dns_name    = \"${var.ingress_domain}.\""), tf);
    assertTrue(tf.contains("default     = \"ml-example-com\""), tf);
    assertTrue(tf.contains("name         = \"${var.ingress_domain}.\""), tf);
    assertTrue(tf.contains("name         = \"*.${var.ingress_domain}.\""), tf);
    assertTrue(tf.contains("rrdatas      = [google_compute_global_address.ingress.address]"), tf);
    assertTrue(tf.contains("service = \"dns.googleapis.com\""), "the DNS API is not enabled by the skeleton");
    assertFalse(tf.contains("data \"google_dns_managed_zone\""), tf);

    // the GKE Ingress: class annotation only, the Terraform address by name, the certificate by name
    Map<String, Object> ingress = Projects.yamlDoc(out.resolve("k8s/deployment-infrastructure/ingress.yaml"), 0);
    Map<String, Object> annotations = Projects.map(ingress, "metadata", "annotations");
    assertEquals("gce", annotations.get("kubernetes.io/ingress.class"));
    assertEquals("demo-ingress-ip", annotations.get("kubernetes.io/ingress.global-static-ip-name"));
    assertTrue(tf.contains("name        = \"" + annotations.get("kubernetes.io/ingress.global-static-ip-name") + "\""));
    assertFalse(Projects.map(ingress, "spec").containsKey("ingressClassName"),
        "GKE ignores an Ingress with spec.ingressClassName and no class annotation");
    Map<String, Object> cert =
        Projects.yamlDoc(out.resolve("k8s/deployment-infrastructure/managed-certificate.yaml"), 0);
    assertEquals(Projects.map(cert, "metadata").get("name"), annotations.get("networking.gke.io/managed-certificates"));
    assertEquals(List.of("ml.example.com", "cvat.ml.example.com", "streamlit.ml.example.com"),
        Projects.map(cert, "spec").get("domains"));
    assertEquals(Projects.map(ingress, "metadata").get("namespace"), Projects.map(cert, "metadata").get("namespace"),
        "a ManagedCertificate must be in the namespace of its Ingress");

    // the Ingress goes to the gateway Service, whose BackendConfig checks Envoy's readiness port
    Map<String, Object> backend = Projects.map(ingress, "spec", "defaultBackend", "service");
    assertEquals("istio-ingressgateway", backend.get("name"));
    assertEquals(80, Projects.map(backend, "port").get("number"));
    Map<String, Object> bc = Projects.yamlDoc(out.resolve("k8s/deployment-infrastructure/backend-config.yaml"), 0);
    Map<String, Object> hc = Projects.map(bc, "spec", "healthCheck");
    assertEquals(15021, hc.get("port"));
    assertEquals("/healthz/ready", hc.get("requestPath"));
    assertEquals(3600, Projects.map(bc, "spec").get("timeoutSec"));

    // devspace: pinned Istio charts, the gateway Service wired to NEG + the BackendConfig, the Gateway selector
    Map<String, Object> devspace = Projects.yaml(out.resolve("devspace.yaml"));
    Map<String, Object> deployments = Projects.map(devspace, "deployments");
    for (String d : List.of("istio-base", "istiod", "istio-ingress", "ingress", "training-infrastructure")) {
      assertTrue(deployments.containsKey(d), d + " missing: " + deployments.keySet());
    }
    Map<String, String> charts = Map.of("istio-base", "base", "istiod", "istiod", "istio-ingress", "gateway");
    charts.forEach((d, chart) -> {
      Map<String, Object> c = Projects.map(deployments, d, "helm", "chart");
      assertEquals(chart, c.get("name"));
      assertEquals("https://istio-release.storage.googleapis.com/charts", c.get("repo"));
      assertEquals("1.30.4", c.get("version"));
    });
    Map<String, Object> gwHelm = Projects.map(deployments, "istio-ingress", "helm");
    assertEquals("istio-ingressgateway", gwHelm.get("releaseName"));
    assertEquals("istio-ingress", Projects.map(deployments, "istio-ingress").get("namespace"));
    Map<String, Object> svc = Projects.map(gwHelm, "values", "service");
    assertEquals("ClusterIP", svc.get("type"));
    // the load balancer is a proxy: trust its X-Forwarded-Proto (https) and client address
    assertEquals("{\"gatewayTopology\": {\"numTrustedProxies\": 2}}",
        Projects.map(gwHelm, "values", "podAnnotations").get("proxy.istio.io/config"));
    Map<String, Object> svcAnnotations = Projects.map(svc, "annotations");
    assertEquals("{\"ingress\": true}", svcAnnotations.get("cloud.google.com/neg"));
    assertEquals("{\"default\": \"" + Projects.map(bc, "metadata").get("name") + "\"}",
        svcAnnotations.get("cloud.google.com/backend-config"));
    assertEquals(List.of("k8s/deployment-infrastructure/"),
        Projects.map(deployments, "ingress", "kubectl").get("manifests"));

    Map<String, Object> gateway = Projects.yamlDoc(out.resolve("k8s/deployment-infrastructure/gateway.yaml"), 0);
    assertEquals("networking.istio.io/v1", gateway.get("apiVersion"));
    assertEquals("demo-gateway", Projects.map(gateway, "metadata").get("name"));
    assertEquals("istio-ingress", Projects.map(gateway, "metadata").get("namespace"));
    // the gateway chart labels pods istio=<release name without "istio-">
    assertEquals(Map.of("istio", "ingressgateway"), Projects.map(gateway, "spec", "selector"));
    String gatewayYaml = Projects.read(out.resolve("k8s/deployment-infrastructure/gateway.yaml"));
    assertTrue(gatewayYaml.contains("- \"ml.example.com\"\n        - \"*.ml.example.com\""), gatewayYaml);
    assertFalse(gatewayYaml.contains("443"), "TLS ends at the Google load balancer on gcp");

    // Istio first, in order, then everything else
    String pipeline = (String) Projects.map(devspace, "pipelines").get("deploy");
    assertTrue(pipeline.contains("create_deployments istio-base istiod istio-ingress ingress --sequential\n"
        + "create_deployments --all"), pipeline);
    assertTrue(pipeline.indexOf("\nbuild_images --all") < pipeline.indexOf("\ncreate_deployments istio-base"),
        pipeline);

    // shared answers: later generators (cvat, streamlit) reuse domain and subdomains
    ProjectState state = StateFile.read(out);
    assertEquals("ml.example.com", state.answers().get("domain"));
    assertEquals(List.of("cvat", "streamlit"), state.answers().get("subdomains"));

    assertTrue(plan.nextSteps().contains("terraform -chdir=terraform output ingress_dns_name_servers"),
        plan.nextSteps());
    assertTrue(plan.nextSteps().contains("ml.example.com, cvat.ml.example.com, streamlit.ml.example.com"));

    Projects.validate(out);
    Projects.assertEngineContract(out, ID, values);
  }

  @Test
  void gcpWithExistingZoneOrNoDns() {
    Path out = Projects.skeleton(tmp.resolve("shop"), Map.of());
    Map<String, String> existing = Map.of("domain", "ai.shop.example.org", "dns", "existing-zone",
        "dns_zone", "shop-example-org", "subdomains", "labels,app", "backend_timeout_sec", "600");
    Projects.apply(out, ID, existing);
    String tf = Projects.read(out.resolve("terraform/ingress.tf"));
    assertTrue(tf.contains("data \"google_dns_managed_zone\" \"ingress\""), tf);
    assertFalse(tf.contains("resource \"google_dns_managed_zone\""), tf);
    assertTrue(tf.contains("managed_zone = data.google_dns_managed_zone.ingress.name"), tf);
    // the zone must contain the domain, label-wise: example.org contains ai.example.org, not ai.badexample.org
    assertTrue(tf.contains("endswith(\"${var.ingress_domain}.\", \".${data.google_dns_managed_zone.ingress.dns_name}\")"),
        tf);
    assertTrue(tf.contains("default     = \"shop-example-org\""), tf);
    assertEquals(List.of("ai.shop.example.org", "labels.ai.shop.example.org", "app.ai.shop.example.org"),
        Projects.map(Projects.yamlDoc(out.resolve("k8s/deployment-infrastructure/managed-certificate.yaml"), 0), "spec")
            .get("domains"));
    Map<String, Object> bc = Projects.yamlDoc(out.resolve("k8s/deployment-infrastructure/backend-config.yaml"), 0);
    assertEquals(600, Projects.map(bc, "spec").get("timeoutSec"));
    Projects.validate(out);
    Projects.assertEngineContract(out, ID, existing);

    // switching to dns=none drops the DNS resources (an answer change re-renders the file)
    Map<String, String> none = Map.of("dns", "none");
    Plan plan = Projects.apply(out, ID, none);
    tf = Projects.read(out.resolve("terraform/ingress.tf"));
    assertFalse(tf.contains("google_dns_"), tf);
    assertFalse(tf.contains("ingress_dns_zone"), tf);
    assertTrue(tf.contains("resource \"google_compute_global_address\" \"ingress\""), tf);
    assertTrue(plan.nextSteps().contains("Create A records for ai.shop.example.org and *.ai.shop.example.org"),
        plan.nextSteps());
    Projects.validate(out);
    Projects.assertEngineContract(out, ID, none);
  }

  @Test
  void noCloudIsALoadBalancerGatewayWithOptionalTls() {
    Path out = Projects.skeleton(tmp.resolve("demo"), Map.of("cloud", "none"));
    Map<String, String> values = Map.of("domain", "ml.example.com");
    Plan plan = Projects.apply(out, ID, values);
    List<String> files = Projects.tree(out);
    assertFalse(files.stream().anyMatch(f -> f.startsWith("terraform/")), String.join("\n", files));
    assertEquals(List.of("k8s/deployment-infrastructure/gateway.yaml"),
        files.stream().filter(f -> f.startsWith("k8s/deployment-infrastructure/")).toList());
    Map<String, Object> deployments = Projects.map(Projects.yaml(out.resolve("devspace.yaml")), "deployments");
    Map<String, Object> svc = Projects.map(deployments, "istio-ingress", "helm", "values", "service");
    assertEquals(Map.of("type", "LoadBalancer"), svc);
    assertEquals(List.of("service"), List.copyOf(Projects.map(deployments, "istio-ingress", "helm", "values").keySet()),
        "clients reach Envoy directly: no trusted proxies");
    String gateway = Projects.read(out.resolve("k8s/deployment-infrastructure/gateway.yaml"));
    assertFalse(gateway.contains("protocol: HTTPS"), gateway);
    assertTrue(plan.nextSteps().contains("kubectl -n istio-ingress get service istio-ingressgateway"));
    Projects.validate(out);
    Projects.assertEngineContract(out, ID, values);

    Map<String, String> tls = Map.of("gateway_tls_secret", "ml-example-com-tls");
    plan = Projects.apply(out, ID, tls);
    Map<String, Object> gw = Projects.yamlDoc(out.resolve("k8s/deployment-infrastructure/gateway.yaml"), 0);
    List<?> servers = (List<?>) Projects.map(gw, "spec").get("servers");
    assertEquals(2, servers.size());
    @SuppressWarnings("unchecked")
    Map<String, Object> https = (Map<String, Object>) servers.get(1);
    assertEquals(Map.of("mode", "SIMPLE", "credentialName", "ml-example-com-tls"), https.get("tls"));
    assertEquals(Map.of("httpsRedirect", true), ((Map<?, ?>) servers.get(0)).get("tls"));
    assertTrue(plan.nextSteps().contains("kubectl -n istio-ingress create secret tls ml-example-com-tls"));
    Projects.validate(out);
    Projects.assertEngineContract(out, ID, tls);
  }

  @Test
  void invalidAnswersAreRejectedBeforeAnythingIsWritten() {
    Path out = Projects.skeleton(tmp.resolve("demo"), Map.of());
    for (String bad : List.of("ML.example.com", "ml.example.com.", "localhost", "-ml.example.com", "ml_x.example.com",
        "a234567890.a234567890.a234567890.a234567890.a234567890.example.com", "https://ml.example.com")) {
      MxException e = assertThrows(MxException.class, () -> MxEngine.withGeneratorPath(List.of())
          .plan(new MxEngine.Request(out, ID, Map.of("domain", bad))), bad);
      assertTrue(e.getMessage().contains("--set domain:"), e.getMessage());
    }
    MxException missing = assertThrows(MxException.class,
        () -> MxEngine.withGeneratorPath(List.of()).plan(new MxEngine.Request(out, ID, Map.of())));
    assertTrue(missing.getMessage().contains("missing required parameter 'domain'"), missing.getMessage());
    MxException sub = assertThrows(MxException.class, () -> MxEngine.withGeneratorPath(List.of())
        .plan(new MxEngine.Request(out, ID, Map.of("domain", "ml.example.com", "subdomains", "cvat,Bad_Name"))));
    assertTrue(sub.getMessage().contains("--set subdomains:"), sub.getMessage());
    // a host too long for a Google-managed certificate stops the render with a reason
    MxException longHost = assertThrows(MxException.class, () -> MxEngine.withGeneratorPath(List.of())
        .plan(new MxEngine.Request(out, ID, Map.of("domain", "a234567890.a234567890.a234567890.example.com",
            "subdomains", "a234567890a234567890"))));
    assertTrue(longHost.getMessage().contains("longer than 63 characters"), longHost.getMessage());
    assertFalse(Files.exists(out.resolve("terraform/ingress.tf")), "a rejected plan wrote files");
    // the skeleton must come first
    Path bare = Projects.mkdirs(tmp.resolve("bare"));
    MxException requires = assertThrows(MxException.class, () -> MxEngine.withGeneratorPath(List.of())
        .plan(new MxEngine.Request(bare, ID, Map.of("domain", "ml.example.com"))));
    assertTrue(requires.getMessage().contains("requires ml-project-skeleton"), requires.getMessage());
  }

  /** The BackendConfig schema added for this generator rejects what GKE would silently ignore. */
  @Test
  void backendConfigSchemaCatchesMistakes() throws IOException {
    Path out = Projects.skeleton(tmp.resolve("demo"), Map.of());
    Projects.apply(out, ID, Map.of("domain", "ml.example.com"));
    Path bc = out.resolve("k8s/deployment-infrastructure/backend-config.yaml");
    GeneratedProjectValidator v = new GeneratedProjectValidator();
    assertEquals(List.of(), v.validateKubernetesYaml(bc));
    String good = Projects.read(bc);
    Files.writeString(bc, good.replace("requestPath:", "requestpath:"));
    assertTrue(v.validateKubernetesYaml(bc).stream().anyMatch(p -> p.contains("requestpath")),
        v.validateKubernetesYaml(bc).toString());
    Files.writeString(bc, good.replace("port: 15021", "port: \"15021\""));
    assertFalse(v.validateKubernetesYaml(bc).isEmpty(), "a string port must be rejected");
    Files.writeString(bc, good.replace("  timeoutSec: 3600\n", "  timeoutSec: 3600\n  cdn: {}\n"));
    assertTrue(v.validateKubernetesYaml(bc).stream().anyMatch(p -> p.contains("enabled")),
        "cdn.enabled is required: " + v.validateKubernetesYaml(bc));
    Files.writeString(bc, good.replace("apiVersion: cloud.google.com/v1", "apiVersion: cloud.google.com/v1beta2"));
    assertTrue(v.validateKubernetesYaml(bc).stream().anyMatch(p -> p.contains("no schema")));
  }

  // ================================================================================================= support

  /**
   * Applies built-in generators through the real engine and validates the result; shared by the generator tests
   * of this package.
   */
  static final class Projects {
    /** Only the built-in generators (packaged from templates/), whatever MX_GENERATOR_PATH says. */
    static final MxEngine ENGINE = MxEngine.withGeneratorPath(List.of());
    private static final GeneratedProjectValidator VALIDATOR = new GeneratedProjectValidator();
    private static final Map<String, List<String>> PY_COMPILED = new ConcurrentHashMap<>();

    private Projects() {
    }

    /** The engine renders the copy of templates/ packaged into target/classes: it must be the source. */
    static void assertPackagedIsSource(String id) {
      Path packaged = ENGINE.catalog(null).require(id).root();
      String dir = System.getProperty("mx.templates.dir");
      assertTrue(dir != null && !dir.isBlank(), "system property mx.templates.dir is not set");
      Path source = Path.of(dir).resolve(id);
      List<String> files = treeWithState(source);
      assertEquals(files, treeWithState(packaged), "the packaged " + id + " is not templates/" + id + " (rebuild)");
      for (String f : files) {
        assertTrue(java.util.Arrays.equals(bytes(source.resolve(f)), bytes(packaged.resolve(f))),
            "packaged " + f + " differs from templates/" + id + "/" + f + ": rebuild (mvn clean test)");
      }
    }

    /** {@code mx new ml-project-skeleton <dir>}: the directory name is the project name. */
    static Path skeleton(Path dir, Map<String, String> values) {
      mkdirs(dir);
      ENGINE.generate(dir, "ml-project-skeleton", values);
      return dir;
    }

    /** {@code mx generate <id>} with {@code --set} values; conflicts fail the test. */
    static Plan apply(Path dir, String id, Map<String, String> values) {
      Plan plan = ENGINE.plan(new MxEngine.Request(dir, id, values));
      assertFalse(plan.hasConflicts(), id + ": conflicts " + plan.conflicts().stream()
          .map(c -> c.path() + " (" + c.reason() + ")").toList());
      List<String> notices = new ArrayList<>();
      ENGINE.apply(plan, false, notices::add);
      assertEquals(List.of(), notices);
      return plan;
    }

    /**
     * Every generated file, offline: Kubernetes YAML under k8s/ against strict schemas (CRDs included), each
     * Terraform root against the hashicorp/google 8.x allow-list, Python byte-compiled, devspace.yaml against
     * DevSpace's schema and loader rules, mx lint on devspace.yaml and the state file, Helm values files parsed,
     * and no FreeMarker syntax left anywhere.
     */
    static void validate(Path out) {
      List<String> problems = new ArrayList<>();
      List<String> files = tree(out);
      for (String f : files) {
        Path p = out.resolve(f);
        if ((f.startsWith("k8s/") && f.endsWith(".yaml")) || f.equals("train_job.yaml")) {
          problems.addAll(VALIDATOR.validateKubernetesYaml(p));
        } else if (f.endsWith(".py")) {
          problems.addAll(PY_COMPILED.computeIfAbsent(Hashes.of(bytes(p)), h -> VALIDATOR.validatePython(p)).stream()
              .map(s -> f + ": " + s).toList());
        } else if (f.startsWith("helm/") && f.endsWith(".yaml")) {
          try {
            if (!(new Load(LoadSettings.builder().build()).loadFromString(read(p)) instanceof Map)) {
              problems.add(f + ": Helm values must be a YAML mapping");
            }
          } catch (RuntimeException e) {
            problems.add(f + ": YAML error: " + e.getMessage());
          }
        }
        String text = read(p);
        if (text.contains("[=") || text.contains("[#") || text.contains("[/#")) {
          problems.add(f + ": FreeMarker syntax left in the output");
        }
      }
      for (String root : List.of("terraform", "terraform/bootstrap")) {
        if (Files.isDirectory(out.resolve(root))) {
          problems.addAll(VALIDATOR.validateTerraformModule(out.resolve(root)));
        }
      }
      Path devspace = out.resolve("devspace.yaml");
      problems.addAll(VALIDATOR.validateDevspaceSchema(devspace));
      problems.addAll(VALIDATOR.validateDevspaceRules(devspace));
      for (String f : List.of("devspace.yaml", StateFile.RELATIVE_PATH)) {
        for (Diagnostic d : Linter.lintFile(out.resolve(f), f)) {
          problems.add("mx lint: " + d.format());
        }
      }
      assertTrue(problems.isEmpty(), GeneratedProjectValidator.report(problems));
    }

    /**
     * What mx promises: planning the generator again (with the same values, and with none) changes nothing, and
     * the state file's hashes describe the files and devspace.yaml keys on disk.
     */
    static void assertEngineContract(Path out, String id, Map<String, String> values) {
      List<String> problems = new ArrayList<>();
      for (Map<String, String> again : values.isEmpty() ? List.of(values) : List.of(values, Map.<String, String>of())) {
        Plan replan = ENGINE.plan(new MxEngine.Request(out, id, again));
        for (FileChange c : replan.changes()) {
          if (c.writes()) {
            problems.add("re-plan of " + id + " with " + again + " is not a no-op: " + c.kind() + " " + c.path()
                + "\n" + c.diff());
          }
        }
      }
      ProjectState state = StateFile.read(out);
      for (AppliedGenerator g : state.generators()) {
        for (Map.Entry<String, String> e : g.files().entrySet()) {
          Path file = out.resolve(e.getKey());
          if (!Files.isRegularFile(file) || !e.getValue().equals(Hashes.of(bytes(file)))) {
            problems.add(g.id() + ": the recorded hash of " + e.getKey() + " does not match the file on disk");
          }
        }
        Map<String, Object> devspace = yaml(out.resolve("devspace.yaml"));
        for (Map.Entry<String, String> k : g.manifests().getOrDefault("devspace.yaml", Map.of()).entrySet()) {
          Object value = at(devspace, k.getKey().split("\\."));
          if (value == null || !k.getValue().equals(Hashes.ofValue(value))) {
            problems.add(g.id() + ": devspace.yaml key " + k.getKey() + " is missing or not what was recorded");
          }
        }
      }
      AppliedGenerator mine = state.generator(id).orElseThrow();
      assertFalse(mine.files().isEmpty() && mine.manifests().isEmpty(), id + " recorded nothing");
      assertTrue(problems.isEmpty(), GeneratedProjectValidator.report(problems));
    }

    /**
     * The project as files and parsed devspace.yaml, for comparing two application orders: file bytes except
     * devspace.yaml and .mx/, and devspace.yaml by meaning (key order may differ).
     */
    static Map<String, Object> snapshot(Path out) {
      Map<String, Object> s = new TreeMap<>();
      for (String f : tree(out)) {
        s.put(f, f.equals("devspace.yaml") ? yaml(out.resolve(f)) : read(out.resolve(f)));
      }
      return s;
    }

    /** Files that differ between two snapshots, with a short reason each. */
    static List<String> differences(Map<String, Object> a, Map<String, Object> b) {
      List<String> diff = new ArrayList<>();
      for (String f : new TreeSet<>(a.keySet())) {
        if (!b.containsKey(f)) {
          diff.add("only in the first: " + f);
        } else if (!Objects.equals(a.get(f), b.get(f))) {
          diff.add("differs: " + f);
        }
      }
      b.keySet().stream().filter(f -> !a.containsKey(f)).forEach(f -> diff.add("only in the second: " + f));
      return diff;
    }

    // ---------------------------------------------------------------------------------------------- YAML

    @SuppressWarnings("unchecked")
    static Map<String, Object> yaml(Path file) {
      Object o = new Load(LoadSettings.builder().build()).loadFromString(read(file));
      assertTrue(o instanceof Map, file + " is not a YAML mapping");
      return (Map<String, Object>) o;
    }

    /** Document {@code index} (0-based, empty documents skipped) of a multi-document YAML file. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> yamlDoc(Path file, int index) {
      List<Object> docs = new ArrayList<>();
      new Load(LoadSettings.builder().build()).loadAllFromString(read(file)).forEach(d -> {
        if (d != null) {
          docs.add(d);
        }
      });
      assertTrue(index < docs.size(), file + " has " + docs.size() + " documents");
      return (Map<String, Object>) docs.get(index);
    }

    /** All documents of a multi-document YAML file, keyed by "Kind/name". */
    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> objects(Path file) {
      Map<String, Map<String, Object>> out = new LinkedHashMap<>();
      new Load(LoadSettings.builder().build()).loadAllFromString(read(file)).forEach(d -> {
        if (d instanceof Map<?, ?> m) {
          Map<String, Object> doc = (Map<String, Object>) m;
          out.put(doc.get("kind") + "/" + map(doc, "metadata").get("name"), doc);
        }
      });
      return out;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> m, String... path) {
      Object o = at(m, path);
      assertTrue(o instanceof Map, "no mapping at " + String.join(".", path) + " in " + m);
      return (Map<String, Object>) o;
    }

    static Object at(Map<String, Object> m, String... path) {
      Object o = m;
      for (String p : path) {
        if (!(o instanceof Map<?, ?> mm)) {
          return null;
        }
        o = mm.get(p);
      }
      return o;
    }

    // ---------------------------------------------------------------------------------------------- files

    static List<String> tree(Path root) {
      return treeWithState(root).stream().filter(f -> !f.startsWith(".mx/")).collect(Collectors.toList());
    }

    static List<String> treeWithState(Path root) {
      try (Stream<Path> s = Files.walk(root)) {
        return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/')).sorted()
            .collect(Collectors.toList());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    static Path mkdirs(Path dir) {
      try {
        return Files.createDirectories(dir);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    static String read(Path p) {
      try {
        return Files.readString(p);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    static byte[] bytes(Path p) {
      try {
        return Files.readAllBytes(p);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    static String firstGroup(String text, String regex) {
      Matcher m = Pattern.compile(regex).matcher(text);
      return m.find() ? m.group(1) : null;
    }
  }
}
