package org.chanvas.runtime.interp;

import java.util.List;
import org.chanvas.model.script.Pos;

/**
 * What a {@link ProcessMachine} needs from the outside world when its local computation stops: values are
 * already evaluated, so an engine only moves them. The engine answers with the matching {@code resume} call.
 */
public sealed interface Request {

    /** {@code send port value}; answer with {@link ProcessMachine#resume()} once a reader (or buffer) took it. */
    record Send(String port, Object value, Pos pos) implements Request {
    }

    /** {@code recv port}; answer with {@link ProcessMachine#resume(Object)} with the message. */
    record Recv(String port, Pos pos) implements Request {
    }

    /** {@code call port value}; answer with {@link ProcessMachine#resume(Object)} with the reply. */
    record Call(String port, Object value, Pos pos) implements Request {
    }

    /** {@code reply port value} to the client whose request was last received on port; answer with resume(). */
    record Reply(String port, Object value, Pos pos) implements Request {
    }

    /** {@code select}: one offer per guard, in guard order; answer with {@link ProcessMachine#resumeSelect}. */
    record Select(List<Offer> offers, Pos pos) implements Request {
        public Select {
            offers = List.copyOf(offers);
        }

        /** The index of the {@code after} offer, or -1. */
        public int afterIndex() {
            for (int i = 0; i < offers.size(); i++) {
                if (offers.get(i) instanceof AfterOffer) {
                    return i;
                }
            }
            return -1;
        }
    }

    /** {@code sleep ms}; answer with resume() when the time has passed. */
    record Sleep(long millis, Pos pos) implements Request {
    }

    /** {@code print}: the text to show; answer with resume(). */
    record Print(String text, Pos pos) implements Request {
    }

    /**
     * {@code random(lo, hi)} in {@link RandomMode#ASK}: the engine picks a value in [lo, hi] and answers with
     * {@link ProcessMachine#resumeChoice(long)}. Never made in {@link RandomMode#DRAW}.
     */
    record Choose(long lo, long hi, Pos pos) implements Request {
    }

    /** The step budget of one {@code advance()} ran out: let the engine breathe (and stop us), then resume(). */
    record Yield() implements Request {
    }

    /** The script ended (or ran {@code stop}). */
    record Done() implements Request {
    }

    /** A script error stopped the process. */
    record Failed(Pos pos, String message) implements Request {
    }

    /** One guard of a select, evaluated. */
    sealed interface Offer permits RecvOffer, SendOffer, AfterOffer {
    }

    /** {@code recv port [as name]}. */
    record RecvOffer(String port) implements Offer {
    }

    /** {@code send port value}. */
    record SendOffer(String port, Object value) implements Offer {
    }

    /** {@code after ms}. */
    record AfterOffer(long millis) implements Offer {
    }
}
