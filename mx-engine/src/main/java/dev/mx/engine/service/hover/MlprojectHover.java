package dev.mx.engine.service.hover;

import dev.mx.engine.service.HoverResult;
import dev.mx.engine.service.completion.CursorContext;
import dev.mx.engine.service.completion.Docs;
import dev.mx.engine.service.completion.MlprojectCompletions;
import dev.mx.engine.service.completion.MlprojectModel;
import dev.mx.engine.service.completion.Spec;
import java.util.List;
import java.util.Optional;

/** MLproject: what MLflow does with a key, and with a parameter type (the four it knows and the wrong ones). */
final class MlprojectHover {
    private MlprojectHover() {
    }

    static Optional<HoverResult> hover(CursorContext ctx) {
        Spec root = MlprojectModel.root();
        List<String> path = ctx.path();
        if (ctx.kind() == CursorContext.Kind.KEY) {
            Spec spec = root.at(path);
            Spec parent = root.at(path.subList(0, path.size() - 1));
            if (spec == null) {
                if (parent != null && parent.shape() == Spec.Shape.OBJECT) {
                    return HoverProvider.result(ctx.keyRange(), "**" + ctx.key() + "**\n\nMLflow ignores this key:"
                            + " it reads only " + String.join(", ", parent.keyNames()) + " here.");
                }
                return Optional.empty();
            }
            if (parent != null && parent.shape() == Spec.Shape.MAP) {
                String what = path.size() == 2 ? "entry point" : "parameter";
                return HoverProvider.result(ctx.keyRange(), "**" + ctx.key() + "** · " + what + "\n\n" + spec.doc());
            }
            return HoverProvider.result(ctx.keyRange(), Docs.keyHover(ctx.key(), spec, parent));
        }
        if (ctx.kind() == CursorContext.Kind.VALUE) {
            String value = DevspaceHover.unquote(ctx.lineText().substring(ctx.valueRange().start().column(),
                    ctx.valueRange().end().column()));
            if (MlprojectCompletions.isTypeValue(path) && !value.startsWith("{")) {
                return HoverProvider.result(ctx.valueRange(), MlprojectModel.typeDoc(value));
            }
            Spec spec = root.at(path);
            if (spec != null) {
                return HoverProvider.result(ctx.valueRange(), Docs.keyHover(ctx.key(), spec,
                        root.at(path.subList(0, path.size() - 1))));
            }
        }
        return Optional.empty();
    }
}
