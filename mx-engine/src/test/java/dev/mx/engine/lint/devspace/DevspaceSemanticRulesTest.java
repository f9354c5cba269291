package dev.mx.engine.lint.devspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mx.engine.diag.Diagnostic;
import dev.mx.engine.lint.FileKind;
import dev.mx.engine.lint.Linter;
import dev.mx.engine.yaml.YamlParser;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Unit checks of the helpers behind the semantic devspace rules, and inputs that must not crash them. */
class DevspaceSemanticRulesTest {
    private static final Set<String> MINE = DevspaceSemanticRules.all().stream().map(r -> r.meta().id())
            .collect(Collectors.toSet());

    private static List<Diagnostic> lint(String text) {
        List<Diagnostic> all = Linter.lintText(text, "devspace.yaml", FileKind.DEVSPACE);
        assertTrue(all.stream().noneMatch(d -> d.rule().equals("mx/rule-crashed")), all.toString());
        return all.stream().filter(d -> MINE.contains(d.rule())).toList();
    }

    @Test
    void versionGate() {
        assertTrue(DevspaceFiles.isV2(YamlParser.parse("version: v2beta1\n")));
        assertTrue(DevspaceFiles.isV2(YamlParser.parse("name: x\n")));
        assertTrue(DevspaceFiles.isV2(YamlParser.parse("version: v9\n")));
        assertTrue(DevspaceFiles.isV2(YamlParser.parse("")));
        assertFalse(DevspaceFiles.isV2(YamlParser.parse("version: v1beta9\n")));
        assertFalse(DevspaceFiles.isV2(YamlParser.parse("version: 'v1beta11'\n")));
        assertEquals("v2beta1", DevspaceFiles.version(YamlParser.parse("{version: v2beta1}")));
    }

    @Test
    void partialAndOddTreesDoNotCrash() {
        List<String> inputs = List.of(
                "",
                "---\n",
                "- a\n- b\n",
                "just a scalar\n",
                "version: v2beta1\nimages:\ndeployments:\ndev:\nhooks:\nprofiles:\nvars:\nimports:\npipelines:\n",
                "version: v2beta1\nimages: [a, b]\ndeployments: x\nhooks: {a: b}\nprofiles: {a: b}\nvars: [1]\n",
                "version: v2beta1\nimages: {a: ~, b: [1], c: {image: ~}}\nhooks: [~, 1, [], {}]\n"
                        + "profiles: [~, 1, {}, {name: ~, parent: ~, parents: ~, patches: [~, {}, {op: ~}]}]\n",
                "version: v2beta1\nbase: &b {image: registry/app:1}\nimages:\n  a: *b\n  b: *b\n"
                        + "deployments: &d\n  x: {helm: {}}\npipelines:\n  deploy: &s create_deployments y\n"
                        + "  again: *s\n  *s : x\n",
                "version: v2beta1\na: &a [*a]\nimages: *a\nvars: *nope\n",
                "version: v2beta1\n{[a]: b}: c\npipelines: {? [x] : y}\n",
                "version: v2beta1\npipelines:\n  deploy: |\n    create_deployments \"unterminated\n"
                        + "    $(build_images x\n    ${x\n    `stop_dev y\n    cat <<EOF\n",
                "version: v2beta1\nhooks:\n  - events: [\"after:deploy:\", \":\", \"::\", \"a:b:c:d\"]\n",
                "version: v2beta1\nvars:\n  A: ${A}\n  B: {value: ${B}, default: ${B}}\n",
                "version: v2beta1\nimages:\n  a: {image: \"registry/app:\", tags: ~}\n  b: {image: \":\"}\n"
                        + "  c: {image: \"@\"}\n  d: {image: \"${X}:\"}\n",
                "version: v2beta1\ndeployments: {a: {kubectl: {manifests: [~, [], \"\", \"*\", \"[\", \"../..\"]}}}\n",
                "version: v2beta1\nprofiles:\n  - name: a\n    patches:\n      - {op: add, path: \"\"}\n"
                        + "      - {op: add, path: \"/\"}\n      - {op: add, path: \"[\"}\n      - {op: add, path: \".\"}\n",
                "version: v2beta1\nname: [x]\nimports: [~, {}, {path: ~}, {path: [x]}]\n");
        for (String in : inputs) {
            lint(in);
        }
        StringBuilder deep = new StringBuilder("version: v2beta1\npipelines:\n  deploy: ");
        deep.append("$(".repeat(5000)).append("create_deployments x").append(")".repeat(5000)).append('\n');
        lint(deep.toString());
        lint("version: v2beta1\npipelines:\n  deploy: \"" + "\\".repeat(3) + "\"\n");
    }

    @Test
    void aliasesAreFollowedForLookups() {
        List<Diagnostic> ds = lint("version: v2beta1\nname: app\nimages: &imgs\n  api: {image: registry/api}\n"
                + "pipelines:\n  build: build_images api\n");
        assertTrue(ds.isEmpty(), ds.toString());
    }

    @Test
    void shellScanFindsCommandsAndFlagsExpansions() {
        List<ShellScan.Command> cmds = ShellScan.commands(
                "A=1 create_deployments a \"b\" 'c' $d ${e} \\\n  f # g\nif x; then start_dev h; fi\n"
                        + "echo $(build_images i) `stop_dev j` | k && l || m\ncat <<-EOF\n  create_deployments n\n"
                        + "  EOF\nrun_dependencies o 2>&1 >/dev/null\n");
        assertEquals("create_deployments", cmds.get(0).name());
        assertEquals(7, cmds.get(0).words().size(), cmds.get(0).toString());
        List<String> literal = cmds.get(0).words().stream().filter(ShellScan.Word::literal).map(ShellScan.Word::text)
                .toList();
        assertEquals(List.of("create_deployments", "a", "b", "c", "f"), literal);
        List<String> names = cmds.stream().map(ShellScan.Command::name).toList();
        assertTrue(names.containsAll(List.of("x", "start_dev", "build_images", "stop_dev", "k", "l", "m",
                "run_dependencies")), names.toString());
        assertFalse(names.contains("g"));
        assertTrue(cmds.stream().noneMatch(c -> c.words().stream().anyMatch(w -> w.text().equals("n"))));
        ShellScan.Command run = cmds.stream().filter(c -> c.name().equals("run_dependencies")).findFirst()
                .orElseThrow();
        assertEquals(List.of("run_dependencies", "o"), run.words().stream().map(ShellScan.Word::text).toList());
    }

    @Test
    void varRefs() {
        assertEquals(List.of("A", "runtime.images.x.image", "B"), VarRefs.find("${A}-${runtime.images.x.image}"
                + " $${ESCAPED} $!{B} ${not valid} $C").stream().map(VarRefs.Ref::name).toList());
        VarRefs.Ref r = VarRefs.find("x ${A}").get(0);
        assertEquals(2, r.start());
        assertEquals(6, r.end());
    }

    @Test
    void imageSplit() {
        assertEquals(new ImageRules.Split("registry/app", "1.2"), ImageRules.split("registry/app:1.2"));
        assertNull(ImageRules.split("localhost:5000/app").tag());
        assertEquals("5000", ImageRules.split("localhost:5000").tag());
        assertNull(ImageRules.split("app@sha256:abc").tag());
        assertNull(ImageRules.split("${IMAGE}").tag());
        assertEquals("dev", ImageRules.split("${IMAGE}:dev").tag());
        assertEquals("${IMAGE}", ImageRules.split("${IMAGE}:dev").name());
        assertNull(ImageRules.split("registry/app:${TAG}").tag());
        assertNull(ImageRules.split("${REG}:5000/app").tag());
    }

    @Test
    void patchPaths() {
        assertEquals(List.of("deployments", "api"), DevspaceModel.pathSegments("deployments.api.helm.values"));
        assertEquals(List.of("images", "0"), DevspaceModel.pathSegments("/images/0/image"));
        assertEquals(List.of("pipelines"), DevspaceModel.pathSegments("pipelines"));
        assertEquals(List.of("deployments", "${X}"), DevspaceModel.pathSegments("deployments.${X}.helm"));
        assertEquals(List.of("images", "[*]"), DevspaceModel.pathSegments("images[*].image"));
        assertTrue(DevspaceModel.pathSegments(".").isEmpty());
    }

    @Test
    void localImports() {
        assertEquals(List.of("base.yaml", "dir"), DevspaceImports.localImports(YamlParser.parse(
                "version: v2beta1\nimports:\n  - path: base.yaml\n  - path: dir\n  - git: https://x\n"
                        + "  - path: off.yaml\n    enabled: false\n  - path: ${X}.yaml\n  - path: x.yaml\n"
                        + "    git: https://y\n")));
        assertTrue(DevspaceImports.localImports(YamlParser.parse("version: v1beta11\nimports: [{path: a}]\n"))
                .isEmpty());
        assertTrue(DevspaceImports.localImports(YamlParser.parse("imports: x\n")).isEmpty());
        assertTrue(DevspaceImports.localImports(null).isEmpty());
    }

    @Test
    void sanitize() {
        assertEquals("my-app", NameRule.sanitize("My_App", false));
        assertEquals("my_app", NameRule.sanitize("My_App", true));
        assertEquals("app-v2", NameRule.sanitize("app.v2", false));
        assertNull(NameRule.sanitize("${X}", false));
        assertNull(NameRule.sanitize("__", false));
    }
}
