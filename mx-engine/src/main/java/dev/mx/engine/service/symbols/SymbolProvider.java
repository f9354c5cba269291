package dev.mx.engine.service.symbols;

import static dev.mx.engine.lint.devspace.DevspaceFiles.deref;
import static dev.mx.engine.lint.devspace.DevspaceFiles.get;
import static dev.mx.engine.lint.devspace.DevspaceFiles.mapping;
import static dev.mx.engine.lint.devspace.DevspaceFiles.sequence;

import dev.mx.engine.service.CancelChecker;
import dev.mx.engine.service.DocumentModel;
import dev.mx.engine.service.SymbolItem;
import dev.mx.engine.service.SymbolItem.Kind;
import dev.mx.engine.text.Range;
import dev.mx.engine.yaml.YamlEntry;
import dev.mx.engine.yaml.YamlMapping;
import dev.mx.engine.yaml.YamlNode;
import dev.mx.engine.yaml.YamlScalar;
import dev.mx.engine.yaml.YamlSequence;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The outline of a document. devspace.yaml: its named sections (deployments, dev, images,
 * pipelines, commands, functions, vars, pullSecrets, dependencies) with their entries, and profiles
 * with the sections they merge or replace; MLproject: name, environment and entry points with
 * their parameters; state file: answers and applied generators. Other YAML gets its top-level keys.
 */
public final class SymbolProvider {
    /** Longest detail shown; longer ones are cut. */
    static final int DETAIL = 60;

    private record Section(Kind kind, Kind childKind, Function<YamlNode, String> detail) {
    }

    private static final Map<String, Section> DEVSPACE = Map.of(
            "deployments", new Section(Kind.MODULE, Kind.CLASS, SymbolProvider::deploymentDetail),
            "dev", new Section(Kind.MODULE, Kind.CLASS, SymbolProvider::devDetail),
            "images", new Section(Kind.MODULE, Kind.PACKAGE, v -> text(get(v, "image"))),
            "pipelines", new Section(Kind.MODULE, Kind.FUNCTION, v -> text(v) != null ? text(v) : text(get(v, "run"))),
            "commands", new Section(Kind.MODULE, Kind.FUNCTION, SymbolProvider::commandDetail),
            "functions", new Section(Kind.MODULE, Kind.FUNCTION, SymbolProvider::text),
            "vars", new Section(Kind.MODULE, Kind.PROPERTY, SymbolProvider::varDetail),
            "pullSecrets", new Section(Kind.MODULE, Kind.KEY, v -> text(get(v, "registry"))),
            "dependencies", new Section(Kind.MODULE, Kind.PACKAGE, SymbolProvider::dependencyDetail));

    private SymbolProvider() {
    }

    public static List<SymbolItem> symbols(DocumentModel doc, CancelChecker cancel) {
        YamlMapping root = mapping(doc.yaml().root());
        if (root == null) {
            return List.of();
        }
        return switch (doc.kind()) {
            case DEVSPACE -> devspace(root, cancel);
            case MLPROJECT -> mlproject(root, cancel);
            case STATE -> state(root, cancel);
            default -> topLevel(root);
        };
    }

    // devspace.yaml

    private static List<SymbolItem> devspace(YamlMapping root, CancelChecker cancel) {
        List<SymbolItem> out = new ArrayList<>();
        for (YamlEntry e : root.entries()) {
            cancel.checkCanceled();
            String key = e.keyText();
            if ("profiles".equals(key)) {
                out.add(symbol(e, null, Kind.MODULE, profiles(e.value(), cancel)));
            } else if (key != null && DEVSPACE.containsKey(key)) {
                out.add(section(e, null));
            }
        }
        return out;
    }

    private static SymbolItem section(YamlEntry e, String detail) {
        Section sec = DEVSPACE.get(e.keyText());
        List<SymbolItem> children = new ArrayList<>();
        YamlMapping m = mapping(e.value());
        if (m != null) {
            for (YamlEntry c : m.entries()) {
                if (c.keyText() != null) {
                    children.add(symbol(c, cut(sec.detail().apply(c.value())), sec.childKind(), List.of()));
                }
            }
        }
        return symbol(e, detail, sec.kind(), children);
    }

    private static List<SymbolItem> profiles(YamlNode value, CancelChecker cancel) {
        List<SymbolItem> out = new ArrayList<>();
        YamlSequence s = sequence(value);
        if (s == null) {
            return out;
        }
        for (YamlNode p : s.items()) {
            cancel.checkCanceled();
            YamlMapping pm = mapping(p);
            if (pm == null) {
                continue;
            }
            YamlEntry nameEntry = pm.entry("name");
            String name = text(pm.get("name"));
            List<SymbolItem> children = new ArrayList<>();
            for (String kind : List.of("merge", "replace")) {
                YamlMapping km = mapping(pm.get(kind));
                if (km != null) {
                    for (YamlEntry sec : km.entries()) {
                        if (sec.keyText() != null && DEVSPACE.containsKey(sec.keyText())) {
                            children.add(section(sec, kind));
                        }
                    }
                }
            }
            YamlEntry patches = pm.entry("patches");
            if (patches != null && sequence(patches.value()) != null) {
                List<SymbolItem> ps = new ArrayList<>();
                for (YamlNode patch : sequence(patches.value()).items()) {
                    String op = text(get(patch, "op"));
                    String path = text(get(patch, "path"));
                    if (path != null) {
                        ps.add(new SymbolItem(path.strip(), op == null ? null : op.strip(), Kind.EVENT, patch.range(),
                                patch.range(), List.of()));
                    }
                }
                children.add(symbol(patches, null, Kind.MODULE, ps));
            }
            Range selection = nameEntry != null ? nameEntry.value().range() : p.range();
            out.add(new SymbolItem(name == null ? "(unnamed profile)" : name.strip(),
                    cut(text(pm.get("description"))), Kind.NAMESPACE, p.range(), selection, children));
        }
        return out;
    }

    private static String deploymentDetail(YamlNode v) {
        YamlNode helm = get(v, "helm");
        if (helm != null) {
            String chart = text(get(get(helm, "chart"), "name"));
            return chart == null ? "helm" : "helm " + chart.strip();
        }
        return get(v, "kubectl") != null ? "kubectl" : null;
    }

    private static String devDetail(YamlNode v) {
        String image = text(get(v, "imageSelector"));
        if (image != null) {
            return image;
        }
        YamlMapping labels = mapping(get(v, "labelSelector"));
        if (labels == null) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (YamlEntry e : labels.entries()) {
            parts.add(e.keyText() + "=" + text(e.value()));
        }
        return String.join(",", parts);
    }

    private static String commandDetail(YamlNode v) {
        String s = text(v);
        if (s != null) {
            return s;
        }
        String description = text(get(v, "description"));
        return description != null ? description : text(get(v, "command"));
    }

    private static String varDetail(YamlNode v) {
        String s = text(v);
        if (s != null) {
            return s;
        }
        for (String k : List.of("value", "default", "command")) {
            String t = text(get(v, k));
            if (t != null) {
                return t;
            }
        }
        String source = text(get(v, "source"));
        return source == null ? null : "source: " + source;
    }

    private static String dependencyDetail(YamlNode v) {
        String path = text(get(v, "path"));
        return path != null ? path : text(get(v, "git"));
    }

    // MLproject

    private static List<SymbolItem> mlproject(YamlMapping root, CancelChecker cancel) {
        List<SymbolItem> out = new ArrayList<>();
        for (YamlEntry e : root.entries()) {
            cancel.checkCanceled();
            String key = e.keyText();
            if (key == null) {
                continue;
            }
            switch (key) {
                case "name" -> out.add(symbol(e, cut(text(e.value())), Kind.KEY, List.of()));
                case "python_env", "conda_env" -> out.add(symbol(e, cut(text(e.value())), Kind.PACKAGE, List.of()));
                case "docker_env" -> out.add(symbol(e, cut(text(get(e.value(), "image"))), Kind.PACKAGE, List.of()));
                case "entry_points" -> out.add(symbol(e, null, Kind.MODULE, entryPoints(e.value())));
                default -> {
                }
            }
        }
        return out;
    }

    private static List<SymbolItem> entryPoints(YamlNode value) {
        List<SymbolItem> out = new ArrayList<>();
        YamlMapping eps = mapping(value);
        if (eps == null) {
            return out;
        }
        for (YamlEntry ep : eps.entries()) {
            if (ep.keyText() == null) {
                continue;
            }
            List<SymbolItem> params = new ArrayList<>();
            YamlMapping pm = mapping(get(ep.value(), "parameters"));
            if (pm != null) {
                for (YamlEntry p : pm.entries()) {
                    if (p.keyText() != null) {
                        params.add(symbol(p, cut(parameterDetail(p.value())), Kind.PROPERTY, List.of()));
                    }
                }
            }
            out.add(symbol(ep, cut(text(get(ep.value(), "command"))), Kind.FUNCTION, params));
        }
        return out;
    }

    /** {@code float = 0.01}: MLflow's type (string when not given) and the default if any. */
    private static String parameterDetail(YamlNode v) {
        String shorthand = text(v);
        if (shorthand != null) {
            return shorthand.strip();
        }
        String type = text(get(v, "type"));
        YamlScalar def = deref(get(v, "default")) instanceof YamlScalar s ? s : null;
        String t = type == null ? "string" : type.strip();
        return def == null ? t : t + " = " + def.value();
    }

    // .mx/state.yaml

    private static List<SymbolItem> state(YamlMapping root, CancelChecker cancel) {
        List<SymbolItem> out = new ArrayList<>();
        YamlEntry answers = root.entry("answers");
        YamlEntry gens = root.entry("generators");
        for (YamlEntry e : root.entries()) {
            cancel.checkCanceled();
            if (e == answers) {
                List<SymbolItem> children = new ArrayList<>();
                YamlMapping m = mapping(e.value());
                if (m != null) {
                    for (YamlEntry a : m.entries()) {
                        if (a.keyText() != null) {
                            children.add(symbol(a, cut(valueText(a.value())), Kind.PROPERTY, List.of()));
                        }
                    }
                }
                out.add(symbol(e, null, Kind.MODULE, children));
            } else if (e == gens) {
                List<SymbolItem> children = new ArrayList<>();
                YamlSequence s = sequence(e.value());
                if (s != null) {
                    for (YamlNode g : s.items()) {
                        YamlEntry id = mapping(g) == null ? null : mapping(g).entry("id");
                        String name = text(get(g, "id"));
                        if (name != null) {
                            children.add(new SymbolItem(name.strip(), cut(text(get(g, "version"))), Kind.PACKAGE,
                                    g.range(), id.value().range(), List.of()));
                        }
                    }
                }
                out.add(symbol(e, null, Kind.MODULE, children));
            }
        }
        return out;
    }

    /** A scalar's text, or a sequence or mapping written compactly. */
    private static String valueText(YamlNode v) {
        YamlNode n = deref(v);
        if (n instanceof YamlScalar s) {
            return s.isNull() ? null : s.value();
        }
        try {
            Object o = n == null ? null : n.toJava();
            return o == null ? null : o.toString();
        } catch (RuntimeException e) {
            return null;
        }
    }

    // anything else

    private static List<SymbolItem> topLevel(YamlMapping root) {
        List<SymbolItem> out = new ArrayList<>();
        for (YamlEntry e : root.entries()) {
            if (e.keyText() != null) {
                out.add(symbol(e, cut(text(e.value())), Kind.KEY, List.of()));
            }
        }
        return out;
    }

    // helpers

    private static SymbolItem symbol(YamlEntry e, String detail, Kind kind, List<SymbolItem> children) {
        return new SymbolItem(e.keyText(), detail, kind, Nav.entryRange(e), e.key().range(), children);
    }

    private static String text(YamlNode v) {
        return dev.mx.engine.lint.devspace.DevspaceFiles.text(v);
    }

    private static String cut(String s) {
        return Nav.firstLine(s, DETAIL);
    }
}
