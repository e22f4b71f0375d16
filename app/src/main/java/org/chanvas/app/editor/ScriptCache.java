package org.chanvas.app.editor;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import org.chanvas.model.script.ParsedScript;

/**
 * Parses scripts for the editor, remembering recent results: the same text is asked for on every edit (ports
 * for connecting, diagnostics, analysis) and scripts rarely change while a person draws.
 */
public final class ScriptCache implements Function<String, ParsedScript> {

    private static final int LIMIT = 4096;

    private final Function<String, ParsedScript> parser;
    private final Map<String, ParsedScript> cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ParsedScript> eldest) {
            return size() > LIMIT;
        }
    };

    public ScriptCache(Function<String, ParsedScript> parser) {
        this.parser = parser;
    }

    @Override
    public ParsedScript apply(String script) {
        return cache.computeIfAbsent(script == null ? "" : script, parser);
    }
}
