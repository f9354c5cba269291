package dev.mx.engine.service;

import dev.mx.engine.text.Range;
import java.nio.file.Path;

/** A clickable path in a document (a kubectl manifest, a valuesFile, an env file). */
public record LinkItem(Range range, Path target) {
}
