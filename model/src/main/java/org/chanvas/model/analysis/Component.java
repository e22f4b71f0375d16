package org.chanvas.model.analysis;

import java.util.List;

/**
 * A strongly connected component of the client/server graph: processes that can all reach each other.
 *
 * @param processes the members, sorted by id
 * @param cyclic whether the component holds a cycle: more than one process, or one with a self-loop
 */
public record Component(List<String> processes, boolean cyclic) {

    public Component {
        processes = List.copyOf(processes);
    }
}
