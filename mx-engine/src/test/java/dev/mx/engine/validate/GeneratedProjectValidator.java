package dev.mx.engine.validate;

import com.bertramlabs.plugins.hcl4j.HCLParser;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Offline checks for the files a generator renders. Every method returns human-readable problems, one per
 * string, prefixed with {@code file:line} where a line is known; an empty list means the file passed.
 *
 * <p>Shared material (Kubernetes and CRD schemas, DevSpace's schema) is found under the directory named by the
 * system property {@code mx.shared.dir}; the Terraform allow-list is the test resource
 * {@code validate/terraform-google-allowlist.json}.
 */
public final class GeneratedProjectValidator {

  /** DevSpace's name rule for the config name and the keys of images/deployments/dev/pipelines. */
  public static final Pattern DEVSPACE_SAFE = Pattern.compile("^(([a-z0-9][a-z0-9\\-]*[a-z0-9])|([a-z0-9]))$");

  private static final Pattern DEVSPACE_UPPER = Pattern.compile("^[A-Za-z0-9]([A-Za-z0-9_\\-]*[A-Za-z0-9])?$");
  private static final Set<String> TF_TOP_LEVEL =
      Set.of("terraform", "provider", "variable", "locals", "output", "resource", "data", "module", "moved",
          "import", "check", "removed");
  private static final Set<String> TF_META = Set.of("count", "for_each", "depends_on", "lifecycle", "provider");

  private final Path sharedDir;
  private final Path k8sSchemaDir;
  private final ObjectMapper json = new ObjectMapper();
  private final Map<Path, JsonSchema> schemaCache = new HashMap<>();
  private final JsonNode crdIndex;
  /** CRD schemas the shared set lacks: test resource folder validate/crds/ (its own index.json), or null. */
  private final Path extraCrdDir;
  private final JsonNode tfAllowList;
  private JsonSchema objectMetaSchema;

  /** Uses the shared directory named by the system property {@code mx.shared.dir}. */
  public GeneratedProjectValidator() {
    this(sharedDirFromProperty());
  }

  public GeneratedProjectValidator(Path sharedDir) {
    this.sharedDir = sharedDir;
    this.k8sSchemaDir = sharedDir.resolve("schemas/kubernetes/v1.32.2-standalone-strict");
    if (!Files.isDirectory(k8sSchemaDir)) {
      throw new IllegalStateException("Kubernetes schemas not found under " + k8sSchemaDir
          + " (is mx.shared.dir right?)");
    }
    this.crdIndex = readJson(sharedDir.resolve("schemas/crds/index.json"));
    this.extraCrdDir = testResourceDir("/validate/crds/index.json");
    try (InputStream in = GeneratedProjectValidator.class.getResourceAsStream(
        "/validate/terraform-google-allowlist.json")) {
      if (in == null) {
        throw new IllegalStateException("test resource validate/terraform-google-allowlist.json is missing");
      }
      this.tfAllowList = json.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Path sharedDirFromProperty() {
    String dir = System.getProperty("mx.shared.dir");
    if (dir == null || dir.isBlank()) {
      throw new IllegalStateException("system property mx.shared.dir is not set (mx-engine's surefire sets it)");
    }
    return Path.of(dir).toAbsolutePath().normalize();
  }

  // ---------------------------------------------------------------- Kubernetes

  /**
   * Validates every document of a Kubernetes YAML file against the strict schema of its kind (built-in kinds from
   * the v1.32.2 standalone-strict set, custom resources through {@code crds/index.json}). A kind with no schema is
   * a problem, not a pass.
   */
  public List<String> validateKubernetesYaml(Path file) {
    List<String> problems = new ArrayList<>();
    List<YamlTree.Doc> docs;
    try {
      docs = YamlTree.parseAll(Files.readString(file), file.toString());
    } catch (IOException e) {
      return List.of(file + ": cannot read: " + e.getMessage());
    } catch (RuntimeException e) {
      return List.of(file + ": YAML syntax error: " + oneLine(e.getMessage()));
    }
    int index = 0;
    for (YamlTree.Doc doc : docs) {
      index++;
      for (String dup : doc.duplicateKeys()) {
        problems.add(file + ":" + dup.replaceFirst("^line ", ""));
      }
      JsonNode root = doc.root();
      if (root == null || root.isNull()) {
        continue; // empty document, e.g. a trailing ---
      }
      String where = file + ":" + doc.startLine();
      if (!root.isObject()) {
        problems.add(where + ": document " + index + " is not a mapping");
        continue;
      }
      String apiVersion = root.path("apiVersion").asText("");
      String kind = root.path("kind").asText("");
      if (apiVersion.isEmpty() || kind.isEmpty()) {
        problems.add(where + ": document " + index + " has no apiVersion/kind");
        continue;
      }
      String label = kind + " " + root.path("metadata").path("name").asText("<no name>");
      Path builtin = builtinSchemaFile(apiVersion, kind);
      if (builtin != null) {
        addSchemaProblems(problems, file, doc, label, schema(builtin, SpecVersion.VersionFlag.V7), root, "");
        continue;
      }
      Path crd = crdSchemaFile(apiVersion, kind);
      if (crd == null) {
        problems.add(where + ": no schema for apiVersion '" + apiVersion + "' kind '" + kind
            + "' (unknown kind, misspelled kind/apiVersion, or a schema that still needs vendoring)");
        continue;
      }
      JsonSchema crdSchema = schema(crd, SpecVersion.VersionFlag.V7);
      addSchemaProblems(problems, file, doc, label, crdSchema, root, "");
      // the CRD files leave the top level open: check it ourselves
      Set<String> allowedTop = new LinkedHashSet<>(List.of("apiVersion", "kind", "metadata"));
      readJson(crd).path("properties").fieldNames().forEachRemaining(allowedTop::add);
      for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
        String key = it.next();
        if (!allowedTop.contains(key)) {
          problems.add(file + ":" + doc.lineOf("/" + YamlTree.escape(key)) + ": [" + label
              + "] unknown top-level field '" + key + "'");
        }
      }
      if (!root.path("metadata").isObject()) {
        problems.add(where + ": [" + label + "] metadata is missing");
      } else {
        addSchemaProblems(problems, file, doc, label, objectMeta(), root.get("metadata"), "/metadata");
      }
    }
    return problems;
  }

  private Path builtinSchemaFile(String apiVersion, String kind) {
    String group = "";
    String version = apiVersion;
    int slash = apiVersion.indexOf('/');
    if (slash >= 0) {
      group = apiVersion.substring(0, slash);
      version = apiVersion.substring(slash + 1);
    }
    String name = kind.toLowerCase() + (group.isEmpty() ? "" : "-" + group.split("\\.")[0]) + "-" + version
        + ".json";
    Path file = k8sSchemaDir.resolve(name);
    if (!Files.isRegularFile(file)) {
      return null;
    }
    // the file name is lowercase and drops the group's domain: confirm the exact apiVersion and kind
    JsonNode props = readJson(file).path("properties");
    boolean kindOk = enumContains(props.path("kind").path("enum"), kind);
    boolean versionOk = enumContains(props.path("apiVersion").path("enum"), apiVersion);
    return kindOk && versionOk ? file : null;
  }

  private static boolean enumContains(JsonNode enumNode, String value) {
    if (!enumNode.isArray()) {
      return false;
    }
    for (JsonNode n : enumNode) {
      if (value.equals(n.asText())) {
        return true;
      }
    }
    return false;
  }

  private Path crdSchemaFile(String apiVersion, String kind) {
    for (JsonNode entry : crdIndex) {
      if (apiVersion.equals(entry.path("apiVersion").asText()) && kind.equals(entry.path("kind").asText())) {
        return sharedDir.resolve("schemas/crds").resolve(entry.path("file").asText());
      }
    }
    if (extraCrdDir != null) {
      for (JsonNode entry : readJson(extraCrdDir.resolve("index.json"))) {
        if (apiVersion.equals(entry.path("apiVersion").asText()) && kind.equals(entry.path("kind").asText())) {
          return extraCrdDir.resolve(entry.path("file").asText());
        }
      }
    }
    return null;
  }

  /** The directory of a test resource on disk (target/test-classes), or null when it is absent. */
  private static Path testResourceDir(String resource) {
    java.net.URL url = GeneratedProjectValidator.class.getResource(resource);
    if (url == null || !"file".equals(url.getProtocol())) {
      return null;
    }
    try {
      return Path.of(url.toURI()).getParent();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private JsonSchema objectMeta() {
    if (objectMetaSchema == null) {
      JsonNode meta = readJson(k8sSchemaDir.resolve("configmap-v1.json")).path("properties").path("metadata");
      objectMetaSchema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
          .getSchema(meta, config());
    }
    return objectMetaSchema;
  }

  private void addSchemaProblems(List<String> problems, Path file, YamlTree.Doc doc, String label,
      JsonSchema schema, JsonNode node, String pointerPrefix) {
    List<ValidationMessage> messages = new ArrayList<>(schema.validate(node));
    messages.sort(Comparator.comparing(m -> m.getInstanceLocation().toString()));
    for (ValidationMessage m : messages) {
      String pointer = pointerPrefix + m.getInstanceLocation().toString();
      if (m.getProperty() != null && doc.lines().containsKey(pointer + "/" + YamlTree.escape(m.getProperty()))) {
        pointer = pointer + "/" + YamlTree.escape(m.getProperty());
      }
      String message = m.getMessage();
      if (!pointerPrefix.isEmpty() && message.startsWith("/")) {
        message = pointerPrefix + message;
      }
      problems.add(file + ":" + doc.lineOf(pointer) + ": [" + label + "] " + message);
    }
  }

  private static SchemaValidatorsConfig config() {
    return SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER).build();
  }

  private synchronized JsonSchema schema(Path file, SpecVersion.VersionFlag flag) {
    return schemaCache.computeIfAbsent(file, f -> {
      JsonNode node = readJson(f);
      if (flag != SpecVersion.VersionFlag.V202012 && node instanceof ObjectNode obj) {
        // the Kubernetes files say "$schema": "http://json-schema.org/schema#" (no fixed draft); they use draft 4/7
        // keywords only, so validate them as draft 7
        obj.remove("$schema");
      }
      return JsonSchemaFactory.getInstance(flag).getSchema(node, config());
    });
  }

  private JsonNode readJson(Path file) {
    try {
      return json.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  // ---------------------------------------------------------------- DevSpace

  /** Validates a devspace.yaml against DevSpace's own JSON schema (draft 2020-12). */
  public List<String> validateDevspaceSchema(Path devspaceYaml) {
    List<YamlTree.Doc> docs;
    try {
      docs = YamlTree.parseAll(Files.readString(devspaceYaml), devspaceYaml.toString());
    } catch (IOException e) {
      return List.of(devspaceYaml + ": cannot read: " + e.getMessage());
    } catch (RuntimeException e) {
      return List.of(devspaceYaml + ": YAML syntax error: " + oneLine(e.getMessage()));
    }
    if (docs.size() != 1 || docs.get(0).root() == null || !docs.get(0).root().isObject()) {
      return List.of(devspaceYaml + ": expected exactly one YAML mapping document");
    }
    YamlTree.Doc doc = docs.get(0);
    List<String> problems = new ArrayList<>();
    for (String dup : doc.duplicateKeys()) {
      problems.add(devspaceYaml + ":" + dup.replaceFirst("^line ", ""));
    }
    Path schemaFile = sharedDir.resolve("corpus/devspace/schema/devspace-v2beta1.schema.json");
    addSchemaProblems(problems, devspaceYaml, doc, "devspace", schema(schemaFile, SpecVersion.VersionFlag.V202012),
        doc.root(), "");
    return problems;
  }

  /**
   * The loader rules DevSpace enforces that its schema does not encode (see reference/devspace.md section 4):
   * SAFE names, helm XOR kubectl, manifests XOR inlineManifest, every local manifest path exists, images without
   * tag, hook actions.
   */
  public List<String> validateDevspaceRules(Path devspaceYaml) {
    List<String> problems = new ArrayList<>();
    YamlTree.Doc doc;
    try {
      doc = YamlTree.parseAll(Files.readString(devspaceYaml), devspaceYaml.toString()).get(0);
    } catch (IOException | RuntimeException e) {
      return List.of(devspaceYaml + ": cannot parse: " + oneLine(e.getMessage()));
    }
    JsonNode root = doc.root();
    Path baseDir = devspaceYaml.toAbsolutePath().getParent();
    String f = devspaceYaml.toString();
    if (!"v2beta1".equals(root.path("version").asText())) {
      problems.add(f + ":" + doc.lineOf("/version") + ": version must be v2beta1");
    }
    if (!DEVSPACE_SAFE.matcher(root.path("name").asText()).matches()) {
      problems.add(f + ":" + doc.lineOf("/name") + ": name '" + root.path("name").asText()
          + "' must match " + DEVSPACE_SAFE.pattern());
    }
    for (String section : List.of("images", "deployments", "dev", "pipelines", "pullSecrets", "dependencies")) {
      root.path(section).fieldNames().forEachRemaining(k -> {
        if (!DEVSPACE_SAFE.matcher(k).matches()) {
          problems.add(f + ":" + doc.lineOf("/" + section + "/" + YamlTree.escape(k)) + ": " + section + " key '"
              + k + "' must match " + DEVSPACE_SAFE.pattern());
        }
      });
    }
    root.path("vars").fieldNames().forEachRemaining(k -> {
      if (!DEVSPACE_UPPER.matcher(k).matches()) {
        problems.add(f + ":" + doc.lineOf("/vars/" + YamlTree.escape(k)) + ": vars key '" + k + "' is invalid");
      }
    });
    Set<String> seenImages = new LinkedHashSet<>();
    root.path("images").fields().forEachRemaining(e -> {
      String p = "/images/" + YamlTree.escape(e.getKey());
      String image = e.getValue().path("image").asText("");
      if (image.isEmpty()) {
        problems.add(f + ":" + doc.lineOf(p) + ": images." + e.getKey() + ".image is required");
      } else {
        String lastSegment = image.substring(image.lastIndexOf('/') + 1);
        if (lastSegment.contains(":") || image.contains("@")) {
          problems.add(f + ":" + doc.lineOf(p + "/image") + ": images." + e.getKey() + ".image '" + image
              + "' must not carry a tag or digest");
        }
        if (!seenImages.add(image)) {
          problems.add(f + ":" + doc.lineOf(p + "/image") + ": image '" + image + "' is used by two images entries");
        }
      }
    });
    root.path("deployments").fields().forEachRemaining(e -> {
      String p = "/deployments/" + YamlTree.escape(e.getKey());
      JsonNode d = e.getValue();
      boolean helm = d.hasNonNull("helm");
      boolean kubectl = d.hasNonNull("kubectl");
      if (helm == kubectl) {
        problems.add(f + ":" + doc.lineOf(p) + ": deployment " + e.getKey()
            + " needs exactly one of helm or kubectl");
      }
      if (kubectl) {
        JsonNode k = d.get("kubectl");
        boolean manifests = k.hasNonNull("manifests");
        boolean inline = k.hasNonNull("inlineManifest");
        if (manifests == inline) {
          problems.add(f + ":" + doc.lineOf(p + "/kubectl") + ": deployment " + e.getKey()
              + " needs exactly one of kubectl.manifests or kubectl.inlineManifest");
        }
        int i = 0;
        for (JsonNode m : k.path("manifests")) {
          String path = m.asText();
          String mp = p + "/kubectl/manifests/" + i++;
          if (path.startsWith("http://") || path.startsWith("https://")) {
            continue;
          }
          if (path.contains("${") || path.contains("$(")) {
            problems.add(f + ":" + doc.lineOf(mp) + ": manifest path '" + path
                + "' uses a variable, cannot be checked");
            continue;
          }
          if (path.contains("*")) {
            continue; // globs are legal; their directory must exist
          }
          if (!Files.exists(baseDir.resolve(path))) {
            problems.add(f + ":" + doc.lineOf(mp) + ": manifest path '" + path + "' does not exist");
          }
        }
      }
    });
    int h = 0;
    for (JsonNode hook : root.path("hooks")) {
      String p = "/hooks/" + h++;
      if (!hook.path("events").isArray() || hook.path("events").isEmpty()) {
        problems.add(f + ":" + doc.lineOf(p) + ": hook needs events");
      }
      int actions = 0;
      for (String a : List.of("command", "logs", "wait", "download", "upload")) {
        if (hook.hasNonNull(a)) {
          actions++;
        }
      }
      if (actions != 1) {
        problems.add(f + ":" + doc.lineOf(p) + ": hook needs exactly one of command/logs/wait/download/upload");
      }
    }
    return problems;
  }

  // ---------------------------------------------------------------- Terraform

  /**
   * Parses one .tf file with hcl4j, then checks top-level block types, the {@code required_providers} pin for
   * google ({@code ~> 8.0}) and every resource/data type and argument against the allow-list of current
   * hashicorp/google 8.x types and arguments.
   */
  @SuppressWarnings("unchecked")
  public List<String> validateTerraform(Path file) {
    List<String> problems = new ArrayList<>();
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      return List.of(file + ": cannot read: " + e.getMessage());
    }
    Map<String, Object> tf;
    PrintStream out = System.out;
    try {
      // hcl4j prints evaluation traces on stdout; keep them out of the test log
      System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
      tf = new HCLParser().parse(text);
    } catch (Exception e) {
      String msg = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
      Matcher m = Pattern.compile("line:? (\\d+)").matcher(String.valueOf(msg));
      return List.of(file + ":" + (m.find() ? m.group(1) : "1") + ": HCL syntax error: " + oneLine(msg));
    } finally {
      System.setOut(out);
    }
    String structure = hclStructureProblem(text);
    if (structure != null) {
      return List.of(file + ":" + structure);
    }
    String[] lines = text.split("\n", -1);
    for (String key : tf.keySet()) {
      if (!TF_TOP_LEVEL.contains(key)) {
        problems.add(file + ":" + findLine(lines, 0, "^\\s*" + Pattern.quote(key) + "\\b") + ": unknown block '"
            + key + "'");
      }
    }
    if (tf.get("terraform") instanceof Map<?, ?> terraform) {
      checkTerraformBlock(problems, file, lines, (Map<String, Object>) terraform);
    }
    if (tf.get("provider") instanceof Map<?, ?> providers) {
      for (Map.Entry<?, ?> p : providers.entrySet()) {
        JsonNode spec = tfAllowList.path("providers").path(String.valueOf(p.getKey()));
        int line = findLine(lines, 0, "^\\s*provider\\s+\"" + Pattern.quote(String.valueOf(p.getKey())) + "\"");
        if (spec.isMissingNode()) {
          problems.add(file + ":" + line + ": provider '" + p.getKey() + "' is not in the allow-list");
        } else {
          for (Object body : asBlocks(p.getValue())) {
            checkBody(problems, file, lines, line, "provider " + p.getKey(), (Map<String, Object>) body, spec, false);
          }
        }
      }
    }
    for (String kindOfBlock : List.of("resource", "data")) {
      if (!(tf.get(kindOfBlock) instanceof Map<?, ?> types)) {
        continue;
      }
      JsonNode allowed = tfAllowList.path(kindOfBlock.equals("resource") ? "resources" : "data");
      for (Map.Entry<?, ?> t : types.entrySet()) {
        String type = String.valueOf(t.getKey());
        JsonNode spec = allowed.path(type);
        if (!(t.getValue() instanceof Map<?, ?> instances)) {
          continue;
        }
        for (Map.Entry<?, ?> inst : instances.entrySet()) {
          int line = findLine(lines, 0, "^\\s*" + kindOfBlock + "\\s+\"" + Pattern.quote(type) + "\"\\s+\""
              + Pattern.quote(String.valueOf(inst.getKey())) + "\"");
          String label = kindOfBlock + " " + type + "." + inst.getKey();
          if (spec.isMissingNode()) {
            problems.add(file + ":" + line + ": " + kindOfBlock + " type '" + type
                + "' is not in the allow-list of current hashicorp/google 8.x types");
            continue;
          }
          for (Object body : asBlocks(inst.getValue())) {
            checkBody(problems, file, lines, line, label, (Map<String, Object>) body, spec, true);
          }
        }
      }
    }
    return problems;
  }

  /**
   * Validates every .tf file of a root module and checks the module pins hashicorp/google {@code ~> 8.0} when it
   * uses google resources.
   */
  public List<String> validateTerraformModule(Path dir) {
    List<String> problems = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.toString().endsWith(".tf")).sorted().toList();
    } catch (IOException e) {
      return List.of(dir + ": cannot list: " + e.getMessage());
    }
    boolean usesGoogle = false;
    boolean pinned = false;
    for (Path f : files) {
      problems.addAll(validateTerraform(f));
      try {
        String text = Files.readString(f);
        usesGoogle |= Pattern.compile("(?m)^\\s*(resource|data)\\s+\"google_").matcher(text).find();
        pinned |= Pattern.compile("(?s)required_providers\\s*\\{.*google\\s*=\\s*\\{").matcher(text).find();
      } catch (IOException e) {
        problems.add(f + ": cannot read: " + e.getMessage());
      }
    }
    if (files.isEmpty()) {
      problems.add(dir + ": no .tf files");
    } else if (usesGoogle && !pinned) {
      problems.add(dir + ": uses google resources but no file declares required_providers.google");
    }
    return problems;
  }

  @SuppressWarnings("unchecked")
  private void checkTerraformBlock(List<String> problems, Path file, String[] lines, Map<String, Object> terraform) {
    int line = findLine(lines, 0, "^\\s*terraform\\s*\\{");
    for (String key : terraform.keySet()) {
      if (!Set.of("required_version", "required_providers", "backend", "cloud", "experiments",
          "provider_meta").contains(key)) {
        problems.add(file + ":" + line + ": unknown argument '" + key + "' in terraform block");
      }
    }
    if (terraform.get("required_providers") instanceof Map<?, ?> rp) {
      for (Map.Entry<?, ?> e : rp.entrySet()) {
        String name = String.valueOf(e.getKey());
        int l = findLine(lines, line - 1, "^\\s*" + Pattern.quote(name) + "\\s*=");
        if (!(e.getValue() instanceof Map<?, ?> req)) {
          problems.add(file + ":" + l + ": required_providers." + name + " must be an object {source, version}");
          continue;
        }
        if (name.equals("google")) {
          if (!"hashicorp/google".equals(req.get("source"))) {
            problems.add(file + ":" + l + ": required_providers.google.source must be hashicorp/google, not "
                + req.get("source"));
          }
          String expected = tfAllowList.path("googleVersionConstraint").asText();
          if (!expected.equals(req.get("version"))) {
            problems.add(file + ":" + l + ": required_providers.google.version must be '" + expected + "', not '"
                + req.get("version") + "'");
          }
        } else if (!tfAllowList.path("providers").has(name)) {
          problems.add(file + ":" + l + ": provider '" + name + "' is not in the allow-list");
        }
      }
    }
    if (terraform.get("backend") instanceof Map<?, ?> backend) {
      for (Map.Entry<?, ?> e : backend.entrySet()) {
        int l = findLine(lines, 0, "^\\s*backend\\s+\"");
        if (!"gcs".equals(e.getKey())) {
          problems.add(file + ":" + l + ": backend '" + e.getKey() + "' (the skeleton uses gcs)");
          continue;
        }
        Map<String, Object> gcs = (Map<String, Object>) e.getValue();
        Object bucket = gcs.get("bucket");
        if (!(bucket instanceof String s) || s.isBlank() || lineText(lines, "bucket").contains("var.")) {
          problems.add(file + ":" + l + ": backend gcs needs a literal bucket (backend blocks cannot use variables)");
        }
        for (String k : gcs.keySet()) {
          if (!Set.of("bucket", "prefix", "impersonate_service_account", "impersonate_service_account_delegates",
              "credentials", "access_token", "encryption_key", "kms_encryption_key", "storage_custom_endpoint")
              .contains(k)) {
            problems.add(file + ":" + l + ": unknown gcs backend argument '" + k + "'");
          }
        }
      }
    }
  }

  @SuppressWarnings("unchecked")
  private void checkBody(List<String> problems, Path file, String[] lines, int headerLine, String label,
      Map<String, Object> body, JsonNode spec, boolean allowMeta) {
    Set<String> args = toSet(spec.path("args"));
    JsonNode blocks = spec.path("blocks");
    for (Map.Entry<String, Object> e : body.entrySet()) {
      String key = e.getKey();
      if ((allowMeta && TF_META.contains(key)) || args.contains(key)) {
        continue;
      }
      int line = findLine(lines, headerLine - 1, "^\\s*" + Pattern.quote(key) + "\\s*(=|\\{)");
      if (blocks.has(key)) {
        for (Object nested : asBlocks(e.getValue())) {
          if (nested instanceof Map<?, ?> m) {
            checkBody(problems, file, lines, line, label + "." + key, (Map<String, Object>) m, blocks.get(key),
                false);
          } else {
            problems.add(file + ":" + line + ": [" + label + "] '" + key + "' must be a block");
          }
        }
      } else {
        problems.add(file + ":" + line + ": [" + label + "] unknown argument or block '" + key
            + "' (not in the hashicorp/google 8.x allow-list)");
      }
    }
  }

  /**
   * hcl4j accepts some malformed input (an unclosed block, an attribute without a value). This tokenizer checks
   * what it lets through: balanced braces/brackets/parentheses outside strings, comments and heredocs, closed
   * strings, and no attribute whose value is missing at the end of a line. Returns "line: message" or null.
   */
  static String hclStructureProblem(String text) {
    java.util.ArrayDeque<Character> stack = new java.util.ArrayDeque<>();
    java.util.ArrayDeque<Integer> openLines = new java.util.ArrayDeque<>();
    int line = 1;
    boolean inString = false;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      char next = i + 1 < n ? text.charAt(i + 1) : '\0';
      if (c == '\n') {
        if (inString) {
          return line + ": unterminated string";
        }
        line++;
        continue;
      }
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        } else if ((c == '$' || c == '%') && next == '{') {
          if (i + 2 < n && text.charAt(i + 2) == '{') {
            i += 2; // $${ / %%{ escapes
          } else {
            stack.push('I');
            openLines.push(line);
            inString = false;
            i++;
          }
        }
        continue;
      }
      if (c == '#' || (c == '/' && next == '/')) {
        while (i + 1 < n && text.charAt(i + 1) != '\n') {
          i++;
        }
        continue;
      }
      if (c == '/' && next == '*') {
        int end = text.indexOf("*/", i + 2);
        if (end < 0) {
          return line + ": unterminated /* comment";
        }
        line += (int) text.substring(i, end).chars().filter(ch -> ch == '\n').count();
        i = end + 1;
        continue;
      }
      if (c == '<' && next == '<') {
        Matcher h = Pattern.compile("<<-?([A-Za-z_][A-Za-z0-9_]*)\\r?\\n").matcher(text).region(i, n);
        if (h.lookingAt()) {
          Matcher end = Pattern.compile("(?m)^\\s*" + Pattern.quote(h.group(1)) + "\\s*$").matcher(text)
              .region(h.end(), n);
          if (!end.find()) {
            return line + ": unterminated heredoc " + h.group(1);
          }
          line += (int) text.substring(i, end.end()).chars().filter(ch -> ch == '\n').count();
          i = end.end() - 1;
          continue;
        }
      }
      switch (c) {
        case '"' -> inString = true;
        case '{', '[', '(' -> {
          stack.push(c);
          openLines.push(line);
        }
        case '}', ']', ')' -> {
          char open = c == '}' ? '{' : c == ']' ? '[' : '(';
          if (stack.isEmpty()) {
            return line + ": unexpected '" + c + "'";
          }
          char top = stack.pop();
          openLines.pop();
          if (top == 'I' && c == '}') {
            inString = true; // back inside the string after ${...}
          } else if (top != open) {
            return line + ": '" + c + "' does not close '" + (top == 'I' ? "${" : String.valueOf(top)) + "'";
          }
        }
        case '=' -> {
          char prev = i > 0 ? text.charAt(i - 1) : ' ';
          boolean operator = next == '=' || next == '>' || prev == '=' || prev == '!' || prev == '<' || prev == '>';
          boolean newlineSensitive = stack.isEmpty() || stack.peek() == '{';
          if (!operator && newlineSensitive) {
            int eol = text.indexOf('\n', i);
            String rest = (eol < 0 ? text.substring(i + 1) : text.substring(i + 1, eol)).strip();
            if (rest.isEmpty() || rest.startsWith("#") || rest.startsWith("//")) {
              return line + ": attribute has no value after '='";
            }
          }
        }
        default -> {
          // other characters need no tracking
        }
      }
    }
    if (inString) {
      return line + ": unterminated string";
    }
    if (!stack.isEmpty()) {
      return openLines.peek() + ": '" + (stack.peek() == 'I' ? "${" : String.valueOf(stack.peek())) + "' is never closed";
    }
    return null;
  }

  private static List<Object> asBlocks(Object value) {
    if (value instanceof List<?> list) {
      return new ArrayList<>(list);
    }
    List<Object> one = new ArrayList<>();
    one.add(value);
    return one;
  }

  private static Set<String> toSet(JsonNode array) {
    Set<String> s = new LinkedHashSet<>();
    array.forEach(n -> s.add(n.asText()));
    return s;
  }

  private static int findLine(String[] lines, int fromIndex, String regex) {
    Pattern p = Pattern.compile(regex);
    for (int i = Math.max(0, fromIndex); i < lines.length; i++) {
      if (p.matcher(lines[i]).find()) {
        return i + 1;
      }
    }
    return Math.max(1, fromIndex + 1);
  }

  private static String lineText(String[] lines, String key) {
    Pattern p = Pattern.compile("^\\s*" + Pattern.quote(key) + "\\s*=");
    for (String l : lines) {
      if (p.matcher(l).find()) {
        return l;
      }
    }
    return "";
  }

  // ---------------------------------------------------------------- Python, JSON

  /**
   * Byte-compiles a Python file with {@code python3 -m py_compile}. A missing python3 is an error (the caller's
   * test fails), never a silent pass.
   */
  public List<String> validatePython(Path file) {
    Path cachePrefix;
    try {
      cachePrefix = Files.createTempDirectory("mx-pycache");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ProcessBuilder pb = new ProcessBuilder("python3", "-m", "py_compile", file.toString()).redirectErrorStream(true);
    pb.environment().put("PYTHONPYCACHEPREFIX", cachePrefix.toString()); // no __pycache__ in the project
    Process process;
    try {
      process = pb.start();
    } catch (IOException e) {
      throw new IllegalStateException("python3 is required to validate generated Python (" + file
          + ") but could not be started: " + e.getMessage(), e);
    }
    try {
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return List.of(file + ": python3 -m py_compile timed out");
      }
      if (process.exitValue() == 0) {
        return List.of();
      }
      Matcher m = Pattern.compile("line (\\d+)").matcher(output);
      String line = m.find() ? m.group(1) : "1";
      String last = output.strip().lines().reduce((a, b) -> b).orElse("py_compile failed");
      return List.of(file + ":" + line + ": " + last.strip());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      deleteQuietly(cachePrefix);
    }
  }

  /** Checks that a file is one well-formed JSON value. */
  public List<String> validateJson(Path file) {
    try {
      JsonNode node = json.readTree(file.toFile());
      if (node == null || node.isMissingNode()) {
        return List.of(file + ":1: empty JSON file");
      }
      return List.of();
    } catch (JsonProcessingException e) {
      JsonLocation loc = e.getLocation();
      return List.of(file + ":" + (loc == null ? 1 : loc.getLineNr()) + ": invalid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      return List.of(file + ": cannot read: " + e.getMessage());
    }
  }

  /**
   * The MLflow Kubernetes backend config: JSON, {@code repository-uri} without scheme or tag,
   * {@code kube-job-template-path} pointing at an existing file relative to the project dir.
   */
  public List<String> validateKubernetesBackendConfig(Path file) {
    List<String> problems = new ArrayList<>(validateJson(file));
    if (!problems.isEmpty()) {
      return problems;
    }
    JsonNode cfg = readJson(file);
    String repo = cfg.path("repository-uri").asText("");
    if (repo.isEmpty()) {
      problems.add(file + ": repository-uri is required");
    } else if (repo.contains("://") || repo.substring(repo.lastIndexOf('/') + 1).contains(":")) {
      problems.add(file + ": repository-uri '" + repo + "' must have no scheme and no tag");
    }
    String template = cfg.path("kube-job-template-path").asText("");
    if (template.isEmpty()) {
      problems.add(file + ": kube-job-template-path is required");
    } else if (!Files.isRegularFile(file.toAbsolutePath().getParent().resolve(template))) {
      problems.add(file + ": kube-job-template-path '" + template + "' does not exist next to it");
    }
    for (Iterator<String> it = cfg.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!Set.of("kube-context", "repository-uri", "kube-job-template-path").contains(k)) {
        problems.add(file + ": unknown key '" + k + "'");
      }
    }
    return problems;
  }

  /** Joins problem lists for assertion messages. */
  public static String report(Collection<String> problems) {
    return problems.isEmpty() ? "no problems" : problems.size() + " problem(s):\n  " + String.join("\n  ", problems);
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.replaceAll("\\s*\\n\\s*", " | ").strip();
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // best effort
    }
  }
}
