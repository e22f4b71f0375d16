package org.chanvas.model.edit;

import java.util.Objects;
import org.chanvas.model.Network;

/** What applying an {@link EditCommand} gave: the new network, or the reason it does not apply. */
public sealed interface EditResult {

    /** The edit applied; {@code after} is the new document. */
    record Applied(Network after) implements EditResult {
        public Applied {
            Objects.requireNonNull(after, "after");
        }
    }

    /** The edit does not fit the document (e.g. the id is taken); nothing changed. */
    record Rejected(String reason) implements EditResult {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }
    }

    static EditResult applied(Network after) {
        return new Applied(after);
    }

    static EditResult rejected(String reason) {
        return new Rejected(reason);
    }
}
