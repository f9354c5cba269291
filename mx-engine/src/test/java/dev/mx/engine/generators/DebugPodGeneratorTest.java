package dev.mx.engine.generators;

import static dev.mx.engine.generators.GeneratorTestSupport.SKELETON;
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

import dev.mx.engine.MxException;
import dev.mx.engine.plan.Plan;
import dev.mx.engine.state.StateFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in debug-pod generator on real skeleton projects (cloud=gcp and cloud=none, CPU and GPU): the
 * Deployment and NetworkPolicy pass the strict Kubernetes schemas, devspace.yaml passes DevSpace's schema, loader
 * rules and mx lint, the dev configuration selects the Deployment's pod, and applying the three generators of this
 * package in any order gives the same project.
 */
class DebugPodGeneratorTest {

  static final String ID = "debug-pod";

  @TempDir
  Path tmp;

  @BeforeAll
  static void packagedGeneratorIsTheSourceGenerator() {
    GeneratorTestSupport.assertPackagedIsSource(ID);
  }

  @Test
  void cpuPodOnGcp() {
    Path dir = skeleton(tmp.resolve("demo"), Map.of());
    Plan plan = apply(dir, ID, Map.of());
    assertTrue(tree(dir).containsAll(List.of("k8s/debug-pod/deployment.yaml", "k8s/debug-pod/networkpolicy.yaml")));

    Object devspace = yaml(dir.resolve("devspace.yaml"));
    assertEquals(List.of("k8s/debug-pod/"), at(devspace, "deployments.debug-pod.kubectl.manifests"));
    assertEquals("demo", at(devspace, "deployments.debug-pod.namespace"));
    assertEquals(List.of(Map.of("port", "8888:8888")), at(devspace, "dev.debug.ports"));
    assertEquals(List.of(Map.of("url", "http://localhost:8888/lab?token=${DEBUG_JUPYTER_TOKEN}")),
        at(devspace, "dev.debug.open"));
    assertEquals("openssl rand -hex 24", at(devspace, "vars.DEBUG_JUPYTER_TOKEN.command"));
    String args = String.valueOf(((List<?>) at(devspace, "dev.debug.args")).get(0));
    assertTrue(args.contains("jupyter lab --ip=0.0.0.0 --port=8888 --no-browser"), args);
    assertTrue(args.contains("--IdentityProvider.token=\"$JUPYTER_TOKEN\""), args);
    assertFalse(args.contains("ServerApp.token"), "deprecated in jupyter_server 2");
    assertFalse(String.valueOf(at(devspace, "dev.debug.resources")).contains("nvidia.com/gpu"));
    assertEquals(null, ((Map<?, ?>) at(devspace, "dev.debug")).get("patches"), "no GPU, no node selector");
    assertTrue(plan.nextSteps().contains("devspace run-pipeline debug"), plan.nextSteps());
    assertTrue(plan.nextSteps().contains("gcloud container clusters get-credentials"), plan.nextSteps());

    checkProject(dir, "debug", "demo");
  }

  @Test
  void gpuPodOnGcpIsPinnedToTheGpuPool() {
    Path dir = skeleton(tmp.resolve("demo"), values("gpu_type", "nvidia-a100-80gb", "gpu_count", "2"));
    Plan plan = apply(dir, ID, values("gpus", "2", "dev_name", "notebook", "local_port", "18888", "memory", "32Gi"));
    Object devspace = yaml(dir.resolve("devspace.yaml"));
    assertEquals(Map.of("requests", Map.of("cpu", "2", "memory", "32Gi"),
        "limits", Map.of("memory", "32Gi", "nvidia.com/gpu", "2")), at(devspace, "dev.notebook.resources"));
    assertEquals(List.of(Map.of("op", "add", "path", "spec.nodeSelector",
        "value", Map.of("cloud.google.com/gke-accelerator", "nvidia-a100-80gb"))), at(devspace, "dev.notebook.patches"));
    assertEquals(List.of(Map.of("port", "18888:8888")), at(devspace, "dev.notebook.ports"));
    assertTrue(String.valueOf(at(devspace, "pipelines.notebook.run")).contains("create_deployments notebook-pod"));
    assertTrue(tree(dir).contains("k8s/notebook-pod/deployment.yaml"));
    assertTrue(plan.nextSteps().contains("the GPU drivers"), "daemonset drivers must be deployed:\n" + plan.nextSteps());
    checkProject(dir, "notebook", "demo");
  }

  @Test
  void gpuPodWithoutCloud() {
    Path dir = skeleton(tmp.resolve("lab"), values("cloud", "none", "namespace", "ml-lab"));
    apply(dir, ID, values("gpus", "1"));
    Object devspace = yaml(dir.resolve("devspace.yaml"));
    assertEquals("1", ((Map<?, ?>) at(devspace, "dev.debug.resources.limits")).get("nvidia.com/gpu"));
    assertEquals(null, ((Map<?, ?>) at(devspace, "dev.debug")).get("patches"), "no GKE node label without GKE");
    String deployment = read(dir.resolve("k8s/debug-pod/deployment.yaml"));
    assertTrue(deployment.contains("image: localhost:5000/lab/lab\n"), deployment);
    assertTrue(deployment.contains("namespace: ml-lab\n"), deployment);
    checkProject(dir, "debug", "ml-lab");
  }

  @Test
  void moreGpusThanANodeHasIsRejected() {
    Path dir = skeleton(tmp.resolve("demo"), Map.of());
    MxException e = assertRejected(dir, ID, values("gpus", "2"), "gpus 2 is more than the 1 GPU(s) of one GPU node");
    assertTrue(e.describe().contains("dev.yaml.ftl"), e.describe());
  }

  @Test
  void invalidAnswersAreRejected() {
    Path dir = skeleton(tmp.resolve("demo"), Map.of());
    assertRejected(dir, ID, values("dev_name", "Debug_Pod"), "--set dev_name:", "DevSpace name");
    assertRejected(dir, ID, values("local_port", "80"), "local_port must be at least 1024");
    assertRejected(dir, ID, values("memory", "8GB"), "--set memory:");
    assertRejected(dir, ID, values("jupyterlab_version", "latest"), "--set jupyterlab_version:");
  }

  @Test
  void withoutTheSkeletonTheRequiresCheckSaysWhatToRun() {
    Path dir = mkdirs(tmp.resolve("empty"));
    assertRejected(dir, ID, Map.of(), "generator debug-pod requires ml-project-skeleton to be applied first",
        "run `mx generate ml-project-skeleton`");
  }

  /** A key edited by hand is a conflict on re-apply, and the contract check sees it: the no-op check can fail. */
  @Test
  void aHandEditedKeyIsNoticed() {
    Path dir = skeleton(tmp.resolve("demo"), Map.of());
    apply(dir, ID, Map.of());
    Path devspace = dir.resolve("devspace.yaml");
    GeneratorTestSupport.write(devspace, read(devspace).replace("\"8888:8888\"", "\"9999:8888\""));
    List<String> problems = engineContract(dir);
    assertTrue(problems.stream().anyMatch(p -> p.contains("re-applying debug-pod is not a no-op")), problems.toString());
    assertTrue(problems.stream().anyMatch(p -> p.contains("the hash debug-pod recorded for key dev.debug does not match")),
        problems.toString());
  }

  /**
   * Applying the generators of this package in any order after the skeleton gives the same files: byte for byte,
   * except devspace.yaml, whose keys are in the order they were added (compared by value), and the state file,
   * which lists the generators in the order they were applied.
   */
  @Test
  void anyOrderGivesTheSameProject() {
    Map<String, Map<String, String>> generators = Map.of(
        CloudBuildGeneratorTest.ID, values("github_owner", "acme"),
        SphinxDocsGeneratorTest.ID, Map.of(),
        ID, values("gpus", "1"));
    List<List<String>> orders = List.of(
        List.of(CloudBuildGeneratorTest.ID, SphinxDocsGeneratorTest.ID, ID),
        List.of(CloudBuildGeneratorTest.ID, ID, SphinxDocsGeneratorTest.ID),
        List.of(SphinxDocsGeneratorTest.ID, CloudBuildGeneratorTest.ID, ID),
        List.of(SphinxDocsGeneratorTest.ID, ID, CloudBuildGeneratorTest.ID),
        List.of(ID, CloudBuildGeneratorTest.ID, SphinxDocsGeneratorTest.ID),
        List.of(ID, SphinxDocsGeneratorTest.ID, CloudBuildGeneratorTest.ID));
    Map<String, byte[]> reference = null;
    Object referenceDevspace = null;
    List<String> referenceOrder = null;
    for (List<String> order : orders) {
      // the same directory name everywhere: the project name comes from it
      Path dir = skeleton(tmp.resolve(String.join("+", order)).resolve("demo"), Map.of());
      for (String id : order) {
        apply(dir, id, generators.get(id));
      }
      List<String> problems = new ArrayList<>(validate(dir));
      problems.addAll(engineContract(dir));
      assertNoProblems(problems);
      Map<String, byte[]> files = snapshot(dir);
      files.remove(StateFile.RELATIVE_PATH);
      Object devspace = yaml(dir.resolve("devspace.yaml"));
      files.remove("devspace.yaml");
      if (reference == null) {
        reference = files;
        referenceDevspace = devspace;
        referenceOrder = order;
        continue;
      }
      assertEquals(reference.keySet(), files.keySet(), order + " vs " + referenceOrder);
      for (String f : reference.keySet()) {
        assertArrayEquals(reference.get(f), files.get(f), f + " differs between " + order + " and " + referenceOrder);
      }
      assertEquals(referenceDevspace, devspace, "devspace.yaml differs between " + order + " and " + referenceOrder);
    }
  }

  // ------------------------------------------------------------------------------------------ checks

  static void checkProject(Path dir, String devName, String namespace) {
    List<String> problems = new ArrayList<>(validate(dir));
    problems.addAll(engineContract(dir));
    problems.addAll(crossFileChecks(dir, devName, namespace));
    assertNoProblems(problems);
  }

  /** The dev configuration must find the Deployment's pod, and the pod what it needs. */
  @SuppressWarnings("unchecked")
  static List<String> crossFileChecks(Path dir, String devName, String namespace) {
    List<String> problems = new ArrayList<>();
    Object devspace = yaml(dir.resolve("devspace.yaml"));
    Map<String, Object> dev = (Map<String, Object>) at(devspace, "dev." + devName);
    Map<String, Object> deployment = (Map<String, Object>) yaml(dir.resolve("k8s/" + devName + "-pod/deployment.yaml"));
    Map<String, Object> spec = (Map<String, Object>) deployment.get("spec");
    Map<String, Object> template = (Map<String, Object>) spec.get("template");
    Map<String, Object> podLabels = (Map<String, Object>) ((Map<String, Object>) template.get("metadata")).get("labels");
    Map<String, Object> selector = (Map<String, Object>) dev.get("labelSelector");
    if (!podLabels.entrySet().containsAll(selector.entrySet())) {
      problems.add("dev." + devName + ".labelSelector " + selector + " does not select the pod labels " + podLabels);
    }
    Map<String, Object> matchLabels = (Map<String, Object>) ((Map<String, Object>) spec.get("selector")).get("matchLabels");
    if (!selector.equals(matchLabels)) {
      problems.add("the dev selector should be the Deployment's own selector " + matchLabels);
    }
    Map<String, Object> policy = (Map<String, Object>) yaml(dir.resolve("k8s/" + devName + "-pod/networkpolicy.yaml"));
    Object policySelector = at(policy, "spec.podSelector.matchLabels");
    if (!selector.equals(policySelector)) {
      problems.add("the NetworkPolicy does not cover the debug pod: " + policySelector);
    }
    Map<String, Object> podSpec = (Map<String, Object>) template.get("spec");
    List<Map<String, Object>> containers = (List<Map<String, Object>>) podSpec.get("containers");
    if (!dev.get("container").equals(containers.get(0).get("name"))) {
      problems.add("dev." + devName + ".container is not the Deployment's container");
    }
    Object trainerImage = at(devspace, "images.trainer.image");
    if (!trainerImage.equals(containers.get(0).get("image"))) {
      problems.add("the pod does not run the image devspace.yaml builds (" + trainerImage + "), so DevSpace cannot tag it");
    }
    if (!namespace.equals(at(devspace, "deployments." + devName + "-pod.namespace")) || !namespace.equals(dev.get("namespace"))
        || !namespace.equals(at(deployment, "metadata.namespace"))) {
      problems.add("the debug pod is not in the MLflow namespace " + namespace);
    }
    String accounts = read(dir.resolve("k8s/training-infrastructure/10-serviceaccounts.yaml"));
    if (!accounts.contains("name: " + podSpec.get("serviceAccountName") + "\n")) {
      problems.add("service account " + podSpec.get("serviceAccountName") + " is not created by the skeleton");
    }
    List<String> mounts = ((List<Map<String, Object>>) containers.get(0).get("volumeMounts")).stream()
        .map(m -> String.valueOf(m.get("mountPath"))).toList();
    List<Map<String, Object>> sync = (List<Map<String, Object>>) dev.get("sync");
    String remote = String.valueOf(sync.get(0).get("path")).replaceFirst("^\\./:", "");
    if (!mounts.contains(remote) || !remote.equals(dev.get("workingDir"))) {
      problems.add("the sync target " + remote + " is not a writable volume of the pod (mounts " + mounts + ")");
    }
    List<Object> excludes = (List<Object>) sync.get(0).get("excludePaths");
    for (String secret : List.of(".git/", ".mx/", "*.tfstate*", ".terraform/")) {
      if (!excludes.contains(secret)) {
        problems.add("sync uploads " + secret);
      }
    }
    String mlflowUri = ((List<Map<String, Object>>) dev.get("env")).stream()
        .filter(e -> "MLFLOW_TRACKING_URI".equals(e.get("name"))).map(e -> String.valueOf(e.get("value")))
        .findFirst().orElse("");
    String mlflow = read(dir.resolve("k8s/training-infrastructure/30-mlflow.yaml"));
    String host = mlflowUri.replaceFirst("^http://", "");
    if (!Pattern.compile("--allowed-hosts=\\S*" + Pattern.quote(host)).matcher(mlflow).find()) {
      problems.add("MLflow does not allow the Host " + host + " the debug pod uses");
    }
    String token = "${DEBUG_JUPYTER_TOKEN}";
    if (!String.valueOf(at(devspace, "vars")).contains("DEBUG_JUPYTER_TOKEN")
        || !String.valueOf(dev.get("open")).contains(token)) {
      problems.add("the browser is not opened with the token JupyterLab requires");
    }
    return problems;
  }
}
