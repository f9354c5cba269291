package dev.mx.engine.trust;

/**
 * Whether a generator's post-apply commands may run, and why, in words for people: "built-in
 * generator", "--trust was given", "under trusted path …", or why not.
 */
public record TrustDecision(boolean trusted, String reason) {
}
