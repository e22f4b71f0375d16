package org.chanvas.model.script;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Reads a script (SPEC §3) into its tree, its diagnostics and the ports it uses. Pure and
 * thread-safe: each call has its own lexer and parser. It never throws: faults in the text come
 * back as diagnostics with line, column and length, as many as the parser can find in one pass.
 */
public final class ScriptParser {

    private ScriptParser() {
    }

    /** Parses {@code source}; null is read as the empty script. */
    public static ParsedScript parse(String source) {
        String src = Objects.requireNonNullElse(source, "");
        LineMap lines = new LineMap(src);
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<Token> tokens = new Lexer(src, lines, diagnostics).tokenize();
        PortTable ports = new PortTable(diagnostics);
        Ast.Block body = new Parser(tokens, lines, diagnostics, ports).script();
        // Lexer and parser report in two passes; the reader wants them in the order of the text.
        diagnostics.sort(Comparator.comparing(Diagnostic::pos));
        return new ParsedScript(body, diagnostics, ports.directions(), ports.uses());
    }
}
