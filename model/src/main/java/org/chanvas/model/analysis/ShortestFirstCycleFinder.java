package org.chanvas.model.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Cycles shortest first, then lexicographically by process-id list: self-loops, then two-process cycles,
 * and so on. A capped list therefore shows the shortest cycles, the ones a person can read and most likely
 * to bite, and on a large network with many cycles the work stays near those short ones.
 *
 * <p>How: first {@link JohnsonCycleFinder} tries to list every cycle within a small work budget (linear in
 * the graph) and a few thousand cycles; when it manages, the list is sorted and handed on. That covers
 * graphs with few cycles, however long (a ring of any size). Otherwise the search deepens length by length:
 * for length L and each start vertex s in ascending order, a depth-first search lists the cycles of exactly
 * L processes whose smallest is s, visiting only larger vertices of s's strongly connected component, in
 * ascending order; a backward breadth-first ball of radius L/2 around s prunes every branch that cannot get
 * back to s in the steps left. Its cost grows with the length reached, not with the size of the graph's
 * cycle space, so a cap stops it early wherever short cycles are plentiful.
 */
public final class ShortestFirstCycleFinder implements CycleFinder {

    /** Orders cycles as this finder reports them: by length, then by process-id list. */
    public static final Comparator<Cycle> ORDER = Comparator.comparingInt(Cycle::length)
            .thenComparing(Cycle::processes, ShortestFirstCycleFinder::lexicographic);

    private final int firstTryCycles;
    private final long firstTryStepsPerElement;

    /** The default: a first complete try of up to 4,096 cycles and 16 steps per vertex and edge. */
    public ShortestFirstCycleFinder() {
        this(4096, 16);
    }

    /**
     * @param firstTryCycles the most cycles the complete first try may hold before giving way (0 skips it)
     * @param firstTryStepsPerElement its work budget, in steps per vertex and edge of the graph
     */
    public ShortestFirstCycleFinder(int firstTryCycles, long firstTryStepsPerElement) {
        this.firstTryCycles = firstTryCycles;
        this.firstTryStepsPerElement = firstTryStepsPerElement;
    }

    @Override
    public boolean findCycles(ClientServerGraph graph, CycleSink sink) {
        if (firstTryCycles > 0) {
            List<Cycle> all = new ArrayList<>();
            IntDigraph g = graph.digraph();
            long budget = firstTryStepsPerElement * (g.n + g.edgeCount()) + 1000;
            JohnsonCycleFinder.Outcome o = new JohnsonCycleFinder().findCycles(graph, c -> {
                all.add(c);
                return all.size() <= firstTryCycles;
            }, budget);
            if (o == JohnsonCycleFinder.Outcome.COMPLETE) {
                all.sort(ORDER);
                for (Cycle c : all) {
                    if (!sink.accept(c)) {
                        return false;
                    }
                }
                return true;
            }
        }
        return new Deepening(graph, sink).run();
    }

    @Override
    public String toString() {
        return "ShortestFirstCycleFinder[first try: " + firstTryCycles + " cycles, " + firstTryStepsPerElement
                + " steps per element]";
    }

    static int lexicographic(List<String> a, List<String> b) {
        int n = Math.min(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    /** One run of the length-by-length search. */
    private static final class Deepening {
        private final ClientServerGraph graph;
        private final IntDigraph g;
        private final CycleSink sink;
        /** Strongly connected component of each vertex, and each component's size. */
        private final int[] comp;
        private final int[] compSize;
        /** Vertices that may be the smallest of a cycle, ascending; shrinks as starts are ruled out. */
        private int[] starts;
        /** Backward distance to the current start, valid where {@code seen[v] == stamp}. */
        private final int[] dist;
        private final int[] seen;
        private int stamp;
        private final int[] queue;
        private final boolean[] onPath;
        private final int[] path;
        private final int[] pathEdge;
        private final int[] nextEdge;

        Deepening(ClientServerGraph graph, CycleSink sink) {
            this.graph = graph;
            this.g = graph.digraph();
            this.sink = sink;
            int n = g.n;
            comp = new int[n];
            List<int[]> components = new TarjanComponents(g).all();
            compSize = new int[components.size()];
            int count = 0;
            for (int c = 0; c < components.size(); c++) {
                int[] members = components.get(c);
                compSize[c] = members.length;
                for (int v : members) {
                    comp[v] = c;
                }
                if (members.length > 1 || g.hasSelfLoop(members[0])) {
                    count += members.length;
                }
            }
            starts = new int[count];
            int k = 0;
            for (int v = 0; v < n; v++) {
                int[] members = components.get(comp[v]);
                if (members.length > 1 || g.hasSelfLoop(v)) {
                    starts[k++] = v;
                }
            }
            dist = new int[n];
            seen = new int[n];
            queue = new int[n];
            onPath = new boolean[n];
            path = new int[n];
            pathEdge = new int[n];
            nextEdge = new int[n];
        }

        boolean run() {
            int longest = 0;
            for (int v : starts) {
                longest = Math.max(longest, compSize[comp[v]]);
            }
            for (int length = 1; length <= longest && starts.length > 0; length++) {
                int kept = 0;
                for (int s : starts) {
                    if (compSize[comp[s]] < length) {
                        continue; // too small for this length or any longer one: drop it
                    }
                    if (length > 1 && !hasLargerNeighbours(s)) {
                        continue; // the smallest of a longer cycle needs a larger successor and predecessor
                    }
                    starts[kept++] = s;
                    if (!cyclesFrom(s, length)) {
                        return false;
                    }
                }
                starts = java.util.Arrays.copyOf(starts, kept);
            }
            return true;
        }

        /** Whether s has a successor and a predecessor larger than itself in its component. */
        private boolean hasLargerNeighbours(int s) {
            boolean out = false;
            for (int e = g.first[s]; e < g.first[s + 1] && !out; e++) {
                int w = g.target[e];
                out = w > s && comp[w] == comp[s];
            }
            return out && ball(s, 1) > 1;
        }

        /**
         * Marks the vertices that reach s within {@code radius} steps through vertices larger than s in its
         * component, with their distance; returns how many (s included).
         */
        private int ball(int s, int radius) {
            stamp++;
            int head = 0;
            int tail = 0;
            queue[tail++] = s;
            seen[s] = stamp;
            dist[s] = 0;
            while (head < tail) {
                int v = queue[head++];
                if (dist[v] == radius) {
                    continue;
                }
                for (int e = g.firstIn[v]; e < g.firstIn[v + 1]; e++) {
                    int u = g.source[e];
                    if (u > s && comp[u] == comp[s] && seen[u] != stamp) {
                        seen[u] = stamp;
                        dist[u] = dist[v] + 1;
                        queue[tail++] = u;
                    }
                }
            }
            return tail;
        }

        /** Cycles of exactly {@code length} processes whose smallest is s, in lexicographic order. */
        private boolean cyclesFrom(int s, int length) {
            if (length == 1) {
                int e = g.edge(s, s);
                if (e < 0) {
                    return true;
                }
                path[0] = s;
                pathEdge[0] = e;
                return sink.accept(graph.cycle(path, pathEdge, 1));
            }
            int radius = length / 2;
            ball(s, radius);
            int depth = 1;
            path[0] = s;
            nextEdge[0] = g.first[s];
            onPath[s] = true;
            boolean go = true;
            while (depth > 0 && go) {
                int top = depth - 1;
                int v = path[top];
                int e = nextEdge[top];
                if (e == g.first[v + 1]) {
                    onPath[v] = false;
                    depth--;
                    continue;
                }
                nextEdge[top] = e + 1;
                int w = g.target[e];
                int left = length - depth; // steps from w back to s
                if (w <= s || comp[w] != comp[s] || onPath[w]
                        || (left <= radius && (seen[w] != stamp || dist[w] > left))) {
                    continue;
                }
                pathEdge[top] = e;
                path[depth] = w;
                if (left == 1) {
                    // w is the last process; its distance 1 to s means the closing edge exists.
                    pathEdge[depth] = g.edge(w, s);
                    go = sink.accept(graph.cycle(path, pathEdge, length));
                    continue;
                }
                nextEdge[depth] = g.first[w];
                onPath[w] = true;
                depth++;
            }
            for (int i = 0; i < depth; i++) {
                onPath[path[i]] = false;
            }
            return go;
        }
    }
}
