package org.chanvas.model.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.chanvas.model.Network;
import org.jgrapht.alg.connectivity.KosarajuStrongConnectivityInspector;
import org.jgrapht.alg.cycle.JohnsonSimpleCycles;

/** Properties of the graph, components and cycles on random small networks, cross-checked with JGraphT. */
class CycleProperties {

    private static final List<String> NAMES = List.of("a", "b", "c_1", "d-2", "Eve", "zed", "m", "Q9");

    /** Every finder, named for the report of a failing try; the last does all its work by deepening. */
    @Provide
    Arbitrary<CycleFinder> finders() {
        return Arbitraries.of(new JohnsonCycleFinder(), new ShortestFirstCycleFinder(),
                new ShortestFirstCycleFinder(0, 0));
    }

    private static Comparator<List<String>> orderOf(CycleFinder finder) {
        return finder instanceof JohnsonCycleFinder ? TestNetworks::lexicographic : TestNetworks.shortestFirst();
    }

    @Provide
    Arbitrary<Network> networks() {
        return Arbitraries.integers().between(1, 7).flatMap(n ->
                Combinators.combine(Arbitraries.shuffle(NAMES).map(l -> l.subList(0, n)), ends(n).list().ofMaxSize(14))
                        .as((names, channels) -> {
                            List<String> specs = new ArrayList<>();
                            for (int i = 0; i < channels.size(); i++) {
                                List<Set<Integer>> wr = channels.get(i);
                                specs.add("ch" + i + ": " + join(wr.get(0), names) + " -> " + join(wr.get(1), names));
                            }
                            return TestNetworks.net(names, specs.toArray(String[]::new));
                        }));
    }

    /** Writers and readers of one channel: one or two process numbers each. */
    private static Arbitrary<List<Set<Integer>>> ends(int n) {
        Arbitrary<Set<Integer>> side = Arbitraries.integers().between(0, n - 1).set().ofMinSize(1).ofMaxSize(2);
        return side.list().ofSize(2);
    }

    private static String join(Set<Integer> procs, List<String> names) {
        return procs.stream().map(names::get).collect(Collectors.joining(","));
    }

    @Property(tries = 600)
    void sameCyclesAsJGraphTJohnsonInTheFindersOrder(@ForAll("networks") Network network,
                                                     @ForAll("finders") CycleFinder finder) {
        ClientServerGraph graph = ClientServerGraph.of(network);
        List<List<String>> expected = new ArrayList<>();
        for (List<String> c : new JohnsonSimpleCycles<>(graph.asGraph()).findSimpleCycles()) {
            int min = c.indexOf(Collections.min(c));
            List<String> rotated = new ArrayList<>(c.subList(min, c.size()));
            rotated.addAll(c.subList(0, min));
            expected.add(rotated);
        }
        expected.sort(orderOf(finder));
        List<List<String>> actual = finder.collect(graph, Integer.MAX_VALUE).cycles().stream()
                .map(Cycle::processes).toList();
        assertThat(actual).isEqualTo(expected);
    }

    @Property(tries = 300)
    void everyReportedCycleIsARealCycle(@ForAll("networks") Network network, @ForAll("finders") CycleFinder finder) {
        ClientServerGraph graph = ClientServerGraph.of(network);
        for (Cycle c : finder.collect(graph, Integer.MAX_VALUE).cycles()) {
            List<String> ps = c.processes();
            assertThat(new HashSet<>(ps)).as("elementary").hasSize(ps.size());
            assertThat(ps.getFirst()).as("starts at smallest").isEqualTo(Collections.min(ps));
            Set<String> channels = new LinkedHashSet<>();
            for (int i = 0; i < ps.size(); i++) {
                Link link = graph.link(ps.get(i), ps.get((i + 1) % ps.size())).orElseThrow();
                channels.addAll(link.channels());
                for (String ch : link.channels()) {
                    assertThat(network.channel(ch).orElseThrow().writers())
                            .anySatisfy(e -> assertThat(e.process()).isEqualTo(link.from()));
                }
            }
            assertThat(c.channels()).containsExactlyElementsOf(channels);
        }
    }

    @Property(tries = 300)
    void everyEdgeInsideACyclicComponentLiesOnSomeCycle(@ForAll("networks") Network network,
                                                        @ForAll("finders") CycleFinder finder) {
        ClientServerGraph graph = ClientServerGraph.of(network);
        FoundCycles found = finder.collect(graph, Integer.MAX_VALUE);
        assertThat(found.truncated()).isFalse();
        Set<List<String>> covered = new HashSet<>();
        for (Cycle c : found.cycles()) {
            List<String> ps = c.processes();
            for (int i = 0; i < ps.size(); i++) {
                covered.add(List.of(ps.get(i), ps.get((i + 1) % ps.size())));
            }
        }
        for (Component comp : graph.components()) {
            if (!comp.cyclic()) {
                continue;
            }
            for (Link l : graph.links()) {
                if (comp.processes().contains(l.from()) && comp.processes().contains(l.to())) {
                    assertThat(covered).contains(List.of(l.from(), l.to()));
                }
            }
        }
    }

    @Property(tries = 200)
    void aCappedListIsAPrefixOfTheFullOne(@ForAll("networks") Network network, @ForAll @IntRange(max = 12) int cap,
                                          @ForAll("finders") CycleFinder finder) {
        ClientServerGraph graph = ClientServerGraph.of(network);
        List<Cycle> every = finder.collect(graph, Integer.MAX_VALUE).cycles();
        FoundCycles capped = finder.collect(graph, cap);
        assertThat(capped.cycles()).isEqualTo(every.subList(0, Math.min(cap, every.size())));
        assertThat(capped.truncated()).isEqualTo(every.size() > cap);
    }

    @Property(tries = 300)
    void componentsMatchJGraphTKosaraju(@ForAll("networks") Network network) {
        ClientServerGraph graph = ClientServerGraph.of(network);
        Set<Set<String>> expected = new KosarajuStrongConnectivityInspector<>(graph.asGraph())
                .stronglyConnectedSets().stream().map(HashSet::new).collect(Collectors.toSet());
        Set<Set<String>> actual = graph.components().stream().map(c -> new HashSet<>(c.processes()))
                .collect(Collectors.toSet());
        assertThat(actual).isEqualTo(expected);
        for (Component c : graph.components()) {
            boolean loop = graph.link(c.processes().getFirst(), c.processes().getFirst()).isPresent();
            assertThat(c.cyclic()).isEqualTo(c.processes().size() > 1 || loop);
        }
    }
}
