package dev.mx.engine.lint.devspace;

import static dev.mx.engine.lint.devspace.DevspaceFiles.deref;
import static dev.mx.engine.lint.devspace.DevspaceFiles.mapping;
import static dev.mx.engine.lint.devspace.DevspaceFiles.sequence;
import static dev.mx.engine.lint.devspace.DevspaceFiles.text;

import dev.mx.engine.lint.LintContext;
import dev.mx.engine.yaml.ParsedYaml;
import dev.mx.engine.yaml.YamlEntry;
import dev.mx.engine.yaml.YamlMapping;
import dev.mx.engine.yaml.YamlNode;
import dev.mx.engine.yaml.YamlScalar;
import dev.mx.engine.yaml.YamlSequence;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * What a devspace.yaml defines, as far as one file can tell: the names in each section of the
 * file itself and of its profiles ({@code merge}, {@code replace} and literal {@code patches}),
 * and which sections are <em>open</em> because imports, config expressions or computed patch
 * paths may add names mx cannot see. Rules only call a reference unknown in a closed section.
 * Built once per parsed file and shared by the rules.
 */
final class DevspaceModel {
    /** Sections an import may contribute to (DevSpace's loader.ImportSections). */
    static final List<String> IMPORT_SECTIONS = List.of("require", "vars", "dev", "deployments", "images",
            "pipelines", "commands", "functions", "pullSecrets", "dependencies", "profiles", "hooks");

    /** Sections a profile's merge/replace may hold. */
    static final List<String> PROFILE_SECTIONS = List.of("vars", "pullSecrets", "images", "deployments", "dev",
            "commands", "dependencies", "hooks");

    private static final Map<ParsedYaml, DevspaceModel> CACHE = Collections.synchronizedMap(new WeakHashMap<>());

    /** A place where a section is written: the file's top level or a profile's merge/replace. */
    record SectionRef(String section, YamlNode node, String origin, boolean fromProfile) {
    }

    final YamlMapping root;
    final boolean hasImports;
    private final Map<String, Set<String>> names = new HashMap<>();
    private final Set<String> open = new HashSet<>();
    private final Map<String, List<SectionRef>> refs = new HashMap<>();
    private final Set<String> profileNames = new LinkedHashSet<>();
    private boolean allOpen;

    private DevspaceModel(YamlMapping root) {
        this.root = root;
        boolean imports = false;
        if (root != null) {
            YamlNode imp = deref(root.get("imports"));
            if (imp instanceof YamlSequence s) {
                for (YamlNode item : s.items()) {
                    YamlNode en = DevspaceFiles.get(item, "enabled");
                    String e = text(en);
                    if (!"false".equals(e == null ? null : e.trim())) {
                        imports = true;
                    }
                }
            } else if (imp instanceof YamlScalar sc && !sc.isNull()) {
                imports = true;
            }
            for (String sec : IMPORT_SECTIONS) {
                addSection(sec, root.get(sec), "", false);
            }
            YamlSequence profiles = sequence(root.get("profiles"));
            if (profiles != null) {
                for (YamlNode p : profiles.items()) {
                    scanProfile(p);
                }
            } else if (root.get("profiles") != null && deref(root.get("profiles")) instanceof YamlScalar ps
                    && !ps.isNull()) {
                allOpen = true;
            }
        }
        this.hasImports = imports;
        if (imports) {
            open.addAll(IMPORT_SECTIONS);
        }
    }

    static DevspaceModel of(LintContext ctx) {
        return of(ctx.yaml());
    }

    static DevspaceModel of(ParsedYaml yaml) {
        DevspaceModel m = CACHE.get(yaml);
        if (m == null) {
            m = new DevspaceModel(DevspaceFiles.rootMapping(yaml));
            CACHE.put(yaml, m);
        }
        return m;
    }

    /** True when {@code name} is defined in {@code section}, or the section is open. */
    boolean knows(String section, String name) {
        return isOpen(section) || names(section).contains(name);
    }

    /** True when imports, expressions or computed patches may add anything mx cannot see. */
    boolean anyOpen() {
        return allOpen || hasImports || !open.isEmpty();
    }

    boolean isOpen(String section) {
        return allOpen || open.contains(section);
    }

    /** Names seen for a section, in file order. */
    Set<String> names(String section) {
        return names.getOrDefault(section, Set.of());
    }

    /** Where a section is written: the top level first, then profiles in order. */
    List<SectionRef> sections(String section) {
        return refs.getOrDefault(section, List.of());
    }

    /** The top-level node of a section, or null. */
    YamlNode top(String section) {
        return root == null ? null : root.get(section);
    }

    Set<String> profileNames() {
        return profileNames;
    }

    private void addSection(String section, YamlNode node, String origin, boolean fromProfile) {
        if (node == null) {
            return;
        }
        YamlNode n = deref(node);
        if (n == null) {
            open.add(section);
            return;
        }
        refs.computeIfAbsent(section, k -> new ArrayList<>()).add(new SectionRef(section, n, origin, fromProfile));
        if (n instanceof YamlMapping m) {
            Set<String> set = names.computeIfAbsent(section, k -> new LinkedHashSet<>());
            for (YamlEntry e : m.entries()) {
                String k = e.keyText();
                if (k != null) {
                    set.add(k);
                }
            }
        } else if (n instanceof YamlScalar s && !s.isNull()) {
            open.add(section); // an expression such as $(cat deployments.yaml)
        }
    }

    private void scanProfile(YamlNode p) {
        YamlMapping pm = mapping(p);
        if (pm == null) {
            return;
        }
        String pname = text(pm.get("name"));
        if (pname != null) {
            profileNames.add(pname.trim());
        }
        String origin = "profile " + (pname == null ? "?" : pname);
        for (String kind : List.of("replace", "merge")) {
            YamlNode v = deref(pm.get(kind));
            if (v instanceof YamlMapping vm) {
                for (String sec : PROFILE_SECTIONS) {
                    addSection(sec, vm.get(sec), origin + " " + kind, true);
                }
            } else if (v instanceof YamlScalar s && !s.isNull()) {
                allOpen = true; // merge: $(cat file.yaml)
            }
        }
        YamlSequence patches = sequence(pm.get("patches"));
        if (patches != null) {
            for (YamlNode patch : patches.items()) {
                scanPatch(patch);
            }
        } else if (pm.get("patches") != null && text(pm.get("patches")) != null) {
            allOpen = true;
        }
    }

    private void scanPatch(YamlNode patch) {
        String op = text(DevspaceFiles.get(patch, "op"));
        String path = text(DevspaceFiles.get(patch, "path"));
        if (path == null || op == null) {
            return;
        }
        op = op.trim();
        if (!op.equals("add") && !op.equals("replace")) {
            return;
        }
        List<String> seg = pathSegments(path.trim());
        if (seg.isEmpty()) {
            allOpen = true;
            return;
        }
        String section = seg.get(0);
        if (DevspaceFiles.isDynamic(section)) {
            allOpen = true;
            return;
        }
        if (seg.size() == 1) {
            YamlNode value = deref(DevspaceFiles.get(patch, "value"));
            if (value instanceof YamlMapping vm) {
                Set<String> set = names.computeIfAbsent(section, k -> new LinkedHashSet<>());
                for (YamlEntry e : vm.entries()) {
                    if (e.keyText() != null) {
                        set.add(e.keyText());
                    }
                }
            } else {
                open.add(section);
            }
            return;
        }
        String name = seg.get(1);
        if (DevspaceFiles.isDynamic(name)) {
            open.add(section);
        } else if (isLiteralName(name)) {
            names.computeIfAbsent(section, k -> new LinkedHashSet<>()).add(name);
        }
    }

    private static boolean isLiteralName(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '*' || c == '[' || c == '?' || c == '=' || c == '@' || c == '(') {
                return false;
            }
        }
        return !s.isEmpty();
    }

    /** The first two segments of a patch path in dot syntax ({@code a.b.c}) or slash syntax ({@code /a/b}). */
    static List<String> pathSegments(String path) {
        List<String> out = new ArrayList<>();
        if (path.isEmpty() || path.equals(".") || path.equals("$") || path.equals("/")) {
            return out;
        }
        String p = path;
        char sep = '.';
        if (p.startsWith("/")) {
            p = p.substring(1);
            sep = '/';
        } else if (p.startsWith("$.")) {
            p = p.substring(2);
        }
        int start = 0;
        int depth = 0;
        for (int i = 0; i <= p.length() && out.size() < 2; i++) {
            char c = i < p.length() ? p.charAt(i) : sep;
            if (c == '[' || c == '{' || c == '(') {
                depth++;
            } else if ((c == ']' || c == '}' || c == ')') && depth > 0) {
                depth--;
            } else if (c == sep && depth == 0) {
                String s = p.substring(start, i);
                int bracket = s.indexOf('[');
                if (bracket > 0 && out.isEmpty()) {
                    // images[0] on a map section: the section name, then a computed selector
                    out.add(s.substring(0, bracket));
                    out.add(s.substring(bracket));
                    break;
                }
                out.add(s);
                start = i + 1;
            }
        }
        return out;
    }
}
