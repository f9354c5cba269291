package dev.mx.engine.service.hover;

import dev.mx.engine.service.CancelChecker;
import dev.mx.engine.service.DocumentModel;
import dev.mx.engine.service.HoverResult;
import dev.mx.engine.service.MxLanguageService;
import dev.mx.engine.text.Position;
import java.util.Optional;

/** Documentation for the key, value, generator or rule under the cursor. */
public final class HoverProvider {
    private HoverProvider() {
    }

    public static Optional<HoverResult> hover(MxLanguageService service, DocumentModel doc, Position position,
            CancelChecker cancel) {
        return Optional.empty(); // being written
    }
}
