package org.chanvas.model.analysis;

import java.util.Arrays;

/**
 * The client/server graph as plain int arrays, the form the SCC and cycle algorithms walk: vertex
 * {@code i} is the i-th process id in sorted order, so "smallest id" is "smallest index", and each
 * vertex's successors are sorted ascending (compressed sparse rows).
 */
final class IntDigraph {

    final int n;
    /** Edges of vertex v are {@code first[v] .. first[v+1]-1}. */
    final int[] first;
    /** Target vertex of each edge, ascending within a vertex. */
    final int[] target;

    IntDigraph(int n, int[] first, int[] target) {
        this.n = n;
        this.first = first;
        this.target = target;
    }

    int edgeCount() {
        return target.length;
    }

    /** The edge index of {@code u -> v}, or -1. */
    int edge(int u, int v) {
        int i = Arrays.binarySearch(target, first[u], first[u + 1], v);
        return i >= 0 ? i : -1;
    }

    boolean hasSelfLoop(int v) {
        return edge(v, v) >= 0;
    }
}
