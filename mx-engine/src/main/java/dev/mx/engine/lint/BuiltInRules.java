package dev.mx.engine.lint;

import dev.mx.engine.lint.core.CoreRules;
import dev.mx.engine.lint.devspace.DevspaceRules;
import dev.mx.engine.lint.mlproject.MlprojectRules;
import dev.mx.engine.lint.state.StateRules;
import java.util.ArrayList;
import java.util.List;

/** The rules shipped with mx, in documentation order. */
final class BuiltInRules {
    private BuiltInRules() {
    }

    static List<LintRule> all() {
        List<LintRule> out = new ArrayList<>();
        out.addAll(CoreRules.all());
        out.addAll(DevspaceRules.all());
        out.addAll(MlprojectRules.all());
        out.addAll(StateRules.all());
        out.addAll(LintConfigRules.all());
        return out;
    }
}
