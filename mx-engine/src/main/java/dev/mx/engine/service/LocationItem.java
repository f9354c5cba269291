package dev.mx.engine.service;

import dev.mx.engine.text.Range;
import java.nio.file.Path;

/** A place in a file, for go to definition. */
public record LocationItem(Path file, Range range) {
}
