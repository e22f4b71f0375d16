package org.chanvas.runtime.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.chanvas.model.Channel;
import org.chanvas.model.Endpoint;
import org.chanvas.model.Network;
import org.chanvas.model.analysis.Fault;
import org.chanvas.model.analysis.NetworkValidator;
import org.chanvas.model.script.Ast;
import org.chanvas.model.script.Parameters;
import org.chanvas.model.script.ParsedScript;
import org.chanvas.model.script.PortDirection;
import org.chanvas.runtime.interp.PortBinding;

/**
 * A network made ready to run: every script parsed, every port bound to its channel. Built once, run by
 * any engine any number of times. A network {@link NetworkValidator} finds faults in does not run: the faults
 * are those {@code check} and the editor's Problems list show, in the same words ({@link InvalidPlanException}).
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

    /** Thrown when a network cannot run: the validator's faults, each naming where. */
    public static final class InvalidPlanException extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient List<Fault> faults;

        public InvalidPlanException(List<Fault> faults) {
            super(String.join("\n", faults.stream().map(Fault::toString).toList()));
            this.faults = List.copyOf(faults);
        }

        /** The faults, in the validator's order. */
        public List<Fault> faults() {
            return faults;
        }

        /** Each fault in words, as {@code check} prints it after the file name: {@code where: message}. */
        public List<String> problems() {
            return faults.stream().map(Fault::toString).toList();
        }
    }

    /**
     * Validates the network and binds every port of each process to its channel.
     *
     * @param parser the script parser ({@code ScriptParser::parse}); each distinct script text is parsed once
     */
    public static RunPlan compile(Network network, Function<String, ParsedScript> parser) throws InvalidPlanException {
        Map<String, ParsedScript> parsed = new HashMap<>();
        Function<String, ParsedScript> once = text -> parsed.computeIfAbsent(text, parser);
        List<Fault> faults = new NetworkValidator(once).validate(network);
        if (!faults.isEmpty()) {
            throw new InvalidPlanException(faults);
        }
        // Valid: ids are unique, every end names a process, and every port is an end of one channel only.
        Map<String, Map<String, PortBinding>> ports = new HashMap<>();
        for (var p : network.processes()) {
            ports.put(p.id(), new LinkedHashMap<>());
        }
        for (Channel c : network.channels()) {
            bind(c, c.writers(), PortDirection.OUTBOUND, ports);
            bind(c, c.readers(), PortDirection.INBOUND, ports);
        }
        List<ProcessPlan> plans = new ArrayList<>();
        for (var p : network.processes()) {
            // parameters are variables from the first line (SPEC §3.1): bound in front of the script
            plans.add(new ProcessPlan(p.id(), p.displayLabel(), Parameters.bind(p.params(), once.apply(p.script()).body()),
                    ports.get(p.id())));
        }
        return new RunPlan(network, plans);
    }

    private static void bind(Channel c, List<Endpoint> ends, PortDirection dir,
                             Map<String, Map<String, PortBinding>> ports) {
        for (Endpoint e : ends) {
            ports.get(e.process()).put(e.port(), new PortBinding(e.port(), dir, c.id(), c.kind()));
        }
    }

    public int size() {
        return processes.size();
    }
}
