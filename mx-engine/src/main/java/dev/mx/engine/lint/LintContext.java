package dev.mx.engine.lint;

import dev.mx.engine.diag.Diagnostic;
import dev.mx.engine.diag.Fix;
import dev.mx.engine.diag.Severity;
import dev.mx.engine.text.LineMap;
import dev.mx.engine.text.Range;
import dev.mx.engine.yaml.ParsedYaml;
import dev.mx.engine.yaml.YamlEntry;
import dev.mx.engine.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;

/** What a rule sees of one file, and where it reports. */
public final class LintContext {
    private final String file;
    private final FileKind kind;
    private final ParsedYaml yaml;
    private final ProjectView project;
    private final List<Diagnostic> out = new ArrayList<>();
    private final java.util.Map<Object, Object> memo = new java.util.HashMap<>();
    private RuleMeta current;

    public LintContext(String file, FileKind kind, ParsedYaml yaml, ProjectView project) {
        this.file = file;
        this.kind = kind;
        this.yaml = yaml;
        this.project = project;
    }

    /** How diagnostics name the file. */
    public String file() {
        return file;
    }

    public FileKind kind() {
        return kind;
    }

    public ParsedYaml yaml() {
        return yaml;
    }

    public String text() {
        return yaml.text();
    }

    public LineMap lines() {
        return yaml.lines();
    }

    /** The first document's root, or null. */
    public YamlNode root() {
        return yaml.root();
    }

    /**
     * A value computed once per linted text and shared by the rules that need it (the state file's own
     * reading, say, which is costly on a large file): {@code compute} runs on the first call for {@code key}.
     */
    @SuppressWarnings("unchecked")
    public <T> T memo(Object key, java.util.function.Supplier<T> compute) {
        if (!memo.containsKey(key)) {
            memo.put(key, compute.get());
        }
        return (T) memo.get(key);
    }

    public ProjectView project() {
        return project;
    }

    void startRule(RuleMeta rule) {
        this.current = rule;
    }

    /** Reports a finding of the running rule at its default severity (config may change it later). */
    public void report(Range range, String message, Fix... fixes) {
        out.add(new Diagnostic(file, range, current.defaultSeverity(), current.id(), message, List.of(fixes)));
    }

    public void report(YamlNode node, String message, Fix... fixes) {
        report(node.range(), message, fixes);
    }

    /**
     * Reports a finding of the running rule at another severity than its default, for rules whose
     * findings differ in weight (a load error versus a hint). A severity set in .mx/lint.yaml for
     * the rule still replaces it.
     */
    public void report(Severity severity, Range range, String message, Fix... fixes) {
        out.add(new Diagnostic(file, range, severity, current.id(), message, List.of(fixes)));
    }

    /** Reports on an entry's key (where people look for the mistake). */
    public void reportKey(YamlEntry entry, String message, Fix... fixes) {
        report(entry.key().range(), message, fixes);
    }

    List<Diagnostic> diagnostics() {
        return out;
    }

    void add(Diagnostic d) {
        out.add(d);
    }
}
