package dev.mx.engine.service.completion;

/** The fixed structure of {@code .mx/state.yaml}; generators and their parameters come from the catalog. */
public final class StateModel {
    private static final Spec.Node ROOT = build();

    private StateModel() {
    }

    public static Spec root() {
        return ROOT;
    }

    private static Spec.Node build() {
        Spec.Node generator = Spec.Node.object("applied generator", "A generator as applied to this project.")
                .with("id", Spec.Node.scalar("string", "The generator's id (its folder name)."))
                .with("version", Spec.Node.scalar("string", "The generator's version when it was applied."))
                .with("parameters", Spec.Node.free("map of values", "The parameter values it was applied with;"
                        + " `mx` re-applies it with these."))
                .with("files", Spec.Node.free("map of file → hash", "Files it wrote, each with a content hash so"
                        + " mx can tell your edits from its own."))
                .with("manifests", Spec.Node.free("map of manifest → key → hash", "Keys it wrote into manifests"
                        + " (devspace.yaml, ...), each with a hash of its value."));
        return Spec.Node.object("state file", "mx's record of this project.")
                .with("format_version", Spec.Node.scalar("int", "The format of this file (1). A newer mx may write"
                        + " a higher number; an older mx then refuses to read it.", java.util.List.of("1"), "1"))
                .with("mx_version", Spec.Node.scalar("string", "The mx version that last wrote this file."))
                .with("answers", Spec.Node.free("map of values", "Answers shared between generators: parameters"
                        + " with project scope (project_name, cloud, ...) are asked once and reused by later"
                        + " generators."))
                .with("generators", Spec.Node.list("The generators applied to this project, in order.", generator));
    }
}
