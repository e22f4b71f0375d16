package org.chanvas.runtime.engine;

import org.chanvas.runtime.watch.Diagnosis;

/** How a run ended. (The command line maps each to its exit code, SPEC §4.) */
public sealed interface RunOutcome {

    /** Every process finished. */
    record Finished() implements RunOutcome {
    }

    /** Nothing could move again (deadlock, or stuck). */
    record Deadlocked(Diagnosis diagnosis) implements RunOutcome {
    }

    /** The time limit passed. */
    record TimedOut(long millis) implements RunOutcome {
    }

    /** A script error in one process ended the run. */
    record ScriptFailed(String process, String label, int line, int column, String message) implements RunOutcome {

        /** {@code label line:col: message}. */
        public String describe() {
            return "error in " + label + " at " + line + ":" + column + ": " + message;
        }
    }

    /** Someone called stop(). */
    record Stopped() implements RunOutcome {
    }

    /**
     * A bug in Chanvas, not in the script, ended the run (its stack trace is logged).
     *
     * @param where the process (or part of the engine) it happened in
     * @param message the exception, in one line
     */
    record InternalError(String where, String message) implements RunOutcome {

        /** One line for the user, saying it is our fault. */
        public String describe() {
            return "internal error in " + where + ": " + message + " (a bug in Chanvas, not in the script; "
                    + "the stack trace is logged)";
        }
    }
}
