package dev.mx.engine.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Renders templates/ml-project-skeleton for cloud=gcp (both GPU driver mechanisms) and cloud=none and validates
 * every generated file offline. Until dev.mx.engine.MxEngine lands, rendering goes through the small {@link Harness}
 * below, which follows the generator format (parameters with derived defaults, files/ + when globs, manifests keys)
 * and configures FreeMarker the way the engine does; swap {@code Harness.render} for the engine call later.
 */
class SkeletonTemplateRenderTest {

  private static final String GENERATOR = "ml-project-skeleton";

  private final GeneratedProjectValidator validator = new GeneratedProjectValidator();

  @TempDir
  Path tmp;

  // ------------------------------------------------------------------------------------------ scenarios

  @Test
  void gcpWithDaemonsetDrivers() {
    Path out = render("demo", Map.of());
    List<String> files = tree(out);
    assertTrue(files.contains("k8s/cuda-drivers/daemonset-preloaded-latest.yaml"), String.join("\n", files));
    assertTrue(files.contains("terraform/bootstrap/main.tf"), String.join("\n", files));
    assertTrue(files.contains("src/demo/train.py"), String.join("\n", files));
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
    System.out.println("rendered tree (cloud=gcp, gpu_driver=daemonset):\n  " + String.join("\n  ", files));
  }

  @Test
  void gcpWithGkeManagedDrivers() {
    Path out = render("trainer-x", Map.of("gpu_driver", "gke-managed", "gpu_type", "nvidia-h100-80gb",
        "gpu_count", 8, "engineers", List.of("ada@example.com", "alan.t@example.org")));
    List<String> files = tree(out);
    assertFalse(files.stream().anyMatch(f -> f.startsWith("k8s/cuda-drivers/")), String.join("\n", files));
    String gke = read(out.resolve("terraform/gke.tf"));
    assertTrue(gke.contains("gpu_driver_version = \"LATEST\""), gke);
    assertFalse(gke.contains("INSTALLATION_DISABLED"), "one driver mechanism only");
    assertTrue(gke.contains("\"a3-highgpu-8g\""), gke);
    assertFalse(read(out.resolve("devspace.yaml")).contains("  cuda-drivers:"), "no DaemonSet with GKE-managed drivers");
    assertTrue(read(out.resolve("terraform/variables.tf")).contains("[\"ada@example.com\", \"alan.t@example.org\"]"));
    validateAll(out, "trainer-x");
  }

  @Test
  void noCloud() {
    Path out = render("demo", Map.of("cloud", "none"));
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
    System.out.println("rendered tree (cloud=none):\n  " + String.join("\n  ", files));
  }

  @Test
  void longestAndShortestProjectNamesGiveValidDerivedIds() {
    String longest = "a234567890-234567890-234567890-2345"; // 35 characters, the maximum
    for (String name : List.of("a", "ab", "demo", longest, "x-y-z-a-b-c-d-e-f-g-h-i-j-k-l--mn")) {
      Map<String, Object> model = Harness.parameters(templatesDir().resolve(GENERATOR), name, Map.of());
      String id = (String) model.get("gcp_project_id");
      assertTrue(id.matches("^[a-z][-a-z0-9]{4,28}[a-z0-9]$"), name + " -> gcp_project_id " + id);
      assertEquals(name.replace('-', '_'), model.get("package_name"));
    }
    Path out = render(longest, Map.of("cloud", "gcp"));
    validateAll(out, longest);
  }

  @Test
  void everyGpuTypeAndCountThatGcpOffersRenders() {
    Map<String, List<Integer>> offered = Map.of("nvidia-l4", List.of(1, 2, 4, 8), "nvidia-tesla-t4", List.of(1, 2, 4),
        "nvidia-tesla-a100", List.of(1, 2, 4, 8), "nvidia-a100-80gb", List.of(1, 2, 4, 8),
        "nvidia-h100-80gb", List.of(1, 2, 4, 8));
    Map<String, String> family = Map.of("nvidia-l4", "\"g2-", "nvidia-tesla-t4", "\"n1-",
        "nvidia-tesla-a100", "\"a2-highgpu-", "nvidia-a100-80gb", "\"a2-ultragpu-", "nvidia-h100-80gb", "\"a3-highgpu-");
    for (Map.Entry<String, List<Integer>> e : offered.entrySet()) {
      for (int count : e.getValue()) {
        Path out = Harness.render(templatesDir().resolve(GENERATOR), tmp.resolve(e.getKey() + "-" + count), "demo",
            Map.of("gpu_type", e.getKey(), "gpu_count", count));
        String gke = read(out.resolve("terraform/gke.tf"));
        assertTrue(gke.contains("machine_type    = " + family.get(e.getKey())), e + " " + count + ":\n" + gke);
        assertTrue(validator.validateTerraform(out.resolve("terraform/gke.tf")).isEmpty());
      }
    }
  }

  @Test
  void invalidAnswersAreRejected() {
    Path gen = templatesDir().resolve(GENERATOR);
    // not a DNS label / too long for MLflow's Job names
    assertThrows(IllegalArgumentException.class, () -> Harness.parameters(gen, "My_Project", Map.of()));
    assertThrows(IllegalArgumentException.class,
        () -> Harness.parameters(gen, "a234567890-234567890-234567890-23456", Map.of()));
    assertThrows(IllegalArgumentException.class,
        () -> Harness.parameters(gen, "demo", Map.of("engineers", List.of("not-an-email"))));
    assertThrows(IllegalArgumentException.class, () -> Harness.parameters(gen, "demo", Map.of("gpu_count", 9)));
    assertThrows(IllegalArgumentException.class, () -> Harness.parameters(gen, "demo", Map.of("cloud", "aws")));
    // 3 GPUs exist on no GCP machine shape: rendering for gcp stops with a message
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> Harness.render(gen, tmp.resolve("bad"), "demo", Map.of("gpu_count", 3)));
    assertTrue(e.getMessage().contains("gpu_count 3 is not offered"), e.getMessage());
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
        problems.addAll(validator.validatePython(p));
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
      String bucket = Harness.firstGroup(backend, "bucket\\s*=\\s*\"([^\"]+)\"");
      if (bucket == null || !bootstrap.contains("name                        = \"" + bucket + "\"")) {
        problems.add("terraform: backend bucket " + bucket + " is not the bucket terraform/bootstrap creates");
      }
    }
    problems.addAll(crossFileChecks(out));
    problems.addAll(validator.validateKubernetesBackendConfig(out.resolve("kubernetes_config.json")));
    problems.addAll(validator.validateDevspaceSchema(out.resolve("devspace.yaml")));
    problems.addAll(validator.validateDevspaceRules(out.resolve("devspace.yaml")));
    problems.addAll(checkMlproject(out, projectName));
    assertTrue(problems.isEmpty(), GeneratedProjectValidator.report(problems));
  }

  /** Names that must agree across files: service accounts, Workload Identity members, hosts, secret. */
  private static List<String> crossFileChecks(Path out) {
    List<String> problems = new ArrayList<>();
    String accounts = read(out.resolve("k8s/training-infrastructure/10-serviceaccounts.yaml"));
    String mlflow = read(out.resolve("k8s/training-infrastructure/30-mlflow.yaml"));
    String job = read(out.resolve("train_job.yaml"));
    String devspace = read(out.resolve("devspace.yaml"));
    String namespace = Harness.firstGroup(read(out.resolve("k8s/training-infrastructure/00-namespace.yaml")),
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
    String allowed = Harness.firstGroup(mlflow, "--allowed-hosts=(\\S+)");
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
        String key = firstGroupStatic(command, "(?:^|\\s)([A-Za-z_.]+)=\\{" + Pattern.quote(param) + "\\}");
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

  private static String firstGroupStatic(String text, String regex) {
    return Harness.firstGroup(text, regex);
  }

  // ------------------------------------------------------------------------------------------ helpers

  private Path render(String dirName, Map<String, Object> answers) {
    return Harness.render(templatesDir().resolve(GENERATOR), tmp.resolve(dirName), dirName, answers);
  }

  static Path templatesDir() {
    String dir = System.getProperty("mx.templates.dir");
    if (dir == null || dir.isBlank()) {
      throw new IllegalStateException("system property mx.templates.dir is not set (mx-engine's surefire sets it)");
    }
    return Path.of(dir);
  }

  private static List<String> tree(Path root) {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/')).sorted()
          .collect(Collectors.toList());
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

  // ------------------------------------------------------------------------------------------ harness

  /**
   * Minimal stand-in for the generator engine: parameters (defaults are FreeMarker expressions evaluated in order,
   * then type-checked), files/ rendered (.ftl) or copied, {@code files.when} globs, and devspace.yaml assembled from
   * the {@code create} base plus each {@code keys} template under its dotted path.
   */
  static final class Harness {

    private Harness() {}

    static Configuration freemarker() {
      Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
      cfg.setTagSyntax(Configuration.SQUARE_BRACKET_TAG_SYNTAX);
      cfg.setInterpolationSyntax(Configuration.SQUARE_BRACKET_INTERPOLATION_SYNTAX);
      cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
      cfg.setAPIBuiltinEnabled(false);
      cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
      cfg.setFallbackOnNullLoopVariable(false);
      cfg.setLogTemplateExceptions(false);
      return cfg;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> generator(Path generatorDir) {
      return (Map<String, Object>) new Load(LoadSettings.builder().build())
          .loadFromString(read(generatorDir.resolve("generator.yaml")));
    }

    /** The data model: built-ins plus every parameter, answered or defaulted, validated. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> parameters(Path generatorDir, String projectDirName, Map<String, Object> answers) {
      Map<String, Object> gen = generator(generatorDir);
      Map<String, Object> model = new LinkedHashMap<>();
      model.put("project_dir_name", projectDirName);
      model.put("generator", Map.of("id", gen.get("id"), "version", String.valueOf(gen.get("version"))));
      model.put("applied", List.of());
      model.put("mx_version", "0.1.0-SNAPSHOT");
      for (Map<String, Object> p : (List<Map<String, Object>>) gen.get("parameters")) {
        String name = (String) p.get("name");
        String type = (String) p.get("type");
        Object value = answers.containsKey(name) ? answers.get(name) : p.get("default");
        if (value instanceof String s && !answers.containsKey(name)) {
          value = renderString(name + ".default", s, model);
        }
        value = coerce(name, type, value);
        check(name, type, p, value);
        model.put(name, value);
        if (name.equals("project_name")) {
          model.put("package_name", ((String) value).replace('-', '_'));
        }
      }
      return model;
    }

    private static Object coerce(String name, String type, Object value) {
      switch (type) {
        case "int":
          return value instanceof Number n ? n.intValue() : Integer.parseInt(String.valueOf(value).trim());
        case "bool":
          return value instanceof Boolean b ? b : Boolean.parseBoolean(String.valueOf(value).trim());
        case "list":
          if (!(value instanceof List<?> l)) {
            throw new IllegalArgumentException(name + ": expected a list");
          }
          return l.stream().map(String::valueOf).collect(Collectors.toList());
        case "string":
        case "enum":
          return String.valueOf(value);
        default:
          throw new IllegalArgumentException(name + ": unknown type " + type);
      }
    }

    @SuppressWarnings("unchecked")
    private static void check(String name, String type, Map<String, Object> p, Object value) {
      if (p.get("pattern") instanceof String pattern) {
        List<String> items = type.equals("list") ? (List<String>) value : List.of(String.valueOf(value));
        for (String item : items) {
          if (!Pattern.compile(pattern).matcher(item).matches()) {
            throw new IllegalArgumentException(name + ": '" + item + "' does not match " + pattern);
          }
        }
      }
      if (type.equals("enum") && !((List<Object>) p.get("choices")).contains(value)) {
        throw new IllegalArgumentException(name + ": '" + value + "' is not one of " + p.get("choices"));
      }
      if (type.equals("int")) {
        int v = (Integer) value;
        if ((p.get("min") instanceof Number min && v < min.intValue())
            || (p.get("max") instanceof Number max && v > max.intValue())) {
          throw new IllegalArgumentException(name + ": " + v + " is outside [" + p.get("min") + ", " + p.get("max")
              + "]");
        }
      }
      if (Boolean.TRUE.equals(p.get("required")) && String.valueOf(value).isBlank()) {
        throw new IllegalArgumentException(name + " is required");
      }
    }

    /** Renders the generator into target; returns target. */
    @SuppressWarnings("unchecked")
    static Path render(Path generatorDir, Path target, String projectDirName, Map<String, Object> answers) {
      Map<String, Object> gen = generator(generatorDir);
      Map<String, Object> model = parameters(generatorDir, projectDirName, answers);
      model.put("applied", List.of(String.valueOf(gen.get("id"))));
      Map<String, Object> files = (Map<String, Object>) gen.get("files");
      Path root = generatorDir.resolve(String.valueOf(files.get("root")));
      Map<String, String> when = (Map<String, String>) files.getOrDefault("when", Map.of());
      try (Stream<Path> s = Files.walk(root)) {
        for (Path src : s.filter(Files::isRegularFile).sorted().toList()) {
          String rel = root.relativize(src).toString().replace('\\', '/');
          if (!included(rel, when, model)) {
            continue;
          }
          List<String> segments = new ArrayList<>();
          for (String seg : rel.split("/")) {
            segments.add(seg.contains("[=") ? renderString(rel, seg, model) : seg);
          }
          String outRel = String.join("/", segments);
          if (outRel.endsWith(".ftl")) {
            outRel = outRel.substring(0, outRel.length() - 4);
          }
          Path dest = target.resolve(outRel);
          Files.createDirectories(dest.getParent());
          if (rel.endsWith(".ftl")) {
            Files.writeString(dest, renderString(rel, Files.readString(src), model));
          } else {
            Files.copy(src, dest);
          }
        }
        for (Map<String, Object> manifest : (List<Map<String, Object>>) gen.getOrDefault("manifests", List.of())) {
          Path file = target.resolve(String.valueOf(manifest.get("file")));
          StringBuilder text = new StringBuilder(
              renderString("create", read(generatorDir.resolve(String.valueOf(manifest.get("create")))), model));
          String currentParent = null;
          for (Map<String, Object> key : (List<Map<String, Object>>) manifest.get("keys")) {
            if (key.get("when") instanceof String cond && !bool(cond, model)) {
              continue;
            }
            String[] path = renderString("path", String.valueOf(key.get("path")), model).split("\\.");
            if (path.length != 2) {
              throw new IllegalStateException("harness supports <section>.<name> paths only: " + key.get("path"));
            }
            if (!path[0].equals(currentParent)) {
              if (Pattern.compile("(?m)^" + Pattern.quote(path[0]) + ":").matcher(text).find()) {
                throw new IllegalStateException("harness appends to a new top-level section only: " + path[0]);
              }
              text.append(text.charAt(text.length() - 1) == '\n' ? "" : "\n").append("\n").append(path[0])
                  .append(":\n");
              currentParent = path[0];
            }
            String value = renderString(String.valueOf(key.get("template")),
                read(generatorDir.resolve(String.valueOf(key.get("template")))), model);
            text.append("  ").append(path[1]).append(":\n");
            value.lines().forEach(l -> text.append(l.isBlank() ? "" : "    " + l).append('\n'));
          }
          Files.writeString(file, text.toString());
        }
        if (gen.get("next_steps") instanceof String nextSteps) {
          renderString(nextSteps, read(generatorDir.resolve(nextSteps)), model);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return target;
    }

    private static boolean included(String rel, Map<String, String> when, Map<String, Object> model) {
      for (Map.Entry<String, String> e : when.entrySet()) {
        PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + e.getKey());
        if (m.matches(Path.of(rel)) && !bool(e.getValue(), model)) {
          return false;
        }
      }
      return true;
    }

    static boolean bool(String expression, Map<String, Object> model) {
      return Boolean.parseBoolean(renderString("when", "[#if " + expression + "]true[#else]false[/#if]", model));
    }

    static String renderString(String name, String template, Map<String, Object> model) {
      try {
        Template t = new Template(name, new StringReader(template), freemarker());
        StringWriter out = new StringWriter();
        t.process(model, out);
        return out.toString();
      } catch (TemplateException e) {
        throw new IllegalStateException(name + ": " + e.getMessage(), e);
      } catch (IOException e) {
        throw new UncheckedIOException(name + ": " + e.getMessage(), e);
      }
    }

    static String firstGroup(String text, String regex) {
      var m = Pattern.compile(regex).matcher(text);
      return m.find() ? m.group(1) : null;
    }
  }
}
