package org.chanvas.runtime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.chanvas.model.Channel;
import org.chanvas.model.ChannelKind;
import org.chanvas.model.Endpoint;
import org.chanvas.model.Network;
import org.chanvas.model.Process;
import org.chanvas.model.script.ScriptParser;
import org.chanvas.runtime.engine.RunPlan;

/** Builds small networks for tests: processes by script, channels by kind and {@code process.port} ends. */
public final class Nets {

    private final List<Process> processes = new ArrayList<>();
    private final List<Channel> channels = new ArrayList<>();

    public static Nets net() {
        return new Nets();
    }

    public Nets process(String id, String script) {
        processes.add(new Process(id, 0, 0, script));
        return this;
    }

    public Nets channel(String id, ChannelKind kind, int capacity, List<String> writers, List<String> readers) {
        channels.add(new Channel(id, kind, capacity, ends(writers), ends(readers)));
        return this;
    }

    /** A rendezvous channel from one writer end to one reader end. */
    public Nets rendezvous(String id, String writer, String reader) {
        return channel(id, ChannelKind.RENDEZVOUS, 0, List.of(writer), List.of(reader));
    }

    public Nets kind(String id, ChannelKind kind, int capacity, String writers, String readers) {
        return channel(id, kind, capacity, Arrays.asList(writers.split(",")), Arrays.asList(readers.split(",")));
    }

    public Network network() {
        return new Network("test", "", processes, channels, List.of(), null);
    }

    public RunPlan plan() {
        try {
            return RunPlan.compile(network(), ScriptParser::parse);
        } catch (RunPlan.InvalidPlanException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    private static List<Endpoint> ends(List<String> texts) {
        return texts.stream().map(t -> Endpoint.parse(t.trim()).orElseThrow(() -> new IllegalArgumentException(t)))
                .toList();
    }
}
