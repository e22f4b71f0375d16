package org.chanvas.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A sequential program drawn as a box: its id, display label, centre on the diagram, script and parameters.
 *
 * @param label display name, or {@code null} to show the id
 * @param extra fields of the file this version does not know, kept and written back (plain JSON values)
 * @param params the script's parameters (SPEC §3.1), in the file's order: variables from its first line,
 *               valued {@link Long}, {@link String}, {@link Boolean} or lists of those
 */
public record Process(String id, String label, double x, double y, String script, Map<String, Object> extra,
                      Map<String, Object> params) {

    public Process {
        Objects.requireNonNull(id, "id");
        script = script == null ? "" : script;
        extra = extra == null ? Map.of() : Map.copyOf(extra);
        // ordered as written, so a file round-trips unchanged
        params = params == null || params.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** A process without parameters (language version 1). */
    public Process(String id, String label, double x, double y, String script, Map<String, Object> extra) {
        this(id, label, x, y, script, extra, Map.of());
    }

    public Process(String id, double x, double y, String script) {
        this(id, null, x, y, script, Map.of(), Map.of());
    }

    /** The name shown on the diagram and used by {@code self} and {@code print}. */
    public String displayLabel() {
        return label == null || label.isEmpty() ? id : label;
    }

    public Process withPosition(double nx, double ny) {
        return new Process(id, label, nx, ny, script, extra, params);
    }

    public Process withScript(String s) {
        return new Process(id, label, x, y, s, extra, params);
    }

    public Process withLabel(String l) {
        return new Process(id, l, x, y, script, extra, params);
    }

    public Process withId(String newId) {
        return new Process(newId, label, x, y, script, extra, params);
    }

    public Process withParams(Map<String, Object> p) {
        return new Process(id, label, x, y, script, extra, p);
    }
}
