package org.chanvas.model.script;

/**
 * A fault found in a script, with where it starts and how many characters it covers (at least 1),
 * so an editor can underline it.
 */
public record Diagnostic(Pos pos, int length, String message) {

    public Diagnostic {
        length = Math.max(1, length);
    }

    @Override
    public String toString() {
        return pos + ": " + message;
    }
}
