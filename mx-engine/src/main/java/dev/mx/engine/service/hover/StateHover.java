package dev.mx.engine.service.hover;

import dev.mx.engine.generator.GeneratorCatalog;
import dev.mx.engine.generator.GeneratorDescriptor;
import dev.mx.engine.generator.Parameter;
import dev.mx.engine.service.DocumentModel;
import dev.mx.engine.service.HoverResult;
import dev.mx.engine.service.MxLanguageService;
import dev.mx.engine.service.completion.CursorContext;
import dev.mx.engine.service.completion.Docs;
import dev.mx.engine.service.completion.StateCompletions;
import dev.mx.engine.service.completion.StateModel;
import dev.mx.engine.service.completion.Spec;
import dev.mx.engine.service.completion.YamlOutline;
import dev.mx.engine.text.Range;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** .mx/state.yaml: a generator (description, help, version), a parameter (help, type, default, choices), an answer. */
final class StateHover {
    private StateHover() {
    }

    static Optional<HoverResult> hover(MxLanguageService service, DocumentModel doc, CursorContext ctx) {
        if (ctx.kind() != CursorContext.Kind.KEY && ctx.kind() != CursorContext.Kind.VALUE) {
            return Optional.empty();
        }
        List<String> path = ctx.path();
        Range range = ctx.kind() == CursorContext.Kind.KEY ? ctx.keyRange() : ctx.valueRange();
        String value = DevspaceHover.unquote(ctx.lineText().substring(ctx.valueRange().start().column(),
                ctx.valueRange().end().column()));
        if (path.equals(List.of(StateCompletions.GENERATORS_KEY, YamlOutline.ITEM, "id"))
                && ctx.kind() == CursorContext.Kind.VALUE) {
            GeneratorCatalog catalog = StateCompletions.catalog(service, doc);
            Optional<GeneratorDescriptor> g = catalog.find(value);
            return HoverProvider.result(range, g.map(StateCompletions::generatorDoc).orElse("`" + value
                    + "` is not a generator mx knows here (known: " + String.join(", ", ids(catalog)) + ")."));
        }
        if (path.equals(List.of(StateCompletions.GENERATORS_KEY, YamlOutline.ITEM, "version"))
                && ctx.kind() == CursorContext.Kind.VALUE) {
            String id = StateCompletions.itemValue(ctx.outline(), ctx.line(), ctx.keyColumn(), ctx.newItem(), "id");
            Optional<GeneratorDescriptor> g = StateCompletions.catalog(service, doc).find(id == null ? "" : id);
            if (g.isPresent()) {
                String md = "Applied with version `" + value + "` of **" + g.get().id() + "**; the catalog has `"
                        + g.get().version() + "`" + (g.get().version().equals(value) ? "." : ": re-apply it to update.");
                return HoverProvider.result(range, md);
            }
        }
        if (path.size() == 4 && StateCompletions.isParameters(path.subList(0, 3))) {
            GeneratorDescriptor g = StateCompletions.generatorOf(StateCompletions.catalog(service, doc), ctx,
                    ctx.ancestors().size() - 1);
            if (g != null) {
                Optional<Parameter> p = g.parameter(path.get(3));
                return HoverProvider.result(range, p.map(x -> StateCompletions.parameterDoc(x, g))
                        .orElse("**" + path.get(3) + "**\n\n" + g.id() + " has no parameter `" + path.get(3)
                                + "` (its parameters: " + names(g) + ")."));
            }
        }
        if (path.size() == 2 && path.get(0).equals(StateCompletions.ANSWERS_KEY)) {
            GeneratorCatalog catalog = StateCompletions.catalog(service, doc);
            Parameter p = StateCompletions.answers(catalog).get(path.get(1));
            if (p != null) {
                List<String> users = new ArrayList<>();
                for (GeneratorDescriptor g : catalog.all()) {
                    if (g.parameter(p.name()).isPresent()) {
                        users.add(g.id());
                    }
                }
                return HoverProvider.result(range, StateCompletions.parameterDoc(p, null) + "\n\nAnswer shared by: "
                        + String.join(", ", users) + ".");
            }
        }
        Spec root = StateModel.root();
        Spec spec = root.at(path);
        if (spec == null) {
            return Optional.empty();
        }
        return HoverProvider.result(range, Docs.keyHover(ctx.key(), spec, root.at(path.subList(0, path.size() - 1))));
    }

    private static List<String> ids(GeneratorCatalog c) {
        return c.all().stream().map(GeneratorDescriptor::id).toList();
    }

    private static String names(GeneratorDescriptor g) {
        return String.join(", ", g.parameters().stream().map(Parameter::name).toList());
    }
}
