package org.chanvas.app.export.code;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Networks of the shapes the lecture draws, built by size: pipelines, shared consumers, select servers, call
 * servers and rings. Each is a {@code chanvas/1} text, so it goes through the same loader as a file.
 */
final class GeneratedShapes {

    private GeneratedShapes() {
    }

    /** name → file text. */
    static Map<String, String> all() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("gen-pipeline-4", pipeline(4, 3));
        m.put("gen-shared-consumers-3", sharedConsumers(3, 2, "rendezvous"));
        m.put("gen-shared-consumers-buffered-2", sharedConsumers(2, 3, "buffered"));
        m.put("gen-select-server-3", selectServer(3, 2));
        m.put("gen-call-server-3", callServer(3, 2, 0));
        m.put("gen-call-server-short", callServer(2, 2, 1));
        m.put("gen-ring-buffered-4", ring(4, "buffered", 1));
        m.put("gen-ring-rendezvous-3", ring(3, "rendezvous", 0));
        return m;
    }

    static String pipeline(int stages, int items) {
        return pipeline(stages, items, List.of(), List.of());
    }

    /** Link {@code s} (source → stage1 is 0) has {@code kinds[s]} (rendezvous when missing) and capacity. */
    static String pipeline(int stages, int items, List<String> kinds, List<Integer> capacities) {
        List<String> procs = new ArrayList<>();
        List<String> chans = new ArrayList<>();
        procs.add(proc("source", "for i in 0..%d {\\n  send out i\\n}\\nsend out \\\"kill\\\"".formatted(items)));
        for (int s = 1; s <= stages; s++) {
            procs.add(proc("stage" + s, "forever {\\n  m = recv in\\n  if m == \\\"kill\\\" {\\n    send out m\\n"
                    + "    stop\\n  }\\n  send out m * 2 + " + s + "\\n}"));
        }
        procs.add(proc("sink", "forever {\\n  m = recv in\\n  if m == \\\"kill\\\" { stop }\\n  print \\\"got {m}\\\"\\n}"));
        String prev = "source";
        for (int s = 1; s <= stages + 1; s++) {
            String next = s <= stages ? "stage" + s : "sink";
            String kind = s - 1 < kinds.size() ? kinds.get(s - 1) : "rendezvous";
            chans.add(chan("c" + s, kind, s - 1 < capacities.size() ? capacities.get(s - 1) : 1,
                    List.of(prev + ".out"), List.of(next + ".in")));
            prev = next;
        }
        return network("Pipeline of " + stages, procs, chans);
    }

    /**
     * {@code n} producers and {@code n} consumers on one channel; each producer ends with one kill, so every
     * consumer stops after all items are taken (a producer's items reach the channel before its kill).
     */
    static String sharedConsumers(int n, int items, String kind) {
        return sharedConsumers(n, n, items, kind, 2);
    }

    /** With more consumers than producers, the consumers left without a kill wait for ever: stuck. */
    static String sharedConsumers(int n, int consumers, int items, String kind, int capacity) {
        List<String> procs = new ArrayList<>();
        List<String> writers = new ArrayList<>();
        List<String> readers = new ArrayList<>();
        for (int p = 1; p <= n; p++) {
            procs.add(proc("producer" + p, "for i in 0..%d {\\n  send out \\\"{self}-{i}\\\"\\n}\\nsend out \\\"kill\\\""
                    .formatted(items)));
            writers.add("producer" + p + ".out");
        }
        for (int c = 1; c <= consumers; c++) {
            procs.add(proc("consumer" + c, "forever {\\n  m = recv in\\n  if m == \\\"kill\\\" { stop }\\n"
                    + "  print \\\"took {m}\\\"\\n}"));
            readers.add("consumer" + c + ".in");
        }
        return network("Shared consumers", procs, List.of(chan("jobs", kind, capacity, writers, readers)));
    }

    static String selectServer(int clients, int items) {
        return selectServer(clients, items, List.of(), List.of(), 0);
    }

    /** Client {@code c}'s channel has {@code kinds[c-1]}; a server waiting for {@code extra} more ends is stuck. */
    static String selectServer(int clients, int items, List<String> kinds, List<Integer> capacities, int extra) {
        List<String> procs = new ArrayList<>();
        List<String> chans = new ArrayList<>();
        StringBuilder guards = new StringBuilder();
        for (int c = 1; c <= clients; c++) {
            procs.add(proc("client" + c, "for i in 0..%d {\\n  send out i * 10 + %d\\n}\\nsend out -1"
                    .formatted(items, c)));
            chans.add(chan("from" + c, c - 1 < kinds.size() ? kinds.get(c - 1) : "rendezvous",
                    c - 1 < capacities.size() ? capacities.get(c - 1) : 1, List.of("client" + c + ".out"),
                    List.of("server.in" + c)));
            guards.append("    recv in").append(c).append(" as m {\\n      if m == -1 { done = done + 1 } else {"
                    + " print \\\"from ").append(c).append(": {m}\\\" }\\n    }\\n");
        }
        procs.addFirst(proc("server", "done = 0\\nwhile done < " + (clients + extra) + " {\\n  select {\\n" + guards
                + "  }\\n}\\nprint \\\"all done\\\""));
        return network("Select server over " + clients, procs, chans);
    }

    /** {@code missing} answers fewer than the clients ask: then the last client is stuck. */
    static String callServer(int clients, int calls, int missing) {
        List<String> procs = new ArrayList<>();
        List<String> writers = new ArrayList<>();
        procs.add(proc("server", "repeat " + (clients * calls - missing) + " {\\n  r = recv clients\\n"
                + "  reply clients r * 2\\n}"));
        for (int c = 1; c <= clients; c++) {
            procs.add(proc("client" + c, "for i in 0..%d {\\n  a = call server %d + i\\n  print \\\"answer {a}\\\"\\n}"
                    .formatted(calls, c * 100)));
            writers.add("client" + c + ".server");
        }
        return network("Call server", procs, List.of(chan("calls", "call", 0, writers, List.of("server.clients"))));
    }

    static String ring(int nodes, String kind, int capacity) {
        return ring(nodes, kind, capacity, 1);
    }

    /**
     * Each node sends {@code messages} to the next before it takes as many from the previous: a buffered ring
     * finishes exactly when the capacity holds them, a rendezvous ring never does.
     */
    static String ring(int nodes, String kind, int capacity, int messages) {
        List<String> procs = new ArrayList<>();
        List<String> chans = new ArrayList<>();
        for (int n = 0; n < nodes; n++) {
            procs.add(proc("node" + n, "for i in 0..%d {\\n  send next %d + i * 10\\n}\\nrepeat %d {\\n  m = recv prev\\n"
                    .formatted(messages, n, messages) + "  print \\\"{self} got {m}\\\"\\n}"));
            chans.add(chan("link" + n, kind, capacity, List.of("node" + n + ".next"),
                    List.of("node" + ((n + 1) % nodes) + ".prev")));
        }
        return network("Ring of " + nodes + " (" + kind + ")", procs, chans);
    }

    private static String proc(String id, String script) {
        return "{\"id\": \"" + id + "\", \"x\": 0, \"y\": 0, \"script\": \"" + script + "\"}";
    }

    private static String chan(String id, String kind, int capacity, List<String> writers, List<String> readers) {
        StringJoiner w = new StringJoiner("\", \"", "[\"", "\"]");
        writers.forEach(w::add);
        StringJoiner r = new StringJoiner("\", \"", "[\"", "\"]");
        readers.forEach(r::add);
        return "{\"id\": \"" + id + "\", \"kind\": \"" + kind + "\"" + (kind.equals("buffered") ? ", \"capacity\": " + capacity : "")
                + ", \"writers\": " + w + ", \"readers\": " + r + "}";
    }

    private static String network(String title, List<String> procs, List<String> chans) {
        return "{\"format\": \"chanvas/1\", \"title\": \"" + title + "\", \"processes\": [" + String.join(", ", procs)
                + "], \"channels\": [" + String.join(", ", chans) + "]}";
    }
}
