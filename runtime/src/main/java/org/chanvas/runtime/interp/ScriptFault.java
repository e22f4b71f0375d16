package org.chanvas.runtime.interp;

import org.chanvas.model.script.Pos;

/**
 * A script error raised while evaluating; caught at the edge of {@link ProcessMachine#advance()} and turned
 * into a {@link Request.Failed}. Carries no stack trace: it is the script's fault, not the runtime's.
 */
final class ScriptFault extends RuntimeException {

    private static final long serialVersionUID = 1L;

    final transient Pos pos;

    ScriptFault(Pos pos, String message) {
        super(message, null, false, false);
        this.pos = pos;
    }
}
