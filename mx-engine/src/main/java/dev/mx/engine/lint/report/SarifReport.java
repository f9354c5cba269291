package dev.mx.engine.lint.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mx.engine.diag.Diagnostic;
import dev.mx.engine.diag.Severity;
import dev.mx.engine.lint.LintRule;
import dev.mx.engine.lint.RuleMeta;
import dev.mx.engine.lint.RuleRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Diagnostics as a SARIF 2.1.0 log, the format code-scanning UIs (GitHub, GitLab, IDEs) read. */
public final class SarifReport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SarifReport() {
    }

    public static ObjectNode of(List<Diagnostic> diagnostics, RuleRegistry registry, String toolVersion) {
        ObjectNode log = JSON.createObjectNode();
        log.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        log.put("version", "2.1.0");
        ObjectNode run = log.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "mx");
        driver.put("version", toolVersion);
        ArrayNode rules = driver.putArray("rules");
        Map<String, Integer> index = new HashMap<>();
        for (LintRule r : registry.all()) {
            RuleMeta m = r.meta();
            index.put(m.id(), index.size());
            ObjectNode rn = rules.addObject();
            rn.put("id", m.id());
            rn.putObject("shortDescription").put("text", m.summary());
            rn.putObject("fullDescription").put("text", m.why());
            rn.putObject("defaultConfiguration").put("level", level(m.defaultSeverity()));
            rn.putObject("help").put("text", m.why()).put("markdown", RulesDoc.section(m));
        }
        run.put("columnKind", "utf16CodeUnits");
        ArrayNode results = run.putArray("results");
        for (Diagnostic d : diagnostics) {
            ObjectNode res = results.addObject();
            res.put("ruleId", d.rule());
            Integer i = index.get(d.rule());
            if (i != null) {
                res.put("ruleIndex", i);
            }
            res.put("level", level(d.severity()));
            res.putObject("message").put("text", d.message());
            ObjectNode loc = res.putArray("locations").addObject().putObject("physicalLocation");
            loc.putObject("artifactLocation").put("uri", d.file().replace('\\', '/'));
            ObjectNode region = loc.putObject("region");
            region.put("startLine", d.range().start().line() + 1);
            region.put("startColumn", d.range().start().column() + 1);
            region.put("endLine", d.range().end().line() + 1);
            region.put("endColumn", d.range().end().column() + 1);
        }
        return log;
    }

    private static String level(Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case WARNING -> "warning";
            default -> "note";
        };
    }
}
