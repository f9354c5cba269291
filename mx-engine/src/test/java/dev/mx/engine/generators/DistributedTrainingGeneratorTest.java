package dev.mx.engine.generators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mx.engine.MxEngine;
import dev.mx.engine.MxException;
import dev.mx.engine.diag.Diagnostic;
import dev.mx.engine.generator.GeneratorDescriptor;
import dev.mx.engine.lint.Linter;
import dev.mx.engine.plan.FileChange;
import dev.mx.engine.plan.Plan;
import dev.mx.engine.state.AppliedGenerator;
import dev.mx.engine.state.Hashes;
import dev.mx.engine.state.ProjectState;
import dev.mx.engine.state.StateFile;
import dev.mx.engine.validate.GeneratedProjectValidator;
import dev.mx.engine.yaml.ParsedYaml;
import dev.mx.engine.yaml.YamlNode;
import dev.mx.engine.yaml.YamlParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Renders the built-in distributed-training-infrastructure generator on top of ml-project-skeleton through the
 * real engine (plan, then atomic apply, as {@code mx generate} does), for both flavors and both clouds, and checks
 * what it writes: every Kubernetes document against the strict built-in and CRD schemas (TrainJob, PyTorchJob),
 * devspace.yaml against DevSpace's schema and loader rules, Python with py_compile, and mx's own contract (lint
 * finds nothing, re-applying is a no-op, the state file's hashes match the disk).
 */
class DistributedTrainingGeneratorTest {

  static final String SKELETON = "ml-project-skeleton";
  static final String GENERATOR = "distributed-training-infrastructure";

  /** Only the built-in generators (packaged from templates/), whatever MX_GENERATOR_PATH says. */
  private static final MxEngine ENGINE = MxEngine.withGeneratorPath(List.of());
  private static final Map<String, List<String>> PY_COMPILED = new ConcurrentHashMap<>();

  private final GeneratedProjectValidator validator = new GeneratedProjectValidator();

  @TempDir
  Path tmp;

  /** A template deleted or renamed since the last {@code mvn clean} would linger in target/classes. */
  @BeforeAll
  static void packagedGeneratorIsTheSourceGenerator() {
    assertPackagedIsSource(ENGINE, GENERATOR);
  }

  // ------------------------------------------------------------------------------------------ scenarios

  @Test
  void trainerV2OnGcp() {
    Path out = project(tmp.resolve("demo"), Map.of("gpu_count", "2", "gpu_type", "nvidia-a100-80gb"), Map.of());
    Map<String, Object> job = single(out.resolve("distributed_train_job.yaml"));
    assertEquals("TrainJob", job.get("kind"));
    assertEquals("trainer.kubeflow.org/v1alpha1", job.get("apiVersion"));
    Map<String, Object> trainer = map(job, "spec", "trainer");
    assertEquals(2, trainer.get("numNodes"), "num_nodes default");
    assertEquals(2, trainer.get("numProcPerNode"), "one process per GPU of the skeleton's gpu_count");
    assertEquals(2, map(trainer, "resourcesPerNode", "limits").get("nvidia.com/gpu"));
    assertEquals("europe-west4-docker.pkg.dev/demo-ml-project/demo/demo:latest", trainer.get("image"));
    assertEquals(List.of("torchrun", "src/demo/train_distributed.py"), trainer.get("command"));
    Map<String, Object> pod = nodePodPatch(job);
    assertEquals(Map.of("cloud.google.com/gke-accelerator", "nvidia-a100-80gb"), map(pod, "spec").get("nodeSelector"));
    assertEquals(Map.of("name", "GOOGLE_CLOUD_PROJECT", "value", "demo-ml-project"),
        list(trainer, "env").stream().filter(e -> "GOOGLE_CLOUD_PROJECT".equals(((Map<?, ?>) e).get("name")))
            .findFirst().orElseThrow());

    Map<String, Object> deployments = map(yaml(out.resolve("devspace.yaml")), "deployments");
    assertFalse(deployments.containsKey("training-operator"), deployments.keySet().toString());
    Map<String, Object> helm = map(deployments, "kubeflow-trainer", "helm");
    assertEquals("oci://ghcr.io/kubeflow/charts/kubeflow-trainer", map(helm, "chart").get("name"));
    assertTrue(String.valueOf(map(helm, "chart").get("version")).matches("\\d+\\.\\d+\\.\\d+"), helm.toString());
    assertEquals(Boolean.TRUE, map(helm, "values", "runtimes").get("defaultEnabled"));
    assertEquals("kubeflow-system", map(deployments, "kubeflow-trainer").get("namespace"));
    assertFalse(Files.exists(out.resolve("k8s/training-operator")), "no v1 manifests with trainer-v2");
    checkAll(out, Map.of());
  }

  @Test
  void trainerV2WithoutCloud() {
    Map<String, String> values = Map.of("num_nodes", "4");
    Path out = project(tmp.resolve("lab"), Map.of("cloud", "none"), values);
    Map<String, Object> job = single(out.resolve("distributed_train_job.yaml"));
    assertEquals(4, map(job, "spec", "trainer").get("numNodes"));
    assertEquals(1, map(job, "spec", "trainer").get("numProcPerNode"));
    Map<String, Object> podSpec = map(nodePodPatch(job), "spec");
    assertFalse(podSpec.containsKey("nodeSelector"), podSpec.toString());
    assertEquals("nvidia.com/gpu", ((Map<?, ?>) list(podSpec, "tolerations").get(0)).get("key"));
    String text = read(out.resolve("distributed_train_job.yaml"));
    assertFalse(text.contains("GOOGLE_CLOUD_PROJECT") || text.contains("gs://"), text);
    assertEquals("localhost:5000/lab/lab:latest", map(job, "spec", "trainer").get("image"));
    checkAll(out, values);
  }

  @Test
  void legacyTrainingOperatorOnGcp() {
    Map<String, String> values = Map.of("flavor", "training-operator-v1", "num_nodes", "3");
    Path out = project(tmp.resolve("demo"), Map.of("gpu_count", "4"), values);
    Map<String, Object> job = single(out.resolve("distributed_train_job.yaml"));
    assertEquals("PyTorchJob", job.get("kind"));
    assertEquals("kubeflow.org/v1", job.get("apiVersion"));
    assertEquals("4", map(job, "spec").get("nprocPerNode"));
    Map<String, Object> replicas = map(job, "spec", "pytorchReplicaSpecs");
    assertEquals(1, map(replicas, "Master").get("replicas"));
    assertEquals(2, map(replicas, "Worker").get("replicas"), "num_nodes - 1 workers");
    Map<String, Object> deployments = map(yaml(out.resolve("devspace.yaml")), "deployments");
    assertFalse(deployments.containsKey("kubeflow-trainer"), deployments.keySet().toString());
    Map<String, Object> kubectl = map(deployments, "training-operator", "kubectl");
    assertEquals(Boolean.TRUE, kubectl.get("kustomize"));
    // DevSpace always passes --force to kubectl apply, which kubectl refuses with --server-side
    List<Object> args = list(kubectl, "applyArgs");
    assertTrue(args.contains("--server-side") && args.indexOf("--force=false") > args.indexOf("--server-side"), args.toString());
    String kustomization = read(out.resolve("k8s/training-operator/kustomization.yaml"));
    assertTrue(kustomization.contains("github.com/kubeflow/trainer.git/manifests/overlays/standalone?ref=v1.9.3"),
        kustomization);
    assertTrue(read(out.resolve("docs/distributed-training.md")).contains("**legacy**"));
    checkAll(out, values);
  }

  @Test
  void legacyTrainingOperatorWithoutCloudOnOneNode() {
    Map<String, String> values = Map.of("flavor", "training-operator-v1", "num_nodes", "1");
    Path out = project(tmp.resolve("lab"), Map.of("cloud", "none"), values);
    Map<String, Object> replicas = map(single(out.resolve("distributed_train_job.yaml")), "spec", "pytorchReplicaSpecs");
    assertEquals(List.of("Master"), new ArrayList<>(replicas.keySet()), "one node: no Worker replica spec");
    checkAll(out, values);
  }

  @Test
  void switchingFlavorReplacesTheDeploymentAndTheTemplate() {
    Path out = project(tmp.resolve("demo"), Map.of(), Map.of());
    ENGINE.generate(out, GENERATOR, Map.of("flavor", "training-operator-v1"));
    Map<String, Object> deployments = map(yaml(out.resolve("devspace.yaml")), "deployments");
    assertTrue(deployments.containsKey("training-operator") && !deployments.containsKey("kubeflow-trainer"),
        deployments.keySet().toString());
    assertEquals("PyTorchJob", single(out.resolve("distributed_train_job.yaml")).get("kind"));
    checkAll(out, Map.of("flavor", "training-operator-v1"));

    ENGINE.generate(out, GENERATOR, Map.of("flavor", "trainer-v2"));
    deployments = map(yaml(out.resolve("devspace.yaml")), "deployments");
    assertTrue(deployments.containsKey("kubeflow-trainer") && !deployments.containsKey("training-operator"),
        deployments.keySet().toString());
    assertFalse(Files.exists(out.resolve("k8s/training-operator/kustomization.yaml")), "v1 manifests left behind");
    assertEquals("TrainJob", single(out.resolve("distributed_train_job.yaml")).get("kind"));
    checkAll(out, Map.of());
  }

  @Test
  void requiresTheSkeleton() {
    Path dir = mkdirs(tmp.resolve("empty"));
    MxException e = assertThrows(MxException.class, () -> ENGINE.generate(dir, GENERATOR, Map.of()));
    assertEquals(MxException.Kind.INPUT, e.kind(), e.describe());
    assertTrue(e.getMessage().contains("requires ml-project-skeleton")
        && e.getMessage().contains("mx generate ml-project-skeleton"), e.getMessage());
    assertEquals(List.of(), files(dir), "a refused generate wrote files");
  }

  @Test
  void helpSaysWhichFlavorIsLegacyAndWhyMlflowCannotSubmit() {
    GeneratorDescriptor g = ENGINE.catalog(null).require(GENERATOR);
    assertEquals(List.of(SKELETON), g.requires());
    assertTrue(g.help().contains("LEGACY") && g.help().contains("batch/v1"), g.help());
    String flavorHelp = g.parameter("flavor").orElseThrow().help();
    assertTrue(flavorHelp.contains("LEGACY"), flavorHelp);
    assertEquals("trainer-v2", g.parameter("flavor").orElseThrow().defaultExpression());
  }

  @Test
  void submitScriptDryRunPrintsAValidJobForBothFlavors() {
    Assumptions.assumeTrue(python("-c", "import yaml").exit == 0, "python3 with PyYAML is needed to run the script");
    for (String flavor : List.of("trainer-v2", "training-operator-v1")) {
      Path out = project(tmp.resolve(flavor).resolve("demo"), Map.of(), Map.of("flavor", flavor));
      Result r = python(out, "scripts/submit_distributed.py", "--dry-run", "trainer.epochs=3", "trainer.lr=0.001");
      assertEquals(0, r.exit, r.output);
      Path printed = write(tmp.resolve(flavor + "-printed.yaml"), r.output);
      List<String> problems = new ArrayList<>(validator.validateKubernetesYaml(printed));
      Map<String, Object> job = single(printed);
      problems.addAll(jobProblems(out, job));
      assertEquals(List.of(), problems, r.output);
      Map<String, Object> meta = map(job, "metadata");
      assertEquals("demo-ddp-dryrun", meta.get("name"));
      assertFalse(meta.containsKey("generateName"), meta.toString());
      for (Map<String, Object> c : trainerContainers(job)) {
        assertEquals(List.of("trainer.epochs=3", "trainer.lr=0.001"), c.get("args"));
        assertTrue(list(c, "env").contains(Map.of("name", "MLFLOW_RUN_ID", "value", "<run id>")), c.toString());
      }
    }
  }

  /**
   * The submit path without a cluster or a tracking server: stand-ins for the mlflow package and for kubectl
   * record what the script does. It must create one run, name the job after it, pass the run to the pods, and
   * mark the run FAILED when kubectl refuses the job.
   */
  @Test
  void submitScriptStartsARunAndCreatesTheJobWithIt() throws IOException {
    Assumptions.assumeTrue(python("-c", "import yaml").exit == 0, "python3 with PyYAML is needed to run the script");
    Path out = project(tmp.resolve("demo"), Map.of(), Map.of());
    Path fakes = mkdirs(tmp.resolve("fakes"));
    mkdirs(fakes.resolve("mlflow/tracking"));
    write(fakes.resolve("mlflow/__init__.py"), "def get_tracking_uri():\n    return 'http://localhost:5000'\n");
    write(fakes.resolve("mlflow/tracking/__init__.py"), String.join("\n",
        "import json, os",
        "def _log(*call):",
        "    with open(os.environ['FAKE_LOG'], 'a') as f:",
        "        f.write(json.dumps(call) + '\\n')",
        "class _Info:",
        "    run_id = '0123456789abcdef0123456789abcdef'",
        "class _Run:",
        "    info = _Info()",
        "class MlflowClient:",
        "    def get_experiment_by_name(self, name):",
        "        _log('get_experiment_by_name', name)",
        "        return None",
        "    def create_experiment(self, name):",
        "        _log('create_experiment', name)",
        "        return '7'",
        "    def create_run(self, experiment_id):",
        "        _log('create_run', experiment_id)",
        "        return _Run()",
        "    def set_tag(self, run_id, key, value):",
        "        _log('set_tag', run_id, key, value)",
        "    def set_terminated(self, run_id, status=None):",
        "        _log('set_terminated', run_id, status)",
        ""));
    Path kubectl = write(fakes.resolve("kubectl"), String.join("\n",
        "#!/usr/bin/env python3",
        "import os, sys",
        "open(os.environ['FAKE_MANIFEST'], 'w').write(sys.stdin.read())",
        "if os.environ.get('FAKE_KUBECTL_FAIL'):",
        "    sys.stderr.write('error: admission webhook denied the request\\n')",
        "    sys.exit(1)",
        "print('trainjob.trainer.kubeflow.org/created')",
        ""));
    assertTrue(kubectl.toFile().setExecutable(true));
    Map<String, String> env = new LinkedHashMap<>(Map.of(
        "PYTHONPATH", fakes.toString(),
        "PATH", fakes + java.io.File.pathSeparator + System.getenv("PATH"),
        "FAKE_LOG", tmp.resolve("mlflow.log").toString(),
        "FAKE_MANIFEST", tmp.resolve("manifest.json").toString(),
        "KUBE_MLFLOW_TRACKING_URI", "http://mlflow.demo.svc.cluster.local:5000"));

    Result ok = python(out, env, "scripts/submit_distributed.py", "--context", "kind-demo", "trainer.epochs=2");
    assertEquals(0, ok.exit, ok.output);
    Map<String, Object> job = single(tmp.resolve("manifest.json"));
    assertEquals("demo-ddp-01234567", map(job, "metadata").get("name"));
    assertEquals("0123456789abcdef0123456789abcdef", map(job, "metadata", "labels").get("mlflow.org/run-id"));
    Map<String, Object> trainer = map(job, "spec", "trainer");
    assertEquals(List.of("trainer.epochs=2"), trainer.get("args"));
    for (Map.Entry<String, String> e : Map.of("MLFLOW_RUN_ID", "0123456789abcdef0123456789abcdef",
        "MLFLOW_EXPERIMENT_ID", "7", "MLFLOW_TRACKING_URI", "http://mlflow.demo.svc.cluster.local:5000").entrySet()) {
      assertTrue(list(trainer, "env").contains(Map.of("name", e.getKey(), "value", e.getValue())), trainer.toString());
    }
    Path created = write(tmp.resolve("created.yaml"), read(tmp.resolve("manifest.json")));
    assertEquals(List.of(), validator.validateKubernetesYaml(created));
    String log = read(tmp.resolve("mlflow.log"));
    assertTrue(log.contains("[\"create_experiment\", \"demo\"]") && log.contains("[\"create_run\", \"7\"]"), log);
    assertFalse(log.contains("set_terminated"), "a created job's run must stay open for rank 0: " + log);
    assertTrue(ok.output.contains("kubectl -n demo logs -f -l jobset.sigs.k8s.io/jobset-name=demo-ddp-01234567"),
        ok.output);

    env.put("FAKE_KUBECTL_FAIL", "1");
    Result refused = python(out, env, "scripts/submit_distributed.py");
    assertEquals(1, refused.exit, refused.output);
    assertTrue(refused.output.contains("marked FAILED"), refused.output);
    assertTrue(read(tmp.resolve("mlflow.log")).contains("[\"set_terminated\", \"0123456789abcdef0123456789abcdef\", \"FAILED\"]"));
  }

  @Test
  void theChecksCatchBrokenJobs() throws IOException {
    Path out = project(tmp.resolve("demo"), Map.of(), Map.of());
    Path file = out.resolve("distributed_train_job.yaml");
    String good = read(file);
    // a misspelled field: the strict CRD schema rejects it
    Files.writeString(file, good.replace("    numNodes: 2", "    numNode: 2"));
    assertFalse(validator.validateKubernetesYaml(file).isEmpty(), "numNode accepted by the TrainJob schema");
    // a script that does not exist in the project
    Files.writeString(file, good.replace("src/demo/train_distributed.py", "src/demo/missing.py"));
    assertFalse(jobProblems(out, single(file)).isEmpty(), "a missing trainer script went unnoticed");

    Path v1 = project(tmp.resolve("v1").resolve("demo"), Map.of(), Map.of("flavor", "training-operator-v1"));
    Path v1file = v1.resolve("distributed_train_job.yaml");
    // the operator only injects its environment into the container named pytorch
    Files.writeString(v1file, read(v1file).replace("- name: pytorch", "- name: trainer"));
    assertTrue(validator.validateKubernetesYaml(v1file).isEmpty(), "the schema alone cannot see the name");
    assertTrue(jobProblems(v1, single(v1file)).stream().anyMatch(p -> p.contains("pytorch")),
        jobProblems(v1, single(v1file)).toString());
    // and mx notices the edit as a conflict instead of overwriting it
    Plan replan = ENGINE.plan(new MxEngine.Request(v1, GENERATOR, Map.of()));
    assertTrue(replan.hasConflicts(), "an edited template was not reported as a conflict");
  }

  // ------------------------------------------------------------------------------------------ checks

  /** Everything a render must satisfy; fails with all problems at once. */
  private void checkAll(Path out, Map<String, String> values) {
    List<String> problems = new ArrayList<>(validateFiles(validator, out));
    problems.addAll(jobProblems(out, single(out.resolve("distributed_train_job.yaml"))));
    problems.addAll(engineContract(ENGINE, out, GENERATOR, values));
    assertTrue(problems.isEmpty(), GeneratedProjectValidator.report(problems));
  }

  /** What the operators need that no schema says: names, counts, files and accounts that must agree. */
  static List<String> jobProblems(Path out, Map<String, Object> job) {
    List<String> problems = new ArrayList<>();
    String accounts = read(out.resolve("k8s/training-infrastructure/10-serviceaccounts.yaml"));
    String mlflow = read(out.resolve("k8s/training-infrastructure/30-mlflow.yaml"));
    String namespace = String.valueOf(map(job, "metadata").get("namespace"));
    List<Map<String, Object>> containers = trainerContainers(job);
    if (containers.isEmpty()) {
      problems.add(job.get("kind") + ": no trainer container (a PyTorchJob's must be named pytorch)");
    }
    for (Map<String, Object> c : containers) {
      List<Object> command = list(c, "command");
      if (command.isEmpty() || !"torchrun".equals(command.get(0))) {
        problems.add("trainer command does not start with torchrun: " + command);
      }
      Object script = command.isEmpty() ? null : command.get(command.size() - 1);
      if (script == null || !Files.isRegularFile(out.resolve(String.valueOf(script)))) {
        problems.add("trainer script " + script + " is not in the project");
      }
      Map<String, Object> env = new LinkedHashMap<>();
      list(c, "env").forEach(e -> env.put(String.valueOf(((Map<?, ?>) e).get("name")), ((Map<?, ?>) e).get("value")));
      String uri = String.valueOf(env.get("MLFLOW_TRACKING_URI"));
      String host = uri.replaceFirst("^http://", "");
      if (!uri.startsWith("http://mlflow." + namespace + ".svc") || !mlflow.contains(host)) {
        problems.add("MLFLOW_TRACKING_URI " + uri + " is not a host the MLflow server allows");
      }
      for (String reserved : List.of("PET_NNODES", "PET_NPROC_PER_NODE", "PET_NODE_RANK", "PET_MASTER_ADDR",
          "PET_MASTER_PORT")) {
        if (env.containsKey(reserved)) {
          problems.add("the trainer env sets " + reserved + ", which the operator owns");
        }
      }
    }
    List<String> accountsUsed = new ArrayList<>();
    if ("TrainJob".equals(job.get("kind"))) {
      Map<String, Object> spec = map(job, "spec");
      if (!"torch-distributed".equals(map(spec, "runtimeRef").get("name"))) {
        problems.add("TrainJob runtimeRef is not torch-distributed: " + spec.get("runtimeRef"));
      }
      Map<String, Object> pod = nodePodPatch(job);
      accountsUsed.add(String.valueOf(map(pod, "spec").get("serviceAccountName")));
      for (Object c : list(map(pod, "spec"), "containers")) {
        if (!"node".equals(((Map<?, ?>) c).get("name"))) {
          problems.add("runtime patch container " + ((Map<?, ?>) c).get("name")
              + " is not the torch-distributed runtime's container node");
        }
      }
      Object gpus = map(spec, "trainer", "resourcesPerNode", "limits").get("nvidia.com/gpu");
      if (!String.valueOf(gpus).equals(String.valueOf(map(spec, "trainer").get("numProcPerNode")))) {
        problems.add("numProcPerNode " + map(spec, "trainer").get("numProcPerNode") + " != GPUs per node " + gpus);
      }
    } else {
      Map<String, Object> replicas = map(job, "spec", "pytorchReplicaSpecs");
      if (!replicas.containsKey("Master") || !Integer.valueOf(1).equals(map(replicas, "Master").get("replicas"))) {
        problems.add("PyTorchJob needs exactly one Master replica: " + replicas.keySet());
      }
      for (Map.Entry<String, Object> r : replicas.entrySet()) {
        Map<String, Object> podSpec = map(r.getValue(), "template", "spec");
        accountsUsed.add(String.valueOf(podSpec.get("serviceAccountName")));
        if (list(podSpec, "containers").stream().noneMatch(c -> "pytorch".equals(((Map<?, ?>) c).get("name")))) {
          problems.add(r.getKey() + ": no container named pytorch (the operator injects MASTER_ADDR etc. there)");
        }
      }
    }
    for (String ksa : accountsUsed) {
      if (!accounts.contains("name: " + ksa + "\n")) {
        problems.add("service account " + ksa + " is not defined in k8s/training-infrastructure/10-serviceaccounts.yaml");
      }
    }
    return problems;
  }

  /**
   * Offline validation of a project's generated files: Kubernetes YAML (strict schemas; a kustomization has none
   * and is parsed only), Terraform, Python, devspace.yaml (schema and loader rules), and no FreeMarker left over.
   */
  static List<String> validateFiles(GeneratedProjectValidator validator, Path out) {
    List<String> problems = new ArrayList<>();
    for (String f : files(out)) {
      Path p = out.resolve(f);
      String text = new String(bytes(p), StandardCharsets.UTF_8); // lenient: binary files are copied too
      if (text.contains("[=") || text.contains("[#") || text.contains("[/#") || text.contains("[@")) {
        problems.add(f + ": FreeMarker syntax left in the output");
      }
      if (f.endsWith("kustomization.yaml")) {
        Object doc = new Load(LoadSettings.builder().build()).loadFromString(text);
        if (!(doc instanceof Map<?, ?> m) || !(m.get("resources") instanceof List<?>)) {
          problems.add(f + ": not a kustomization with resources");
        }
      } else if (f.startsWith("k8s/") && f.endsWith(".yaml") || f.endsWith("job.yaml")) {
        problems.addAll(validator.validateKubernetesYaml(p));
      } else if (f.endsWith(".py")) {
        problems.addAll(PY_COMPILED.computeIfAbsent(Hashes.of(text.getBytes(StandardCharsets.UTF_8)),
            h -> validator.validatePython(p)));
      }
    }
    if (Files.isDirectory(out.resolve("terraform"))) {
      problems.addAll(validator.validateTerraformModule(out.resolve("terraform")));
    }
    problems.addAll(validator.validateDevspaceSchema(out.resolve("devspace.yaml")));
    problems.addAll(validator.validateDevspaceRules(out.resolve("devspace.yaml")));
    return problems;
  }

  /**
   * mx's promises: lint finds nothing in the files it knows; planning every applied generator again (with the
   * same --set values for {@code generator}, and with none) changes nothing; the state file's hashes describe
   * the files and devspace.yaml keys on disk.
   */
  static List<String> engineContract(MxEngine engine, Path out, String generator, Map<String, String> values) {
    List<String> problems = new ArrayList<>();
    for (String f : List.of("devspace.yaml", "MLproject", StateFile.RELATIVE_PATH)) {
      for (Diagnostic d : Linter.lintFile(out.resolve(f), f)) {
        problems.add("mx lint " + f + ": " + d.format());
      }
    }
    ProjectState state = StateFile.read(out);
    for (AppliedGenerator applied : state.generators()) {
      List<Map<String, String>> runs = applied.id().equals(generator) && !values.isEmpty()
          ? List.of(values, Map.of()) : List.of(Map.of());
      for (Map<String, String> again : runs) {
        Plan replan = engine.plan(new MxEngine.Request(out, applied.id(), again));
        for (FileChange c : replan.changes()) {
          if (c.writes()) {
            problems.add("re-applying " + applied.id() + " with " + again + " is not a no-op: " + c.kind() + " "
                + c.path() + (c.reason() == null ? "" : " (" + c.reason() + ")") + "\n" + c.diff());
          }
        }
      }
    }
    AppliedGenerator mine = state.generator(generator).orElse(null);
    if (mine == null) {
      problems.add(".mx/state.yaml: " + generator + " is not recorded");
      return problems;
    }
    for (Map.Entry<String, String> e : mine.files().entrySet()) {
      Path file = out.resolve(e.getKey());
      if (!Files.isRegularFile(file) || !e.getValue().equals(Hashes.of(bytes(file)))) {
        problems.add(".mx/state.yaml: the hash of " + e.getKey() + " does not match the file on disk");
      }
    }
    Map<String, String> keys = mine.manifests().getOrDefault("devspace.yaml", Map.of());
    if (keys.isEmpty()) {
      problems.add(".mx/state.yaml: no devspace.yaml keys recorded for " + generator);
    }
    ParsedYaml devspace = YamlParser.parse(read(out.resolve("devspace.yaml")));
    for (Map.Entry<String, String> k : keys.entrySet()) {
      YamlNode node = devspace.find(List.of(k.getKey().split("\\.")));
      if (node == null || !k.getValue().equals(Hashes.ofValue(node.toJava()))) {
        problems.add(".mx/state.yaml: devspace.yaml key " + k.getKey() + " is missing or does not match its hash");
      }
    }
    return problems;
  }

  static void assertPackagedIsSource(MxEngine engine, String id) {
    Path packaged = engine.catalog(null).require(id).root();
    String dir = System.getProperty("mx.templates.dir");
    assertTrue(dir != null && !dir.isBlank(), "system property mx.templates.dir is not set (mx-engine's surefire sets it)");
    Path source = Path.of(dir).resolve(id);
    List<String> expected = files(source);
    assertEquals(new TreeSet<>(expected), new TreeSet<>(files(packaged)),
        "the packaged " + id + " is not templates/" + id + ": run mvn clean");
    for (String f : expected) {
      assertTrue(Arrays.equals(bytes(source.resolve(f)), bytes(packaged.resolve(f))),
          "packaged " + f + " differs from templates/" + id + ": rebuild");
    }
  }

  // ------------------------------------------------------------------------------------------ helpers

  /** A fresh project: the skeleton with {@code skeletonValues}, then this generator with {@code values}. */
  private static Path project(Path dir, Map<String, String> skeletonValues, Map<String, String> values) {
    mkdirs(dir);
    ENGINE.generate(dir, SKELETON, skeletonValues);
    Plan plan = ENGINE.generate(dir, GENERATOR, values);
    assertTrue(plan.nextSteps() != null && plan.nextSteps().contains("submit_distributed.py"), plan.nextSteps());
    return dir;
  }

  /** The trainer containers: spec.trainer of a TrainJob, every container named pytorch of a PyTorchJob. */
  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> trainerContainers(Map<String, Object> job) {
    List<Map<String, Object>> out = new ArrayList<>();
    if ("TrainJob".equals(job.get("kind"))) {
      out.add(map(job, "spec", "trainer"));
    } else {
      for (Object replica : map(job, "spec", "pytorchReplicaSpecs").values()) {
        for (Object c : list(map(replica, "template", "spec"), "containers")) {
          if ("pytorch".equals(((Map<?, ?>) c).get("name"))) {
            out.add((Map<String, Object>) c);
          }
        }
      }
    }
    return out;
  }

  /** The pod template of the TrainJob's runtime patch for the replicated job "node". */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> nodePodPatch(Map<String, Object> job) {
    Map<String, Object> patch = (Map<String, Object>) list(map(job, "spec"), "runtimePatches").get(0);
    for (Object rj : list(map(patch, "trainingRuntimeSpec", "template", "spec"), "replicatedJobs")) {
      if ("node".equals(((Map<?, ?>) rj).get("name"))) {
        return map(rj, "template", "spec", "template");
      }
    }
    throw new AssertionError("no runtime patch for the replicated job node: " + patch);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object root, String... path) {
    Object node = root;
    for (String p : path) {
      if (!(node instanceof Map<?, ?> m) || !m.containsKey(p)) {
        throw new AssertionError("no " + String.join(".", path) + " (stopped at " + p + ") in " + root);
      }
      node = m.get(p);
    }
    if (!(node instanceof Map<?, ?>)) {
      throw new AssertionError(String.join(".", path) + " is not a mapping: " + node);
    }
    return (Map<String, Object>) node;
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Map<String, Object> m, String key) {
    Object v = m.get(key);
    return v instanceof List<?> l ? (List<Object>) l : List.of();
  }

  /** The one YAML document of a file. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> single(Path file) {
    List<Object> docs = new ArrayList<>();
    new Load(LoadSettings.builder().build()).loadAllFromString(read(file)).forEach(d -> {
      if (d != null) {
        docs.add(d);
      }
    });
    assertEquals(1, docs.size(), file + ": expected one document");
    return (Map<String, Object>) docs.get(0);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> yaml(Path file) {
    return (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(read(file));
  }

  record Result(int exit, String output) {
  }

  private static Result python(String... args) {
    return python(null, Map.of(), args);
  }

  static Result python(Path dir, String... args) {
    return python(dir, Map.of(), args);
  }

  /** Runs python3 in {@code dir} with extra environment; stdout only in the output unless it fails. */
  static Result python(Path dir, Map<String, String> env, String... args) {
    List<String> command = new ArrayList<>(List.of("python3"));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().putAll(env);
    if (dir != null) {
      pb.directory(dir.toFile());
    }
    try {
      Process p = pb.start();
      byte[] err = p.getErrorStream().readAllBytes();
      String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return new Result(-1, "timed out: " + command);
      }
      return new Result(p.exitValue(), p.exitValue() == 0 ? stdout
          : stdout + new String(err, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static Path mkdirs(Path dir) {
    try {
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path write(Path file, String text) {
    try {
      return Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Files under {@code root}, relative, sorted; mx's own .mx/ folder excluded. */
  static List<String> files(Path root) {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
          .filter(f -> !f.startsWith(".mx/")).sorted().toList();
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

  static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
