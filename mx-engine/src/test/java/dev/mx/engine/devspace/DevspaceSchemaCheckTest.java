package dev.mx.engine.devspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mx.engine.diag.Diagnostic;
import dev.mx.engine.lint.FileKind;
import dev.mx.engine.lint.LintRule;
import dev.mx.engine.lint.Linter;
import dev.mx.engine.lint.RuleMeta;
import dev.mx.engine.lint.devspace.DevspaceSchemaRules;
import dev.mx.engine.yaml.ParsedYaml;
import dev.mx.engine.yaml.YamlParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The checker behind the devspace schema rules: odd trees, the paths it reports, speed. */
class DevspaceSchemaCheckTest {
    private static final String SAMPLE = """
            version: v2beta1
            name: demo
            vars:
              IMAGE: ghcr.io/acme/app
              TAG: {source: env, default: dev}
            images:
              app: &img
                image: ${IMAGE}
                dockerfile: ./Dockerfile
                buildKit: {args: [--platform, linux/amd64]}
            deployments:
              app:
                helm:
                  chart: {name: ./chart}
                  values:
                    image: ${runtime.images.app.image}
              db:
                kubectl:
                  manifests: [k8s/db.yaml]
                  patches:
                    - target: {name: db}
                      op: replace
                      path: spec.replicas
                      value: 1
            dev:
              app:
                imageSelector: ${runtime.images.app.image}
                sync:
                  - path: ./src:/app/src
                    excludePaths: [node_modules]
                    onUpload: {exec: [{command: make, local: true}]}
                ports: [{port: "8080"}]
                terminal: {command: bash}
            pipelines:
              dev:
                run: |-
                  build_images --all
                  create_deployments --all
                  start_dev app
            hooks:
              - events: [after:deploy]
                command: echo done
            profiles:
              - name: ci
                merge:
                  images:
                    app: {skipPush: true}
            """;

    private static List<DevspaceSchemaCheck.Finding> check(String text) {
        return DevspaceSchemaCheck.check(YamlParser.parse(text));
    }

    @Test
    void theSampleIsClean() {
        assertEquals(List.of(), check(SAMPLE));
    }

    @Test
    void oddTreesNeverThrow() {
        List<String> texts = List.of("", "version: v2beta1", "- version: v2beta1", "v2beta1",
                "version: v2beta1\n---\nimages: 1\n", "version: v2beta1\na: &a [*a]\n",
                "version: v2beta1\nimages: &i {app: *i}\n",
                "version: v2beta1\n? [complex, key]\n: value\nimages:\n  ? {a: b}\n  : {image: x}\n",
                "version: v2beta1\n*undefined : x\n",
                "version: v2beta1\ndeployments:\ndev: {app: }\nimages: {app: {image: }}\n",
                "version: v2beta1\ndev: {app: {sync: [null, ~, [], {}], ports: [1, [2]], containers: {c: }}}\n",
                "version: v2beta1\nimages: !!map {app: !!str {image: x}}\n",
                "version: v2beta1\ndeployments: {app: {helm: {values: " + "[".repeat(200) + "]".repeat(200) + "}}}\n",
                "version: v2beta1\nhooks: {not: a list}\nprofiles: [1, [2], {merge: x, replace: [1]}]\n",
                "version: v2beta1\ndeployments:\n  <<: {app: {helm: {}}}\n  app:\n    <<: [*nothing]\n",
                "version: v2beta1\nimages:\n  app:\n    image: \"unterminated\n",
                "version: v2beta1\r\nimages:\r\n  app:\r\n    imag: x\r\n",
                "\uFEFFversion: v2beta1\nimages: {app: {image: x, tags: x}}\n");
        for (String t : texts) {
            check(t);
            List<Diagnostic> crashed = Linter.lintText(t, "devspace.yaml", FileKind.DEVSPACE).stream()
                    .filter(d -> d.rule().equals("mx/rule-crashed")).toList();
            assertTrue(crashed.isEmpty(), t + "\n" + crashed);
        }
    }

    @Test
    void randomEditsOfAFileNeverCrashAnyRule() {
        Random random = new Random(42);
        String alphabet = " :-\n[]{},'\"&*!|>#$%@`?abc0";
        for (int i = 0; i < 400; i++) {
            StringBuilder sb = new StringBuilder(SAMPLE);
            for (int edits = 1 + random.nextInt(4); edits > 0; edits--) {
                int at = random.nextInt(sb.length());
                if (random.nextBoolean()) {
                    sb.deleteCharAt(at);
                } else {
                    sb.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            String t = sb.toString();
            List<Diagnostic> crashed = Linter.lintText(t, "devspace.yaml", FileKind.DEVSPACE).stream()
                    .filter(d -> d.rule().equals("mx/rule-crashed")).toList();
            assertTrue(crashed.isEmpty(), t + "\n" + crashed);
        }
    }

    @Test
    void findingsNameTheirPlaceInTheModel() {
        List<DevspaceSchemaCheck.Finding> found = check("""
                version: v2beta1
                images:
                  app: {dockerfile: x, tgas: [a]}
                dev:
                  app:
                    sync: [{path: ./:/app, initialSync: never}]
                """);
        String paths = found.stream().map(f -> f.kind() + " " + f.schemaPath()).sorted()
                .collect(Collectors.joining(", "));
        assertEquals("ENUM dev.*.sync[].initialSync, ONE_OF dev.*, REQUIRED images.*.image,"
                + " UNKNOWN_KEY images.*.tgas", paths);
    }

    @Test
    void oneParseIsCheckedOnce() {
        ParsedYaml y = YamlParser.parse(SAMPLE.replace("name: demo", "name: demo\nnmae: x"));
        assertSame(DevspaceSchemaCheck.check(y), DevspaceSchemaCheck.check(y));
        assertEquals(1, DevspaceSchemaCheck.check(y, DevspaceSchemaCheck.Kind.UNKNOWN_KEY).size());
        assertEquals(0, DevspaceSchemaCheck.check(y, DevspaceSchemaCheck.Kind.ENUM).size());
    }

    @Test
    void eachRulesWrongExampleShowsItAndItsRightExampleDoesNot() {
        for (LintRule rule : DevspaceSchemaRules.all()) {
            RuleMeta m = rule.meta();
            assertTrue(m.why().contains("`"), m.id() + ": the why quotes the DevSpace error it prevents");
            List<Diagnostic> wrong = Linter.lintText(m.wrongExample(), "devspace.yaml", FileKind.DEVSPACE).stream()
                    .filter(d -> d.rule().equals(m.id())).toList();
            List<Diagnostic> right = Linter.lintText(m.rightExample(), "devspace.yaml", FileKind.DEVSPACE).stream()
                    .filter(d -> d.rule().equals(m.id())).toList();
            assertFalse(wrong.isEmpty(), m.id() + ": the wrong example must be flagged");
            assertTrue(right.isEmpty(), m.id() + ": the right example must pass: " + right);
        }
        assertEquals(List.of("devspace/unknown-key", "devspace/wrong-type", "devspace/one-of", "devspace/required",
                "devspace/enum"), DevspaceSchemaRules.all().stream().map(r -> r.meta().id()).toList());
    }

    @Test
    void tenThousandLinesAreCheckedQuickly() {
        StringBuilder sb = new StringBuilder("version: v2beta1\nname: big\ndeployments:\n");
        int n = 0;
        while (sb.chars().filter(c -> c == '\n').count() < 10_000) {
            sb.append("  app-").append(n).append(":\n    helm:\n      chart: {name: ./chart}\n      values:\n")
                    .append("        replicas: 2\n        image: ghcr.io/acme/app\n    namespace: ns\n");
            sb.append("  kube-").append(n).append(":\n    kubectl:\n      manifests:\n        - k8s/a.yaml\n")
                    .append("        - k8s/b.yaml\n      kustomize: false\n    updateImageTags: true\n");
            n++;
        }
        sb.append("dev:\n");
        for (int i = 0; i < 200; i++) {
            sb.append("  d").append(i).append(":\n    imageSelector: x\n    sync:\n      - path: ./:/app\n")
                    .append("        initialSync: mirrorLocal\n        excludePaths: [a, b, c]\n");
        }
        String text = sb.toString();
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ParsedYaml y = YamlParser.parse(text);
            long start = System.nanoTime();
            assertEquals(List.of(), DevspaceSchemaCheck.check(y));
            times.add((System.nanoTime() - start) / 1_000_000);
        }
        long best = times.stream().mapToLong(Long::longValue).min().orElseThrow();
        assertTrue(best < 200, "checking 10k lines took " + times + " ms");
    }
}
