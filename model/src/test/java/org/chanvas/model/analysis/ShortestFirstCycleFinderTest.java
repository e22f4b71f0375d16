package org.chanvas.model.analysis;

import java.util.Comparator;
import java.util.List;

/** The contract for the default, shortest-first finder. */
class ShortestFirstCycleFinderTest extends CycleFinderContract {
    @Override
    CycleFinder finder() {
        return new ShortestFirstCycleFinder();
    }

    @Override
    Comparator<List<String>> order() {
        return TestNetworks.shortestFirst();
    }
}

/** The shortest-first finder with its complete first try switched off, so deepening does all the work. */
