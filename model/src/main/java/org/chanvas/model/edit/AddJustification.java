package org.chanvas.model.edit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.chanvas.model.Justification;
import org.chanvas.model.Network;

/**
 * Marks a cycle (named by its channels) as justified with a note. If that cycle is justified already, its note
 * is replaced in place, so editing a note is this same command. A justification that records no channel kinds
 * (how a person makes one) is stored with the kinds its channels have now, so that a later change of kind
 * makes it stale; so re-justifying a stale cycle trusts it again. One that carries its kinds (read from a
 * file, restored from a copy) is stored as it is, so that restoring never refreshes a stale one.
 */
public record AddJustification(Justification justification) implements EditCommand {

    public AddJustification {
        Objects.requireNonNull(justification, "justification");
    }

    @Override
    public EditResult apply(Network before) {
        if (justification.channels().isEmpty()) {
            return EditResult.rejected("a justified cycle needs at least one channel");
        }
        for (String id : justification.channels()) {
            if (before.channel(id).isEmpty()) {
                return EditResult.rejected("no channel named " + id);
            }
        }
        Justification made = justification.recorded() ? justification : justification.recordedIn(before);
        List<Justification> js = new ArrayList<>(before.justified());
        int at = indexOf(js);
        if (at >= 0) {
            // A new note on a cycle keeps the unknown fields the old entry came with.
            Justification old = js.get(at);
            js.set(at, made.extra().isEmpty()
                    ? new Justification(made.channels(), made.note(), made.kinds(), old.extra()) : made);
        } else {
            js.add(made);
        }
        return EditResult.applied(before.withJustified(js));
    }

    private int indexOf(List<Justification> js) {
        for (int i = 0; i < js.size(); i++) {
            if (js.get(i).channels().equals(justification.channels())) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String description() {
        return "Justify cycle " + String.join(", ", justification.channels());
    }
}
