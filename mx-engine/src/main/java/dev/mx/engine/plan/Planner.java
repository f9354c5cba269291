package dev.mx.engine.plan;

import dev.mx.engine.MxException;
import dev.mx.engine.apply.PathGuard;
import dev.mx.engine.generator.GeneratorDescriptor;
import dev.mx.engine.generator.Parameter;
import dev.mx.engine.generator.RenderedGenerator;
import dev.mx.engine.state.AppliedGenerator;
import dev.mx.engine.state.Hashes;
import dev.mx.engine.state.ProjectState;
import dev.mx.engine.state.StateFile;
import dev.mx.engine.text.TextEdit;
import dev.mx.engine.yaml.ParsedYaml;
import dev.mx.engine.yaml.YamlEditor;
import dev.mx.engine.yaml.YamlNode;
import dev.mx.engine.yaml.YamlParser;
import dev.mx.engine.yaml.YamlProblem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a rendered generator into a {@link Plan} by comparing it with the project on disk and
 * with the hashes in the state file. A file or manifest key that the user changed since mx
 * wrote it, or that mx never wrote, becomes a conflict; with {@code force} it is planned as
 * overwritten and the user's version is kept beside it as {@code <file>.orig}.
 */
public final class Planner {
    private Planner() {
    }

    public static Plan plan(Path root, GeneratorDescriptor g, Map<String, Object> parameters, RenderedGenerator out,
            ProjectState state, String mxVersion) {
        Optional<AppliedGenerator> previous = state.generator(g.id());
        List<FileChange> changes = new ArrayList<>();
        Map<String, String> fileHashes = new LinkedHashMap<>();
        for (var e : out.files().entrySet()) {
            String path = e.getKey();
            byte[] after = e.getValue();
            byte[] before = read(root, path);
            String recorded = previous.map(p -> p.files().get(path)).orElse(null);
            fileHashes.put(path, Hashes.of(after));
            if (before == null) {
                changes.add(new FileChange(path, FileChange.Kind.CREATE, null, after, List.of(), null));
            } else if (Arrays.equals(before, after)) {
                changes.add(new FileChange(path, FileChange.Kind.UNCHANGED, before, after, List.of(), null));
            } else if (recorded != null && recorded.equals(Hashes.of(before))) {
                changes.add(new FileChange(path, FileChange.Kind.UPDATE, before, after, List.of(), null));
            } else {
                String why = recorded == null
                        ? "the file exists but was not written by " + g.id()
                        : "you changed it since " + g.id() + " wrote it";
                changes.add(new FileChange(path, FileChange.Kind.CONFLICT, before, after, List.of(), why));
            }
        }
        // Files this generator wrote before but no longer renders (an answer changed): remove them
        // if untouched, keep them if the user edited them.
        if (previous.isPresent()) {
            for (var e : previous.get().files().entrySet()) {
                if (out.files().containsKey(e.getKey())) {
                    continue;
                }
                byte[] before = read(root, e.getKey());
                if (before != null && Hashes.of(before).equals(e.getValue())) {
                    changes.add(new FileChange(e.getKey(), FileChange.Kind.DELETE, before, null, List.of(),
                            "no longer generated"));
                }
            }
        }

        Map<String, Map<String, String>> manifestHashes = new LinkedHashMap<>();
        java.util.Set<String> manifestFiles = new java.util.HashSet<>();
        for (RenderedGenerator.ManifestEdit m : out.manifests()) {
            if (out.files().containsKey(m.file()) || !manifestFiles.add(m.file())) {
                throw MxException.input("generator " + g.id() + " writes " + m.file()
                        + " twice (as a whole file and as a shared manifest, or in two manifest entries)");
            }
        }
        for (RenderedGenerator.ManifestEdit m : out.manifests()) {
            changes.add(planManifest(root, g, m, previous, manifestHashes));
        }

        Map<String, Object> answers = new LinkedHashMap<>();
        for (Parameter p : g.parameters()) {
            if (p.projectScoped()) {
                answers.put(p.name(), parameters.get(p.name()));
            }
        }
        ProjectState newState = state.with(
                new AppliedGenerator(g.id(), g.version(), parameters, fileHashes, manifestHashes), answers);
        byte[] stateBefore = read(root, StateFile.RELATIVE_PATH);
        byte[] stateAfter = StateFile.serialize(newState, mxVersion).getBytes(StandardCharsets.UTF_8);
        FileChange.Kind stateKind = stateBefore == null ? FileChange.Kind.CREATE
                : Arrays.equals(stateBefore, stateAfter) ? FileChange.Kind.UNCHANGED : FileChange.Kind.UPDATE;
        changes.add(new FileChange(StateFile.RELATIVE_PATH, stateKind, stateBefore, stateAfter, List.of(), null));
        return new Plan(root, g, parameters, changes, newState, out.nextSteps(), out.postApply());
    }

    private static FileChange planManifest(Path root, GeneratorDescriptor g, RenderedGenerator.ManifestEdit m,
            Optional<AppliedGenerator> previous, Map<String, Map<String, String>> hashesOut) {
        byte[] beforeBytes = read(root, m.file());
        boolean created = beforeBytes == null;
        String text;
        if (created) {
            text = m.createContent() == null ? "" : m.createContent();
        } else {
            text = new String(beforeBytes, StandardCharsets.UTF_8);
        }
        Map<String, String> hashes = hashesOut.computeIfAbsent(m.file(), k -> new LinkedHashMap<>());
        List<String> keys = new ArrayList<>();
        List<String> conflicts = new ArrayList<>();
        String forced = text; // the text if conflicting keys are overwritten too
        for (RenderedGenerator.KeyValue kv : m.keys()) {
            ParsedYaml fragment = YamlParser.parse(kv.yamlFragment());
            if (!fragment.problems().isEmpty()) {
                YamlProblem p = fragment.problems().get(0);
                throw MxException.input(g.id() + ": the template for " + m.file() + " key " + kv.dotted()
                        + " renders invalid YAML at " + p.range().start() + ": " + p.message());
            }
            Object newValue = fragment.root() == null ? null : fragment.root().toJava();
            String newHash = Hashes.ofValue(newValue);
            hashes.put(kv.dotted(), newHash);

            ParsedYaml doc = YamlParser.parse(forced);
            Optional<YamlProblem> syntax = doc.problems().stream().findFirst();
            if (syntax.isPresent()) {
                conflicts.add(kv.dotted());
                return new FileChange(m.file(), FileChange.Kind.CONFLICT, beforeBytes, beforeBytes,
                        List.of("! " + kv.dotted()), m.file() + " has a YAML error at " + syntax.get().range().start()
                                + " (" + syntax.get().message() + "); fix it first");
            }
            YamlNode node = doc.find(kv.path());
            String recorded = previous.map(p -> p.manifestKeyHash(m.file(), kv.dotted())).orElse(null);
            if (node == null) {
                boolean removedByUser = recorded != null && !created;
                if (removedByUser) {
                    conflicts.add(kv.dotted() + " (you removed it)");
                    keys.add("! " + kv.dotted());
                } else {
                    keys.add("+ " + kv.dotted());
                    text = edit(text, kv, g, m.file());
                }
                forced = edit(forced, kv, g, m.file());
                continue;
            }
            String currentHash = Hashes.ofValue(node.toJava());
            if (currentHash.equals(newHash)) {
                continue;
            }
            if (recorded != null && recorded.equals(currentHash)) {
                keys.add("~ " + kv.dotted());
                text = edit(text, kv, g, m.file());
            } else {
                conflicts.add(kv.dotted() + (recorded == null ? " (not written by " + g.id() + ")" : " (you changed it)"));
                keys.add("! " + kv.dotted());
            }
            forced = edit(forced, kv, g, m.file());
        }
        // Keys this generator wrote before but no longer renders (an answer changed): remove them if
        // untouched, keep them if the user edited them.
        if (previous.isPresent()) {
            Map<String, String> before = previous.get().manifests().getOrDefault(m.file(), Map.of());
            for (var e : before.entrySet()) {
                if (hashes.containsKey(e.getKey())) {
                    continue;
                }
                List<String> path = List.of(e.getKey().split("\\."));
                YamlNode node = YamlParser.parse(forced).find(path);
                if (node == null) {
                    continue;
                }
                if (Hashes.ofValue(node.toJava()).equals(e.getValue())) {
                    keys.add("- " + e.getKey());
                    text = remove(text, path, g, m.file());
                    forced = remove(forced, path, g, m.file());
                } else {
                    keys.add("= " + e.getKey() + " (kept: you changed it)");
                }
            }
        }
        byte[] after = (conflicts.isEmpty() ? text : forced).getBytes(StandardCharsets.UTF_8);
        if (!conflicts.isEmpty()) {
            return new FileChange(m.file(), FileChange.Kind.CONFLICT, beforeBytes, after, keys,
                    "keys changed outside mx: " + String.join(", ", conflicts));
        }
        if (created) {
            return new FileChange(m.file(), FileChange.Kind.CREATE, null, after, keys, null);
        }
        return new FileChange(m.file(), Arrays.equals(beforeBytes, after) ? FileChange.Kind.UNCHANGED
                : FileChange.Kind.UPDATE, beforeBytes, after, keys, null);
    }

    private static String edit(String text, RenderedGenerator.KeyValue kv, GeneratorDescriptor g, String file) {
        ParsedYaml doc = YamlParser.parse(text);
        List<TextEdit> edits;
        try {
            edits = YamlEditor.setValue(doc, kv.path(), kv.yamlFragment());
        } catch (RuntimeException e) {
            throw MxException.input(file + ": cannot set " + kv.dotted() + " for " + g.id() + ": " + e.getMessage());
        }
        return doc.lines().apply(edits);
    }

    private static String remove(String text, List<String> path, GeneratorDescriptor g, String file) {
        ParsedYaml doc = YamlParser.parse(text);
        if (doc.find(path) == null) {
            return text;
        }
        try {
            return doc.lines().apply(YamlEditor.remove(doc, path));
        } catch (RuntimeException e) {
            throw MxException.input(file + ": cannot remove " + String.join(".", path) + " for " + g.id() + ": "
                    + e.getMessage());
        }
    }

    private static byte[] read(Path root, String relative) {
        Path p = PathGuard.resolveInside(root, relative);
        try {
            return Files.isRegularFile(p) ? Files.readAllBytes(p) : null;
        } catch (IOException e) {
            throw new MxException(MxException.Kind.IO, relative, -1, -1, "cannot read: " + e.getMessage(), e);
        }
    }
}
