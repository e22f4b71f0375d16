package org.chanvas.model.edit;

import java.util.Objects;
import org.chanvas.model.Network;

/** Replaces the script of a process. Ports the new script no longer uses are the analysis' business, not an error. */
public record SetScript(String id, String script) implements EditCommand {

    public SetScript {
        Objects.requireNonNull(id, "id");
        script = script == null ? "" : script;
    }

    @Override
    public EditResult apply(Network before) {
        return Rules.processMissing(before, id).map(EditResult::rejected)
                .orElseGet(() -> EditResult.applied(before.mapProcess(id, p -> p.withScript(script))));
    }

    @Override
    public String description() {
        return "Edit script of " + id;
    }
}
