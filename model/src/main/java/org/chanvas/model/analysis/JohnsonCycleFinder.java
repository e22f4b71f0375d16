package org.chanvas.model.analysis;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Johnson's algorithm (1975), iterative and able to stop after any cycle, so a cap costs time in
 * proportion to the cycles kept and not to the millions a dense graph may have. Order: lexicographic by
 * process-id list (a cycle before every longer one it is a prefix of), so a capped list is the
 * lexicographically first cycles. Its cost is linear in the graph per cycle found, which makes it the fastest
 * way to list every cycle of a graph with few; but in a large graph with many, the lexicographically first
 * cycles are long ones, which is why the default finder is {@link ShortestFirstCycleFinder}.
 *
 * <p>Work goes component by component: a strongly connected component is searched from its smallest
 * vertex s (every cycle through s), then s is removed and what is left of the component is split into its
 * own components, which join a queue ordered by smallest vertex. Only components that hold a cycle are
 * searched, so acyclic parts cost one Tarjan pass. Neighbours are visited in ascending order and s is the
 * smallest vertex of its component, so the depth-first search meets cycles in lexicographic order.
 */
public final class JohnsonCycleFinder implements CycleFinder {

    @Override
    public String toString() {
        return "JohnsonCycleFinder";
    }

    /** How a search ended. */
    enum Outcome { COMPLETE, STOPPED, OUT_OF_BUDGET }

    @Override
    public boolean findCycles(ClientServerGraph graph, CycleSink sink) {
        return new Search(graph, sink, Long.MAX_VALUE).run() == Outcome.COMPLETE;
    }

    /**
     * As {@link #findCycles}, but gives up after about {@code budget} steps (an edge looked at, a vertex
     * handled by Tarjan); the cycles reported until then are the lexicographically first ones.
     */
    Outcome findCycles(ClientServerGraph graph, CycleSink sink, long budget) {
        return new Search(graph, sink, budget).run();
    }

    /** A component waiting to be searched: its members (ascending) all carry {@code label == tag}. */
    private record Pending(int[] members, int tag) {
    }

    /** The state of one run; the finder itself holds none, so it can be shared between threads. */
    private static final class Search {
        private final ClientServerGraph graph;
        private final IntDigraph g;
        private final CycleSink sink;
        private final TarjanComponents tarjan;
        /** Component tag of each vertex still in play; -1 once it can be on no further cycle. */
        private final int[] label;
        private final boolean[] blocked;
        /** Johnson's B lists: vertices to unblock when this one is unblocked (subsets of predecessors). */
        private final int[][] waiting;
        private final int[] waitingCount;
        private final int[] path;
        private final int[] pathEdge;
        private final int[] nextEdge;
        private final boolean[] found;
        private final int[] unblockStack;
        private int nextTag;
        private long budget;

        Search(ClientServerGraph graph, CycleSink sink, long budget) {
            this.budget = budget;
            this.graph = graph;
            this.g = graph.digraph();
            this.sink = sink;
            this.tarjan = new TarjanComponents(g);
            int n = g.n;
            label = new int[n];
            Arrays.fill(label, -1);
            blocked = new boolean[n];
            waiting = new int[n][];
            waitingCount = new int[n];
            path = new int[n];
            pathEdge = new int[n];
            nextEdge = new int[n];
            found = new boolean[n];
            unblockStack = new int[n];
        }

        Outcome run() {
            PriorityQueue<Pending> queue = new PriorityQueue<>(Comparator.comparingInt(p -> p.members()[0]));
            budget -= g.n + g.edgeCount();
            enqueue(tarjan.all(), queue);
            while (!queue.isEmpty()) {
                Pending p = queue.poll();
                int[] members = p.members();
                Outcome o = circuits(members, p.tag());
                if (o != Outcome.COMPLETE) {
                    return o;
                }
                label[members[0]] = -1;
                budget -= members.length;
                enqueue(tarjan.within(Arrays.copyOfRange(members, 1, members.length), label, p.tag()), queue);
            }
            return Outcome.COMPLETE;
        }

        private void enqueue(List<int[]> components, PriorityQueue<Pending> queue) {
            for (int[] c : components) {
                boolean cyclic = c.length > 1 || g.hasSelfLoop(c[0]);
                int tag = cyclic ? nextTag++ : -1;
                for (int v : c) {
                    label[v] = tag;
                }
                if (cyclic) {
                    queue.add(new Pending(c, tag));
                }
            }
        }

        /** Every cycle through the component's smallest vertex. */
        private Outcome circuits(int[] members, int tag) {
            for (int v : members) {
                blocked[v] = false;
                waitingCount[v] = 0;
            }
            int s = members[0];
            int depth = 1;
            path[0] = s;
            nextEdge[0] = g.first[s];
            found[0] = false;
            blocked[s] = true;
            while (depth > 0) {
                int top = depth - 1;
                int v = path[top];
                int e = nextEdge[top];
                if (--budget < 0) {
                    return Outcome.OUT_OF_BUDGET;
                }
                if (e < g.first[v + 1]) {
                    nextEdge[top] = e + 1;
                    int w = g.target[e];
                    if (label[w] != tag) {
                        continue;
                    }
                    if (w == s) {
                        found[top] = true;
                        pathEdge[top] = e;
                        budget -= depth; // making the cycle's lists costs its length
                        if (!sink.accept(graph.cycle(path, pathEdge, depth))) {
                            return Outcome.STOPPED;
                        }
                    } else if (!blocked[w]) {
                        pathEdge[top] = e;
                        path[depth] = w;
                        nextEdge[depth] = g.first[w];
                        found[depth] = false;
                        blocked[w] = true;
                        depth++;
                    }
                    continue;
                }
                if (found[top]) {
                    unblock(v);
                } else {
                    for (int f = g.first[v]; f < g.first[v + 1]; f++) {
                        int w = g.target[f];
                        if (label[w] == tag) {
                            addWaiting(w, v);
                        }
                    }
                }
                depth--;
                if (depth > 0 && found[depth]) {
                    found[depth - 1] = true;
                }
            }
            return Outcome.COMPLETE;
        }

        private void unblock(int u) {
            int sp = 0;
            blocked[u] = false;
            unblockStack[sp++] = u;
            while (sp > 0) {
                int x = unblockStack[--sp];
                int[] list = waiting[x];
                for (int i = 0; i < waitingCount[x]; i++) {
                    int y = list[i];
                    if (blocked[y]) {
                        blocked[y] = false;
                        unblockStack[sp++] = y;
                    }
                }
                waitingCount[x] = 0;
            }
        }

        private void addWaiting(int w, int v) {
            int[] list = waiting[w];
            int count = waitingCount[w];
            if (list == null) {
                list = waiting[w] = new int[4];
            }
            for (int i = 0; i < count; i++) {
                if (list[i] == v) {
                    return;
                }
            }
            if (count == list.length) {
                list = waiting[w] = Arrays.copyOf(list, count * 2);
            }
            list[count] = v;
            waitingCount[w] = count + 1;
        }
    }
}
