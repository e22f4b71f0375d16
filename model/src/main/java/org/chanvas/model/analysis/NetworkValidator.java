package org.chanvas.model.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
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

    /**
     * How far from the origin a process or channel node may be, in diagram units: a thousand screens wide,
     * and far inside the range where layout, painting and export stay exact and quick.
     */
    public static final double MAX_COORDINATE = 1_000_000;

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
        return validate(new Resolution(network, parser, null));
    }

    /** The faults of a resolved network (see {@link Resolution} for reusing one across edits). */
    List<Fault> validate(Resolution resolution) {
        return new Run(resolution).faults();
    }

    /** Resolves a network's channel ends, reusing what {@code previous} (may be null) found for the same objects. */
    Resolution resolve(Network network, Resolution previous) {
        return new Resolution(network, parser, previous);
    }

    /** One end of a channel on a port: which channel, its kind, and whether the port writes to it. */
    private record Wire(Channel channel, boolean writer) {
        String role() {
            return writer ? "a writer" : "a reader";
        }
    }

    /**
     * How a network's channel ends resolve: each end's slot, a (process, port) pair numbered in
     * {@link #slots}, the script ports of each first process numbered first in script order. It depends
     * only on the processes and on each channel's ends, so the validation of an edited network reuses the
     * processes' part when they are the same objects, and each channel's part when the channel is.
     */
    static final class Resolution {
        private final List<Process> processes;
        private final ParsedScript[] parsed;
        /** Whether process i is the first with its id (channel ends refer to the first one). */
        private final boolean[] first;
        /** Process ids, each numbered once; {@link #firstOf} maps the number to the first process. */
        private final PairIndex ids;
        private final int[] firstOf;
        /** Slots of process i's script ports: {@code portStart[i]} up to {@code portStart[i + 1]}. */
        private final int[] portStart;
        /** Script port slots, then wired ports the script does not name (added as channels bring them). */
        private final PairIndex slots;
        /** How many slots are script ports. */
        private final int scriptSlots;
        private final boolean[] outbound;
        private final List<Channel> channels;
        /** Channel ci's ends are {@code endStart[ci]} up to {@code endStart[ci + 1]}, readers from {@code readerStart[ci]}. */
        private final int[] endStart;
        private final int[] readerStart;
        private final boolean[] call;
        /** The slot of every channel end in file order (writers, then readers), -1 on an unknown process. */
        private final int[] endSlot;

        /** Resolves a network, reusing what {@code previous} (may be null) resolved for the same objects. */
        Resolution(Network network, Function<String, ParsedScript> parser, Resolution previous) {
            List<Process> ps = network.processes();
            if (previous != null && sameElements(ps, previous.processes)) {
                processes = ps;
                parsed = previous.parsed;
                first = previous.first;
                ids = previous.ids;
                firstOf = previous.firstOf;
                portStart = previous.portStart;
                slots = previous.slots; // taken over: the previous resolution is not used again
                scriptSlots = previous.scriptSlots;
                outbound = previous.outbound;
            } else {
                previous = null;
                processes = ps;
                int np = ps.size();
                parsed = new ParsedScript[np];
                first = new boolean[np];
                ids = new PairIndex(np);
                firstOf = new int[np];
                portStart = new int[np + 1];
                int scriptPorts = 0;
                for (int i = 0; i < np; i++) {
                    Process p = ps.get(i);
                    parsed[i] = parser.apply(p.script());
                    int before = ids.size();
                    int number = ids.add(0, p.id());
                    first[i] = ids.size() > before;
                    if (first[i]) {
                        firstOf[number] = i;
                        scriptPorts += parsed[i].ports().size();
                    }
                }
                slots = new PairIndex(scriptPorts * 2);
                outbound = new boolean[scriptPorts];
                for (int i = 0; i < np; i++) {
                    portStart[i] = slots.size();
                    if (first[i]) {
                        for (Map.Entry<String, PortDirection> port : parsed[i].ports().entrySet()) {
                            outbound[slots.add(i, port.getKey())] = port.getValue() == PortDirection.OUTBOUND;
                        }
                    }
                }
                portStart[np] = slots.size();
                scriptSlots = slots.size();
            }
            channels = network.channels();
            int nc = channels.size();
            endStart = new int[nc + 1];
            readerStart = new int[nc];
            call = new boolean[nc];
            // An edit keeps the channels before and after the changed ones: those are copied, not looked up.
            int same = 0;
            int sameAtEnd = 0;
            int oldNc = 0;
            if (previous != null) {
                oldNc = previous.channels.size();
                int most = Math.min(nc, oldNc);
                while (same < most && channels.get(same) == previous.channels.get(same)) {
                    same++;
                }
                while (sameAtEnd < most - same
                        && channels.get(nc - 1 - sameAtEnd) == previous.channels.get(oldNc - 1 - sameAtEnd)) {
                    sameAtEnd++;
                }
            }
            int ends = 0;
            for (int ci = 0; ci < nc; ci++) {
                endStart[ci] = ends;
                if (ci < same || ci >= nc - sameAtEnd) {
                    int old = ci < same ? ci : ci - nc + oldNc;
                    readerStart[ci] = ends + previous.readerStart[old] - previous.endStart[old];
                    call[ci] = previous.call[old];
                    ends += previous.endStart[old + 1] - previous.endStart[old];
                } else {
                    Channel c = channels.get(ci);
                    readerStart[ci] = ends + c.writers().size();
                    call[ci] = c.kind() == ChannelKind.CALL;
                    ends += c.writers().size() + c.readers().size();
                }
            }
            endStart[nc] = ends;
            endSlot = new int[ends];
            if (same > 0) {
                System.arraycopy(previous.endSlot, 0, endSlot, 0, endStart[same]);
            }
            if (sameAtEnd > 0) {
                int from = previous.endStart[oldNc - sameAtEnd];
                System.arraycopy(previous.endSlot, from, endSlot, endStart[nc - sameAtEnd], previous.endSlot.length - from);
            }
            for (int ci = same; ci < nc - sameAtEnd; ci++) {
                Channel c = channels.get(ci);
                int end = resolve(c.writers(), endStart[ci]);
                resolve(c.readers(), end);
            }
        }

        private int resolve(List<Endpoint> ends, int end) {
            for (Endpoint e : ends) {
                int number = ids.find(0, e.process());
                endSlot[end++] = number < 0 ? -1 : slots.add(firstOf[number], e.port());
            }
            return end;
        }

        /** Whether both lists hold the very same objects in the same order (an edit keeps untouched ones). */
        private static boolean sameElements(List<?> a, List<?> b) {
            if (a == b) {
                return true;
            }
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (a.get(i) != b.get(i)) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * The state of one validation over a {@link Resolution}: the wires of a slot are a chain through int
     * arrays in channel order, so the usual port, wired once, builds nothing.
     */
    private final class Run {
        private final List<Fault> faults = new ArrayList<>();
        private final Resolution r;
        private final List<Process> processes;
        private final List<Channel> channels;
        private final ParsedScript[] parsed;
        private final boolean[] first;
        private final int[] portStart;
        private final PairIndex slots;
        private final int scriptSlots;
        private final boolean[] outbound;
        private final int[] endSlot;
        private final int[] slotFirstWire;
        private final int[] slotLastWire;
        private final int[] slotWires;
        private final int[] wireChannel;
        private final boolean[] wireWriter;
        /** Whether the wire's channel is a call channel: all an operation check needs to pass. */
        private final boolean[] wireCall;
        private final int[] wireNext;
        private final int[] wireSlot;
        private int wireCount;
        /** Whether some channel is a call channel; without one a send can never be the wrong operation. */
        private boolean anyCall;
        /** Slots with two or more wires, the only ones whose wiring can be wrong. */
        private int[] crowded = new int[8];
        private int crowdedCount;

        Run(Resolution r) {
            this.r = r;
            this.processes = r.processes;
            this.channels = r.channels;
            this.parsed = r.parsed;
            this.first = r.first;
            this.portStart = r.portStart;
            this.slots = r.slots;
            this.scriptSlots = r.scriptSlots;
            this.outbound = r.outbound;
            this.endSlot = r.endSlot;
            int slotCount = slots.size();
            slotFirstWire = new int[slotCount];
            slotLastWire = new int[slotCount];
            slotWires = new int[slotCount];
            int ends = endSlot.length;
            wireChannel = new int[ends];
            wireWriter = new boolean[ends];
            wireCall = new boolean[ends];
            wireNext = new int[ends];
            wireSlot = new int[ends];
        }

        List<Fault> faults() {
            for (int ci = 0; ci < channels.size(); ci++) {
                anyCall |= r.call[ci];
                for (int end = r.endStart[ci]; end < r.endStart[ci + 1]; end++) {
                    if (endSlot[end] >= 0) {
                        addWire(ci, r.call[ci], end < r.readerStart[ci], endSlot[end]);
                    }
                }
            }
            long[] crowdedOrder = crowdedByProcess();
            int next = 0;
            for (int i = 0; i < parsed.length; i++) {
                int upTo = next;
                while (upTo < crowdedOrder.length && (int) (crowdedOrder[upTo] >>> 32) == i) {
                    upTo++;
                }
                checkProcess(i, crowdedOrder, next, upTo);
                next = upTo;
            }
            Set<String> seenChannels = HashSet.newHashSet(channels.size());
            int end = 0;
            for (Channel c : channels) {
                end = checkChannel(c, seenChannels.add(c.id()), end);
            }
            return faults;
        }

        private void addWire(int channel, boolean call, boolean writer, int slot) {
            int w = wireCount++;
            wireChannel[w] = channel;
            wireWriter[w] = writer;
            wireCall[w] = call;
            wireNext[w] = -1;
            wireSlot[w] = slot;
            if (slotWires[slot]++ == 0) {
                slotFirstWire[slot] = w;
            } else {
                wireNext[slotLastWire[slot]] = w;
                if (slotWires[slot] == 2) {
                    if (crowdedCount == crowded.length) {
                        crowded = Arrays.copyOf(crowded, crowdedCount * 2);
                    }
                    crowded[crowdedCount++] = slot;
                }
            }
            slotLastWire[slot] = w;
        }

        /**
         * The crowded slots as (process, first wire) pairs, sorted: a process's ports are checked in the
         * order their first wire appears in the file, as a map filled in channel order would list them.
         */
        private long[] crowdedByProcess() {
            long[] order = new long[crowdedCount];
            for (int k = 0; k < crowdedCount; k++) {
                int slot = crowded[k];
                order[k] = ((long) slots.number(slot) << 32) | slotFirstWire[slot];
            }
            Arrays.sort(order);
            return order;
        }

        private void add(FaultKind kind, Place place, String message) {
            faults.add(new Fault(kind, place, message));
        }

        private void checkProcess(int i, long[] crowdedOrder, int from, int upTo) {
            Process p = processes.get(i);
            ParsedScript script = parsed[i];
            if (!isId(p.id())) {
                add(FaultKind.BAD_ID, new Place.OfProcess(p.id()), badId("process", p.id()));
            }
            if (!first[i]) {
                add(FaultKind.DUPLICATE_PROCESS, new Place.OfProcess(p.id()),
                        "another process has the same id '" + p.id() + "'");
            }
            checkPosition(new Place.OfProcess(p.id()), "process " + p.id(), p.x(), p.y());
            for (Diagnostic d : script.diagnostics()) {
                add(FaultKind.SCRIPT, new Place.InScript(p.id(), d.pos(), d.length()), d.message());
            }
            if (!first[i]) {
                return; // its ports are the first process's: reporting them twice would only repeat
            }
            for (int slot = portStart[i]; slot < portStart[i + 1]; slot++) {
                if (slotWires[slot] == 0) {
                    add(FaultKind.UNCONNECTED_PORT, new Place.OfProcess(p.id()),
                            "port '" + slots.name(slot) + "' of " + p.id() + " is not connected");
                }
            }
            for (int k = from; k < upTo; k++) {
                int slot = wireSlot[(int) crowdedOrder[k]];
                List<Wire> ws = new ArrayList<>(slotWires[slot]);
                for (int w = slotFirstWire[slot]; w >= 0; w = wireNext[w]) {
                    ws.add(new Wire(channels.get(wireChannel[w]), wireWriter[w]));
                }
                checkPortWiring(p.id(), slots.name(slot), ws);
            }
            for (PortUse use : script.portUses()) {
                if (use.how() == PortUse.How.RECV || (use.how() == PortUse.How.SEND && !anyCall)) {
                    continue; // it fits every wire it could have, so its wires need not be found
                }
                int slot = slots.find(i, use.port());
                if (slot < 0 || slotWires[slot] == 0) {
                    continue;
                }
                for (int w = slotFirstWire[slot]; w >= 0; w = wireNext[w]) {
                    if (misfits(use.how(), wireWriter[w], wireCall[w])) {
                        checkOperation(p.id(), use, channels.get(wireChannel[w]), wireWriter[w]);
                    }
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

        /** Whether {@link #checkOperation} has a fault to report, decided without reading the channel. */
        private static boolean misfits(PortUse.How how, boolean writer, boolean call) {
            return switch (how) {
                case SEND -> writer && call;
                case CALL -> writer && !call;
                case REPLY -> !writer && !call;
                case RECV -> false;
            };
        }

        private void checkOperation(String process, PortUse use, Channel c, boolean writer) {
            ChannelKind kind = c.kind();
            String channel = c.id();
            String message = switch (use.how()) {
                case SEND -> writer && kind == ChannelKind.CALL
                        ? "send on port '" + use.port() + "', but channel " + channel
                          + " is a call channel: a client uses call and waits for the reply"
                        : null;
                case CALL -> writer && kind != ChannelKind.CALL
                        ? "call on port '" + use.port() + "', but channel " + channel + " is " + kind.word()
                          + ", not call: no reply would ever come"
                        : null;
                case REPLY -> !writer && kind != ChannelKind.CALL
                        ? "reply on port '" + use.port() + "', but channel " + channel + " is " + kind.word()
                          + ", not call: there is no request to answer"
                        : null;
                case RECV -> null; // a server receives requests of a call channel with recv, as on any other
            };
            if (message != null) {
                add(FaultKind.WRONG_OPERATION, new Place.InScript(process, use.pos(), use.port().length()), message);
            }
        }

        /** Checks one channel whose ends start at {@code end} in {@link #endSlot}; returns where the next starts. */
        private int checkChannel(Channel c, boolean first, int end) {
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
            if (c.x() != null || c.y() != null) {
                checkPosition(here, "the node of channel " + c.id(), c.x() == null ? 0 : c.x(), c.y() == null ? 0 : c.y());
            }
            if (c.writers().isEmpty()) {
                add(FaultKind.NO_WRITER, here, "channel " + c.id() + " has no writer");
            }
            if (c.readers().isEmpty()) {
                add(FaultKind.NO_READER, here, "channel " + c.id() + " has no reader");
            }
            end = checkEnds(here, c.writers(), true, end);
            return checkEnds(here, c.readers(), false, end);
        }

        private int checkEnds(Place here, List<Endpoint> ends, boolean writer, int end) {
            // Most channels have one end a side: no set needed to spot one listed twice.
            Set<Endpoint> seen = ends.size() > 1 ? new HashSet<>() : null;
            for (Endpoint e : ends) {
                int slot = endSlot[end++];
                if (slot >= 0 && slot < scriptSlots && outbound[slot] == writer && seen == null) {
                    continue; // the usual end: the script uses the port the way the channel wires it
                }
                String role = writer ? "writer" : "reader";
                if (seen != null && !seen.add(e)) {
                    add(FaultKind.DUPLICATE_END, here, role + " '" + e + "' is listed twice");
                    continue;
                }
                if (slot < 0) {
                    add(FaultKind.UNKNOWN_PROCESS, here, role + " '" + e + "' names process '" + e.process()
                            + "', which does not exist");
                    continue;
                }
                if (slot < scriptSlots && outbound[slot] == writer) {
                    continue; // fine: the script uses the port the way the channel wires it
                }
                String described = role + " '" + e + "'";
                if (slot >= scriptSlots) {
                    add(FaultKind.UNKNOWN_PORT, here, described + ": the script of " + e.process()
                            + " does not use port '" + e.port() + "'");
                } else {
                    ParsedScript script = parsed[slots.number(slot)];
                    PortUse at = script.portUses().stream().filter(u -> u.port().equals(e.port()))
                            .findFirst().orElseThrow();
                    add(FaultKind.WRONG_SIDE, here, described + ": the script of " + e.process() + " "
                            + (writer ? "receives on" : "sends on") + " '" + e.port() + "' (line " + at.pos()
                            + "), so it can only be " + (writer ? "a reader" : "a writer"));
                }
            }
            return end;
        }

        private void checkPosition(Place here, String what, double x, double y) {
            for (double v : new double[] {x, y}) {
                if (!(Math.abs(v) <= MAX_COORDINATE)) {
                    add(FaultKind.OFF_DRAWING, here, what + " is at (" + x + ", " + y + "), off the drawing;"
                            + " a coordinate is at most ±" + (long) MAX_COORDINATE + " diagram units");
                    return;
                }
            }
        }

        private static String badId(String what, String id) {
            return "'" + id + "' is not a valid " + what + " id: it must start with a letter or _ and go on with"
                    + " letters, digits, _ or -";
        }
    }
}
