package dev.mx.engine.service.completion;

import static dev.mx.engine.service.completion.ServiceAssert.c;
import static dev.mx.engine.service.completion.ServiceAssert.no;
import static dev.mx.engine.service.completion.ServiceAssert.s;
import static dev.mx.engine.service.completion.ServiceAssert.testCompletionFor;
import static dev.mx.engine.service.completion.ServiceAssert.testNoCompletion;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mx.engine.service.CompletionItem;
import dev.mx.engine.service.CompletionResult;
import org.junit.jupiter.api.Test;

class DevspaceCompletionTest {
    private static final String F = "devspace.yaml";

    private static final String IMAGES = """
            version: v2beta1
            images:
              app:
                image: ghcr.io/acme/app
              worker:
                image: ghcr.io/acme/worker
            deployments:
              api:
                helm:
                  values: {}
              db:
                kubectl:
                  manifests: [k8s/db.yaml]
            """;

    @Test
    void topLevelKeysOnABlankLine() {
        testCompletionFor("version: v2beta1\n|", F,
                c("images", "version: v2beta1\nimages:\n  "),
                c("deployments"), c("dev"), c("pipelines"), c("vars"), c("localRegistry"),
                no("version"), // already there
                no("profiles")); // hidden legacy key
    }

    @Test
    void emptyLineInsideADevEntry() {
        testCompletionFor("""
                version: v2beta1
                dev:
                  app:
                    |
                """, F,
                c("imageSelector", "version: v2beta1\ndev:\n  app:\n    imageSelector: \n"),
                c("labelSelector"),
                c("sync", "version: v2beta1\ndev:\n  app:\n    sync:\n      - \n"),
                c("ports"), c("terminal", "version: v2beta1\ndev:\n  app:\n    terminal:\n      \n"),
                no("version"), no("images"));
    }

    @Test
    void bareWordInADevEntryIsAKeyBeingTyped() {
        // "sy" has no colon: the parser reports a syntax error and blanks the line
        testCompletionFor("""
                version: v2beta1
                dev:
                  app:
                    imageSelector: ghcr.io/acme/app
                    sy|
                    ports:
                      - port: "8080"
                """, F,
                c("sync", """
                        version: v2beta1
                        dev:
                          app:
                            imageSelector: ghcr.io/acme/app
                            sync:
                              - \n\
                            ports:
                              - port: "8080"
                        """),
                no("ports"), // written below the cursor
                no("imageSelector"), // written above
                no("labelSelector")); // excluded by imageSelector (exactly one)
    }

    @Test
    void theWordUnderTheCursorIsReplacedWhole() {
        testCompletionFor("dev:\n  app:\n    termi|nal\n", F,
                c("terminal", "dev:\n  app:\n    terminal:\n      \n"));
    }

    @Test
    void aKeyAlreadyFollowedByAColonIsReplacedByTheKeyAlone() {
        testCompletionFor("dev:\n  app:\n    ima|: x\n", F,
                c("imageSelector", "dev:\n  app:\n    imageSelector: x\n"));
    }

    @Test
    void afterADashInSyncTheKeysOfASyncEntry() {
        testCompletionFor("""
                dev:
                  app:
                    imageSelector: x
                    sync:
                      - |
                """, F,
                c("path", "dev:\n  app:\n    imageSelector: x\n    sync:\n      - path: \n"),
                c("excludePaths", "dev:\n  app:\n    imageSelector: x\n    sync:\n      - excludePaths:\n          - \n"),
                c("initialSync"), no("imageSelector"), no("sync"));
    }

    @Test
    void secondKeyOfAListItemExcludesTheFirst() {
        testCompletionFor("""
                dev:
                  app:
                    sync:
                      - path: ./:/app
                        |
                      - path: ./b:/b
                """, F, c("excludePaths"), c("initialSync"), no("path"));
    }

    @Test
    void bareWordAfterADash() {
        testCompletionFor("dev:\n  app:\n    sync:\n      - pa|\n", F,
                c("path", "dev:\n  app:\n    sync:\n      - path: \n"));
    }

    @Test
    void underAListKeyWithoutADashItemsStartANewEntry() {
        testCompletionFor("dev:\n  app:\n    sync:\n      |\n", F,
                c("path", "dev:\n  app:\n    sync:\n      - path: \n"));
    }

    @Test
    void compactListsAtTheKeysColumn() {
        testCompletionFor("dev:\n  app:\n    sync:\n    - |\n", F,
                c("path", "dev:\n  app:\n    sync:\n    - path: \n"));
    }

    @Test
    void enumValuesAfterAKey() {
        testCompletionFor("dev:\n  app:\n    sync:\n      - path: .\n        initialSync: |\n", F,
                c("mirrorLocal", "dev:\n  app:\n    sync:\n      - path: .\n        initialSync: mirrorLocal\n"),
                c("preferRemote"), c("keepAll"), c("disabled"), no("true"));
        testCompletionFor("dev:\n  app:\n    sync:\n      - path: .\n        initialSync: pref|Loc\n", F,
                c("preferLocal", "dev:\n  app:\n    sync:\n      - path: .\n        initialSync: preferLocal\n"));
        testCompletionFor("images:\n  app:\n    rebuildStrategy: |\n", F,
                c("always"), c("ignoreContextChanges"), no("mirrorLocal"));
    }

    @Test
    void boolAndVersionValues() {
        testCompletionFor("deployments:\n  api:\n    updateImageTags: |\n", F, c("true"), c("false"));
        testCompletionFor("version: |\n", F, c("v2beta1", "version: v2beta1\n"));
    }

    @Test
    void nothingRightAfterAColonOrInAComment() {
        testNoCompletion("dev:\n  app:\n    sync:|\n", F);
        testNoCompletion("# a comm|ent\nversion: v2beta1\n", F);
    }

    @Test
    void oneOfGroups() {
        testCompletionFor("""
                deployments:
                  api:
                    helm:
                      chart:
                        name: x
                    |
                """, F, c("namespace"), c("updateImageTags"), no("kubectl"), no("helm"));
        testCompletionFor("deployments:\n  api:\n    |\n", F, c("helm"), c("kubectl"));
        testCompletionFor("images:\n  app:\n    image: x\n    docker: {}\n    |\n", F,
                c("dockerfile"), no("kaniko"), no("buildKit"), no("custom"));
    }

    @Test
    void keysDeepInTheModel() {
        testCompletionFor("deployments:\n  api:\n    helm:\n      chart:\n        |\n", F,
                c("name"), c("version"), c("repo"));
        testCompletionFor("deployments:\n  api:\n    kubectl:\n      |\n", F,
                c("manifests", "deployments:\n  api:\n    kubectl:\n      manifests:\n        - \n"),
                c("kustomize"), c("inlineManifest"));
    }

    @Test
    void runtimeImageNames() {
        String text = IMAGES + "vars:\n  APP: ${runtime.images.|}\n";
        testCompletionFor(text, F,
                c("app", IMAGES + "vars:\n  APP: ${runtime.images.app}\n"),
                c("worker"), no("api"));
        testCompletionFor(IMAGES + "vars:\n  APP: \"${runtime.images.wo|\"\n", F,
                c("worker", IMAGES + "vars:\n  APP: \"${runtime.images.worker\"\n"));
        testCompletionFor(IMAGES + "vars:\n  APP: ${runtime.images.app.|}\n", F,
                c("image", IMAGES + "vars:\n  APP: ${runtime.images.app.image}\n"), c("tag"), no("app"));
        testCompletionFor(IMAGES + "vars:\n  APP: ${|}\n", F,
                c("runtime.images.app.image", IMAGES + "vars:\n  APP: ${runtime.images.app.image}\n"),
                c("APP"));
    }

    @Test
    void imageSelectorsAreTheImagesOfTheConfig() {
        testCompletionFor(IMAGES + "dev:\n  app:\n    imageSelector: |\n", F,
                c("${runtime.images.app.image}", IMAGES + "dev:\n  app:\n    imageSelector: ${runtime.images.app.image}\n"),
                c("${runtime.images.worker.image}"), c("ghcr.io/acme/app"));
    }

    @Test
    void pipelineCommandsTakeTheConfigsNames() {
        String devs = "dev:\n  app:\n    imageSelector: x\n  tools:\n    imageSelector: y\n";
        testCompletionFor(IMAGES + devs + """
                pipelines:
                  dev:
                    run: ¦-
                      run_dependencies --all
                      create_deployments |
                """, F,
                c("api", IMAGES + devs + """
                        pipelines:
                          dev:
                            run: |-
                              run_dependencies --all
                              create_deployments api
                        """),
                c("db"), c("--all"), no("app"));
        testCompletionFor(IMAGES + devs + "pipelines:\n  deploy: purge_deployments api |\n", F,
                c("db"), no("api"));
        testCompletionFor(IMAGES + devs + "pipelines:\n  dev: ¦\n    start_dev a|\n", F,
                c("app", IMAGES + devs + "pipelines:\n  dev: |\n    start_dev app\n"), c("tools"), no("api"));
        testCompletionFor(IMAGES + "pipelines:\n  build: ¦\n    if is_equal x y; then\n      build_images |\n    fi\n",
                F, c("app"), c("worker"));
        testCompletionFor("pipelines:\n  dev: ¦\n    create_d|\n", F,
                c("create_deployments", "pipelines:\n  dev: |\n    create_deployments\n"), c("start_dev"));
    }

    @Test
    void insertedIndentationFollowsTheFile() {
        String four = """
                version: v2beta1
                dev:
                    app:
                        imageSelector: x
                        |
                """;
        testCompletionFor(four, F,
                c("sync", "version: v2beta1\ndev:\n    app:\n        imageSelector: x\n        sync:\n            - \n"),
                c("terminal", "version: v2beta1\ndev:\n    app:\n        imageSelector: x\n        terminal:\n            \n"));
        testCompletionFor("version: v2beta1\r\ndev:\r\n    app:\r\n        |", F,
                c("sync", "version: v2beta1\r\ndev:\r\n    app:\r\n        sync:\r\n            - "));
    }

    @Test
    void snippetsOnlyForClientsThatSupportThem() {
        String text = "dev:\n  app:\n    |\n";
        CompletionResult on = testCompletionFor(text, F, true,
                s("sync", "sync:\n      - $1"),
                s("terminal", "terminal:\n      $1"),
                s("arch", "arch: ${1|amd64,arm64|}"),
                s("imageSelector", "imageSelector: $1"));
        CompletionResult off = testCompletionFor(text, F, false, c("sync"));
        CompletionItem syncOff = find(off, "sync");
        assertNull(syncOff.snippet());
        assertEquals("sync:\n      - ", syncOff.edit().newText());
        assertNotNull(find(on, "sync").snippet());
        assertEquals("sync:\n      - ", find(on, "sync").edit().newText(), "the plain edit is kept for fallback");
        testCompletionFor("deployments:\n  api:\n    |\n", F, true,
                s("updateImageTags", "updateImageTags: ${1|true,false|}"));
    }

    @Test
    void itemsCarryTypeAndDoc() {
        CompletionItem sync = find(testCompletionFor("dev:\n  app:\n    |\n", F, c("sync")), "sync");
        assertEquals("list of SyncConfig", sync.detail());
        assertTrue(sync.documentation().contains("synced"), sync.documentation());
        assertEquals(CompletionItem.Kind.PROPERTY, sync.kind());
        CompletionItem selector = find(testCompletionFor("dev:\n  app:\n    |\n", F, c("imageSelector")),
                "imageSelector");
        assertTrue(selector.documentation().contains("Exactly one of imageSelector, labelSelector"),
                selector.documentation());
    }

    @Test
    void aSyntaxErrorElsewhereDoesNotMatter() {
        String broken = """
                version: v2beta1
                images:
                  app:
                    image: ghcr.io/acme/app
                deployments:
                  api:
                    helm: {values: [unclosed
                dev:
                  app:
                    imageSelector: ${runtime.images.|}
                    sync:
                      - path: .
                """;
        testCompletionFor(broken, F, c("app"));
        testCompletionFor(broken.replace("${runtime.images.|}", "x") + "    |\n", F,
                c("ports"), c("terminal"), no("sync"), no("imageSelector"));
        testCompletionFor("version: v2beta1\n\tbad: tab\ndev:\n  app:\n    termi|\n", F, c("terminal"));
    }

    @Test
    void mapsOfUserNamesOfferNothing() {
        testNoCompletion("version: v2beta1\ndev:\n  |\n", F);
        testNoCompletion("images:\n  app:\n    buildArgs:\n      |\n", F);
    }

    private static CompletionItem find(CompletionResult r, String label) {
        return r.items().stream().filter(i -> i.label().equals(label)).findFirst().orElseThrow();
    }
}
