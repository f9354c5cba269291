package dev.mx.engine.service.symbols;

import dev.mx.engine.service.CancelChecker;
import dev.mx.engine.service.DocumentModel;
import dev.mx.engine.service.SymbolItem;
import java.util.List;

/** The outline of a document. */
public final class SymbolProvider {
    private SymbolProvider() {
    }

    public static List<SymbolItem> symbols(DocumentModel doc, CancelChecker cancel) {
        return List.of(); // being written
    }
}
