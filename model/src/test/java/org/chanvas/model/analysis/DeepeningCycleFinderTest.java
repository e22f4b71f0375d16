package org.chanvas.model.analysis;

import java.util.Comparator;
import java.util.List;

/** The contract for the shortest-first finder with its complete first try off, so deepening does all the work. */
class DeepeningCycleFinderTest extends CycleFinderContract {
    @Override
    CycleFinder finder() {
        return new ShortestFirstCycleFinder(0, 0);
    }

    @Override
    Comparator<List<String>> order() {
        return TestNetworks.shortestFirst();
    }

    @Override
    int longRing() {
        return 300; // deepening pays for every length up to the ring's; the first try is what skips that
    }
}
