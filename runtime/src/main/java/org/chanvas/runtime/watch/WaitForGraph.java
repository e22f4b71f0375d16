package org.chanvas.runtime.watch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.chanvas.model.Channel;
import org.chanvas.model.Endpoint;
import org.chanvas.model.Network;

/**
 * Builds the diagnosis of a run where nothing can move: a process waiting to receive on c waits for c's live
 * writers, one waiting to send waits for c's live readers, a client waits for the server holding its call.
 * A wait with no live peer is stuck; otherwise following waits must close a cycle, which is reported once,
 * starting at its smallest process id.
 */
public final class WaitForGraph {

    private final Map<String, String> labels = new HashMap<>();
    private final Map<String, Channel> channels = new HashMap<>();

    /** Indexes the network once: a diagnosis of a million waiting processes must not search lists. */
    public WaitForGraph(Network network) {
        for (var p : network.processes()) {
            labels.put(p.id(), p.displayLabel());
        }
        for (Channel c : network.channels()) {
            channels.put(c.id(), c);
        }
    }

    /**
     * @param waits what each waiting process waits on, by process id
     * @param ended ids of processes that have ended (finished or failed)
     */
    public Diagnosis diagnose(Map<String, List<WaitOn>> waits, Set<String> ended) {
        return diagnose(waits, ended, Map.of());
    }

    /**
     * As {@link #diagnose(Map, Set)}, told whom each process last exchanged a message with. On a shared channel
     * a waiter waits for any of several peers, so the wait-for graph can hold short cycles that explain
     * nothing (a fork waiting for "a philosopher", closing a loop through the one that does not hold it); the
     * peer it last dealt with is the likely holder, so the search follows that peer first.
     *
     * @param lastPartner process id to the id of the process it last sent to or received from
     */
    public Diagnosis diagnose(Map<String, List<WaitOn>> waits, Set<String> ended, Map<String, String> lastPartner) {
        Map<String, List<WaitOn>> sorted = new TreeMap<>(waits);
        Map<String, List<String>> edges = new LinkedHashMap<>();
        List<Diagnosis.Waiting> waiting = new ArrayList<>();
        boolean anyStuck = false;
        for (var e : sorted.entrySet()) {
            Set<String> peers = new java.util.TreeSet<>();
            for (WaitOn w : e.getValue()) {
                peers.addAll(livePeers(w, ended));
            }
            // A process with nothing to wait on (asleep, or caught between two steps) is not stuck on a channel.
            boolean stuck = peers.isEmpty() && !e.getValue().isEmpty();
            anyStuck |= stuck;
            List<String> ordered = new ArrayList<>(peers);
            String last = lastPartner.get(e.getKey());
            if (last != null && ordered.remove(last)) {
                ordered.addFirst(last);
            }
            edges.put(e.getKey(), List.copyOf(ordered));
            String label = labels.getOrDefault(e.getKey(), e.getKey());
            waiting.add(new Diagnosis.Waiting(e.getKey(), label, e.getValue(), stuck));
        }
        List<String> cycle = findCycle(edges);
        return new Diagnosis(waiting, cycle, cycle.isEmpty() && anyStuck);
    }

    private List<String> livePeers(WaitOn w, Set<String> ended) {
        List<String> out = new ArrayList<>();
        if (w.direction() == WaitOn.Direction.REPLY) {
            if (w.peer() != null) {
                if (!ended.contains(w.peer())) {
                    out.add(w.peer());
                }
                return out;
            }
            // no server has taken the call yet: any live server of the channel may
        }
        Channel c = channels.get(w.channel());
        if (c == null) {
            return out;
        }
        List<Endpoint> ends = w.direction() == WaitOn.Direction.RECV ? c.writers() : c.readers(); // REPLY: servers
        for (Endpoint end : ends) {
            if (!ended.contains(end.process())) {
                out.add(end.process());
            }
        }
        return out;
    }

    /** The first cycle found by depth-first search from the smallest id, rotated to start at its smallest. */
    static List<String> findCycle(Map<String, List<String>> edges) {
        Map<String, Integer> state = new HashMap<>(); // 1 on the path, 2 done
        List<String> path = new ArrayList<>();
        for (String start : new java.util.TreeSet<>(edges.keySet())) {
            if (!state.containsKey(start)) {
                List<String> c = dfs(start, edges, state, path);
                if (c != null) {
                    return rotate(c);
                }
            }
        }
        return List.of();
    }

    private static List<String> dfs(String v, Map<String, List<String>> edges, Map<String, Integer> state,
                                    List<String> path) {
        // Iterative, since a wait chain can run through a million processes.
        Set<String> onPath = new HashSet<>();
        List<java.util.Iterator<String>> its = new ArrayList<>();
        path.add(v);
        onPath.add(v);
        state.put(v, 1);
        its.add(edges.getOrDefault(v, List.of()).iterator());
        while (!path.isEmpty()) {
            var it = its.getLast();
            if (it.hasNext()) {
                String w = it.next();
                if (!edges.containsKey(w)) {
                    continue; // a live peer that is not waiting cannot be on a cycle of waits
                }
                if (onPath.contains(w)) {
                    return new ArrayList<>(path.subList(path.indexOf(w), path.size()));
                }
                if (!state.containsKey(w)) {
                    state.put(w, 1);
                    path.add(w);
                    onPath.add(w);
                    its.add(edges.getOrDefault(w, List.of()).iterator());
                }
            } else {
                String done = path.removeLast();
                its.removeLast();
                onPath.remove(done);
                state.put(done, 2);
            }
        }
        return null;
    }

    private static List<String> rotate(List<String> cycle) {
        int min = 0;
        for (int i = 1; i < cycle.size(); i++) {
            if (cycle.get(i).compareTo(cycle.get(min)) < 0) {
                min = i;
            }
        }
        List<String> out = new ArrayList<>(cycle.subList(min, cycle.size()));
        out.addAll(cycle.subList(0, min));
        return out;
    }
}
