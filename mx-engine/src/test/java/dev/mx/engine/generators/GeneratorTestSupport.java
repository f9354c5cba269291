package dev.mx.engine.generators;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * What the tests of the built-in generators that grow an ml-project-skeleton project share: applying generators
 * through the real engine into real directories, validating every generated file with
 * {@link GeneratedProjectValidator} and mx's own linter, and the engine contract (re-applying is a no-op, the
 * state file describes the files on disk).
 */
final class GeneratorTestSupport {

  static final String SKELETON = "ml-project-skeleton";

  /** Only the built-in generators (packaged from templates/), whatever MX_GENERATOR_PATH says. */
  static final MxEngine ENGINE = MxEngine.withGeneratorPath(List.of());

  private static final GeneratedProjectValidator VALIDATOR = new GeneratedProjectValidator();
  private static final Map<String, List<String>> PY_COMPILED = new ConcurrentHashMap<>();

  private GeneratorTestSupport() {}

  /**
   * The engine renders the copy of templates/ packaged into target/classes; a template deleted or renamed since the
   * last {@code mvn clean} would linger there and be rendered and validated in place of the real generator.
   */
  static void assertPackagedIsSource(String id) {
    Path packaged = ENGINE.catalog(null).require(id).root();
    String dir = System.getProperty("mx.templates.dir");
    assertTrue(dir != null && !dir.isBlank(), "system property mx.templates.dir is not set (mx-engine's surefire sets it)");
    Map<String, byte[]> source = snapshot(Path.of(dir).resolve(id));
    Map<String, byte[]> copy = snapshot(packaged);
    assertEquals(source.keySet(), copy.keySet(), "the packaged " + id + " is not templates/" + id + ": run mvn clean");
    for (String f : source.keySet()) {
      assertTrue(Arrays.equals(source.get(f), copy.get(f)), "packaged " + f + " of " + id
          + " differs from templates/" + id + ": rebuild (mvn process-resources)");
    }
  }

  // ------------------------------------------------------------------------------------------ applying

  /** Creates {@code dir} and applies the skeleton with {@code values}, as `mx new ml-project-skeleton` does. */
  static Path skeleton(Path dir, Map<String, String> values) {
    mkdirs(dir);
    apply(dir, SKELETON, values);
    return dir;
  }

  /** Plans and applies one generator; a plan with conflicts or notices fails the test. */
  static Plan apply(Path dir, String generator, Map<String, String> values) {
    Plan plan = ENGINE.plan(new MxEngine.Request(dir, generator, values));
    assertTrue(plan.conflicts().isEmpty(), generator + ": conflicts " + describe(plan.conflicts()));
    List<String> notices = new ArrayList<>();
    ENGINE.apply(plan, false, notices::add);
    assertEquals(List.of(), notices, generator + ": notices while applying");
    return plan;
  }

  /** Planning {@code generator} fails with an input error containing every {@code expected}; nothing is written. */
  static MxException assertRejected(Path dir, String generator, Map<String, String> values, String... expected) {
    Map<String, byte[]> before = snapshot(dir);
    MxException e = assertThrows(MxException.class, () -> ENGINE.generate(dir, generator, values),
        generator + " accepted " + values);
    assertEquals(MxException.Kind.INPUT, e.kind(), e.describe());
    for (String s : expected) {
      assertTrue(e.getMessage().contains(s), "expected '" + s + "' in: " + e.getMessage());
    }
    Map<String, byte[]> after = snapshot(dir);
    assertEquals(before.keySet(), after.keySet(), "a rejected generate added or removed files");
    for (String f : before.keySet()) {
      assertTrue(Arrays.equals(before.get(f), after.get(f)), "a rejected generate changed " + f);
    }
    return e;
  }

  // ------------------------------------------------------------------------------------------ engine contract

  /**
   * mx's promises about a project: the linter accepts devspace.yaml, MLproject and .mx/state.yaml, re-planning
   * every applied generator with no --set values is a no-op, and the state file's hashes describe the files and
   * the manifest keys on disk.
   */
  static List<String> engineContract(Path dir) {
    List<String> problems = new ArrayList<>();
    for (String f : List.of("devspace.yaml", "MLproject", StateFile.RELATIVE_PATH)) {
      if (Files.exists(dir.resolve(f))) {
        for (Diagnostic d : Linter.lintFile(dir.resolve(f), f)) {
          problems.add("mx lint: " + d.format());
        }
      }
    }
    ProjectState state = StateFile.read(dir);
    Set<String> allFiles = new LinkedHashSet<>();
    for (AppliedGenerator g : state.generators()) {
      Plan replan = ENGINE.plan(new MxEngine.Request(dir, g.id(), Map.of()));
      for (FileChange c : replan.changes()) {
        if (c.writes()) {
          problems.add("re-applying " + g.id() + " is not a no-op: " + c.kind() + " " + c.path()
              + (c.reason() == null ? "" : " (" + c.reason() + ")") + "\n" + c.diff());
        }
      }
      for (Map.Entry<String, String> e : g.files().entrySet()) {
        if (!allFiles.add(e.getKey())) {
          problems.add(e.getKey() + " is recorded by two generators");
        }
        Path file = dir.resolve(e.getKey());
        if (!Files.isRegularFile(file) || !e.getValue().equals(Hashes.of(bytes(file)))) {
          problems.add(".mx/state.yaml: the hash " + g.id() + " recorded for " + e.getKey() + " does not match the file");
        }
      }
      for (Map.Entry<String, Map<String, String>> m : g.manifests().entrySet()) {
        Object doc = yaml(dir.resolve(m.getKey()));
        for (Map.Entry<String, String> k : m.getValue().entrySet()) {
          Object value = at(doc, k.getKey());
          if (value == MISSING) {
            problems.add(m.getKey() + ": key " + k.getKey() + " of " + g.id() + " is missing");
          } else if (!k.getValue().equals(Hashes.ofValue(value))) {
            problems.add(m.getKey() + ": the hash " + g.id() + " recorded for key " + k.getKey() + " does not match");
          }
        }
      }
    }
    // shared manifests (devspace.yaml, MLproject) are recorded key by key, not as files
    java.util.Set<String> manifests = new java.util.HashSet<>();
    state.generators().forEach(a -> manifests.addAll(a.manifests().keySet()));
    List<String> onDisk = tree(dir).stream().filter(f -> !manifests.contains(f)).toList();
    if (!new LinkedHashSet<>(onDisk).equals(allFiles)) {
      List<String> extra = new ArrayList<>(onDisk);
      extra.removeAll(allFiles);
      List<String> missing = new ArrayList<>(allFiles);
      missing.removeAll(onDisk);
      problems.add("files on disk and files in .mx/state.yaml differ: unrecorded " + extra + ", missing " + missing);
    }
    return problems;
  }

  // ------------------------------------------------------------------------------------------ validation

  /**
   * Validates every generated file offline: Kubernetes manifests (strict schemas), the Terraform roots (hcl4j and
   * the google 8.x allow-list), Python (py_compile), devspace.yaml (DevSpace's schema and loader rules), no
   * FreeMarker left over, no push target on gcr.io.
   */
  static List<String> validate(Path dir) {
    List<String> problems = new ArrayList<>();
    for (String f : tree(dir)) {
      Path p = dir.resolve(f);
      if ((f.startsWith("k8s/") && f.endsWith(".yaml")) || f.equals("train_job.yaml")) {
        problems.addAll(VALIDATOR.validateKubernetesYaml(p));
      } else if (f.endsWith(".py")) {
        problems.addAll(PY_COMPILED.computeIfAbsent(Hashes.of(bytes(p)), h -> VALIDATOR.validatePython(p)).stream()
            .map(s -> f + ": " + s).toList());
      } else if (f.endsWith(".json")) {
        problems.addAll(VALIDATOR.validateJson(p));
      }
      String text = read(p);
      if (text.contains("[=") || text.contains("[#") || text.contains("[/#")) {
        problems.add(f + ": FreeMarker syntax left in the output");
      }
      if (Pattern.compile("gcr\\.io/(?!cloud-builders/)").matcher(text).find() && !f.startsWith("k8s/cuda-drivers/")) {
        problems.add(f + ": gcr.io no longer accepts pushes (and only gcr.io/cloud-builders is used to pull)");
      }
    }
    for (String module : List.of("terraform", "terraform/bootstrap")) {
      if (Files.isDirectory(dir.resolve(module))) {
        problems.addAll(VALIDATOR.validateTerraformModule(dir.resolve(module)));
      }
    }
    problems.addAll(VALIDATOR.validateDevspaceSchema(dir.resolve("devspace.yaml")));
    problems.addAll(VALIDATOR.validateDevspaceRules(dir.resolve("devspace.yaml")));
    return problems;
  }

  static void assertNoProblems(List<String> problems) {
    assertTrue(problems.isEmpty(), GeneratedProjectValidator.report(problems));
  }

  // ------------------------------------------------------------------------------------------ cloudbuild.yaml

  private static final Set<String> BUILD_KEYS = Set.of("steps", "images", "artifacts", "substitutions",
      "availableSecrets", "options", "timeout", "serviceAccount", "logsBucket", "tags", "queueTtl");
  private static final Set<String> STEP_KEYS = Set.of("name", "args", "entrypoint", "script", "id", "waitFor", "env",
      "secretEnv", "dir", "timeout", "volumes", "allowFailure", "allowExitCodes", "automapSubstitutions");
  /** Substitutions Cloud Build defines (template-facts.md section 8); the rest must be user keys `_X`. */
  static final Set<String> BUILT_INS = Set.of("PROJECT_ID", "BUILD_ID", "PROJECT_NUMBER", "LOCATION", "COMMIT_SHA",
      "SHORT_SHA", "BRANCH_NAME", "TAG_NAME", "REF_NAME", "REPO_NAME", "REPO_FULL_NAME", "REVISION_ID",
      "TRIGGER_NAME", "SERVICE_ACCOUNT_EMAIL", "SERVICE_ACCOUNT");

  /**
   * The Cloud Build rules a build config must meet that no schema here checks: known keys, unique step ids,
   * waitFor naming earlier steps, every substitution defined and used (Cloud Build rejects both by default),
   * Artifact Registry images, and Cloud Logging only (required with the trigger's user-specified service account).
   */
  @SuppressWarnings("unchecked")
  static List<String> checkCloudBuild(String text) {
    List<String> problems = new ArrayList<>();
    Object loaded;
    try {
      loaded = new Load(LoadSettings.builder().build()).loadFromString(text);
    } catch (RuntimeException e) {
      return List.of("cloudbuild.yaml: YAML syntax error: " + e.getMessage());
    }
    if (!(loaded instanceof Map<?, ?> build)) {
      return List.of("cloudbuild.yaml: not a mapping");
    }
    for (Object k : build.keySet()) {
      if (!BUILD_KEYS.contains(String.valueOf(k))) {
        problems.add("cloudbuild.yaml: unknown key '" + k + "'");
      }
    }
    Set<String> ids = new LinkedHashSet<>();
    List<Object> steps = build.get("steps") instanceof List<?> l ? (List<Object>) l : List.of();
    if (steps.isEmpty()) {
      problems.add("cloudbuild.yaml: no steps");
    }
    for (Object o : steps) {
      if (!(o instanceof Map<?, ?> step)) {
        problems.add("cloudbuild.yaml: a step is not a mapping");
        continue;
      }
      String id = String.valueOf(step.get("id"));
      for (Object k : step.keySet()) {
        if (!STEP_KEYS.contains(String.valueOf(k))) {
          problems.add("cloudbuild.yaml: step " + id + ": unknown key '" + k + "'");
        }
      }
      if (!(step.get("name") instanceof String name) || name.isBlank()) {
        problems.add("cloudbuild.yaml: step " + id + " has no builder name");
      }
      if (step.get("args") != null && !(step.get("args") instanceof List)) {
        problems.add("cloudbuild.yaml: step " + id + ": args must be a list");
      }
      if (step.get("waitFor") instanceof List<?> waitFor) {
        for (Object w : waitFor) {
          if (!"-".equals(w) && !ids.contains(String.valueOf(w))) {
            problems.add("cloudbuild.yaml: step " + id + " waits for '" + w + "', which is not an earlier step");
          }
        }
      }
      if (step.get("id") != null && !ids.add(id)) {
        problems.add("cloudbuild.yaml: step id " + id + " is used twice");
      }
    }
    Map<String, Object> subs = build.get("substitutions") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    for (String k : subs.keySet()) {
      if (!k.matches("_[A-Z0-9_]+")) {
        problems.add("cloudbuild.yaml: substitution " + k + " must start with _ and use A-Z, 0-9, _");
      }
    }
    // everything but the substitutions block itself, with the $$ escapes removed
    String body = text.replace("$$", "");
    int subsStart = body.indexOf("\nsubstitutions:");
    if (subsStart >= 0) {
      int end = body.indexOf("\n", subsStart + 1);
      while (end >= 0 && end + 1 < body.length() && (body.charAt(end + 1) == ' ' || body.charAt(end + 1) == '\n')) {
        end = body.indexOf("\n", end + 1);
      }
      body = body.substring(0, subsStart) + (end < 0 ? "" : body.substring(end));
    }
    body = body.lines().filter(l -> !l.stripLeading().startsWith("#")).collect(Collectors.joining("\n"));
    Set<String> used = new LinkedHashSet<>();
    Matcher m = Pattern.compile("\\$(?:\\{([A-Za-z_][A-Za-z0-9_]*)\\}|([A-Za-z_][A-Za-z0-9_]*))").matcher(body);
    while (m.find()) {
      used.add(m.group(1) != null ? m.group(1) : m.group(2));
    }
    for (String u : used) {
      if (u.startsWith("_") ? !subs.containsKey(u) : !BUILT_INS.contains(u)) {
        problems.add("cloudbuild.yaml: $" + u + " is neither a built-in substitution nor defined in substitutions"
            + " (write shell variables as $$" + u + ")");
      }
    }
    for (String k : subs.keySet()) {
      if (!used.contains(k)) {
        problems.add("cloudbuild.yaml: substitution " + k + " is defined but never used");
      }
    }
    if (build.get("images") instanceof List<?> images) {
      for (Object i : images) {
        if (!String.valueOf(i).contains("-docker.pkg.dev/")) {
          problems.add("cloudbuild.yaml: image " + i + " is not in Artifact Registry (REGION-docker.pkg.dev)");
        }
      }
    }
    Object options = build.get("options");
    if (!(options instanceof Map<?, ?> opts) || !"CLOUD_LOGGING_ONLY".equals(opts.get("logging"))) {
      problems.add("cloudbuild.yaml: options.logging must be CLOUD_LOGGING_ONLY (the trigger runs as a"
          + " user-specified service account)");
    }
    if (build.get("timeout") != null && !String.valueOf(build.get("timeout")).matches("\\d+s")) {
      problems.add("cloudbuild.yaml: timeout must be seconds like 3600s");
    }
    return problems;
  }

  // ------------------------------------------------------------------------------------------ helpers

  private static final Object MISSING = new Object();

  /** The value at a dotted key path of a parsed YAML document, or MISSING. */
  @SuppressWarnings("unchecked")
  static Object at(Object doc, String dotted) {
    Object node = doc;
    for (String part : dotted.split("\\.")) {
      if (!(node instanceof Map<?, ?> map) || !map.containsKey(part)) {
        return MISSING;
      }
      node = ((Map<String, Object>) map).get(part);
    }
    return node;
  }

  static Object yaml(Path file) {
    return new Load(LoadSettings.builder().build()).loadFromString(read(file));
  }

  static Path mkdirs(Path dir) {
    try {
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Files under root, relative and sorted, without mx's own .mx/. */
  static List<String> tree(Path root) {
    return snapshot(root).keySet().stream().filter(f -> !f.startsWith(".mx/")).toList();
  }

  /** Every file under root (.mx/ included), relative path to bytes, sorted by path. */
  static Map<String, byte[]> snapshot(Path root) {
    Map<String, byte[]> out = new TreeMap<>();
    if (!Files.isDirectory(root)) {
      return out;
    }
    try (Stream<Path> s = Files.walk(root)) {
      s.filter(Files::isRegularFile).forEach(p -> out.put(root.relativize(p).toString().replace('\\', '/'), bytes(p)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
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

  static void write(Path p, String text) {
    try {
      Files.writeString(p, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String firstGroup(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    return m.find() ? m.group(1) : null;
  }

  static Map<String, String> values(String... keyValues) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      m.put(keyValues[i], keyValues[i + 1]);
    }
    return m;
  }

  private static String describe(List<FileChange> changes) {
    return changes.stream().map(c -> c.path() + " (" + c.reason() + ")").collect(Collectors.joining(", "));
  }
}
