package dev.mx.engine.lint.devspace;

import static dev.mx.engine.lint.devspace.DevspaceFiles.scalar;

import dev.mx.engine.diag.Fix;
import dev.mx.engine.diag.Severity;
import dev.mx.engine.lint.FileKind;
import dev.mx.engine.lint.LintContext;
import dev.mx.engine.lint.RuleMeta;
import dev.mx.engine.text.Position;
import dev.mx.engine.text.TextEdit;
import dev.mx.engine.yaml.YamlEntry;
import dev.mx.engine.yaml.YamlMapping;
import dev.mx.engine.yaml.YamlNode;
import dev.mx.engine.yaml.YamlScalar;
import dev.mx.engine.yaml.YamlSequence;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code devspace/duplicate-image} and {@code devspace/image-tag}: the {@code image} of each images entry. */
final class ImageRules {
    private ImageRules() {
    }

    static final RuleMeta DUPLICATE = new RuleMeta("devspace/duplicate-image", FileKind.DEVSPACE, Severity.ERROR,
            "Two images entries must not build the same image name.",
            "DevSpace rejects the config with `multiple image definitions with the same image name are not"
                    + " allowed`: it matches built images to deployments and dev containers by that name, so two"
                    + " entries with one name would be ambiguous. Tags do not make names different (a tag in"
                    + " `image` is moved to `tags` first).",
            "images:\n  api:\n    image: registry/app\n  worker:\n    image: registry/app\n",
            "images:\n  api:\n    image: registry/api\n  worker:\n    image: registry/worker\n");

    static final RuleMeta TAG = new RuleMeta("devspace/image-tag", FileKind.DEVSPACE, Severity.WARNING,
            "An images entry's `image` should not carry a tag; put tags under `tags`.",
            "DevSpace silently strips a `:tag` from `images.*.image` and puts it first in `tags`, so the config"
                    + " does not say what it does: the image name no longer matches what you search for in"
                    + " manifests, and `tags` gains an entry you did not write.",
            "images:\n  api:\n    image: registry/api:1.2\n",
            "images:\n  api:\n    image: registry/api\n    tags:\n      - \"1.2\"\n");

    /** The image name without its tag, and the tag (null when there is none or it cannot be told). */
    record Split(String name, String tag) {
    }

    static Split split(String image) {
        String v = image.trim();
        if (v.contains("@")) {
            return new Split(v, null); // a digest reference
        }
        int slash = v.lastIndexOf('/');
        String last = slash < 0 ? v : v.substring(slash + 1);
        int from = 0;
        if (last.contains("$")) {
            int close = Math.max(last.lastIndexOf('}'), last.lastIndexOf(')'));
            if (close < 0) {
                return new Split(v, null);
            }
            from = close + 1;
        }
        int colon = last.indexOf(':', from);
        if (colon < 0 || colon == last.length() - 1) {
            return new Split(v, null);
        }
        String tag = last.substring(colon + 1);
        if (tag.contains("$") || tag.contains(":")) {
            return new Split(v, null);
        }
        int cut = (slash < 0 ? 0 : slash + 1) + colon;
        return new Split(v.substring(0, cut), tag);
    }

    static final class Duplicate extends V2Rule {
        Duplicate() {
            super(DUPLICATE);
        }

        @Override
        void run(LintContext ctx, DevspaceModel model) {
            YamlMapping images = DevspaceFiles.mapping(model.top("images"));
            if (images == null) {
                return;
            }
            Map<String, String> firstByImage = new HashMap<>();
            for (YamlEntry e : images.entries()) {
                YamlScalar s = scalar(DevspaceFiles.get(e.value(), "image"));
                if (s == null || s.value().isBlank() || DevspaceFiles.isExpression(s.value())) {
                    continue;
                }
                String name = split(s.value()).name();
                String first = firstByImage.putIfAbsent(name, e.keyText());
                if (first != null) {
                    ctx.report(s, "images." + first + " already builds image '" + name + "': DevSpace fails with"
                            + " 'multiple image definitions with the same image name are not allowed'");
                }
            }
        }
    }

    static final class Tag extends V2Rule {
        Tag() {
            super(TAG);
        }

        @Override
        void run(LintContext ctx, DevspaceModel model) {
            for (DevspaceModel.SectionRef ref : model.sections("images")) {
                if (!(ref.node() instanceof YamlMapping images)) {
                    continue;
                }
                for (YamlEntry e : images.entries()) {
                    YamlMapping img = DevspaceFiles.mapping(e.value());
                    YamlEntry imageEntry = img == null ? null : img.entry("image");
                    YamlScalar s = imageEntry == null ? null : scalar(imageEntry.value());
                    if (s == null) {
                        continue;
                    }
                    Split sp = split(s.value());
                    if (sp.tag() == null) {
                        continue;
                    }
                    String msg = "images." + e.keyText() + ".image has tag '" + sp.tag() + "': DevSpace strips it and"
                            + " builds '" + sp.name() + "' with tag '" + sp.tag() + "' first in tags; write the tag"
                            + " under tags";
                    Fix fix = fix(ctx, img, imageEntry, s, sp);
                    if (fix == null) {
                        ctx.report(s, msg);
                    } else {
                        ctx.report(s, msg, fix);
                    }
                }
            }
        }

        private static Fix fix(LintContext ctx, YamlMapping img, YamlEntry imageEntry, YamlScalar s, Split sp) {
            if (s.range().start().line() != s.range().end().line()) {
                return null;
            }
            List<TextEdit> edits = new ArrayList<>();
            edits.add(new TextEdit(s.range(), quoteIfNeeded(sp.name(), s)));
            String tag = "\"" + sp.tag().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
            String lb = ctx.lines().lineBreak();
            YamlEntry tagsEntry = img.entry("tags");
            if (tagsEntry == null) {
                if (img.flow()) {
                    edits.add(TextEdit.insert(s.range().end(), ", tags: [" + tag + "]"));
                } else {
                    int line = s.range().end().line();
                    int col = imageEntry.key().range().start().column();
                    Position eol = new Position(line, ctx.lines().line(line).length());
                    edits.add(TextEdit.insert(eol, lb + " ".repeat(col) + "tags:" + lb + " ".repeat(col + 2) + "- "
                            + tag));
                }
                return new Fix("Move tag '" + sp.tag() + "' to tags", edits);
            }
            YamlNode tags = DevspaceFiles.deref(tagsEntry.value());
            if (tags instanceof YamlSequence seq) {
                boolean present = false;
                for (YamlNode item : seq.items()) {
                    if (sp.tag().equals(DevspaceFiles.text(item))) {
                        present = true;
                    }
                }
                if (!present) {
                    if (seq.flow()) {
                        edits.add(TextEdit.insert(new Position(seq.range().start().line(),
                                seq.range().start().column() + 1), tag + (seq.items().isEmpty() ? "" : ", ")));
                    } else if (!seq.items().isEmpty()) {
                        YamlNode first = seq.items().get(0);
                        int line = first.range().start().line();
                        String text = ctx.lines().line(line);
                        int dash = text.lastIndexOf('-', first.range().start().column());
                        if (dash < 0 || !text.substring(0, dash).isBlank()) {
                            return null;
                        }
                        edits.add(TextEdit.insert(new Position(line, 0), text.substring(0, dash) + "- " + tag + lb));
                    } else {
                        return null;
                    }
                }
                return new Fix("Move tag '" + sp.tag() + "' to tags", edits);
            }
            return null;
        }

        private static String quoteIfNeeded(String name, YamlScalar original) {
            return switch (original.style()) {
                case DOUBLE_QUOTED -> "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
                case SINGLE_QUOTED -> "'" + name.replace("'", "''") + "'";
                default -> name;
            };
        }
    }
}
