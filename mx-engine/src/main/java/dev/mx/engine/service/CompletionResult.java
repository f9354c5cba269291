package dev.mx.engine.service;

import java.util.List;

/** @param incomplete the client should ask again as the user types more */
public record CompletionResult(List<CompletionItem> items, boolean incomplete) {
    public static final CompletionResult EMPTY = new CompletionResult(List.of(), false);

    public CompletionResult {
        items = List.copyOf(items);
    }
}
