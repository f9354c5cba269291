package dev.mx.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/** {@code --set key=value}, repeatable; the value keeps any further '=' signs. */
final class SetValues {
    @CommandLine.Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "A parameter value (repeatable); lists are comma-separated: --set engineers=a@x.com,b@x.com")
    List<String> raw = List.of();

    Map<String, String> toMap(CommandLine cl) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String s : raw) {
            int eq = s.indexOf('=');
            if (eq <= 0) {
                throw new CommandLine.ParameterException(cl, "--set expects KEY=VALUE, got '" + s + "'");
            }
            String key = s.substring(0, eq).strip();
            if (out.containsKey(key)) {
                throw new CommandLine.ParameterException(cl, "--set " + key + " given twice");
            }
            out.put(key, s.substring(eq + 1));
        }
        return out;
    }
}
