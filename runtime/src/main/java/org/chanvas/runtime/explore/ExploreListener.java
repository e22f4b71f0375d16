package org.chanvas.runtime.explore;

/** Told how a long exploration goes, and asked whether to stop (the editor's cancel button, a CLI's ^C). */
public interface ExploreListener {

    /** Nobody listens and nobody cancels. */
    ExploreListener NONE = new ExploreListener() {
    };

    /** Called about once a second with the states stored and transitions tried so far. */
    default void progress(long states, long transitions, double seconds) {
    }

    /** Polled often; true stops the exploration with an inconclusive verdict. */
    default boolean cancelled() {
        return false;
    }
}
