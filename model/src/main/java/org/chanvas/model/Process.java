package org.chanvas.model;

import java.util.Map;
import java.util.Objects;

/**
 * A sequential program drawn as a box: its id, display label, centre on the diagram and script.
 *
 * @param label display name, or {@code null} to show the id
 * @param extra fields of the file this version does not know, kept and written back (plain JSON values)
 */
public record Process(String id, String label, double x, double y, String script, Map<String, Object> extra) {

    public Process {
        Objects.requireNonNull(id, "id");
        script = script == null ? "" : script;
        extra = extra == null ? Map.of() : Map.copyOf(extra);
    }

    public Process(String id, double x, double y, String script) {
        this(id, null, x, y, script, Map.of());
    }

    /** The name shown on the diagram and used by {@code self} and {@code print}. */
    public String displayLabel() {
        return label == null || label.isEmpty() ? id : label;
    }

    public Process withPosition(double nx, double ny) {
        return new Process(id, label, nx, ny, script, extra);
    }

    public Process withScript(String s) {
        return new Process(id, label, x, y, s, extra);
    }

    public Process withLabel(String l) {
        return new Process(id, l, x, y, script, extra);
    }

    public Process withId(String newId) {
        return new Process(newId, label, x, y, script, extra);
    }
}
