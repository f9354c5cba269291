package dev.mx.engine.state;

import dev.mx.engine.MxException;
import dev.mx.engine.io.MarkedYaml;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/**
 * Reads and serializes {@code .mx/state.yaml}. Serialization is deterministic (no timestamps),
 * so re-applying a generator with the same answers leaves the file byte-identical. Writing
 * happens through the plan's atomic apply, never directly.
 */
public final class StateFile {
    public static final String RELATIVE_PATH = ".mx/state.yaml";
    private static final String HEADER = """
            # mx project state: the answers you gave and what each generator wrote.
            # Later generators read the answers instead of asking again. The hashes let mx tell
            # your own edits from its own, so it never overwrites your work. Edit answers with care.
            """;

    private StateFile() {
    }

    public static Path path(Path projectRoot) {
        return projectRoot.resolve(".mx").resolve("state.yaml");
    }

    /** The project's state, or an empty state when there is no state file yet. */
    public static ProjectState read(Path projectRoot) {
        Path p = path(projectRoot);
        String text;
        try {
            byte[] bytes = Files.readAllBytes(p);
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (NoSuchFileException e) {
            return ProjectState.empty();
        } catch (CharacterCodingException e) {
            throw MxException.at(RELATIVE_PATH, -1, -1, "not valid UTF-8 text");
        } catch (IOException e) {
            throw new MxException(MxException.Kind.IO, RELATIVE_PATH, -1, -1, "cannot read: " + e.getMessage(), e);
        }
        return parse(text);
    }

    public static ProjectState parse(String text) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        MarkedYaml doc = MarkedYaml.parse(RELATIVE_PATH, text);
        if (!doc.isMapping()) {
            throw doc.error("the state file must be a mapping with format_version, answers and generators");
        }
        doc.onlyKeys("the state file", "format_version", "mx_version", "answers", "generators");
        MarkedYaml fv = doc.get("format_version");
        if (fv == null) {
            throw doc.error("missing 'format_version'");
        }
        if (!(fv.toJava() instanceof Long version) || version < 1) {
            throw fv.error("'format_version' must be a positive whole number");
        }
        if (version > ProjectState.FORMAT_VERSION) {
            throw fv.error("this state file was written by a newer mx (format " + version
                    + "); this mx reads format " + ProjectState.FORMAT_VERSION + ": upgrade mx");
        }
        Map<String, Object> answers = new LinkedHashMap<>();
        MarkedYaml a = doc.get("answers");
        if (a != null && !a.isNull()) {
            a.entries().forEach((k, v) -> answers.put(k, plainValue(v)));
        }
        List<AppliedGenerator> generators = new ArrayList<>();
        MarkedYaml gs = doc.get("generators");
        if (gs != null && !gs.isNull()) {
            for (MarkedYaml g : gs.items()) {
                generators.add(applied(g));
            }
        }
        return new ProjectState(version.intValue(), answers, generators);
    }

    private static AppliedGenerator applied(MarkedYaml g) {
        g.onlyKeys("a generator entry", "id", "version", "parameters", "files", "manifests");
        String id = text(g, "id");
        String version = text(g, "version");
        Map<String, Object> params = new LinkedHashMap<>();
        if (g.get("parameters") != null && !g.get("parameters").isNull()) {
            g.get("parameters").entries().forEach((k, v) -> params.put(k, plainValue(v)));
        }
        Map<String, String> files = new LinkedHashMap<>();
        if (g.get("files") != null && !g.get("files").isNull()) {
            g.get("files").entries().forEach((k, v) -> files.put(k, hash(v)));
        }
        Map<String, Map<String, String>> manifests = new LinkedHashMap<>();
        if (g.get("manifests") != null && !g.get("manifests").isNull()) {
            g.get("manifests").entries().forEach((file, keys) -> {
                Map<String, String> m = new LinkedHashMap<>();
                keys.entries().forEach((k, v) -> m.put(k, hash(v)));
                manifests.put(file, m);
            });
        }
        return new AppliedGenerator(id, version, params, files, manifests);
    }

    private static Object plainValue(MarkedYaml v) {
        Object o = v.toJava();
        if (o instanceof Map) {
            throw v.error("answers and parameters must be single values or lists, not mappings");
        }
        if (o instanceof List<?> l) {
            List<String> out = new ArrayList<>();
            for (Object i : l) {
                if (i instanceof Map || i instanceof List) {
                    throw v.error("list answers must hold single values");
                }
                out.add(String.valueOf(i));
            }
            return out;
        }
        return o;
    }

    private static String hash(MarkedYaml v) {
        String h = v.string();
        if (!h.matches("sha256:[0-9a-f]{64}")) {
            throw v.error("expected a content hash 'sha256:<64 hex digits>'");
        }
        return h;
    }

    private static String text(MarkedYaml m, String key) {
        MarkedYaml v = m.get(key);
        if (v == null || v.isNull()) {
            throw m.error("missing '" + key + "'");
        }
        return v.string();
    }

    /** Fresh containers for every value: a list shared by answers and parameters would be dumped as a YAML anchor. */
    private static Map<String, Object> copy(Map<String, Object> values) {
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, v instanceof List<?> l ? new ArrayList<>(l) : v));
        return out;
    }

    public static String serialize(ProjectState state, String mxVersion) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format_version", state.formatVersion());
        root.put("mx_version", mxVersion);
        root.put("answers", copy(state.answers()));
        List<Object> gens = new ArrayList<>();
        for (AppliedGenerator g : state.generators()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", g.id());
            m.put("version", g.version());
            m.put("parameters", copy(g.parameters()));
            m.put("files", new LinkedHashMap<>(g.files()));
            Map<String, Object> manifests = new LinkedHashMap<>();
            g.manifests().forEach((k, v) -> manifests.put(k, new LinkedHashMap<>(v)));
            m.put("manifests", manifests);
            gens.add(m);
        }
        root.put("generators", gens);
        DumpSettings settings = DumpSettings.builder()
                .setDefaultFlowStyle(FlowStyle.BLOCK)
                .setIndent(2)
                .setIndicatorIndent(2)
                .setIndentWithIndicator(true)
                .setWidth(120)
                .build();
        return HEADER + new Dump(settings).dumpToString(root);
    }
}
