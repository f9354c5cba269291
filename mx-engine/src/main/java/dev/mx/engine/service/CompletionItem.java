package dev.mx.engine.service;

import dev.mx.engine.text.TextEdit;

/**
 * One completion proposal.
 *
 * @param edit what accepting it does as plain text (replace range and text, indentation included)
 * @param snippet the same insertion as an LSP snippet with tab stops, or null; used only when the client supports snippets
 * @param documentation Markdown, or null
 */
public record CompletionItem(String label, Kind kind, String detail, String documentation, TextEdit edit,
        String snippet, String sortText, String filterText) {

    public enum Kind { PROPERTY, VALUE, ENUM, REFERENCE, GENERATOR, PARAMETER, SNIPPET }
}
