package org.chanvas.model.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.chanvas.model.Channel;
import org.chanvas.model.ChannelKind;
import org.chanvas.model.Endpoint;
import org.chanvas.model.Network;
import org.chanvas.model.Process;
import org.chanvas.model.script.Diagnostic;
import org.chanvas.model.script.ParsedScript;
import org.chanvas.model.script.PortDirection;
import org.chanvas.model.script.PortUse;
import org.chanvas.model.script.ScriptParser;

/**
 * Finds every fault of a network, each with its place (SPEC §2 ids and ends, §3 scripts and ports).
 *
 * <p>Order: first each process in file order (id, script diagnostics, its ports and their wiring, the
 * script operations that do not fit their channel), then each channel in file order (id, capacity, ends).
 * Where two processes share an id, channel ends refer to the first of them.
 */
public final class NetworkValidator {


    private final Function<String, ParsedScript> parser;

    /** A validator that parses every script afresh. */
    public NetworkValidator() {
        this(ScriptParser::parse);
    }

    /** A validator that gets parsed scripts from {@code parser}, e.g. a cache keyed by script text. */
    public NetworkValidator(Function<String, ParsedScript> parser) {
        this.parser = parser;
    }

    /** Whether the text is an id of SPEC §2, {@code [A-Za-z_][A-Za-z0-9_-]*}; by hand, as it runs for every element. */
    public static boolean isId(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
            boolean more = (c >= '0' && c <= '9') || c == '-';
            if (!(letter || (i > 0 && more))) {
                return false;
            }
        }
        return true;
    }

    /** Every fault of the network; empty when it is valid. */
    public List<Fault> validate(Network network) {
        return new Run(network).faults();
    }

    /** One end of a channel on a port: which channel, its kind, and whether the port writes to it. */
    private record Wire(Channel channel, boolean writer) {
        String role() {
            return writer ? "a writer" : "a reader";
        }
    }

    /** The state of one validation. */
    private final class Run {
        private final Network network;
        private final List<Fault> faults = new ArrayList<>();
        private final Map<String, ParsedScript> scripts = new HashMap<>();
        /** Every end on a known process: by process, then by port in channel order. */
        private final Map<String, Map<String, List<Wire>>> wires = new HashMap<>();

        Run(Network network) {
            this.network = network;
        }

        List<Fault> faults() {
            for (Process p : network.processes()) {
                scripts.putIfAbsent(p.id(), null);
            }
            for (Channel c : network.channels()) {
                addWires(c, c.writers(), true);
                addWires(c, c.readers(), false);
            }
            Set<String> seen = new HashSet<>();
            for (Process p : network.processes()) {
                ParsedScript script = parser.apply(p.script());
                boolean first = seen.add(p.id());
                if (first) {
                    scripts.put(p.id(), script);
                }
                checkProcess(p, script, first);
            }
            Set<String> seenChannels = new HashSet<>();
            for (Channel c : network.channels()) {
                checkChannel(c, seenChannels.add(c.id()));
            }
            return faults;
        }

        private void addWires(Channel c, List<Endpoint> ends, boolean writer) {
            for (Endpoint e : ends) {
                if (scripts.containsKey(e.process())) {
                    wires.computeIfAbsent(e.process(), k -> new LinkedHashMap<>())
                            .computeIfAbsent(e.port(), k -> new ArrayList<>()).add(new Wire(c, writer));
                }
            }
        }

        private void add(FaultKind kind, Place place, String message) {
            faults.add(new Fault(kind, place, message));
        }

        private void checkProcess(Process p, ParsedScript script, boolean first) {
            Place here = new Place.OfProcess(p.id());
            if (!isId(p.id())) {
                add(FaultKind.BAD_ID, here, badId("process", p.id()));
            }
            if (!first) {
                add(FaultKind.DUPLICATE_PROCESS, here, "another process has the same id '" + p.id() + "'");
            }
            for (Diagnostic d : script.diagnostics()) {
                add(FaultKind.SCRIPT, new Place.InScript(p.id(), d.pos(), d.length()), d.message());
            }
            if (!first) {
                return; // its ports are the first process's: reporting them twice would only repeat
            }
            Map<String, List<Wire>> ports = wires.getOrDefault(p.id(), Map.of());
            for (String port : script.ports().keySet()) {
                if (!ports.containsKey(port)) {
                    add(FaultKind.UNCONNECTED_PORT, here, "port '" + port + "' of " + p.id() + " is not connected");
                }
            }
            ports.forEach((port, ws) -> checkPortWiring(p.id(), port, ws));
            for (PortUse use : script.portUses()) {
                for (Wire w : ports.getOrDefault(use.port(), List.of())) {
                    checkOperation(p.id(), use, w);
                }
            }
        }

        private void checkPortWiring(String process, String port, List<Wire> ws) {
            if (ws.size() == 1) {
                return; // the usual case: one end of one channel
            }
            Place here = new Place.OfProcess(process);
            String name = "port '" + port + "' of " + process;
            Wire firstWriter = ws.stream().filter(Wire::writer).findFirst().orElse(null);
            Wire firstReader = ws.stream().filter(w -> !w.writer()).findFirst().orElse(null);
            if (firstWriter != null && firstReader != null) {
                String writerOf = firstWriter.channel().id();
                String readerOf = firstReader.channel().id();
                add(FaultKind.PORT_BOTH_WAYS, here, writerOf.equals(readerOf)
                        ? name + " is both a writer and a reader of channel " + writerOf
                        : name + " is a writer of channel " + writerOf + " and a reader of channel " + readerOf);
                return;
            }
            Set<String> channels = new LinkedHashSet<>();
            ws.forEach(w -> channels.add(w.channel().id()));
            if (channels.size() > 1) {
                add(FaultKind.PORT_ON_SEVERAL_CHANNELS, here, name + " is " + ws.getFirst().role()
                        + " of several channels (" + String.join(", ", channels) + "); a port is an end of one channel");
            }
        }

        private void checkOperation(String process, PortUse use, Wire w) {
            ChannelKind kind = w.channel().kind();
            String channel = w.channel().id();
            String message = switch (use.how()) {
                case SEND -> w.writer() && kind == ChannelKind.CALL
                        ? "send on port '" + use.port() + "', but channel " + channel
                          + " is a call channel: a client uses call and waits for the reply"
                        : null;
                case CALL -> w.writer() && kind != ChannelKind.CALL
                        ? "call on port '" + use.port() + "', but channel " + channel + " is " + kind.word()
                          + ", not call: no reply would ever come"
                        : null;
                case REPLY -> !w.writer() && kind != ChannelKind.CALL
                        ? "reply on port '" + use.port() + "', but channel " + channel + " is " + kind.word()
                          + ", not call: there is no request to answer"
                        : null;
                case RECV -> null; // a server receives requests of a call channel with recv, as on any other
            };
            if (message != null) {
                add(FaultKind.WRONG_OPERATION, new Place.InScript(process, use.pos(), use.port().length()), message);
            }
        }

        private void checkChannel(Channel c, boolean first) {
            Place here = new Place.OfChannel(c.id());
            if (!isId(c.id())) {
                add(FaultKind.BAD_ID, here, badId("channel", c.id()));
            }
            if (!first) {
                add(FaultKind.DUPLICATE_CHANNEL, here, "another channel has the same id '" + c.id() + "'");
            }
            if (c.kind() == ChannelKind.BUFFERED && c.capacity() < 1) {
                add(FaultKind.BAD_CAPACITY, here, "a buffered channel needs a capacity of at least 1, not " + c.capacity());
            } else if (c.kind() != ChannelKind.BUFFERED && c.capacity() != 0) {
                add(FaultKind.BAD_CAPACITY, here, "a " + c.kind().word()
                        + " channel has no capacity to set (found " + c.capacity() + "); only buffered ones do");
            }
            if (c.writers().isEmpty()) {
                add(FaultKind.NO_WRITER, here, "channel " + c.id() + " has no writer");
            }
            if (c.readers().isEmpty()) {
                add(FaultKind.NO_READER, here, "channel " + c.id() + " has no reader");
            }
            checkEnds(here, c.writers(), true);
            checkEnds(here, c.readers(), false);
        }

        private void checkEnds(Place here, List<Endpoint> ends, boolean writer) {
            String role = writer ? "writer" : "reader";
            // Most channels have one end a side: no set needed to spot one listed twice.
            Set<Endpoint> seen = ends.size() > 1 ? new HashSet<>() : null;
            for (Endpoint e : ends) {
                if (seen != null && !seen.add(e)) {
                    add(FaultKind.DUPLICATE_END, here, role + " '" + e + "' is listed twice");
                    continue;
                }
                ParsedScript script = scripts.get(e.process());
                if (script == null) {
                    add(FaultKind.UNKNOWN_PROCESS, here, role + " '" + e + "' names process '" + e.process()
                            + "', which does not exist");
                    continue;
                }
                PortDirection used = script.ports().get(e.port());
                if (used != null && (used == PortDirection.OUTBOUND) == writer) {
                    continue; // fine: the script uses the port the way the channel wires it
                }
                String end = role + " '" + e + "'";
                if (used == null) {
                    add(FaultKind.UNKNOWN_PORT, here, end + ": the script of " + e.process()
                            + " does not use port '" + e.port() + "'");
                } else {
                    PortUse at = script.portUses().stream().filter(u -> u.port().equals(e.port()))
                            .findFirst().orElseThrow();
                    add(FaultKind.WRONG_SIDE, here, end + ": the script of " + e.process() + " "
                            + (writer ? "receives on" : "sends on") + " '" + e.port() + "' (line " + at.pos()
                            + "), so it can only be " + (writer ? "a reader" : "a writer"));
                }
            }
        }

        private static String badId(String what, String id) {
            return "'" + id + "' is not a valid " + what + " id: it must start with a letter or _ and go on with"
                    + " letters, digits, _ or -";
        }
    }
}
