package dev.mx.engine.validate;

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
import dev.mx.engine.yaml.ParsedYaml;
import dev.mx.engine.yaml.YamlNode;
import dev.mx.engine.yaml.YamlParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Renders the built-in ml-project-skeleton generator through {@link MxEngine} (plan, then atomic apply, exactly as
 * {@code mx new} does) for cloud=gcp (both GPU driver mechanisms), cloud=none, extreme project names and every GPU
 * shape GCP offers, and validates every generated file offline. Answers are passed as {@code --set}-style strings;
 * the project directory's name is the project name, as the engine derives {@code project_dir_name} from it.
 *
 * <p>Beyond the files themselves, each render checks the engine's own contract: mx's linter finds nothing in
 * devspace.yaml, MLproject and .mx/state.yaml, planning the generator again is a no-op, and the state file's
 * hashes match the bytes on disk.
 */
class SkeletonTemplateRenderTest {

  private static final String GENERATOR = "ml-project-skeleton";

  /** Only the built-in generators (packaged from templates/), whatever MX_GENERATOR_PATH says. */
  private static final MxEngine ENGINE = MxEngine.withGeneratorPath(List.of());

  /** py_compile results by file content: each distinct Python file is compiled once per test run. */
  private static final Map<String, List<String>> PY_COMPILED = new ConcurrentHashMap<>();
  private static final AtomicInteger PY_FILES_CHECKED = new AtomicInteger();
  private static final AtomicInteger RENDERS = new AtomicInteger();

  private final GeneratedProjectValidator validator = new GeneratedProjectValidator();

  @TempDir
  Path tmp;

  /**
   * The engine renders the copy of templates/ packaged into target/classes; a template deleted or renamed since
   * the last {@code mvn clean} would linger there and be rendered and validated in place of the real generator.
   */
  @BeforeAll
  static void packagedGeneratorIsTheSourceGenerator() {
    Path packaged = ENGINE.catalog(null).require(GENERATOR).root();
    String dir = System.getProperty("mx.templates.dir");
    assertTrue(dir != null && !dir.isBlank(),
        "system property mx.templates.dir is not set (mx-engine's surefire sets it)");
    Path source = Path.of(dir).resolve(GENERATOR);
    List<String> files = treeWithState(source);
    List<String> stale = new ArrayList<>(treeWithState(packaged));
    stale.removeAll(files);
    List<String> missing = new ArrayList<>(files);
    missing.removeAll(treeWithState(packaged));
    assertTrue(stale.isEmpty() && missing.isEmpty(), "the packaged " + GENERATOR + " is not templates/" + GENERATOR
        + " (run mvn clean): only packaged " + stale + ", not packaged " + missing);
    for (String f : files) {
      assertTrue(java.util.Arrays.equals(bytes(source.resolve(f)), bytes(packaged.resolve(f))),
          "packaged " + f + " differs from templates/" + GENERATOR + "/" + f + ": rebuild (mvn clean test)");
    }
  }

  @AfterAll
  static void summary() {
    System.out.println("skeleton renders: " + RENDERS.get() + "; Python files checked: " + PY_FILES_CHECKED.get()
        + ", python3 -m py_compile runs: " + PY_COMPILED.size());
  }

  // ------------------------------------------------------------------------------------------ scenarios

  @Test
  void gcpWithDaemonsetDrivers() {
    Path out = render(tmp.resolve("demo"), Map.of());
    List<String> files = tree(out);
    for (String f : List.of("k8s/cuda-drivers/daemonset-preloaded-latest.yaml", "terraform/bootstrap/main.tf",
        "src/demo/train.py", ".gitignore", ".dockerignore", "docs/_templates/.gitkeep")) {
      assertTrue(files.contains(f), f + " missing from:\n" + String.join("\n", files));
    }
    String gke = read(out.resolve("terraform/gke.tf"));
    assertTrue(gke.contains("gpu_driver_version = \"INSTALLATION_DISABLED\""), gke);
    assertFalse(gke.contains("\"LATEST\""), "one driver mechanism only");
    assertTrue(gke.contains("machine_type    = \"g2-standard-8\""), gke);
    String devspace = read(out.resolve("devspace.yaml"));
    assertTrue(devspace.contains("  cuda-drivers:"), devspace);
    assertTrue(read(out.resolve("train_job.yaml")).contains("cloud.google.com/gke-accelerator: nvidia-l4"));
    assertEquals("gke_demo-ml-project_europe-west4-b_demo",
        json(out.resolve("kubernetes_config.json")).get("kube-context"));
    validateAll(out, "demo");
    checkEngineContract(out, Map.of());
    System.out.println("rendered tree (cloud=gcp, gpu_driver=daemonset):\n  " + String.join("\n  ", files));
  }

  @Test
  void gcpWithGkeManagedDrivers() {
    Map<String, String> values = Map.of("gpu_driver", "gke-managed", "gpu_type", "nvidia-h100-80gb",
        "gpu_count", "8", "engineers", "ada@example.com,alan.t@example.org");
    Path out = render(tmp.resolve("trainer-x"), values);
    List<String> files = tree(out);
    assertFalse(files.stream().anyMatch(f -> f.startsWith("k8s/cuda-drivers/")), String.join("\n", files));
    String gke = read(out.resolve("terraform/gke.tf"));
    assertTrue(gke.contains("gpu_driver_version = \"LATEST\""), gke);
    assertFalse(gke.contains("INSTALLATION_DISABLED"), "one driver mechanism only");
    assertTrue(gke.contains("\"a3-highgpu-8g\""), gke);
    assertFalse(read(out.resolve("devspace.yaml")).contains("  cuda-drivers:"), "no DaemonSet with GKE-managed drivers");
    assertTrue(read(out.resolve("terraform/variables.tf")).contains("[\"ada@example.com\", \"alan.t@example.org\"]"));
    validateAll(out, "trainer-x");
    checkEngineContract(out, values);
  }

  @Test
  void noCloud() {
    Map<String, String> values = Map.of("cloud", "none");
    Path out = render(tmp.resolve("demo"), values);
    List<String> files = tree(out);
    assertFalse(files.stream().anyMatch(f -> f.startsWith("terraform/")), String.join("\n", files));
    assertFalse(files.stream().anyMatch(f -> f.startsWith("k8s/cuda-drivers/")), String.join("\n", files));
    String devspace = read(out.resolve("devspace.yaml"));
    assertTrue(devspace.contains("name: gpu-operator") && devspace.contains("helm:"), devspace);
    assertTrue(devspace.contains("image: localhost:5000/demo/mlflow-server"), devspace);
    String job = read(out.resolve("train_job.yaml"));
    assertFalse(job.contains("cloud.google.com"), job);
    assertFalse(json(out.resolve("kubernetes_config.json")).containsKey("kube-context"));
    String mlflow = read(out.resolve("k8s/training-infrastructure/30-mlflow.yaml"));
    assertTrue(mlflow.contains("--artifacts-destination=/mlartifacts"), mlflow);
    assertFalse(mlflow.contains("iam.gke.io") || mlflow.contains("gs://"), mlflow);
    validateAll(out, "demo");
    checkEngineContract(out, values);
    System.out.println("rendered tree (cloud=none):\n  " + String.join("\n  ", files));
  }

  @Test
  void longestAndShortestProjectNamesGiveValidDerivedIds() {
    String longest = "a234567890-234567890-234567890-2345"; // 35 characters, the maximum
    String doubleHyphen = "x-y-z-a-b-c-d-e-f-g-h-i-j-k-l--mn";
    // the engine turns a directory name into a DNS label and collapses "--"; a name with "--" (valid for the
    // project_name pattern) is therefore only reachable with --set project_name
    assertEquals("x-y-z-a-b-c-d-e-f-g-h-i-j-k-l-mn", MxEngine.dnsLabel(doubleHyphen));
    for (String name : List.of("a", "ab", "demo", longest, doubleHyphen)) {
      Path dir = mkdirs(tmp.resolve("names").resolve(name));
      Map<String, String> values = MxEngine.dnsLabel(name).equals(name) ? Map.of() : Map.of("project_name", name);
      Plan plan = ENGINE.plan(new MxEngine.Request(dir, GENERATOR, values));
      assertEquals(name, plan.parameters().get("project_name"));
      String id = (String) plan.parameters().get("gcp_project_id");
      assertTrue(id.matches("^[a-z][-a-z0-9]{4,28}[a-z0-9]$"), name + " -> gcp_project_id " + id);
      String train = "src/" + name.replace('-', '_') + "/train.py";
      assertTrue(plan.changes().stream().anyMatch(c -> c.path().equals(train) && c.kind() == FileChange.Kind.CREATE),
          name + ": no " + train + " planned");
    }
    Path out = render(tmp.resolve(longest), Map.of("cloud", "gcp"));
    validateAll(out, longest);
    checkEngineContract(out, Map.of("cloud", "gcp"));
  }

  @Test
  void everyGpuTypeAndCountThatGcpOffersRenders() {
    Map<String, List<Integer>> offered = new LinkedHashMap<>();
    offered.put("nvidia-l4", List.of(1, 2, 4, 8));
    offered.put("nvidia-tesla-t4", List.of(1, 2, 4));
    offered.put("nvidia-tesla-a100", List.of(1, 2, 4, 8));
    offered.put("nvidia-a100-80gb", List.of(1, 2, 4, 8));
    offered.put("nvidia-h100-80gb", List.of(1, 2, 4, 8));
    Map<String, String> family = Map.of("nvidia-l4", "\"g2-", "nvidia-tesla-t4", "\"n1-",
        "nvidia-tesla-a100", "\"a2-highgpu-", "nvidia-a100-80gb", "\"a2-ultragpu-", "nvidia-h100-80gb", "\"a3-highgpu-");
    for (Map.Entry<String, List<Integer>> e : offered.entrySet()) {
      for (int count : e.getValue()) {
        Map<String, String> values = Map.of("gpu_type", e.getKey(), "gpu_count", Integer.toString(count));
        // every project directory is named demo: only the GPU answers differ between renders
        Path out = render(tmp.resolve(e.getKey() + "-" + count).resolve("demo"), values);
        String gke = read(out.resolve("terraform/gke.tf"));
        assertTrue(gke.contains("machine_type    = " + family.get(e.getKey())), e + " " + count + ":\n" + gke);
        String job = read(out.resolve("train_job.yaml"));
        assertTrue(job.contains("cloud.google.com/gke-accelerator: " + e.getKey()), job);
        assertTrue(job.contains("nvidia.com/gpu: " + count + "\n"), job);
        validateAll(out, "demo");
        checkEngineContract(out, values);
      }
    }
  }

  @Test
  void invalidAnswersAreRejected() {
    // not a DNS label / too long for MLflow's Job names
    assertRejected(tmp.resolve("demo"), Map.of("project_name", "My_Project"), "--set project_name:");
    assertRejected(tmp.resolve("demo"), Map.of("project_name", "a234567890-234567890-234567890-23456"),
        "--set project_name:");
    // the default derived from a 36-character directory name is checked like an answer
    assertRejected(tmp.resolve("a234567890-234567890-234567890-23456"), Map.of(), "the default of project_name:");
    assertRejected(tmp.resolve("demo"), Map.of("engineers", "ada@example.com,not-an-email"), "--set engineers:");
    assertRejected(tmp.resolve("demo"), Map.of("gpu_count", "9"), "--set gpu_count:");
    assertRejected(tmp.resolve("demo"), Map.of("gpu_count", "two"), "--set gpu_count:");
    assertRejected(tmp.resolve("demo"), Map.of("cloud", "aws"), "--set cloud:");
    assertRejected(tmp.resolve("demo"), Map.of("gpu_cout", "2"), "'gpu_cout'");
    // 3 GPUs exist on no GCP machine shape: rendering for gcp stops with a message, and nothing is written
    MxException e = assertRejected(tmp.resolve("demo"), Map.of("gpu_count", "3"), "gpu_count 3 is not offered");
    assertTrue(e.getMessage().contains("use one of 1, 2, 4, 8"), e.getMessage());
    assertTrue(e.file() != null && e.file().endsWith("terraform/gke.tf.ftl"), e.describe());
    MxException t4 = assertRejected(tmp.resolve("demo"), Map.of("gpu_type", "nvidia-tesla-t4", "gpu_count", "8"),
        "gpu_count 8 is not offered for nvidia-tesla-t4");
    assertTrue(t4.getMessage().contains("use one of 1, 2, 4"), t4.getMessage());
    // ... but only for gcp: with cloud=none there is no machine shape to match
    Plan none = ENGINE.plan(new MxEngine.Request(mkdirs(tmp.resolve("none").resolve("demo")), GENERATOR,
        Map.of("cloud", "none", "gpu_count", "3")));
    assertEquals(3L, none.parameters().get("gpu_count"));
  }

  @Test
  void engineContractCheckNoticesEditsAfterRendering() throws IOException {
    Map<String, String> values = Map.of("cloud", "none");
    Path out = render(tmp.resolve("demo"), values);
    Files.writeString(out.resolve("src/demo/train.py"), "\n# edited by hand\n",
        java.nio.file.StandardOpenOption.APPEND);
    Path devspace = out.resolve("devspace.yaml");
    String text = read(devspace);
    assertTrue(text.contains("    namespace: demo\n"), text);
    Files.writeString(devspace, text.replace("    namespace: demo\n", "    namespace: other\n"));
    AssertionError e = assertThrows(AssertionError.class, () -> checkEngineContract(out, values));
    for (String expected : List.of("CONFLICT src/demo/train.py", "the hash of src/demo/train.py does not match",
        "CONFLICT devspace.yaml", "devspace.yaml key deployments.training-infrastructure does not match")) {
      assertTrue(e.getMessage().contains(expected), "expected '" + expected + "' in:\n" + e.getMessage());
    }
  }

  /** Generating with {@code values} fails with an input error containing {@code expected}; nothing is written. */
  private static MxException assertRejected(Path dir, Map<String, String> values, String expected) {
    mkdirs(dir);
    MxException e = assertThrows(MxException.class, () -> ENGINE.generate(dir, GENERATOR, values),
        "accepted " + values);
    assertEquals(MxException.Kind.INPUT, e.kind(), e.describe());
    assertTrue(e.getMessage().contains(expected), "expected '" + expected + "' in: " + e.describe());
    assertEquals(List.of(), treeWithState(dir), "a rejected generate wrote files");
    return e;
  }

  // ------------------------------------------------------------------------------------------ engine contract

  /**
   * What mx itself promises about its output: its linter accepts the files it knows, re-running the generator
   * changes nothing, and the state file's hashes describe the files on disk (so later runs can tell user edits
   * from mx's own).
   */
  private static void checkEngineContract(Path out, Map<String, String> values) {
    List<String> problems = new ArrayList<>();
    for (String f : List.of("devspace.yaml", "MLproject", StateFile.RELATIVE_PATH)) {
      for (Diagnostic d : Linter.lintFile(out.resolve(f), f)) {
        problems.add("mx lint: " + d.format());
      }
    }
    // as `mx generate` again with the same --set values, and with none (values come from .mx/state.yaml)
    for (Map<String, String> again : values.isEmpty() ? List.of(values) : List.of(values, Map.<String, String>of())) {
      Plan replan = ENGINE.plan(new MxEngine.Request(out, GENERATOR, again));
      if (!replan.isNoop()) {
        for (FileChange c : replan.changes()) {
          if (c.writes()) {
            problems.add("re-plan with " + again + " is not a no-op: " + c.kind() + " " + c.path()
                + (c.reason() == null ? "" : " (" + c.reason() + ")") + "\n" + c.diff());
          }
        }
      }
    }
    ProjectState state = StateFile.read(out);
    AppliedGenerator applied = state.generator(GENERATOR).orElse(null);
    if (applied == null) {
      problems.add(".mx/state.yaml: " + GENERATOR + " is not recorded");
      fail(problems);
      return;
    }
    // devspace.yaml and MLproject are shared manifests: their keys are recorded, not the whole file
    List<String> rendered = tree(out).stream().filter(f -> !applied.manifests().containsKey(f)).toList();
    if (!new TreeSet<>(applied.files().keySet()).equals(new TreeSet<>(rendered))) {
      problems.add(".mx/state.yaml: recorded files " + new TreeSet<>(applied.files().keySet())
          + " are not the rendered files " + rendered);
    }
    for (Map.Entry<String, String> e : applied.files().entrySet()) {
      Path file = out.resolve(e.getKey());
      if (!e.getValue().startsWith("sha256:")) {
        problems.add(".mx/state.yaml: " + e.getKey() + " has no sha256: hash: " + e.getValue());
      } else if (!Files.isRegularFile(file) || !e.getValue().equals(Hashes.of(bytes(file)))) {
        problems.add(".mx/state.yaml: the hash of " + e.getKey() + " does not match the file on disk");
      }
    }
    Map<String, String> keys = applied.manifests().getOrDefault("devspace.yaml", Map.of());
    if (keys.isEmpty()) {
      problems.add(".mx/state.yaml: no devspace.yaml keys recorded");
    }
    ParsedYaml devspace = YamlParser.parse(read(out.resolve("devspace.yaml")));
    for (Map.Entry<String, String> k : keys.entrySet()) {
      YamlNode node = devspace.find(List.of(k.getKey().split("\\.")));
      if (node == null) {
        problems.add(".mx/state.yaml: recorded devspace.yaml key " + k.getKey() + " is not in devspace.yaml");
      } else if (!k.getValue().equals(Hashes.ofValue(node.toJava()))) {
        problems.add(".mx/state.yaml: the hash of devspace.yaml key " + k.getKey() + " does not match its value");
      }
    }
    fail(problems);
  }

  private static void fail(List<String> problems) {
    assertTrue(problems.isEmpty(), GeneratedProjectValidator.report(problems));
  }

  // ------------------------------------------------------------------------------------------ validation

  private void validateAll(Path out, String projectName) {
    List<String> problems = new ArrayList<>();
    List<String> files = tree(out);
    for (String f : files) {
      Path p = out.resolve(f);
      if ((f.startsWith("k8s/") && f.endsWith(".yaml")) || f.equals("train_job.yaml")) {
        problems.addAll(validator.validateKubernetesYaml(p));
      } else if (f.endsWith(".py")) {
        problems.addAll(pyCompileOnce(p, f));
      }
      String text = read(p);
      if (text.contains("[=") || text.contains("[#") || text.contains("[/#")) {
        problems.add(f + ": FreeMarker syntax left in the output");
      }
      if (text.contains("gcr.io/") && !f.startsWith("k8s/cuda-drivers/")) {
        problems.add(f + ": gcr.io no longer accepts pushes; use Artifact Registry");
      }
    }
    if (Files.isDirectory(out.resolve("terraform"))) {
      problems.addAll(validator.validateTerraformModule(out.resolve("terraform")));
      problems.addAll(validator.validateTerraformModule(out.resolve("terraform/bootstrap")));
      String backend = read(out.resolve("terraform/versions.tf"));
      String bootstrap = read(out.resolve("terraform/bootstrap/main.tf"));
      String bucket = firstGroup(backend, "bucket\\s*=\\s*\"([^\"]+)\"");
      if (bucket == null || !bootstrap.contains("name                        = \"" + bucket + "\"")) {
        problems.add("terraform: backend bucket " + bucket + " is not the bucket terraform/bootstrap creates");
      }
    }
    problems.addAll(crossFileChecks(out));
    problems.addAll(validator.validateKubernetesBackendConfig(out.resolve("kubernetes_config.json")));
    problems.addAll(validator.validateDevspaceSchema(out.resolve("devspace.yaml")));
    problems.addAll(validator.validateDevspaceRules(out.resolve("devspace.yaml")));
    problems.addAll(checkMlproject(out, projectName));
    fail(problems);
  }

  /** {@code python3 -m py_compile}, a subprocess, once per distinct file content; the rest is a lookup. */
  private List<String> pyCompileOnce(Path file, String display) {
    PY_FILES_CHECKED.incrementAndGet();
    List<String> problems = PY_COMPILED.computeIfAbsent(Hashes.of(bytes(file)), h -> validator.validatePython(file));
    return problems.stream().map(p -> display + ": " + p).toList();
  }

  /** Names that must agree across files: service accounts, Workload Identity members, hosts, secret. */
  private static List<String> crossFileChecks(Path out) {
    List<String> problems = new ArrayList<>();
    String accounts = read(out.resolve("k8s/training-infrastructure/10-serviceaccounts.yaml"));
    String mlflow = read(out.resolve("k8s/training-infrastructure/30-mlflow.yaml"));
    String job = read(out.resolve("train_job.yaml"));
    String devspace = read(out.resolve("devspace.yaml"));
    String namespace = firstGroup(read(out.resolve("k8s/training-infrastructure/00-namespace.yaml")),
        "(?m)^  name: (\\S+)");
    for (String ksa : List.of("mlflow-server", "ml-training")) {
      if (!accounts.contains("name: " + ksa + "\n")) {
        problems.add("10-serviceaccounts.yaml: ServiceAccount " + ksa + " missing");
      }
      if (Files.exists(out.resolve("terraform/iam.tf"))) {
        String iam = read(out.resolve("terraform/iam.tf"));
        if (!iam.contains("svc.id.goog[${var.namespace}/" + ksa + "]")) {
          problems.add("terraform/iam.tf: no Workload Identity binding for KSA " + ksa);
        }
        if (!accounts.contains("iam.gke.io/gcp-service-account: " + ksa + "@")) {
          problems.add("10-serviceaccounts.yaml: KSA " + ksa + " lacks the Workload Identity annotation");
        }
      }
    }
    if (!mlflow.contains("serviceAccountName: mlflow-server") || !job.contains("serviceAccountName: ml-training")) {
      problems.add("MLflow Deployment / Job template do not use the service accounts defined for them");
    }
    String inCluster = "mlflow." + namespace + ".svc.cluster.local:5000";
    String allowed = firstGroup(mlflow, "--allowed-hosts=(\\S+)");
    if (allowed == null || !List.of(allowed.split(",")).containsAll(List.of(inCluster, "localhost:5000", "mlflow"))) {
      problems.add("30-mlflow.yaml: --allowed-hosts " + allowed + " misses a host clients use (" + inCluster + ")");
    }
    if (!job.contains("http://" + inCluster)) {
      problems.add("train_job.yaml: does not document KUBE_MLFLOW_TRACKING_URI http://" + inCluster);
    }
    if (!devspace.contains("create secret generic mlflow-postgres") || !mlflow.contains("name: mlflow-postgres")) {
      problems.add("the Secret the devspace hook creates is not the one MLflow reads");
    }
    if (Pattern.compile("(?i)password\\s*[:=]\\s*\"?[A-Za-z0-9]{6,}").matcher(mlflow + devspace
        + read(out.resolve("k8s/training-infrastructure/20-postgres.yaml"))).find()) {
      problems.add("a literal password is in the generated files");
    }
    return problems;
  }

  /** MLproject rules from reference/mlproject.md that bite on the kubernetes backend. */
  @SuppressWarnings("unchecked")
  private static List<String> checkMlproject(Path out, String projectName) {
    List<String> problems = new ArrayList<>();
    Map<String, Object> mlproject = (Map<String, Object>) new Load(LoadSettings.builder().build())
        .loadFromString(read(out.resolve("MLproject")));
    Map<String, Object> conf = (Map<String, Object>) new Load(LoadSettings.builder().build())
        .loadFromString(read(out.resolve("conf/config.yaml")));
    Object name = mlproject.get("name");
    if (!projectName.equals(name) || !String.valueOf(name).matches("^[a-z]([-a-z0-9]{0,33}[a-z0-9])?$")) {
      problems.add("MLproject: name " + name + " must be the project name, a DNS label of <= 35 characters");
    }
    Map<String, Object> docker = (Map<String, Object>) mlproject.get("docker_env");
    String image = docker == null ? "" : String.valueOf(docker.get("image"));
    if (image.isEmpty() || image.startsWith("gcr.io")) {
      problems.add("MLproject: docker_env.image missing or on gcr.io: " + image);
    }
    Map<String, Object> entryPoints = (Map<String, Object>) mlproject.get("entry_points");
    if (entryPoints == null || !entryPoints.containsKey("trainer")) {
      problems.add("MLproject: entry point trainer missing");
      return problems;
    }
    for (Map.Entry<String, Object> ep : entryPoints.entrySet()) {
      Map<String, Object> spec = (Map<String, Object>) ep.getValue();
      String command = String.valueOf(spec.get("command"));
      if (Pattern.compile("[$;|&`<>]").matcher(command).find()) {
        problems.add("MLproject: entry point " + ep.getKey() + " uses shell syntax (the k8s backend has no shell)");
      }
      Map<String, Object> params = (Map<String, Object>) spec.getOrDefault("parameters", Map.of());
      for (String param : params.keySet()) {
        String key = firstGroup(command, "(?:^|\\s)([A-Za-z_.]+)=\\{" + Pattern.quote(param) + "\\}");
        if (key == null) {
          problems.add("MLproject: parameter " + param + " of " + ep.getKey() + " is not mapped to a Hydra key={"
              + param + "} token");
        } else if (!hasPath(conf, key)) {
          problems.add("MLproject: " + ep.getKey() + " maps " + param + " to " + key + ", absent in conf/config.yaml");
        }
      }
      if (command.contains("--")) {
        problems.add("MLproject: " + ep.getKey() + " passes --options, which Hydra rejects");
      }
    }
    return problems;
  }

  @SuppressWarnings("unchecked")
  private static boolean hasPath(Map<String, Object> map, String dotted) {
    Object node = map;
    for (String part : dotted.split("\\.")) {
      if (!(node instanceof Map<?, ?> m) || !m.containsKey(part)) {
        return false;
      }
      node = ((Map<String, Object>) m).get(part);
    }
    return true;
  }

  // ------------------------------------------------------------------------------------------ helpers

  /** Plans and applies the generator into {@code projectDir} as {@code mx new} would; returns the directory. */
  private static Path render(Path projectDir, Map<String, String> values) {
    mkdirs(projectDir);
    Plan plan = ENGINE.plan(new MxEngine.Request(projectDir, GENERATOR, values));
    assertFalse(plan.hasConflicts(), "conflicts in a fresh directory: " + plan.conflicts());
    List<String> notices = new ArrayList<>();
    ENGINE.apply(plan, false, notices::add);
    assertEquals(List.of(), notices, "notices while applying to a fresh directory");
    RENDERS.incrementAndGet();
    return projectDir;
  }

  private static String firstGroup(String text, String regex) {
    var m = Pattern.compile(regex).matcher(text);
    return m.find() ? m.group(1) : null;
  }

  private static Path mkdirs(Path dir) {
    try {
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The generated files, relative, sorted; mx's own .mx/ folder excluded. */
  private static List<String> tree(Path root) {
    return treeWithState(root).stream().filter(f -> !f.startsWith(".mx/")).collect(Collectors.toList());
  }

  private static List<String> treeWithState(Path root) {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/')).sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] bytes(Path p) {
    try {
      return Files.readAllBytes(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> json(Path p) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readValue(p.toFile(), Map.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
