package org.chanvas.model.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Strongly connected components by Tarjan's algorithm, iterative so a path through ten thousand processes
 * does not overflow the Java stack. One instance keeps its work arrays so that the cycle finder can ask
 * again and again for the components of shrinking subgraphs without allocating per call.
 */
final class TarjanComponents {

    private final IntDigraph g;
    private final int[] order;
    private final int[] low;
    private final int[] nextEdge;
    private final boolean[] onStack;
    private final int[] stack;
    private final int[] calls;

    TarjanComponents(IntDigraph g) {
        this.g = g;
        this.order = new int[g.n];
        this.low = new int[g.n];
        this.nextEdge = new int[g.n];
        this.onStack = new boolean[g.n];
        this.stack = new int[g.n];
        this.calls = new int[g.n];
    }

    /** Components of the whole graph, each sorted ascending, ordered by smallest member. */
    List<int[]> all() {
        int[] every = new int[g.n];
        for (int v = 0; v < g.n; v++) {
            every[v] = v;
        }
        return within(every, new int[g.n], 0);
    }

    /**
     * Components of the subgraph induced by {@code vertices}, all of which (and no other vertex) carry
     * {@code label[v] == tag}; each sorted ascending, ordered by smallest member.
     */
    List<int[]> within(int[] vertices, int[] label, int tag) {
        for (int v : vertices) {
            order[v] = -1;
        }
        List<int[]> out = new ArrayList<>();
        int counter = 0;
        int sp = 0;
        for (int root : vertices) {
            if (order[root] != -1) {
                continue;
            }
            int cp = 0;
            order[root] = low[root] = counter++;
            nextEdge[root] = g.first[root];
            stack[sp++] = root;
            onStack[root] = true;
            calls[cp++] = root;
            while (cp > 0) {
                int v = calls[cp - 1];
                if (nextEdge[v] < g.first[v + 1]) {
                    int w = g.target[nextEdge[v]++];
                    if (label[w] != tag) {
                        continue;
                    }
                    if (order[w] == -1) {
                        order[w] = low[w] = counter++;
                        nextEdge[w] = g.first[w];
                        stack[sp++] = w;
                        onStack[w] = true;
                        calls[cp++] = w;
                    } else if (onStack[w]) {
                        low[v] = Math.min(low[v], order[w]);
                    }
                    continue;
                }
                cp--;
                if (cp > 0) {
                    int u = calls[cp - 1];
                    low[u] = Math.min(low[u], low[v]);
                }
                if (low[v] == order[v]) {
                    int start = sp;
                    do {
                        start--;
                        onStack[stack[start]] = false;
                    } while (stack[start] != v);
                    int[] comp = Arrays.copyOfRange(stack, start, sp);
                    sp = start;
                    Arrays.sort(comp);
                    out.add(comp);
                }
            }
        }
        out.sort(Comparator.comparingInt(c -> c[0]));
        return out;
    }
}
