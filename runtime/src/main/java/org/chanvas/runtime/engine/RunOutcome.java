package org.chanvas.runtime.engine;

import org.chanvas.runtime.watch.Diagnosis;

/** How a run ended, with the command line's exit code (SPEC §4). */
public sealed interface RunOutcome {

    int exitCode();

    /** Every process finished. */
    record Finished() implements RunOutcome {
        public int exitCode() {
            return 0;
        }
    }

    /** Nothing could move again (deadlock, or stuck). */
    record Deadlocked(Diagnosis diagnosis) implements RunOutcome {
        public int exitCode() {
            return 3;
        }
    }

    /** The time limit passed. */
    record TimedOut(long millis) implements RunOutcome {
        public int exitCode() {
            return 4;
        }
    }

    /** A script error in one process ended the run. */
    record ScriptFailed(String process, String label, int line, int column, String message) implements RunOutcome {
        public int exitCode() {
            return 5;
        }

        /** {@code label line:col: message}. */
        public String describe() {
            return "error in " + label + " at " + line + ":" + column + ": " + message;
        }
    }

    /** Someone called stop(). */
    record Stopped() implements RunOutcome {
        public int exitCode() {
            return 130;
        }
    }
}
