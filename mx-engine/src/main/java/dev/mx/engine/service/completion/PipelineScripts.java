package dev.mx.engine.service.completion;

import dev.mx.engine.service.CompletionItem;
import dev.mx.engine.service.DocumentModel;
import dev.mx.engine.text.Range;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pipeline scripts (and functions): DevSpace's built-in commands, and after the commands that
 * take names, the names this config defines (deployments, images, dev configurations, ...).
 */
public final class PipelineScripts {
    /** Built-in pipeline commands with a one-line doc. */
    public static final Map<String, String> COMMANDS = commands();

    /** Commands whose plain arguments are names of a section (command → section); also used by go to definition. */
    public static final Map<String, String> NAME_ARGS = Map.of(
            "create_deployments", "deployments",
            "purge_deployments", "deployments",
            "build_images", "images",
            "start_dev", "dev",
            "stop_dev", "dev",
            "run_pipelines", "pipelines",
            "run_dependencies", "dependencies",
            "run_dependency_pipelines", "dependencies");

    private static final Set<String> KEYWORDS = Set.of("if", "then", "else", "elif", "do", "while", "until", "!",
            "time", "exec");

    private PipelineScripts() {
    }

    private static Map<String, String> commands() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("run_dependencies", "Runs a pipeline (deploy by default) of the named dependencies, or all with --all.");
        m.put("run_dependency_pipelines", "Runs pipelines of dependencies (older name of run_dependencies).");
        m.put("run_pipelines", "Runs other pipelines of this config.");
        m.put("run_default_pipeline", "Runs DevSpace's built-in pipeline of that name (dev, deploy, build, purge).");
        m.put("ensure_pull_secrets", "Creates the image pull secrets the config needs.");
        m.put("build_images", "Builds the named images, or all with --all.");
        m.put("create_deployments", "Deploys the named deployments, or all with --all.");
        m.put("purge_deployments", "Removes the named deployments, or all with --all.");
        m.put("start_dev", "Starts the named dev configurations, or all with --all.");
        m.put("stop_dev", "Stops the named dev configurations, or all with --all.");
        m.put("get_image", "Prints the full reference (with tag) of an image built in this run.");
        m.put("get_config_value", "Prints a value of the config, e.g. get_config_value deployments.api.namespace.");
        m.put("exec_container", "Runs a command in a container selected like a dev configuration.");
        m.put("select_pod", "Selects a pod and prints its name.");
        m.put("wait_pod", "Waits until a selected pod is running.");
        m.put("is_dependency", "True when this config runs as a dependency of another.");
        m.put("get_flag", "Prints the value of one of the pipeline's flags.");
        m.put("is_equal", "True when both arguments are equal.");
        m.put("is_in", "True when the first argument is among the others.");
        m.put("is_empty", "True when the argument is empty.");
        m.put("is_true", "True when the argument is 'true'.");
        m.put("is_os", "True on the given operating system (linux, darwin, windows).");
        m.put("run_watch", "Runs a command again whenever watched files change.");
        return m;
    }

    /** Whether a path holds a pipeline script: {@code pipelines.X}, {@code pipelines.X.run} or {@code functions.X}. */
    /** Whitespace-separated words (no regex: this runs on every keystroke). */
    static String[] tokens(String s) {
        List<String> out = new java.util.ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            int b = i;
            while (i < s.length() && !Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            if (i > b) {
                out.add(s.substring(b, i));
            }
        }
        return out.toArray(new String[0]);
    }

    public static boolean isScript(List<String> path) {
        if (path.size() == 2) {
            return path.get(0).equals("pipelines") || path.get(0).equals("functions");
        }
        return path.size() == 3 && path.get(0).equals("pipelines") && path.get(2).equals("run");
    }

    static void complete(DocumentModel doc, CursorContext ctx, String before, Items items) {
        // the current simple command: after the last ; & | ( ) { } or backquote
        int start = 0;
        for (int i = 0; i < before.length(); i++) {
            char c = before.charAt(i);
            if (c == ';' || c == '&' || c == '|' || c == '(' || c == ')' || c == '{' || c == '}' || c == '`') {
                start = i + 1;
            }
        }
        String cmd = before.substring(start);
        String[] tokens = tokens(cmd);
        int first = 0;
        while (first < tokens.length && KEYWORDS.contains(tokens[first])) {
            first++;
        }
        boolean typingWord = !cmd.isEmpty() && !Character.isWhitespace(cmd.charAt(cmd.length() - 1));
        Range word = ctx.wordRange(c -> !Character.isWhitespace(c) && ";&|(){}`".indexOf(c) < 0,
                ctx.column() - (typingWord && tokens.length > 0 ? tokens[tokens.length - 1].length() : 0));
        int args = tokens.length - first - (typingWord ? 1 : 0); // complete words after the command
        if (args <= 0) {
            if (tokens.length - first <= 1) {
                for (var e : COMMANDS.entrySet()) {
                    items.value(e.getKey(), CompletionItem.Kind.REFERENCE, "DevSpace pipeline command", e.getValue(),
                            word, e.getKey());
                }
            }
            return;
        }
        String command = tokens[first];
        String section = NAME_ARGS.get(command);
        if (section == null) {
            return;
        }
        Set<String> given = new LinkedHashSet<>();
        for (int i = first + 1; i < tokens.length - (typingWord ? 1 : 0); i++) {
            given.add(tokens[i]);
        }
        String partial = typingWord ? tokens[tokens.length - 1] : "";
        if (!partial.startsWith("-")) {
            for (String name : DevspaceCompletions.without(DevspaceCompletions.names(doc, section), given)) {
                items.value(name, CompletionItem.Kind.REFERENCE, section + "." + name,
                        "`" + section + "." + name + "` of this config.", word, name);
            }
        }
        if (!given.contains("--all")) {
            items.value("--all", CompletionItem.Kind.VALUE, "flag", "All " + section + " of this config.", word,
                    "--all");
        }
    }
}
