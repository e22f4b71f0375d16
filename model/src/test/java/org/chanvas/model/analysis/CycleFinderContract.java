package org.chanvas.model.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chanvas.model.analysis.TestNetworks.complete;
import static org.chanvas.model.analysis.TestNetworks.net;
import static org.chanvas.model.analysis.TestNetworks.ring;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.chanvas.model.Network;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Known answers every cycle finder must give: counts, exact cycles with their channels, order and the cap.
 * Each implementation runs them in a subclass; expected lists are written in any order and sorted by the
 * implementation's own order before comparing.
 */
abstract class CycleFinderContract {

    final CycleFinder finder = finder();

    abstract CycleFinder finder();

    /** The order the finder promises, on process lists. */
    abstract Comparator<List<String>> order();

    /** Length of the ring in the stack test: as long as the finder handles in well under a second. */
    int longRing() {
        return 20_000;
    }

    private List<Cycle> sorted(Cycle... cycles) {
        List<Cycle> list = new ArrayList<>(List.of(cycles));
        list.sort(Comparator.comparing(Cycle::processes, order()));
        return list;
    }

    private FoundCycles all(Network n) {
        return finder.collect(ClientServerGraph.of(n), Integer.MAX_VALUE);
    }

    @ParameterizedTest(name = "K{0} has {1} elementary cycles")
    @CsvSource({"1, 0", "2, 1", "3, 5", "4, 20", "5, 84", "6, 409"})
    void completeDigraphs(int n, int cycles) {
        FoundCycles found = all(complete(n));
        assertThat(found.cycles()).hasSize(cycles);
        assertThat(found.truncated()).isFalse();
    }

    @Test
    void ringIsOneCycleThroughEveryChannelInOrder() {
        assertThat(all(ring(5)).cycles()).containsExactly(
                new Cycle(List.of("p0", "p1", "p2", "p3", "p4"), List.of("c0", "c1", "c2", "c3", "c4")));
    }

    @Test
    void cycleStartsAtSmallestIdWhateverTheFileOrder() {
        Network n = net("x: zed -> mid", "y: mid -> alpha", "z: alpha -> zed");
        assertThat(all(n).cycles()).containsExactly(
                new Cycle(List.of("alpha", "zed", "mid"), List.of("z", "x", "y")));
    }

    @Test
    void selfLoopIsACycle() {
        Network n = net("loop: a -> a", "out: a -> b");
        assertThat(all(n).cycles()).containsExactly(new Cycle(List.of("a"), List.of("loop")));
    }

    @Test
    void parallelChannelsMakeOneCycleListingThemAll() {
        Network n = net("c2: a -> b", "c1: a -> b", "back: b -> a");
        assertThat(all(n).cycles()).containsExactly(new Cycle(List.of("a", "b"), List.of("c1", "c2", "back")));
    }

    @Test
    void sharedChannelWithTwoWritersAndTwoReaders() {
        // s carries a->c, a->d, b->c, b->d; x and y lead back.
        Network n = net("s: a,b -> c,d", "x: c -> a", "y: d -> b");
        assertThat(all(n).cycles()).containsExactlyElementsOf(sorted(
                new Cycle(List.of("a", "c"), List.of("s", "x")),
                new Cycle(List.of("a", "d", "b", "c"), List.of("s", "y", "x")),
                new Cycle(List.of("b", "d"), List.of("s", "y"))));
    }

    @Test
    void sharedChannelReadAndWrittenBySameProcesses() {
        Network n = net("s: a,b -> a,b");
        assertThat(all(n).cycles()).containsExactlyElementsOf(sorted(
                new Cycle(List.of("a"), List.of("s")),
                new Cycle(List.of("a", "b"), List.of("s")),
                new Cycle(List.of("b"), List.of("s"))));
    }

    @Test
    void acyclicNetworkHasNoCycles() {
        Network n = net("a: p -> q", "b: q -> r", "c: p -> r", "d: r -> s,t");
        FoundCycles found = all(n);
        assertThat(found.cycles()).isEmpty();
        assertThat(found.truncated()).isFalse();
    }

    @Test
    void endsOnUnknownProcessesAreLeftOut() {
        Network n = net("a: p -> q", "b: q -> p");
        Network dangling = n.withProcesses(n.processes().subList(0, 1));
        assertThat(all(dangling).cycles()).isEmpty();
    }

    @Test
    void cyclesComeInTheFindersOrder() {
        List<Cycle> cycles = all(complete(5)).cycles();
        List<List<String>> order = cycles.stream().map(Cycle::processes).toList();
        List<List<String>> sorted = new ArrayList<>(order);
        sorted.sort(order());
        assertThat(order).isEqualTo(sorted);
        assertThat(order.getFirst()).containsExactly("p00", "p01");
    }

    @Test
    void capKeepsTheFirstInOrderAndSaysTruncated() {
        List<Cycle> every = all(complete(6)).cycles();
        FoundCycles capped = finder.collect(ClientServerGraph.of(complete(6)), 100);
        assertThat(capped.truncated()).isTrue();
        assertThat(capped.cycles()).isEqualTo(every.subList(0, 100));
    }

    @Test
    void capEqualToTheCountIsNotTruncated() {
        FoundCycles exact = finder.collect(ClientServerGraph.of(complete(4)), 20);
        assertThat(exact.cycles()).hasSize(20);
        assertThat(exact.truncated()).isFalse();
    }

    @Test
    void capOfZeroStillTellsWhetherThereIsACycle() {
        assertThat(finder.collect(ClientServerGraph.of(ring(3)), 0)).isEqualTo(new FoundCycles(List.of(), true));
        assertThat(finder.collect(ClientServerGraph.of(net("a: p -> q")), 0))
                .isEqualTo(new FoundCycles(List.of(), false));
    }

    @Test
    void capStopsTheWorkOnACompleteDigraphWithMillionsOfCycles() {
        ClientServerGraph k12 = ClientServerGraph.of(complete(12));
        // A hang guard, not a speed figure (JMH measures those): uncapped, K12 would take minutes.
        FoundCycles capped = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> finder.collect(k12, 1000));
        assertThat(capped.cycles()).hasSize(1000);
        assertThat(capped.truncated()).isTrue();
        assertThat(capped.cycles().getFirst().processes()).containsExactly("p00", "p01");
    }

    @Test
    void sinkCanStopEarly() {
        List<Cycle> seen = new ArrayList<>();
        boolean complete = finder.findCycles(ClientServerGraph.of(complete(5)), c -> {
            seen.add(c);
            return seen.size() < 3;
        });
        assertThat(complete).isFalse();
        assertThat(seen).hasSize(3);
    }

    @Test
    void longRingDoesNotOverflowTheStack() {
        int n = longRing();
        assertThat(all(ring(n)).cycles()).singleElement().satisfies(c -> assertThat(c.length()).isEqualTo(n));
    }
}
