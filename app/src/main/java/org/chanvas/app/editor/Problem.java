package org.chanvas.app.editor;

import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

import org.chanvas.model.script.Pos;

/** One entry of the Problems list: a fault of the document, or a deadlock-prone cycle. */
public sealed interface Problem {

    /** The sentence the list shows. */
    String text();

    /**
     * A fault that makes the network invalid or a script unrunnable.
     *
     * @param where a location a person can find: {@code "process producer, line 3:5"}, {@code "channel q"}
     * @param process the process to select, or null
     * @param pos the script position to jump to, or null
     */
    record Fault(String where, String message, String process, Pos pos) implements Problem {
        @Override
        public String text() {
            return where + ": " + message;
        }
    }

    /**
     * A deadlock-prone cycle, its processes in order ({@code a → b → c → a}) and its channels.
     *
     * @param justified whether a justification covers it and still holds (false when stale)
     * @param note the note of the justification naming it, stale or not; "" when there is none
     * @param stale what changed since it was justified ({@code "work was unbounded, now rendezvous"}), or ""
     * @param unrecorded whether its justification records no channel kinds, so a change would go unnoticed
     */
    record Cycle(List<String> processes, List<String> channels, boolean justified, String note, String stale,
                 boolean unrecorded) implements Problem {
        public Cycle {
            processes = List.copyOf(processes);
            channels = List.copyOf(channels);
            note = note == null ? "" : note;
            stale = stale == null ? "" : stale;
        }

        /** A cycle justified or not, with nothing stale. */
        public Cycle(List<String> processes, List<String> channels, boolean justified, String note) {
            this(processes, channels, justified, note, "", false);
        }

        /** Whether a justification names this cycle but a channel's kind changed since it was made. */
        public boolean isStale() {
            return !stale.isEmpty();
        }

        /** The cycle's name in files: its channel ids. */
        public SortedSet<String> key() {
            return new TreeSet<>(channels);
        }

        /** {@code a → b → c → a}. */
        public String path() {
            if (processes.isEmpty()) {
                return "";
            }
            return String.join(" \u2192 ", processes) + " \u2192 " + processes.getFirst();
        }

        @Override
        public String text() {
            String via = " (channels " + String.join(", ", channels) + ")";
            if (isStale()) {
                return "Stale justification on cycle " + path() + via + ": " + stale
                        + "; re-justify if the note still holds";
            }
            return justified ? "Justified cycle " + path() + via + (note.isBlank() ? "" : ": " + note)
                    + (unrecorded ? " (kinds not recorded: re-justify to guard it)" : "")
                    : "Deadlock-prone cycle " + path() + via;
        }
    }
}
