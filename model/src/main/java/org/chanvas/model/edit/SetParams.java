package org.chanvas.model.edit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.chanvas.model.Network;
import org.chanvas.model.script.Parameters;

/**
 * Replaces the parameters of a process (SPEC §3.1) with {@code params}, in their order: the inspector's add,
 * rename, change and remove are each one of these, so each is one undo step. A name that is not a variable name
 * or a value the file cannot hold rejects the edit, and nothing changes.
 *
 * @param what the change in words for the Undo menu, e.g. {@code "Set parameter count"}
 */
public record SetParams(String id, Map<String, Object> params, String what) implements EditCommand {

    public SetParams {
        Objects.requireNonNull(id, "id");
        // LinkedHashMap, not Map.copyOf: the order is the file's order and the inspector's rows
        params = params == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
        what = what == null || what.isBlank() ? "Edit parameters" : what;
    }

    @Override
    public EditResult apply(Network before) {
        var missing = Rules.processMissing(before, id);
        if (missing.isPresent()) {
            return EditResult.rejected(missing.get());
        }
        for (var e : params.entrySet()) {
            String bad = Parameters.badName(e.getKey());
            if (bad == null) {
                bad = Parameters.badValue(e.getValue());
                bad = bad == null ? null : "parameter " + e.getKey() + ": " + bad;
            }
            if (bad != null) {
                return EditResult.rejected(bad);
            }
        }
        return EditResult.applied(before.mapProcess(id, p -> p.withParams(params)));
    }

    @Override
    public String description() {
        return what + " of " + id;
    }
}
