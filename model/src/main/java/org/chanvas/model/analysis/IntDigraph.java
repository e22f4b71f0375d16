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

    /** Incoming edges of vertex v are {@code firstIn[v] .. firstIn[v+1]-1}. */
    final int[] firstIn;
    /** Source vertex of each incoming edge, ascending within a vertex. */
    final int[] source;

    IntDigraph(int n, int[] first, int[] target) {
        this.n = n;
        this.first = first;
        this.target = target;
        // The reverse rows by counting sort; sources come out ascending because edges are visited by source.
        firstIn = new int[n + 1];
        for (int t : target) {
            firstIn[t + 1]++;
        }
        for (int v = 0; v < n; v++) {
            firstIn[v + 1] += firstIn[v];
        }
        source = new int[target.length];
        int[] fill = java.util.Arrays.copyOf(firstIn, n);
        for (int u = 0; u < n; u++) {
            for (int e = first[u]; e < first[u + 1]; e++) {
                source[fill[target[e]]++] = u;
            }
        }
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
