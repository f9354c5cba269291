package dev.mx.engine.lint.devspace;

import dev.mx.engine.lint.LintContext;
import dev.mx.engine.yaml.ParsedYaml;
import dev.mx.engine.yaml.YamlAliasNode;
import dev.mx.engine.yaml.YamlEntry;
import dev.mx.engine.yaml.YamlMapping;
import dev.mx.engine.yaml.YamlNode;
import dev.mx.engine.yaml.YamlScalar;
import dev.mx.engine.yaml.YamlSequence;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Facts about a devspace.yaml that every devspace rule needs: which config version it uses (only
 * {@code v2beta1} is checked in depth; older files get one note from {@code devspace/version} and
 * nothing else), DevSpace's name alphabets, and null- and alias-safe access to the YAML tree.
 */
public final class DevspaceFiles {
    private DevspaceFiles() {
    }

    /** The config version DevSpace 6 reads natively. */
    public static final String LATEST = "v2beta1";

    /** Versions DevSpace still loads (and upgrades in memory) besides {@link #LATEST}. */
    public static final Set<String> OLDER = Set.of("v1beta1", "v1beta2", "v1beta3", "v1beta4", "v1beta5", "v1beta6",
            "v1beta7", "v1beta8", "v1beta9", "v1beta10", "v1beta11");

    /** DevSpace's safe-name alphabet (names of deployments, images, dev, pipelines, ...). */
    public static final Pattern SAFE = Pattern.compile("(([a-z0-9][a-z0-9\\-]*[a-z0-9])|([a-z0-9]))");

    /** Command names: like {@link #SAFE}, with '_' allowed inside. */
    public static final Pattern COMMAND = Pattern.compile("(([a-z0-9][a-z0-9\\-_]*[a-z0-9])|([a-z0-9]))");

    /** Variable names. */
    public static final Pattern UPPER = Pattern.compile("(([A-Za-z0-9][A-Za-z0-9\\-_]*[A-Za-z0-9])|([A-Za-z0-9]))");

    /** The sections whose keys name things other parts of the config refer to. */
    public static final List<String> NAMED_SECTIONS = List.of("deployments", "dev", "images", "pipelines",
            "dependencies", "pullSecrets", "commands", "vars", "functions");

    /**
     * True unless the file declares one of the older versions DevSpace upgrades in memory
     * (v1beta1 ... v1beta11). Files without a version, with an unknown one or with v2beta1 are
     * checked as v2beta1 (the version rule reports the version itself). Rules over devspace.yaml
     * should return early when this is false, so that such files get one note and nothing else.
     */
    public static boolean isV2(LintContext ctx) {
        return isV2(ctx.yaml());
    }

    /** See {@link #isV2(LintContext)}. */
    public static boolean isV2(ParsedYaml yaml) {
        String v = version(yaml);
        return v == null || !OLDER.contains(v);
    }

    /** The {@code version} value as written when it is a scalar, else null. */
    public static String version(ParsedYaml yaml) {
        YamlMapping root = rootMapping(yaml);
        if (root == null) {
            return null;
        }
        YamlNode v = deref(root.get("version"));
        return v instanceof YamlScalar s && !s.isNull() ? s.value().trim() : null;
    }

    /** The first document's root when it is a mapping (aliases followed), else null. */
    public static YamlMapping rootMapping(ParsedYaml yaml) {
        return yaml == null ? null : mapping(yaml.root());
    }

    /** Follows aliases (at most a few hops); null stays null. */
    public static YamlNode deref(YamlNode n) {
        for (int i = 0; i < 8 && n instanceof YamlAliasNode a; i++) {
            n = a.target();
        }
        return n instanceof YamlAliasNode ? null : n;
    }

    public static YamlMapping mapping(YamlNode n) {
        return deref(n) instanceof YamlMapping m ? m : null;
    }

    public static YamlSequence sequence(YamlNode n) {
        return deref(n) instanceof YamlSequence s ? s : null;
    }

    /** A non-null scalar's value, else null. */
    public static String text(YamlNode n) {
        return deref(n) instanceof YamlScalar s && !s.isNull() ? s.value() : null;
    }

    /** The scalar node itself when {@code n} is a non-null scalar (aliases followed), else null. */
    public static YamlScalar scalar(YamlNode n) {
        return deref(n) instanceof YamlScalar s && !s.isNull() ? s : null;
    }

    /** The value at {@code key} of a mapping node, or null. */
    public static YamlNode get(YamlNode mapping, String key) {
        YamlMapping m = mapping(mapping);
        return m == null ? null : m.get(key);
    }

    /** The entry at {@code key} of a mapping node, or null. */
    public static YamlEntry entry(YamlNode mapping, String key) {
        YamlMapping m = mapping(mapping);
        return m == null ? null : m.entry(key);
    }

    /** True when a value is a DevSpace variable or config expression DevSpace resolves at load time. */
    public static boolean isDynamic(String s) {
        return s != null && (s.contains("${") || s.contains("$(") || s.contains("$!{") || s.contains("$#("));
    }

    /** True for a scalar whose whole value is a config expression such as {@code $(cat x.yaml)}. */
    public static boolean isExpression(String s) {
        if (s == null) {
            return false;
        }
        String t = s.trim();
        int i = 0;
        while (i < t.length() && i < 2 && t.charAt(i) == '$') {
            i++;
        }
        if (i == 0) {
            return false;
        }
        if (i < t.length() && t.charAt(i) == '#') {
            i++;
        }
        if (i < t.length() && t.charAt(i) == '!') {
            i++;
        }
        return i < t.length() && t.charAt(i) == '(' && t.endsWith(")");
    }
}
