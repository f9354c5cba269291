package dev.mx.engine.generators;

import static dev.mx.engine.generators.DistributedTrainingGeneratorTest.engineContract;
import static dev.mx.engine.generators.DistributedTrainingGeneratorTest.files;
import static dev.mx.engine.generators.DistributedTrainingGeneratorTest.list;
import static dev.mx.engine.generators.DistributedTrainingGeneratorTest.map;
import static dev.mx.engine.generators.DistributedTrainingGeneratorTest.mkdirs;
import static dev.mx.engine.generators.DistributedTrainingGeneratorTest.python;
import static dev.mx.engine.generators.DistributedTrainingGeneratorTest.read;
import static dev.mx.engine.generators.DistributedTrainingGeneratorTest.single;
import static dev.mx.engine.generators.DistributedTrainingGeneratorTest.validateFiles;
import static dev.mx.engine.generators.DistributedTrainingGeneratorTest.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mx.engine.MxEngine;
import dev.mx.engine.MxException;
import dev.mx.engine.generator.GeneratorDescriptor;
import dev.mx.engine.plan.Plan;
import dev.mx.engine.validate.GeneratedProjectValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Renders the built-in model-serving generator through the real engine on a project made of ml-project-skeleton
 * and the built-in deployment-infrastructure (whose Istio Gateway it routes through), for both engines and both
 * clouds, with and without a model version, and checks every generated file offline: Kubernetes documents
 * against the strict schemas (InferenceService, SeldonDeployment, VirtualService, ServiceAccount, Secret),
 * Terraform against the provider allow-list, Python with py_compile, devspace.yaml against DevSpace's schema and
 * rules, plus lint, re-apply and state hashes for all three generators.
 */
class ModelServingGeneratorTest {

  static final String GENERATOR = "model-serving";
  static final String INGRESS = "deployment-infrastructure";
  static final String DOMAIN = "ml.example.com";
  static final String GCS_URI = "gs://demo-ml-project-mlflow-artifacts/mlflow/1/models/m-0a1b2c/artifacts";
  static final String PVC_URI = "pvc://mlflow-artifacts/1/models/m-0a1b2c/artifacts";

  /** Only the built-in generators (packaged from templates/), whatever MX_GENERATOR_PATH says. */
  private static final MxEngine ENGINE = MxEngine.withGeneratorPath(List.of());

  private final GeneratedProjectValidator validator = new GeneratedProjectValidator();

  @TempDir
  Path tmp;

  @BeforeAll
  static void packagedGeneratorIsTheSourceGenerator() {
    DistributedTrainingGeneratorTest.assertPackagedIsSource(ENGINE, GENERATOR);
  }

  // ------------------------------------------------------------------------------------------ scenarios

  @Test
  void kserveOnGcp() {
    Map<String, String> values = Map.of("model_uri", GCS_URI, "model_version", "3");
    Path out = project(tmp.resolve("demo"), Map.of(), values);
    Map<String, Object> isvc = single(out.resolve("k8s/model-serving/10-inferenceservice.yaml"));
    assertEquals("serving.kserve.io/v1beta1", isvc.get("apiVersion"));
    assertEquals("demo", map(isvc, "metadata").get("name"));
    assertEquals("Standard", map(isvc, "metadata", "annotations").get("serving.kserve.io/deploymentMode"));
    assertEquals("3", map(isvc, "metadata", "labels").get("mlflow.org/model-version"));
    Map<String, Object> model = map(isvc, "spec", "predictor", "model");
    assertEquals(Map.of("name", "mlflow"), model.get("modelFormat"));
    assertEquals("v2", model.get("protocolVersion"));
    assertEquals(GCS_URI, model.get("storageUri"));
    assertFalse(model.containsKey("image"), "no runtime image override unless asked for");
    assertEquals("model-serving", map(isvc, "spec", "predictor").get("serviceAccountName"));

    Map<String, Object> vs = single(out.resolve("k8s/model-serving/20-virtualservice.yaml"));
    assertEquals(List.of("models." + DOMAIN), map(vs, "spec").get("hosts"));
    assertEquals(List.of("istio-ingress/demo-gateway"), map(vs, "spec").get("gateways"));
    String tf = read(out.resolve("terraform/model-serving.tf"));
    assertTrue(tf.contains("roles/storage.objectViewer") && !tf.contains("objectAdmin"), "read-only access: " + tf);
    Map<String, Object> deployment = map(yaml(out.resolve("devspace.yaml")), "deployments", "model-serving");
    assertEquals(List.of("k8s/model-serving/"), map(deployment, "kubectl").get("manifests"));
    assertEquals("demo", deployment.get("namespace"));
    checkAll(out, values);
  }

  @Test
  void kserveWithoutCloudAndARuntimeImage() {
    Map<String, String> values = Map.of("model_uri", PVC_URI, "runtime_image",
        "localhost:5000/lab/mlserver-torch:1.7.1", "host", "lab." + DOMAIN);
    Path out = project(tmp.resolve("lab"), Map.of("cloud", "none"), values);
    Map<String, Object> model = map(single(out.resolve("k8s/model-serving/10-inferenceservice.yaml")), "spec",
        "predictor", "model");
    assertEquals(PVC_URI, model.get("storageUri"));
    assertEquals("localhost:5000/lab/mlserver-torch:1.7.1", model.get("image"));
    assertFalse(Files.exists(out.resolve("terraform")), "no Terraform with cloud=none");
    assertFalse(read(out.resolve("k8s/model-serving/00-serviceaccount.yaml")).contains("iam.gke.io"));
    assertEquals(List.of("lab." + DOMAIN), map(single(out.resolve("k8s/model-serving/20-virtualservice.yaml")),
        "spec").get("hosts"));
    checkAll(out, values);
  }

  @Test
  void seldonOnGcp() {
    Map<String, String> values = Map.of("engine", "seldon-core-v1", "model_uri", GCS_URI, "model_name", "churn");
    Path out = project(tmp.resolve("demo"), Map.of(), values);
    assertFalse(Files.exists(out.resolve("k8s/model-serving/10-inferenceservice.yaml")));
    Map<String, Object> sdep = single(out.resolve("k8s/model-serving/10-seldondeployment.yaml"));
    assertEquals("machinelearning.seldon.io/v1", sdep.get("apiVersion"));
    assertEquals("churn", map(sdep, "metadata").get("name"));
    @SuppressWarnings("unchecked")
    Map<String, Object> predictor = (Map<String, Object>) list(map(sdep, "spec"), "predictors").get(0);
    Map<String, Object> graph = map(predictor, "graph");
    assertEquals("MLFLOW_SERVER", graph.get("implementation"));
    assertEquals(GCS_URI, graph.get("modelUri"));
    assertEquals("model-serving-rclone", graph.get("envSecretRefName"));
    String text = read(out.resolve("k8s/model-serving/10-seldondeployment.yaml"));
    assertTrue(text.contains("Business Source License 1.1"), "licence note missing from the manifest");
    assertTrue(read(out.resolve("docs/model-serving.md")).contains("Business Source License 1.1"));
    Map<String, Object> route = routes(single(out.resolve("k8s/model-serving/20-virtualservice.yaml"))).get(0);
    assertEquals(Map.of("uri", "/"), route.get("rewrite"));
    checkAll(out, values);
  }

  @Test
  void seldonWithoutCloudBeforeAModelIsRegistered() {
    Map<String, String> values = Map.of("engine", "seldon-core-v1");
    Path out = project(tmp.resolve("lab"), Map.of("cloud", "none"), values);
    List<String> serving = files(out).stream().filter(f -> f.startsWith("k8s/model-serving/")).toList();
    assertEquals(List.of("k8s/model-serving/00-serviceaccount.yaml", "k8s/model-serving/20-virtualservice.yaml"),
        serving, "without model_uri only the ServiceAccount and the route are deployed");
    checkAll(out, values);
  }

  @Test
  void servingAnotherVersionAndWithdrawingTheModel() {
    Path out = project(tmp.resolve("demo"), Map.of(), Map.of());
    assertFalse(Files.exists(out.resolve("k8s/model-serving/10-inferenceservice.yaml")));
    Plan plan = ENGINE.generate(out, GENERATOR, Map.of("model_uri", GCS_URI, "model_version", "1"));
    assertTrue(plan.nextSteps().contains("serves " + GCS_URI), plan.nextSteps());
    String v2 = GCS_URI.replace("m-0a1b2c", "m-ffee01");
    ENGINE.generate(out, GENERATOR, Map.of("model_uri", v2, "model_version", "2"));
    Map<String, Object> isvc = single(out.resolve("k8s/model-serving/10-inferenceservice.yaml"));
    assertEquals(v2, map(isvc, "spec", "predictor", "model").get("storageUri"));
    assertEquals("2", map(isvc, "metadata", "labels").get("mlflow.org/model-version"));
    checkAll(out, Map.of());
    // back to no model: the InferenceService goes, the route stays
    ENGINE.generate(out, GENERATOR, Map.of("model_uri", "", "model_version", ""));
    assertFalse(Files.exists(out.resolve("k8s/model-serving/10-inferenceservice.yaml")));
    assertTrue(Files.exists(out.resolve("k8s/model-serving/20-virtualservice.yaml")));
    checkAll(out, Map.of());
  }

  @Test
  void nextStepsNameTheCertificateHostThatIsMissing() {
    Path out = project(tmp.resolve("demo"), Map.of(), Map.of());
    Plan again = ENGINE.plan(new MxEngine.Request(out, GENERATOR, Map.of()));
    assertTrue(again.nextSteps().contains("--set subdomains=cvat,streamlit,models"), again.nextSteps());
    Path listed = mkdirs(tmp.resolve("listed").resolve("demo"));
    ENGINE.generate(listed, DistributedTrainingGeneratorTest.SKELETON, Map.of());
    ENGINE.generate(listed, INGRESS, Map.of("domain", DOMAIN, "subdomains", "models"));
    Plan ok = ENGINE.generate(listed, GENERATOR, Map.of());
    assertFalse(ok.nextSteps().contains("--set subdomains"), ok.nextSteps());
  }

  @Test
  void requiresDeploymentInfrastructure() {
    Path dir = mkdirs(tmp.resolve("demo"));
    ENGINE.generate(dir, DistributedTrainingGeneratorTest.SKELETON, Map.of());
    List<String> before = files(dir);
    MxException e = assertThrows(MxException.class, () -> ENGINE.generate(dir, GENERATOR, Map.of()));
    assertEquals(MxException.Kind.INPUT, e.kind(), e.describe());
    assertTrue(e.getMessage().contains("requires deployment-infrastructure to be applied first")
        && e.getMessage().contains("mx generate deployment-infrastructure"), e.getMessage());
    assertEquals(before, files(dir), "a refused generate changed files");
  }

  @Test
  void helpCarriesTheSeldonLicenceNote() {
    GeneratorDescriptor g = ENGINE.catalog(null).require(GENERATOR);
    assertTrue(g.requires().contains(INGRESS), g.requires().toString());
    assertTrue(g.help().contains("Business Source License 1.1"), g.help());
    String engineHelp = g.parameter("engine").orElseThrow().help();
    assertTrue(engineHelp.contains("Business Source License 1.1") && engineHelp.contains("liquidation"), engineHelp);
    assertEquals("kserve", g.parameter("engine").orElseThrow().defaultExpression());
  }

  @Test
  void modelUriScriptMapsTheTrackingServersArtifactUris() {
    Path gcp = project(tmp.resolve("demo"), Map.of(), Map.of());
    Path none = project(tmp.resolve("none").resolve("demo"), Map.of("cloud", "none"), Map.of());
    String call = "import importlib.util, sys\n"
        + "spec = importlib.util.spec_from_file_location('m', 'scripts/model_uri.py')\n"
        + "m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m)\n"
        + "for uri in sys.argv[1:]: print(m.storage_uri(uri))\n";
    String[] uris = {"mlflow-artifacts:/1/models/m-0a1b2c/artifacts",
        "mlflow-artifacts://mlflow.demo.svc.cluster.local:5000/2/models/m-9/artifacts", "gs://elsewhere/model"};
    var r = python(gcp, "-c", call, uris[0], uris[1], uris[2]);
    assertEquals(0, r.exit(), r.output());
    assertEquals(List.of(GCS_URI, "gs://demo-ml-project-mlflow-artifacts/mlflow/2/models/m-9/artifacts",
        "gs://elsewhere/model"), r.output().lines().toList());
    r = python(none, "-c", call, uris[0]);
    assertEquals(0, r.exit(), r.output());
    assertEquals(List.of(PVC_URI), r.output().lines().toList());
    // what the script prints is a model_uri the generator accepts
    ENGINE.plan(new MxEngine.Request(none, GENERATOR, Map.of("model_uri", PVC_URI)));
    ENGINE.plan(new MxEngine.Request(gcp, GENERATOR, Map.of("model_uri", GCS_URI)));
  }

  @Test
  void theChecksCatchBrokenServing() throws IOException {
    Path out = project(tmp.resolve("demo"), Map.of(), Map.of("model_uri", GCS_URI));
    Path isvc = out.resolve("k8s/model-serving/10-inferenceservice.yaml");
    Files.writeString(isvc, read(isvc).replace("protocolVersion: v2", "protocolVersion: v2\n      protocol: v2"));
    assertFalse(validator.validateKubernetesYaml(isvc).isEmpty(), "an unknown field passed the InferenceService schema");
    Path vs = out.resolve("k8s/model-serving/20-virtualservice.yaml");
    Files.writeString(vs, read(vs).replace("istio-ingress/demo-gateway", "istio-system/demo-gateway"));
    assertTrue(validator.validateKubernetesYaml(vs).isEmpty(), "the schema alone cannot see the gateway name");
    assertTrue(servingProblems(out).stream().anyMatch(p -> p.contains("gateway")),
        servingProblems(out).toString());
    Files.writeString(vs, read(vs).replace("istio-system/demo-gateway", "istio-ingress/demo-gateway")
        .replace("host: demo-predictor", "host: demo"));
    assertTrue(servingProblems(out).stream().anyMatch(p -> p.contains("predictor")));
  }

  // ------------------------------------------------------------------------------------------ checks

  private void checkAll(Path out, Map<String, String> values) {
    List<String> problems = new ArrayList<>(validateFiles(validator, out));
    problems.addAll(servingProblems(out));
    problems.addAll(engineContract(ENGINE, out, GENERATOR, values));
    assertTrue(problems.isEmpty(), GeneratedProjectValidator.report(problems));
  }

  /** The model-serving parameters as recorded in .mx/state.yaml (the values this render used). */
  private static Map<String, String> recorded(Path out) {
    Map<String, String> m = new LinkedHashMap<>();
    dev.mx.engine.state.StateFile.read(out).generator(GENERATOR).orElseThrow().parameters()
        .forEach((k, v) -> m.put(k, String.valueOf(v)));
    return m;
  }

  /** Names that must agree across files and generators: gateway, hosts, services, accounts, model location. */
  static List<String> servingProblems(Path out) {
    List<String> problems = new ArrayList<>();
    Map<String, String> p = recorded(out);
    String ns = p.get("namespace");
    String name = p.get("model_name");
    boolean kserve = "kserve".equals(p.get("engine"));
    Map<String, Object> vs = single(out.resolve("k8s/model-serving/20-virtualservice.yaml"));
    Map<String, Object> gateway = gateway(out);
    String gatewayRef = gateway == null ? null
        : map(gateway, "metadata").get("namespace") + "/" + map(gateway, "metadata").get("name");
    if (gatewayRef == null || !List.of(gatewayRef).equals(map(vs, "spec").get("gateways"))) {
      problems.add("VirtualService gateways " + map(vs, "spec").get("gateways") + " is not the gateway of "
          + INGRESS + " (" + gatewayRef + ")");
    } else {
      List<String> served = new ArrayList<>();
      for (Object server : list(map(gateway, "spec"), "servers")) {
        ((List<?>) ((Map<?, ?>) server).get("hosts")).forEach(h -> served.add(String.valueOf(h)));
      }
      for (Object host : list(map(vs, "spec"), "hosts")) {
        String h = String.valueOf(host);
        boolean ok = served.stream().anyMatch(s -> s.equals(h)
            || s.startsWith("*.") && h.endsWith(s.substring(1)) && !h.substring(0, h.length() - s.length() + 1).contains("."));
        if (!ok) {
          problems.add("VirtualService host " + h + " is not served by the gateway (" + served + ")");
        }
      }
    }
    String service = kserve ? name + "-predictor" : name + "-default";
    int port = kserve ? 80 : 8000;
    for (Map<String, Object> route : routes(vs)) {
      for (Object r : list(route, "route")) {
        Map<String, Object> dest = map(r, "destination");
        if (!(service + "." + ns + ".svc.cluster.local").equals(dest.get("host"))
            || !Integer.valueOf(port).equals(map(dest, "port").get("number"))) {
          problems.add("route goes to " + dest + ", not to the " + (kserve ? "predictor" : "Seldon") + " service "
              + service + ":" + port);
        }
      }
    }
    String account = String.valueOf(map(single(out.resolve("k8s/model-serving/00-serviceaccount.yaml")),
        "metadata").get("name"));
    String uri = p.getOrDefault("model_uri", "");
    Path server = out.resolve(kserve ? "k8s/model-serving/10-inferenceservice.yaml"
        : "k8s/model-serving/10-seldondeployment.yaml");
    if (uri.isEmpty() == Files.exists(server)) {
      problems.add(server.getFileName() + (uri.isEmpty() ? " exists without a model_uri" : " is missing"));
    }
    if (Files.exists(server)) {
      Map<String, Object> doc = single(server);
      if (!name.equals(map(doc, "metadata").get("name")) || !ns.equals(map(doc, "metadata").get("namespace"))) {
        problems.add(server.getFileName() + " is not " + ns + "/" + name);
      }
      String usedAccount;
      String usedUri;
      if (kserve) {
        usedAccount = String.valueOf(map(doc, "spec", "predictor").get("serviceAccountName"));
        usedUri = String.valueOf(map(doc, "spec", "predictor", "model").get("storageUri"));
      } else {
        Map<?, ?> predictor = (Map<?, ?>) list(map(doc, "spec"), "predictors").get(0);
        usedAccount = String.valueOf(map(((List<?>) predictor.get("componentSpecs")).get(0), "spec")
            .get("serviceAccountName"));
        usedUri = String.valueOf(map(predictor, "graph").get("modelUri"));
        Object secret = map(predictor, "graph").get("envSecretRefName");
        if (secret != null && !Files.exists(out.resolve("k8s/model-serving/05-seldon-storage-secret.yaml"))) {
          problems.add("envSecretRefName " + secret + " names a Secret that is not generated");
        }
      }
      if (!account.equals(usedAccount)) {
        problems.add("the model server runs as " + usedAccount + ", not as the ServiceAccount " + account);
      }
      if (!uri.equals(usedUri)) {
        problems.add("the model server loads " + usedUri + ", not model_uri " + uri);
      }
    }
    if (Files.exists(out.resolve("terraform"))) {
      String sa = read(out.resolve("k8s/model-serving/00-serviceaccount.yaml"));
      String tf = read(out.resolve("terraform/model-serving.tf"));
      if (!sa.contains("iam.gke.io/gcp-service-account: model-serving@" + p.get("gcp_project_id")
          + ".iam.gserviceaccount.com") || !tf.contains("account_id   = \"model-serving\"")
          || !tf.contains("svc.id.goog[${var.namespace}/" + account + "]")
          || !tf.contains("google_storage_bucket.mlflow_artifacts.name")) {
        problems.add("Workload Identity: the KSA annotation, the GSA and its binding in terraform/model-serving.tf"
            + " do not agree");
      }
      if (!uri.isEmpty() && !uri.startsWith("gs://" + p.get("gcp_project_id") + "-mlflow-artifacts/")) {
        problems.add("model_uri " + uri + " is outside the artifact bucket the GSA may read");
      }
    }
    return problems;
  }

  /** The Istio Gateway deployment-infrastructure generated, or null. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> gateway(Path out) {
    for (String f : files(out)) {
      if (f.startsWith("k8s/") && f.endsWith(".yaml")) {
        for (Object doc : new Load(LoadSettings.builder().build()).loadAllFromString(read(out.resolve(f)))) {
          if (doc instanceof Map<?, ?> m && "Gateway".equals(m.get("kind"))
              && String.valueOf(m.get("apiVersion")).startsWith("networking.istio.io/")) {
            return (Map<String, Object>) m;
          }
        }
      }
    }
    return null;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> routes(Map<String, Object> vs) {
    return list(map(vs, "spec"), "http").stream().map(r -> (Map<String, Object>) r).toList();
  }

  // ------------------------------------------------------------------------------------------ helpers

  /** The skeleton, deployment-infrastructure for {@link #DOMAIN}, then model-serving with {@code values}. */
  private static Path project(Path dir, Map<String, String> skeletonValues, Map<String, String> values) {
    mkdirs(dir);
    ENGINE.generate(dir, DistributedTrainingGeneratorTest.SKELETON, skeletonValues);
    ENGINE.generate(dir, INGRESS, Map.of("domain", DOMAIN));
    Plan plan = ENGINE.generate(dir, GENERATOR, values);
    assertTrue(plan.nextSteps() != null && plan.nextSteps().contains("docs/model-serving.md"), plan.nextSteps());
    return dir;
  }
}
