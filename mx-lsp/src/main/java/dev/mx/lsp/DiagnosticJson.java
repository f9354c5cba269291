package dev.mx.lsp;

import com.google.gson.Gson;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;

import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/**
 * Writes the diagnostics {@link Convert#diagnostic} makes (range, severity, code, source, message)
 * directly, instead of through Gson's reflective adapter: a 10,000-line file has hundreds of them
 * and they are sent again after every edit. The JSON is the same; diagnostics with any other field
 * set, and reading, go to lsp4j's own adapter.
 */
final class DiagnosticJson implements TypeAdapterFactory {
    @Override
    @SuppressWarnings("unchecked")
    public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
        if (type.getRawType() != Diagnostic.class) {
            return null;
        }
        TypeAdapter<Diagnostic> lsp4j = gson.getDelegateAdapter(this, TypeToken.get(Diagnostic.class));
        return (TypeAdapter<T>) new TypeAdapter<Diagnostic>() {
            @Override
            public void write(JsonWriter out, Diagnostic d) throws IOException {
                if (d == null || d.getRange() == null || d.getRange().getStart() == null || d.getRange().getEnd() == null
                        || d.getMessage() == null || d.getTags() != null
                        || d.getRelatedInformation() != null || d.getData() != null || d.getCodeDescription() != null
                        || (d.getCode() != null && !d.getCode().isLeft())) {
                    lsp4j.write(out, d);
                    return;
                }
                out.beginObject();
                out.name("range");
                range(out, d.getRange());
                if (d.getSeverity() != null) {
                    out.name("severity").value(d.getSeverity().getValue());
                }
                if (d.getCode() != null) {
                    out.name("code").value(d.getCode().getLeft());
                }
                if (d.getSource() != null) {
                    out.name("source").value(d.getSource());
                }
                out.name("message").value(d.getMessage());
                out.endObject();
            }

            @Override
            public Diagnostic read(JsonReader in) throws IOException {
                return lsp4j.read(in);
            }
        };
    }

    private static void range(JsonWriter out, Range r) throws IOException {
        out.beginObject();
        out.name("start");
        position(out, r.getStart());
        out.name("end");
        position(out, r.getEnd());
        out.endObject();
    }

    private static void position(JsonWriter out, Position p) throws IOException {
        out.beginObject();
        out.name("line").value(p.getLine());
        out.name("character").value(p.getCharacter());
        out.endObject();
    }
}
