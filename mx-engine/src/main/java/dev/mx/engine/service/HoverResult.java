package dev.mx.engine.service;

import dev.mx.engine.text.Range;

/** Markdown shown for the word at {@code range}. */
public record HoverResult(Range range, String markdown) {
}
