package org.chanvas.app.editor.verify;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import org.chanvas.runtime.explore.CycleVerdicts;

/** What the diagram and the Problems list show of Verify's verdict on each static cycle. */
public final class CycleWords {

    private CycleWords() {
    }

    /** The cycles proven safe, which the diagram no longer draws red. */
    public static Set<SortedSet<String>> proven(Map<SortedSet<String>, CycleVerdicts.Kind> marks) {
        Set<SortedSet<String>> out = new HashSet<>();
        marks.forEach((k, v) -> {
            if (v == CycleVerdicts.Kind.PROVEN_SAFE) {
                out.add(k);
            }
        });
        return out;
    }

    /**
     * The toolbar's cycle badge after a proof: every alarming cycle proven safe; empty when the verdict proved
     * nothing (or there was no alarming cycle to speak of).
     */
    public static java.util.Optional<String> badge(Map<SortedSet<String>, CycleVerdicts.Kind> marks, long alarming) {
        if (alarming == 0 || marks.isEmpty() || !marks.containsValue(CycleVerdicts.Kind.PROVEN_SAFE)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("\u2713 " + alarming + (alarming == 1 ? " cycle" : " cycles") + " proven safe");
    }

    /** The words the Problems list adds to each cycle's line. */
    public static Map<SortedSet<String>, String> of(Map<SortedSet<String>, CycleVerdicts.Kind> marks) {
        Map<SortedSet<String>, String> out = new HashMap<>();
        marks.forEach((k, v) -> out.put(k, switch (v) {
            case PROVEN_SAFE -> " \u2014 proven safe by Verify";
            case CONTRADICTED -> " \u2014 justification contradicted by Verify: it deadlocks";
        }));
        return out;
    }
}
