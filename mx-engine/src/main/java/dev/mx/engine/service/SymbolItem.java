package dev.mx.engine.service;

import dev.mx.engine.text.Range;
import java.util.List;

/** An outline entry (deployments, dev, images, pipelines, entry points, ...). */
public record SymbolItem(String name, String detail, Kind kind, Range range, Range selectionRange,
        List<SymbolItem> children) {

    public enum Kind { NAMESPACE, MODULE, CLASS, FUNCTION, PROPERTY, KEY, EVENT, PACKAGE }

    public SymbolItem {
        children = List.copyOf(children);
    }
}
