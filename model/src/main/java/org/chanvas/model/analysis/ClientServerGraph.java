package org.chanvas.model.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.chanvas.model.Channel;
import org.chanvas.model.Endpoint;
import org.chanvas.model.Network;
import org.jgrapht.Graph;
import org.jgrapht.graph.AsUnmodifiableGraph;
import org.jgrapht.graph.DefaultDirectedGraph;

/**
 * The client/server graph of a network (SPEC §1): processes as vertices, an edge writer → reader for every
 * writer and reader of every channel. Parallel channels between the same two processes in the same
 * direction make one {@link Link} that lists them all; a process that writes and reads one channel has a
 * self-loop. Channel ends on processes the network does not have are left out (validation reports them).
 * Immutable.
 */
public final class ClientServerGraph {

    private final List<String> ids;
    private final Map<String, Integer> index;
    private final IntDigraph digraph;
    /** Channels of each edge of {@link #digraph}, by edge index; sorted by id. */
    private final List<List<String>> edgeChannels;
    /** Built on first use: the int form is what analysis needs, JGraphT's form is for callers. */
    private volatile Graph<String, Link> jgraph;

    private ClientServerGraph(List<String> ids, Map<String, Integer> index, IntDigraph digraph,
                              List<List<String>> edgeChannels) {
        this.ids = ids;
        this.index = index;
        this.digraph = digraph;
        this.edgeChannels = edgeChannels;
    }

    /** Builds the graph of a network (valid or not). */
    public static ClientServerGraph of(Network network) {
        String[] sorted = network.processes().stream().map(org.chanvas.model.Process::id)
                .distinct().sorted().toArray(String[]::new);
        int n = sorted.length;
        Map<String, Integer> index = HashMap.newHashMap(n);
        for (int i = 0; i < n; i++) {
            index.put(sorted[i], i);
        }
        // One entry per (writer process, reader process, channel), sorted by pair and then by file order;
        // each run of equal pairs is one edge.
        List<Channel> channels = network.channels();
        long[] pairs = new long[16];
        int[] owner = new int[16];
        int count = 0;
        for (int ci = 0; ci < channels.size(); ci++) {
            Channel c = channels.get(ci);
            int[] from = vertices(c.writers(), index);
            int[] to = vertices(c.readers(), index);
            for (int w : from) {
                for (int r : to) {
                    if (count == pairs.length) {
                        pairs = Arrays.copyOf(pairs, count * 2);
                        owner = Arrays.copyOf(owner, count * 2);
                    }
                    pairs[count] = (long) w * n + r;
                    owner[count++] = ci;
                }
            }
        }
        int[] order = sortedOrder(pairs, owner, count);
        int[] first = new int[n + 1];
        int[] targets = new int[count];
        List<List<String>> edgeChannels = new ArrayList<>();
        int edges = 0;
        for (int i = 0; i < count; ) {
            long key = pairs[order[i]];
            int j = i;
            while (j < count && pairs[order[j]] == key) {
                j++;
            }
            if (j - i == 1) {
                edgeChannels.add(List.of(channels.get(owner[order[i]]).id()));
            } else {
                TreeSet<String> ids = new TreeSet<>(); // sorts parallel channels and drops one met twice
                for (int k = i; k < j; k++) {
                    ids.add(channels.get(owner[order[k]]).id());
                }
                edgeChannels.add(List.copyOf(ids));
            }
            first[(int) (key / n) + 1]++;
            targets[edges++] = (int) (key % n);
            i = j;
        }
        int[] target = Arrays.copyOf(targets, edges);
        for (int v = 0; v < n; v++) {
            first[v + 1] += first[v];
        }
        return new ClientServerGraph(List.of(sorted), index, new IntDigraph(n, first, target), edgeChannels);
    }

    /** The distinct processes of the ends, as vertex numbers; ends on unknown processes are skipped. */
    private static int[] vertices(List<Endpoint> ends, Map<String, Integer> index) {
        int[] out = new int[ends.size()];
        int k = 0;
        for (Endpoint e : ends) {
            Integer v = index.get(e.process());
            if (v != null) {
                out[k++] = v;
            }
        }
        if (k <= 1) {
            return k == out.length ? out : Arrays.copyOf(out, k);
        }
        return Arrays.stream(out, 0, k).sorted().distinct().toArray();
    }

    /** Positions 0..count-1 ordered by pair key, ties in entry order; one primitive sort when keys allow. */
    private static int[] sortedOrder(long[] pairs, int[] owner, int count) {
        long maxKey = 0;
        for (int i = 0; i < count; i++) {
            maxKey = Math.max(maxKey, pairs[i]);
        }
        int[] order = new int[count];
        if (count > 0 && maxKey < (Long.MAX_VALUE - count) / count) {
            long[] packed = new long[count];
            for (int i = 0; i < count; i++) {
                packed[i] = pairs[i] * count + i;
            }
            Arrays.sort(packed);
            for (int i = 0; i < count; i++) {
                order[i] = (int) (packed[i] % count);
            }
        } else {
            Integer[] boxed = new Integer[count];
            for (int i = 0; i < count; i++) {
                boxed[i] = i;
            }
            Arrays.sort(boxed, java.util.Comparator.comparingLong((Integer i) -> pairs[i]).thenComparingInt(i -> i));
            for (int i = 0; i < count; i++) {
                order[i] = boxed[i];
            }
        }
        return order;
    }

    /** Every process id, sorted. */
    public List<String> processes() {
        return ids;
    }

    /** Every edge, by source then target id. */
    public List<Link> links() {
        List<Link> links = new ArrayList<>(digraph.edgeCount());
        for (int v = 0; v < digraph.n; v++) {
            for (int e = digraph.first[v]; e < digraph.first[v + 1]; e++) {
                links.add(link(v, e));
            }
        }
        return links;
    }

    /** The edge from one process to another, if any channel joins them in that direction. */
    public Optional<Link> link(String from, String to) {
        Integer u = index.get(from);
        Integer v = index.get(to);
        if (u == null || v == null) {
            return Optional.empty();
        }
        int e = digraph.edge(u, v);
        return e < 0 ? Optional.empty() : Optional.of(link(u, e));
    }

    private Link link(int from, int edge) {
        return new Link(ids.get(from), ids.get(digraph.target[edge]), edgeChannels.get(edge));
    }

    /** The strongly connected components, ordered by their smallest process id. */
    public List<Component> components() {
        List<Component> out = new ArrayList<>();
        for (int[] members : new TarjanComponents(digraph).all()) {
            List<String> names = new ArrayList<>(members.length);
            for (int v : members) {
                names.add(ids.get(v));
            }
            boolean cyclic = members.length > 1 || digraph.hasSelfLoop(members[0]);
            out.add(new Component(names, cyclic));
        }
        return out;
    }

    /** This graph as an unmodifiable JGraphT graph (loops allowed, no parallel edges), for drawing and queries. */
    public Graph<String, Link> asGraph() {
        Graph<String, Link> g = jgraph;
        if (g == null) {
            // A benign race: two threads may both build it; the results are equal.
            Graph<String, Link> built = new DefaultDirectedGraph<>(null, null, false);
            ids.forEach(built::addVertex);
            for (Link l : links()) {
                built.addEdge(l.from(), l.to(), l);
            }
            g = new AsUnmodifiableGraph<>(built);
            jgraph = g;
        }
        return g;
    }

    /** Whether the two graphs have the same processes and the same edges with the same channels. */
    public boolean sameStructure(ClientServerGraph other) {
        return other == this || (ids.equals(other.ids) && Arrays.equals(digraph.first, other.digraph.first)
                && Arrays.equals(digraph.target, other.digraph.target) && edgeChannels.equals(other.edgeChannels));
    }

    IntDigraph digraph() {
        return digraph;
    }

    String id(int vertex) {
        return ids.get(vertex);
    }

    List<String> channels(int edge) {
        return edgeChannels.get(edge);
    }

    /** The cycle visiting {@code path[0..length-1]}, where {@code edges[i]} leads on from {@code path[i]}. */
    Cycle cycle(int[] path, int[] edges, int length) {
        List<String> processes = new ArrayList<>(length);
        java.util.Set<String> channels = new java.util.LinkedHashSet<>();
        for (int i = 0; i < length; i++) {
            processes.add(ids.get(path[i]));
            channels.addAll(edgeChannels.get(edges[i]));
        }
        return new Cycle(processes, new ArrayList<>(channels));
    }
}
