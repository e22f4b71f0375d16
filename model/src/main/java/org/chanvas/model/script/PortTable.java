package org.chanvas.model.script;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Collects the ports a script names, in first-use order, and reports a port used both ways. */
final class PortTable {

    private final Map<String, PortDirection> directions = new LinkedHashMap<>();
    private final List<PortUse> uses = new ArrayList<>();
    private final Set<String> conflicting = new HashSet<>();
    private final List<Diagnostic> diagnostics;

    PortTable(List<Diagnostic> diagnostics) {
        this.diagnostics = diagnostics;
    }

    void use(String port, PortUse.How how, Pos pos, int length) {
        PortDirection direction = switch (how) {
            case SEND, CALL -> PortDirection.OUTBOUND;
            case RECV, REPLY -> PortDirection.INBOUND;
        };
        uses.add(new PortUse(port, direction, how, pos));
        PortDirection first = directions.putIfAbsent(port, direction);
        // Once per port: the first use against the grain is where the script goes wrong.
        if (first != null && first != direction && conflicting.add(port)) {
            diagnostics.add(new Diagnostic(pos, length, "port '" + port + "' is used for both sending and receiving"));
        }
    }

    Map<String, PortDirection> directions() {
        return directions;
    }

    List<PortUse> uses() {
        return uses;
    }
}
