package org.chanvas.runtime.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.chanvas.model.Channel;
import org.chanvas.model.Endpoint;
import org.chanvas.model.Network;
import org.chanvas.model.script.Ast;
import org.chanvas.model.script.Diagnostic;
import org.chanvas.model.script.Parameters;
import org.chanvas.model.script.ParsedScript;
import org.chanvas.model.script.PortDirection;
import org.chanvas.runtime.interp.PortBinding;

/**
 * A network made ready to run: every script parsed, every port bound to its channel. Built once, run by
 * any engine any number of times. Faults that forbid a run (a script that does not parse, an end naming a
 * process that does not exist, a port on two channels) are collected in {@link InvalidPlanException}.
 */
public record RunPlan(Network network, List<ProcessPlan> processes) {

    public RunPlan {
        processes = List.copyOf(processes);
    }

    /** One process ready to run: its script and its connected ports. */
    public record ProcessPlan(String id, String label, Ast.Block body, Map<String, PortBinding> ports) {
        public ProcessPlan {
            ports = Map.copyOf(ports);
        }
    }

    /** Thrown when a network cannot run; each problem names where. */
    public static final class InvalidPlanException extends Exception {
        private static final long serialVersionUID = 1L;
        private final List<String> problems;

        public InvalidPlanException(List<String> problems) {
            super(String.join("\n", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    /**
     * @param parser the script parser ({@code ScriptParser::parse})
     */
    public static RunPlan compile(Network network, Function<String, ParsedScript> parser) throws InvalidPlanException {
        List<String> problems = new ArrayList<>();
        Map<String, Map<String, PortBinding>> ports = new HashMap<>();
        Set<String> ids = new HashSet<>();
        for (var p : network.processes()) {
            if (!ids.add(p.id())) {
                problems.add("process '" + p.id() + "': duplicate id");
            }
            ports.put(p.id(), new LinkedHashMap<>());
        }
        for (Channel c : network.channels()) {
            bind(c, c.writers(), PortDirection.OUTBOUND, ports, problems);
            bind(c, c.readers(), PortDirection.INBOUND, ports, problems);
            if (c.kind() == org.chanvas.model.ChannelKind.BUFFERED && c.capacity() < 1) {
                problems.add("channel '" + c.id() + "': a buffered channel needs a capacity of at least 1");
            }
        }
        List<ProcessPlan> plans = new ArrayList<>();
        for (var p : network.processes()) {
            ParsedScript parsed = parser.apply(p.script());
            for (Diagnostic d : parsed.diagnostics()) {
                problems.add("process '" + p.id() + "' script " + d.pos() + ": " + d.message());
            }
            // parameters are variables from the first line (SPEC §3.1): bound in front of the script
            plans.add(new ProcessPlan(p.id(), p.displayLabel(), Parameters.bind(p.params(), parsed.body()),
                    ports.get(p.id())));
        }
        if (!problems.isEmpty()) {
            throw new InvalidPlanException(problems);
        }
        return new RunPlan(network, plans);
    }

    private static void bind(Channel c, List<Endpoint> ends, PortDirection dir,
                             Map<String, Map<String, PortBinding>> ports, List<String> problems) {
        for (Endpoint e : ends) {
            Map<String, PortBinding> of = ports.get(e.process());
            if (of == null) {
                problems.add("channel '" + c.id() + "': end " + e + " names no process");
                continue;
            }
            PortBinding old = of.putIfAbsent(e.port(), new PortBinding(e.port(), dir, c.id(), c.kind()));
            if (old != null) {
                problems.add("channel '" + c.id() + "': port " + e + " is already an end of channel '"
                        + old.channel() + "'");
            }
        }
    }

    public int size() {
        return processes.size();
    }
}
