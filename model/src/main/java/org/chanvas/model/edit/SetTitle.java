package org.chanvas.model.edit;

import org.chanvas.model.Network;

/** Sets the document's title and description. */
public record SetTitle(String title, String description) implements EditCommand {

    public SetTitle {
        title = title == null ? "" : title;
        description = description == null ? "" : description;
    }

    @Override
    public EditResult apply(Network before) {
        return EditResult.applied(before.withTitle(title, description));
    }

    @Override
    public String description() {
        return "Edit title and description";
    }
}
