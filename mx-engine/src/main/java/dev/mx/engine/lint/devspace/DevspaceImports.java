package dev.mx.engine.lint.devspace;

import static dev.mx.engine.lint.devspace.DevspaceFiles.get;
import static dev.mx.engine.lint.devspace.DevspaceFiles.text;

import dev.mx.engine.yaml.ParsedYaml;
import dev.mx.engine.yaml.YamlMapping;
import dev.mx.engine.yaml.YamlNode;
import dev.mx.engine.yaml.YamlSequence;
import java.util.ArrayList;
import java.util.List;

/**
 * The local files a devspace.yaml imports ({@code imports[].path} without {@code git}), so callers
 * can lint them as devspace files too: DevSpace merges their sections into the importing config.
 */
public final class DevspaceImports {
    private DevspaceImports() {
    }

    /**
     * The {@code path} of every enabled, local, literal import, as written: relative to the folder
     * of the importing file (absolute paths stay absolute). A path naming a folder means that
     * folder's {@code devspace.yaml}. Imports from git, with variables or expressions in the path,
     * or with {@code enabled: false} are left out. Never null; empty for older config versions.
     */
    public static List<String> localImports(ParsedYaml yaml) {
        List<String> out = new ArrayList<>();
        if (yaml == null || !DevspaceFiles.isV2(yaml)) {
            return out;
        }
        YamlMapping root = DevspaceFiles.rootMapping(yaml);
        YamlSequence imports = root == null ? null : DevspaceFiles.sequence(root.get("imports"));
        if (imports == null) {
            return out;
        }
        for (YamlNode item : imports.items()) {
            String path = localPath(item);
            if (path != null) {
                out.add(path);
            }
        }
        return out;
    }

    /** The literal local path of one import entry, or null. */
    static String localPath(YamlNode item) {
        if (DevspaceFiles.mapping(item) == null || get(item, "git") != null) {
            return null;
        }
        String enabled = text(get(item, "enabled"));
        if (enabled != null && enabled.trim().equals("false")) {
            return null;
        }
        String path = text(get(item, "path"));
        if (path == null || path.isBlank() || DevspaceFiles.isDynamic(path) || path.contains("$")
                || path.contains("://")) {
            return null;
        }
        return path.trim();
    }
}
