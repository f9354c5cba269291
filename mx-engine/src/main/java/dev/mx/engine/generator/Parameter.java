package dev.mx.engine.generator;

import java.util.List;

/**
 * One typed parameter of a generator. {@code defaultExpression} is a FreeMarker expression in
 * square-bracket syntax (e.g. {@code [=project_name]}) or a literal; a list default is kept as
 * a list of such strings.
 *
 * @param projectScoped stored in the project's shared answers, so later generators reuse it
 */
public record Parameter(
        String name,
        ParameterType type,
        Object defaultExpression,
        String pattern,
        String help,
        boolean required,
        boolean projectScoped,
        List<String> choices,
        Long min,
        Long max) {

    public Parameter {
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    public boolean hasDefault() {
        return defaultExpression != null;
    }
}
