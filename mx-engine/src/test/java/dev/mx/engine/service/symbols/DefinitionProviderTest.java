package dev.mx.engine.service.symbols;

import static dev.mx.engine.service.symbols.ServiceAssert.assertDefinitionInDocument;
import static dev.mx.engine.service.symbols.ServiceAssert.definitions;
import static dev.mx.engine.service.symbols.ServiceAssert.files;
import static dev.mx.engine.service.symbols.ServiceAssert.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mx.engine.generator.DescriptorLoader;
import dev.mx.engine.generator.GeneratorDescriptor;
import dev.mx.engine.generator.GeneratorOrigin;
import dev.mx.engine.service.MxLanguageService;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefinitionProviderTest {
    @TempDir
    Path dir;
    final MxLanguageService service = ServiceAssert.service();

    private static final String HEAD = """
            version: v2beta1
            images:
              «trainer»:
                image: gcr.io/x/trainer
                dockerfile: ./Dockerfile
            """;

    // paths

    @Test
    void manifestPathsOpenTheirFiles() {
        files(dir, "k8s/a.yaml", "k8s/b.yml", "k8s/notes.txt", "k8s/sub/c.yaml", "values/prod.yaml", "Dockerfile");
        String deployments = """
                version: v2beta1
                images:
                  trainer:
                    dockerfile: %s
                deployments:
                  app:
                    kubectl:
                      manifests:
                        - %s
                  db:
                    helm:
                      valuesFiles: [%s]
                """;
        assertEquals(List.of("k8s/a.yaml@0:0-0:0"),
                definitions(service, dir, "devspace.yaml", deployments.formatted("x", "k8s/a.y|aml", "v")));
        assertEquals(List.of("k8s/a.yaml@0:0-0:0", "k8s/b.yml@0:0-0:0"), definitions(service, dir,
                "devspace.yaml", deployments.formatted("x", "k8s|/", "v")), "a directory: the manifests in it");
        assertEquals(List.of("k8s/a.yaml@0:0-0:0", "k8s/sub/c.yaml@0:0-0:0"), definitions(service, dir,
                "devspace.yaml", deployments.formatted("x", "'k8s/**.yaml|'", "v")), "a glob: its matches");
        assertEquals(List.of("values/prod.yaml@0:0-0:0"), definitions(service, dir, "devspace.yaml",
                deployments.formatted("x", "k8s/", "|values/prod.yaml")));
        assertEquals(List.of("Dockerfile@0:0-0:0"), definitions(service, dir, "devspace.yaml",
                deployments.formatted("./Docker|file", "k8s/", "v")));
        assertEquals(List.of(), definitions(service, dir, "devspace.yaml",
                deployments.formatted("x", "k8s/gone|.yaml", "v")), "missing files go nowhere");
        assertEquals(List.of(), definitions(service, dir, "devspace.yaml",
                deployments.formatted("x", "${DIR}/a.y|aml", "v")), "variables are not resolved");
    }

    // devspace.yaml references

    @Test
    void runtimeImageVariablesGoToTheImage() {
        assertDefinitionInDocument(service, dir, "devspace.yaml", HEAD + """
                deployments:
                  trainer:
                    helm:
                      values:
                        image: ${runtime.images.tra|iner.image}:${runtime.images.trainer.tag}
                """);
        assertDefinitionInDocument(service, dir, "devspace.yaml", HEAD + """
                dev:
                  trainer:
                    imageSelector: "${runtime.images.trainer.image}:${runtime.images.trainer.t|ag}"
                """);
        assertDefinitionInDocument(service, dir, "devspace.yaml", HEAD.replace("«trainer»", "trainer") + """
                dev:
                  trainer:
                    imageSelector: ${runtime.images.unknown.im|age}
                """);
    }

    @Test
    void imageSelectorsNamingAnImageGoToIt() {
        assertDefinitionInDocument(service, dir, "devspace.yaml", HEAD + """
                dev:
                  trainer:
                    imageSelector: gcr.io/x/tr|ainer:latest
                """);
        assertDefinitionInDocument(service, dir, "devspace.yaml", HEAD.replace("«trainer»", "trainer") + """
                dev:
                  trainer:
                    imageSelector: gcr.io/x/trainer|-old
                """);
    }

    @Test
    void pipelineFunctionArgumentsGoToWhatTheyName() {
        String doc = """
                version: v2beta1
                images:
                  «I:api»:
                    image: gcr.io/x/api
                deployments:
                  «D:db»:
                    kubectl: {manifests: [k8s/]}
                  «A:api»:
                    kubectl: {manifests: [k8s/]}
                dev:
                  «V:api»:
                    imageSelector: gcr.io/x/api
                pipelines:
                  deploy:
                    run: |-
                      run_dependencies --all
                      build_images %s
                      create_deployments %s && start_dev %s
                """;
        assertDefinitionInDocument(service, dir, "devspace.yaml", only(doc, "I").formatted("a|pi", "db", "api"));
        assertDefinitionInDocument(service, dir, "devspace.yaml", only(doc, "D").formatted("api", "d|b api", "api"));
        assertDefinitionInDocument(service, dir, "devspace.yaml",
                only(doc, "A").formatted("api", "--sequential db a|pi", "api"));
        assertDefinitionInDocument(service, dir, "devspace.yaml", only(doc, "V").formatted("api", "db", "api|"));
        for (String nothing : List.of("--seq|uential db", "db missi|ng", "db # ap|i")) {
            assertDefinitionInDocument(service, dir, "devspace.yaml", only(doc, "-").formatted("api", nothing, "api"));
        }
        assertDefinitionInDocument(service, dir, "devspace.yaml",
                only(doc, "-").formatted("api", "db", "api").replace("create_deployments", "create_deploy|ments"));
    }

    /** Keeps the marks tagged {@code tag} ({@code «tag:text»}) and drops the others' brackets. */
    private static String only(String doc, String tag) {
        return java.util.regex.Pattern.compile("«(\\w):([^»]*)»").matcher(doc)
                .replaceAll(m -> m.group(1).equals(tag) ? "«" + m.group(2) + "»" : m.group(2));
    }

    @Test
    void hookEventsGoToTheirDeploymentOrImage() {
        assertDefinitionInDocument(service, dir, "devspace.yaml", HEAD.replace("«trainer»", "trainer") + """
                deployments:
                  «infra»:
                    kubectl: {manifests: [k8s/]}
                hooks:
                  - command: echo
                    events: ["before:deploy:in|fra"]
                """);
        assertDefinitionInDocument(service, dir, "devspace.yaml", HEAD + """
                hooks:
                  - command: echo
                    events: ["after:build:trai|ner", "before:deploy:*"]
                """);
    }

    @Test
    void namesOnlyProfilesDefineGoToTheProfiles() {
        assertDefinitionInDocument(service, dir, "devspace.yaml", """
                version: v2beta1
                pipelines:
                  deploy:
                    run: create_deployments monit|oring
                profiles:
                  - name: prod
                    merge:
                      deployments:
                        «monitoring»:
                          helm: {chart: {name: prometheus}}
                  - name: stage
                    replace:
                      deployments:
                        «monitoring»:
                          helm: {chart: {name: prometheus}}
                """);
    }

    // MLproject

    @Test
    void commandPlaceholdersGoToTheirParameter() {
        String mlproject = """
                name: demo
                entry_points:
                  main:
                    parameters:
                      «lr»: {type: float, default: 0.1}
                      epochs: float
                    command: %s
                  other:
                    parameters:
                      lr: float
                    command: python other.py {lr}
                """;
        assertDefinitionInDocument(service, dir, "MLproject",
                mlproject.formatted("\"python train.py --lr={l|r} --epochs {epochs}\""));
        assertDefinitionInDocument(service, dir, "MLproject",
                mlproject.formatted("python train.py --lr {lr:.3f|}"));
        assertDefinitionInDocument(service, dir, "MLproject",
                mlproject.formatted("|\n      python train.py \\\n        --lr={l|r}"));
        assertDefinitionInDocument(service, dir, "MLproject",
                mlproject.replace("«lr»", "lr").formatted("python train.py {{l|r}} {epochs}"));
        assertDefinitionInDocument(service, dir, "MLproject",
                mlproject.replace("«lr»", "lr").formatted("python train.py {bat|ch}"));
    }

    @Test
    void placeholderScanning() {
        assertEquals("lr", DefinitionProvider.placeholderAt("a {lr} b", 3));
        assertEquals("lr", DefinitionProvider.placeholderAt("a {lr} b", 2));
        assertEquals("lr", DefinitionProvider.placeholderAt("a {lr} b", 6));
        assertNull(DefinitionProvider.placeholderAt("a {lr} b", 7));
        assertEquals("x", DefinitionProvider.placeholderAt("{{lit}} {x[0]!r:>10}", 10));
        assertNull(DefinitionProvider.placeholderAt("{{lit}} {x}", 3));
        assertNull(DefinitionProvider.placeholderAt("{open", 2));
    }

    // state file

    @Test
    void generatorIdsOpenTheirDescriptorWhenOnDisk() {
        Path pack = dir.resolve(".mx/generators/serving");
        write(pack.resolve("generator.yaml"), "id: serving\nversion: 0.1.0\ndescription: Serving.\n");
        String state = """
                format_version: 1
                answers: {}
                generators:
                  - id: %s
                    version: 0.1.0
                """;
        assertEquals(List.of(".mx/generators/serving/generator.yaml@0:0-0:0"),
                definitions(service, dir, ".mx/state.yaml", state.formatted("serv|ing")));
        assertEquals(List.of(), definitions(service, dir, ".mx/state.yaml", state.formatted("unkn|own")));
        assertEquals(List.of(), definitions(service, dir, ".mx/state.yaml",
                state.formatted("serving").replace("version: 0.1.0", "version: 0.|1.0")));
    }

    @Test
    void builtInsInsideAJarHaveNoDescriptorToOpen() throws Exception {
        Path zip = dir.resolve("gens.jar");
        URI uri = URI.create("jar:" + zip.toUri());
        try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of("create", "true"))) {
            Path g = Files.createDirectories(fs.getPath("/mx-templates/hello"));
            Files.writeString(g.resolve("generator.yaml"), "id: hello\nversion: 1.0.0\ndescription: Hi.\n");
            GeneratorDescriptor inJar = DescriptorLoader.load(g, GeneratorOrigin.BUILT_IN, "built-in/hello");
            assertEquals(Optional.empty(), DefinitionProvider.descriptorFile(inJar));
        }
        Path onDisk = dir.resolve("templates/hello");
        write(onDisk.resolve("generator.yaml"), "id: hello\nversion: 1.0.0\ndescription: Hi.\n");
        GeneratorDescriptor d = DescriptorLoader.load(onDisk, GeneratorOrigin.BUILT_IN, "built-in/hello");
        assertTrue(DefinitionProvider.descriptorFile(d).orElseThrow().endsWith("templates/hello/generator.yaml"));
    }

    @Test
    void unsavedBuffersHaveNoDefinitions() {
        var doc = dev.mx.engine.service.DocumentModel.of("untitled:1", null, 1, "images:\n  a: {}\n");
        assertEquals(List.of(), service.definition(doc, new dev.mx.engine.text.Position(1, 2), () -> { }));
    }
}
