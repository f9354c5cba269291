package dev.mx.engine.service.symbols;

import dev.mx.engine.service.CancelChecker;
import dev.mx.engine.service.DocumentModel;
import dev.mx.engine.service.LocationItem;
import dev.mx.engine.service.MxLanguageService;
import dev.mx.engine.text.Position;
import java.util.List;

/** Go to definition. */
public final class DefinitionProvider {
    private DefinitionProvider() {
    }

    public static List<LocationItem> definition(MxLanguageService service, DocumentModel doc, Position position,
            CancelChecker cancel) {
        return List.of(); // being written
    }
}
