package org.chanvas.model.script;

import java.util.List;
import java.util.Map;

/**
 * What the parser makes of a script: the tree (as much as could be read), the diagnostics, and the
 * ports with their direction. A script with diagnostics must not be run.
 *
 * @param ports each port the script names, in first-use order, with its direction; a port used both
 *              ways is reported as a diagnostic and listed with its first direction
 * @param portUses every place a port is named, in source order
 */
public record ParsedScript(Ast.Block body, List<Diagnostic> diagnostics, Map<String, PortDirection> ports,
                           List<PortUse> portUses) {

    public ParsedScript {
        diagnostics = List.copyOf(diagnostics);
        ports = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(ports));
        portUses = List.copyOf(portUses);
    }

    public boolean ok() {
        return diagnostics.isEmpty();
    }
}
