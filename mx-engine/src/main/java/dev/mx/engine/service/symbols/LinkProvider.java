package dev.mx.engine.service.symbols;

import dev.mx.engine.service.CancelChecker;
import dev.mx.engine.service.DocumentModel;
import dev.mx.engine.service.LinkItem;
import java.util.List;

/** Document links for paths to other files. */
public final class LinkProvider {
    private LinkProvider() {
    }

    public static List<LinkItem> links(DocumentModel doc, CancelChecker cancel) {
        return List.of(); // being written
    }
}
