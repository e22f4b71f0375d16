package org.chanvas.runtime.semantics;

/**
 * The two views of time (SPEC §5). {@link #TIMED}: a virtual clock that every move advances by
 * {@link Semantics#MOVE_NANOS}, so a due sleeper or {@code after} is scheduled before further hand-offs (seeded
 * runs, replay, the editor). {@link #UNTIMED}: time is not part of the state; {@code sleep} is a no-op for
 * ordering and an {@code after} may fire whenever its select waits (the explorer).
 */
public enum Timing {
    TIMED, UNTIMED
}
