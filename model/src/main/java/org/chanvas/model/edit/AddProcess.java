package org.chanvas.model.edit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.chanvas.model.Network;
import org.chanvas.model.Process;

/** Adds a process at the end of the list; its id must be valid and not used by another process. */
public record AddProcess(Process process) implements EditCommand {

    public AddProcess {
        Objects.requireNonNull(process, "process");
    }

    @Override
    public EditResult apply(Network before) {
        Optional<String> bad = Rules.badId("process", process.id());
        if (bad.isPresent()) {
            return EditResult.rejected(bad.get());
        }
        if (before.process(process.id()).isPresent()) {
            return EditResult.rejected("a process named " + process.id() + " already exists");
        }
        List<Process> ps = new ArrayList<>(before.processes());
        ps.add(process);
        return EditResult.applied(before.withProcesses(ps));
    }

    @Override
    public String description() {
        return "Add process " + process.id();
    }
}
