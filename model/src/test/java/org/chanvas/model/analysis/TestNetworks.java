package org.chanvas.model.analysis;

import static org.chanvas.model.Generators.setsOf;
import static org.chanvas.model.Generators.shuffled;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.chanvas.model.Channel;
import org.chanvas.model.ChannelKind;
import org.chanvas.model.Endpoint;
import org.chanvas.model.Network;
import org.chanvas.model.Process;
import org.quicktheories.core.Gen;

/** Small networks for graph tests, written as {@code "c1: a,b -> c"} (channel c1 from a and b to c). */
final class TestNetworks {

    private TestNetworks() {
    }

    /**
     * A network whose processes are the ones the channels name (in order of appearance) plus {@code extra};
     * each end gets its own port, {@code w_<channel>} or {@code r_<channel>}. Scripts are empty: these
     * networks are for the graph, not for validation.
     */
    static Network net(List<String> extra, String... channels) {
        Set<String> procs = new LinkedHashSet<>(extra);
        List<Channel> cs = new ArrayList<>();
        for (String spec : channels) {
            String[] idAndEnds = spec.split(":");
            String id = idAndEnds[0].trim();
            String[] sides = idAndEnds[1].split("->");
            List<Endpoint> writers = ends(sides[0], "w_" + id, procs);
            List<Endpoint> readers = ends(sides[1], "r_" + id, procs);
            cs.add(new Channel(id, ChannelKind.RENDEZVOUS, 0, writers, readers));
        }
        List<Process> ps = procs.stream().map(p -> new Process(p, 0, 0, "")).toList();
        return new Network("", "", ps, cs, List.of(), Map.of());
    }

    static Network net(String... channels) {
        return net(List.of(), channels);
    }

    private static List<Endpoint> ends(String side, String port, Set<String> procs) {
        List<Endpoint> out = new ArrayList<>();
        for (String p : side.split(",")) {
            String name = p.trim();
            procs.add(name);
            out.add(new Endpoint(name, port));
        }
        return out;
    }

    /** The complete digraph on n processes {@code p00, p01, ...}: one channel per ordered pair, no self-loops. */
    static Network complete(int n) {
        List<String> specs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    specs.add("c%02d_%02d: p%02d -> p%02d".formatted(i, j, i, j));
                }
            }
        }
        return net(specs.toArray(String[]::new));
    }

    /** Awkward process names: digits, underscores, dashes, capitals. */
    private static final List<String> NAMES = List.of("a", "b", "c_1", "d-2", "Eve", "zed", "m", "Q9");

    /**
     * Random networks for the graph properties: 1 to 7 processes named from {@link #NAMES} in a random order, up to
     * 14 channels, each with one or two writers and one or two readers (so shared channels, parallel channels and
     * self-loops all occur). Scripts are empty, as for {@link #net}.
     */
    static Gen<Network> generated() {
        return integers().between(1, 7).flatMap(n -> shuffled(NAMES).zip(lists().of(ends(n)).ofSizeBetween(0, 14),
                (shuffledNames, channels) -> {
                    List<String> names = shuffledNames.subList(0, n);
                    List<String> specs = new ArrayList<>();
                    for (int i = 0; i < channels.size(); i++) {
                        List<Set<Integer>> wr = channels.get(i);
                        specs.add("ch" + i + ": " + join(wr.get(0), names) + " -> " + join(wr.get(1), names));
                    }
                    return net(names, specs.toArray(String[]::new));
                }));
    }

    /** Writers and readers of one channel: one or two process numbers each. */
    private static Gen<List<Set<Integer>>> ends(int n) {
        return lists().of(setsOf(integers().between(0, n - 1), 1, 2)).ofSize(2);
    }

    private static String join(Set<Integer> procs, List<String> names) {
        return procs.stream().map(names::get).collect(Collectors.joining(","));
    }

    /** A ring p0 -> p1 -> ... -> p(n-1) -> p0, channel {@code ci} leaving {@code pi}. */
    static Network ring(int n) {
        List<String> specs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            specs.add("c%d: p%d -> p%d".formatted(i, i, (i + 1) % n));
        }
        return net(specs.toArray(String[]::new));
    }

    /** The order of {@link ShortestFirstCycleFinder}, on process lists: by length, then lexicographically. */
    static java.util.Comparator<List<String>> shortestFirst() {
        return java.util.Comparator.<List<String>>comparingInt(List::size).thenComparing(TestNetworks::lexicographic);
    }

    /** Lexicographic order of process-id lists, a proper prefix first: the order of {@link JohnsonCycleFinder}. */
    static int lexicographic(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }
}
