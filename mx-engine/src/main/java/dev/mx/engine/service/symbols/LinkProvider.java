package dev.mx.engine.service.symbols;

import dev.mx.engine.service.CancelChecker;
import dev.mx.engine.service.DocumentModel;
import dev.mx.engine.service.LinkItem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Document links for paths to other files: kubectl manifests (a directory or glob links to its
 * directory), Helm valuesFiles and local charts, image dockerfiles and imports in devspace.yaml;
 * env files and scripts of an MLproject; the files the state file records. Only paths that exist
 * are links.
 */
public final class LinkProvider {
    private LinkProvider() {
    }

    public static List<LinkItem> links(DocumentModel doc, CancelChecker cancel) {
        List<LinkItem> out = new ArrayList<>();
        for (FileRefs.Ref r : FileRefs.of(doc, cancel)) {
            cancel.checkCanceled();
            Path target = r.linkTarget();
            if (target != null) {
                out.add(new LinkItem(r.range(), target));
            }
        }
        return out;
    }
}
