package org.chanvas.model.analysis;

import org.chanvas.model.script.Pos;

/** Where in a network a fault sits, so a person can read it and an editor can select and underline it. */
public sealed interface Place {

    /** The place in words: {@code process <id>}, {@code process <id>, line L:C} or {@code channel <id>}. */
    String where();

    /** A process as a whole (its id, its ports). */
    record OfProcess(String process) implements Place {
        @Override
        public String where() {
            return "process " + shown(process);
        }
    }

    /** A stretch of a process's script: where it starts and how many characters it covers. */
    record InScript(String process, Pos pos, int length) implements Place {
        @Override
        public String where() {
            return "process " + shown(process) + ", line " + pos.line() + ":" + pos.column();
        }
    }

    /** A channel as a whole (its id, kind, capacity, ends). */
    record OfChannel(String channel) implements Place {
        @Override
        public String where() {
            return "channel " + shown(channel);
        }
    }

    /** An empty id would leave "process " dangling; say so instead. */
    private static String shown(String id) {
        return id.isEmpty() ? "with empty id" : id;
    }
}
