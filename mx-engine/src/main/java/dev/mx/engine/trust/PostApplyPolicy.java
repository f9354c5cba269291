package dev.mx.engine.trust;

import java.util.function.Consumer;

/**
 * How a caller wants post-apply commands handled after an apply.
 *
 * @param run false: never run any command (the language server, embedding by default); true:
 *     run them when {@link Trust#decide} says the generator is trusted
 * @param trustFlag the user's {@code --trust} for this run
 * @param config the user's trusted paths
 * @param output receives the commands' output (stdout and stderr merged), line by line, and
 *     one line before each command starts
 */
public record PostApplyPolicy(boolean run, boolean trustFlag, TrustConfig config, Consumer<String> output) {
    public PostApplyPolicy {
        config = config == null ? TrustConfig.empty() : config;
        output = output == null ? s -> { } : output;
    }

    /** Never runs a command; the report lists what was not run. */
    public static PostApplyPolicy never() {
        return new PostApplyPolicy(false, false, TrustConfig.empty(), s -> { });
    }

    /** Runs trusted generators' commands: built-ins, {@code --trust}, or packs under a trusted path. */
    public static PostApplyPolicy trusted(boolean trustFlag, TrustConfig config, Consumer<String> output) {
        return new PostApplyPolicy(true, trustFlag, config, output);
    }
}
