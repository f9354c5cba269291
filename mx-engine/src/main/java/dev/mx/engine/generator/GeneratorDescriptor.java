package dev.mx.engine.generator;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A generator as declared by its {@code generator.yaml}. {@code root} is the generator's own
 * directory (on disk or inside a jar); every template path is relative to it and may not leave it.
 * {@code postApply} lists the commands it asks to run after an apply; they run only when the
 * generator is trusted (see {@link dev.mx.engine.trust.Trust}).
 */
public record GeneratorDescriptor(
        String id,
        String version,
        String description,
        String help,
        List<String> requires,
        List<Parameter> parameters,
        String filesRoot,
        Map<String, String> fileConditions,
        List<ManifestContribution> manifests,
        String nextStepsTemplate,
        Path root,
        GeneratorOrigin origin,
        List<PostApplyStep> postApply) {

    public GeneratorDescriptor {
        requires = List.copyOf(requires);
        parameters = List.copyOf(parameters);
        fileConditions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fileConditions));
        manifests = List.copyOf(manifests);
        postApply = postApply == null ? List.of() : List.copyOf(postApply);
    }

    /** A descriptor without post-apply commands. */
    public GeneratorDescriptor(String id, String version, String description, String help, List<String> requires,
            List<Parameter> parameters, String filesRoot, Map<String, String> fileConditions,
            List<ManifestContribution> manifests, String nextStepsTemplate, Path root, GeneratorOrigin origin) {
        this(id, version, description, help, requires, parameters, filesRoot, fileConditions, manifests,
                nextStepsTemplate, root, origin, List.of());
    }

    public Optional<Parameter> parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
    }
}
