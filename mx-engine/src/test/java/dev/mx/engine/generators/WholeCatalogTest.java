package dev.mx.engine.generators;

import static dev.mx.engine.generators.GeneratorTestSupport.ENGINE;
import static dev.mx.engine.generators.GeneratorTestSupport.assertNoProblems;
import static dev.mx.engine.generators.GeneratorTestSupport.engineContract;
import static dev.mx.engine.generators.GeneratorTestSupport.read;
import static dev.mx.engine.generators.GeneratorTestSupport.snapshot;
import static dev.mx.engine.generators.GeneratorTestSupport.tree;
import static dev.mx.engine.generators.GeneratorTestSupport.validate;
import static dev.mx.engine.generators.GeneratorTestSupport.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mx.engine.MxEngine;
import dev.mx.engine.MxException;
import dev.mx.engine.generator.GeneratorDescriptor;
import dev.mx.engine.state.AppliedGenerator;
import dev.mx.engine.state.StateFile;
import dev.mx.engine.validate.GeneratedProjectValidator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every built-in generator applied on top of the skeleton, on both clouds: the whole project must
 * validate (strict Kubernetes and CRD schemas, Terraform, Python, DevSpace's schema and loader
 * rules), lint clean, re-apply as a no-op, and come out the same whatever the (valid) order.
 */
class WholeCatalogTest {
    @TempDir
    Path tmp;

    /** Answers the generators cannot default: which GitHub repository, which domain. */
    private static final Map<String, String> ANSWERS = Map.of(
            "cloud-build-default-config", "github_owner=acme-ml",
            "deployment-infrastructure", "domain=ml.example.com");

    private static List<String> catalogIds() {
        return ENGINE.catalog(null).all().stream().map(GeneratorDescriptor::id).sorted().toList();
    }

    private static Map<String, String> answers(String id) {
        Map<String, String> v = new HashMap<>();
        // the first generator asking for the domain gets it; later ones reuse the shared answer
        ENGINE.catalog(null).require(id).parameter("domain").ifPresent(p -> v.put("domain", "ml.example.com"));
        String a = ANSWERS.get(id);
        if (a != null) {
            v.put(a.substring(0, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
        }
        return v;
    }

    /** Applies the ids in order (skipping the GCP-only ones on cloud none), then re-applies all once. */
    private Path build(String name, String cloud, List<String> order) {
        Path dir = tmp.resolve(name).resolve("acme");
        GeneratorTestSupport.skeleton(dir, Map.of("cloud", cloud));
        List<String> applied = new ArrayList<>();
        for (String id : order) {
            try {
                ENGINE.generate(dir, id, answers(id));
                applied.add(id);
            } catch (MxException e) {
                assertTrue(cloud.equals("none") && e.getMessage().contains("gcp"),
                        id + " failed on cloud " + cloud + ": " + e.getMessage());
            }
        }
        // generators that route through deployment-infrastructure when it is there converge on a second pass
        for (String id : applied) {
            ENGINE.generate(dir, id, Map.of());
        }
        return dir;
    }

    private static List<String> validateAll(Path dir) {
        List<String> problems = new ArrayList<>(validate(dir));
        GeneratedProjectValidator v = new GeneratedProjectValidator();
        // Kubernetes objects outside k8s/ (job templates at the top level, app manifests)
        for (String f : tree(dir)) {
            boolean yamlFile = f.endsWith(".yaml") || f.endsWith(".yml");
            boolean elsewhere = !f.startsWith("k8s/") && !f.equals("train_job.yaml") && !f.startsWith(".mx/")
                    && !f.equals("devspace.yaml") && !f.startsWith("helm/") && !f.equals("cloudbuild.yaml");
            if (yamlFile && elsewhere && read(dir.resolve(f)).matches("(?s)(.*\\n)?apiVersion: .*")) {
                problems.addAll(v.validateKubernetesYaml(dir.resolve(f)));
            }
        }
        problems.addAll(engineContract(dir));
        return problems;
    }

    @ParameterizedTest
    @ValueSource(strings = {"gcp", "none"})
    void theWholeCatalogOnTheSkeletonIsValid(String cloud) {
        List<String> ids = new ArrayList<>(catalogIds());
        ids.remove("ml-project-skeleton");
        // requires first: deployment-infrastructure before model-serving
        ids.sort((a, b) -> a.equals("deployment-infrastructure") ? -1 : b.equals("deployment-infrastructure") ? 1 : 0);
        Path dir = build("ordered-" + cloud, cloud, ids);
        assertNoProblems(validateAll(dir));
        List<String> appliedIds = StateFile.read(dir).generators().stream().map(AppliedGenerator::id).toList();
        int expected = cloud.equals("gcp") ? catalogIds().size() : catalogIds().size() - 1;
        assertEquals(expected, appliedIds.size(), "applied: " + appliedIds);
    }

    @Test
    void anyValidOrderGivesTheSameProject() {
        List<String> a = List.of("deployment-infrastructure", "cloud-build-default-config", "sphinx-docs", "debug-pod",
                "distributed-training-infrastructure", "model-serving", "cvat-labeling-tool", "streamlit-app");
        List<String> b = List.of("streamlit-app", "cvat-labeling-tool", "sphinx-docs", "distributed-training-infrastructure",
                "debug-pod", "deployment-infrastructure", "model-serving", "cloud-build-default-config");
        Path one = build("order-a", "gcp", a);
        Path two = build("order-b", "gcp", b);
        Map<String, byte[]> x = snapshot(one);
        Map<String, byte[]> y = snapshot(two);
        assertEquals(x.keySet(), y.keySet(), "the same files");
        for (String f : x.keySet()) {
            if (f.equals("devspace.yaml") || f.equals("MLproject")) {
                assertEquals(yaml(one.resolve(f)), yaml(two.resolve(f)), f + " holds the same values (key order follows"
                        + " the order of application)");
            } else if (f.equals(StateFile.RELATIVE_PATH)) {
                assertEquals(byId(one), byId(two), "the state records the same generators");
            } else {
                assertTrue(Arrays.equals(x.get(f), y.get(f)), f + " differs between the two orders");
            }
        }
    }

    private static Map<String, AppliedGenerator> byId(Path dir) {
        return StateFile.read(dir).generators().stream()
                .collect(Collectors.toMap(AppliedGenerator::id, g -> g, (p, q) -> p, TreeMap::new));
    }

    @Test
    void gcpOnlyGeneratorsSaySoOnCloudNone() {
        Path dir = tmp.resolve("none").resolve("acme");
        GeneratorTestSupport.skeleton(dir, Map.of("cloud", "none"));
        MxException e = org.junit.jupiter.api.Assertions.assertThrows(MxException.class,
                () -> ENGINE.plan(new MxEngine.Request(dir, "cloud-build-default-config", answers("cloud-build-default-config"))));
        assertTrue(e.getMessage().contains("gcp"), e.getMessage());
    }
}
