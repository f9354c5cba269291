package dev.mx.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;

/** Where results and errors go: text for people, or one JSON document on stdout for scripts. */
final class Output {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    final boolean json;
    final PrintWriter out;
    final PrintWriter err;

    Output(boolean json, PrintWriter out, PrintWriter err) {
        this.json = json;
        this.out = out;
        this.err = err;
    }

    void print(Object jsonValue) {
        try {
            out.println(JSON.writeValueAsString(jsonValue));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @param line zero-based or -1 */
    void error(String kind, String file, int line, int column, String message) {
        if (json) {
            ObjectNode root = JSON.createObjectNode();
            ObjectNode e = root.putObject("error");
            e.put("kind", kind);
            e.put("message", message);
            if (file != null) {
                e.put("file", file);
            }
            if (line >= 0) {
                e.put("line", line + 1);
            }
            if (column >= 0) {
                e.put("column", column + 1);
            }
            print(root);
        } else {
            err.println("mx: " + dev.mx.engine.MxException.describe(file, line, column, message));
        }
    }

    void notice(String message) {
        err.println("mx: " + message);
    }
}
