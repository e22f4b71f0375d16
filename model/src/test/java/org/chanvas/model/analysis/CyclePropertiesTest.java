package org.chanvas.model.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.chanvas.model.Network;
import org.jgrapht.alg.connectivity.KosarajuStrongConnectivityInspector;
import org.jgrapht.alg.cycle.JohnsonSimpleCycles;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Properties of the graph, components and cycles on random small networks, cross-checked with JGraphT. */
class CyclePropertiesTest {

    /** Every finder, named for the report of a failing try; the last does all its work by deepening. */
    private static Gen<CycleFinder> finders() {
        return Generate.pick(List.of(new JohnsonCycleFinder(), new ShortestFirstCycleFinder(),
                new ShortestFirstCycleFinder(0, 0)));
    }

    private static Comparator<List<String>> orderOf(CycleFinder finder) {
        return finder instanceof JohnsonCycleFinder ? TestNetworks::lexicographic : TestNetworks.shortestFirst();
    }

    @Test
    void sameCyclesAsJGraphTJohnsonInTheFindersOrder() {
        qt().withExamples(600).forAll(TestNetworks.generated(), finders())
                .checkAssert(CyclePropertiesTest::sameCyclesAsJGraphTJohnson);
    }

    private static void sameCyclesAsJGraphTJohnson(Network network, CycleFinder finder) {
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

    @Test
    void everyReportedCycleIsARealCycle() {
        qt().withExamples(300).forAll(TestNetworks.generated(), finders())
                .checkAssert(CyclePropertiesTest::reportedCyclesAreReal);
    }

    private static void reportedCyclesAreReal(Network network, CycleFinder finder) {
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

    @Test
    void everyEdgeInsideACyclicComponentLiesOnSomeCycle() {
        qt().withExamples(300).forAll(TestNetworks.generated(), finders())
                .checkAssert(CyclePropertiesTest::componentEdgesLieOnCycles);
    }

    private static void componentEdgesLieOnCycles(Network network, CycleFinder finder) {
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

    @Test
    void aCappedListIsAPrefixOfTheFullOne() {
        qt().withExamples(200).forAll(TestNetworks.generated(), integers().between(0, 12), finders())
                .checkAssert(CyclePropertiesTest::cappedIsPrefix);
    }

    private static void cappedIsPrefix(Network network, int cap, CycleFinder finder) {
        ClientServerGraph graph = ClientServerGraph.of(network);
        List<Cycle> every = finder.collect(graph, Integer.MAX_VALUE).cycles();
        FoundCycles capped = finder.collect(graph, cap);
        assertThat(capped.cycles()).isEqualTo(every.subList(0, Math.min(cap, every.size())));
        assertThat(capped.truncated()).isEqualTo(every.size() > cap);
    }

    @Test
    void componentsMatchJGraphTKosaraju() {
        qt().withExamples(300).forAll(TestNetworks.generated()).checkAssert(CyclePropertiesTest::sameComponents);
    }

    private static void sameComponents(Network network) {
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
