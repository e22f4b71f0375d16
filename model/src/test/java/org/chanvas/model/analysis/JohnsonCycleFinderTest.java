package org.chanvas.model.analysis;

import java.util.Comparator;
import java.util.List;

/** The contract for Johnson's lexicographic finder. */
class JohnsonCycleFinderTest extends CycleFinderContract {
    @Override
    CycleFinder finder() {
        return new JohnsonCycleFinder();
    }

    @Override
    Comparator<List<String>> order() {
        return TestNetworks::lexicographic;
    }
}
