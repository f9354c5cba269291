package dev.mx.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The large but valid v2beta1 devspace.yaml of the shared LSP benchmark ({@code bench/bigdevspace.py}),
 * ported line for line so the JMH figures and the LSP figures are about the same text:
 * {@code n} images, {@code n} deployments (helm and kubectl alternating) and {@code n} dev entries.
 * n = 500 gives 10.5k lines, n = 2000 gives 42k lines.
 */
public final class BigDevspace {
    private BigDevspace() {
    }

    public static String of(int n) {
        List<String> out = new ArrayList<>(List.of("version: v2beta1", "name: big-project", "", "vars:",
                "  REGISTRY: europe-west4-docker.pkg.dev/big/images", "", "images:"));
        for (int i = 0; i < n; i++) {
            out.addAll(List.of("  svc-" + i + ":", "    image: ${REGISTRY}/svc-" + i, "    dockerfile: ./Dockerfile",
                    "    context: ./", "    rebuildStrategy: default"));
        }
        out.addAll(List.of("", "deployments:"));
        for (int i = 0; i < n; i++) {
            if (i % 2 == 1) {
                out.addAll(List.of("  svc-" + i + ":", "    namespace: ml", "    helm:", "      chart:",
                        "        name: component-chart", "        repo: https://charts.devspace.sh", "      values:",
                        "        containers:", "          - image: ${REGISTRY}/svc-" + i, "        service:",
                        "          ports:", "            - port: 8080"));
            } else {
                out.addAll(List.of("  svc-" + i + ":", "    namespace: ml", "    kubectl:", "      manifests:",
                        "        - k8s/svc-" + i + ".yaml", "      applyArgs: [\"--server-side\"]"));
            }
        }
        out.addAll(List.of("", "dev:"));
        for (int i = 0; i < n; i++) {
            out.addAll(List.of("  svc-" + i + ":", "    imageSelector: ${REGISTRY}/svc-" + i, "    sync:",
                    "      - path: ./src:/app/src", "        initialSync: preferLocal", "    ports:",
                    "      - port: \"" + (8000 + i % 1000) + ":8080\""));
        }
        out.addAll(List.of("", "pipelines:", "  deploy: |-", "    run_dependencies --all", "    build_images --all",
                "    create_deployments --all", ""));
        return String.join("\n", out);
    }

    /** The 0-based line of the first dev entry's imageSelector (as scripts/bench-lsp.sh), where the LSP benchmark completes. */
    public static int completionLine(String text) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].equals("dev:")) {
                return i + 2;
            }
        }
        throw new IllegalArgumentException("no dev: section");
    }

    /** Checks the port against bigdevspace.py when python3 and the shared bench are there: {@code java ... BigDevspace N}. */
    public static void main(String[] args) {
        System.out.print(of(args.length > 0 ? Integer.parseInt(args[0]) : 500));
    }
}
