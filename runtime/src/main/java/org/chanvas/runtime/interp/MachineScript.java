package org.chanvas.runtime.interp;

import java.util.ArrayDeque;
import java.util.IdentityHashMap;
import java.util.Map;
import org.chanvas.model.script.Ast;

/**
 * A script prepared once for all machines of a process: its body and a stable number for every block, so a
 * machine's state can be encoded canonically ({@link ProcessMachine#encode(ByteSink)}). Immutable; share it
 * between a process's machines and their copies.
 */
public final class MachineScript {

    private final Ast.Block body;
    /** By identity: two blocks with the same statements are still different places in the script. */
    private final IdentityHashMap<Ast.Block, Integer> ids = new IdentityHashMap<>();

    private MachineScript(Ast.Block body) {
        this.body = body;
        number(body);
    }

    /** Numbers the blocks of {@code body} in a fixed pre-order; the body itself is block 0. */
    public static MachineScript of(Ast.Block body) {
        return new MachineScript(body);
    }

    public Ast.Block body() {
        return body;
    }

    /** The number of blocks in the script. */
    public int blockCount() {
        return ids.size();
    }

    /** The stable id of a block of this script. */
    public int id(Ast.Block block) {
        Integer id = ids.get(block);
        if (id == null) {
            throw new IllegalArgumentException("block at " + block.pos() + " is not part of this script");
        }
        return id;
    }

    // Iterative: nesting depth is the script author's, and a generated script may be deep.
    private void number(Ast.Block root) {
        ArrayDeque<Ast.Block> todo = new ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            Ast.Block b = todo.pop();
            if (ids.containsKey(b)) {
                continue;
            }
            ids.put(b, ids.size());
            // push children in reverse so they are numbered in source order
            java.util.List<Ast.Block> children = new java.util.ArrayList<>();
            for (Ast.Stmt s : b.stmts()) {
                switch (s) {
                    case Ast.If iff -> {
                        for (Ast.Branch br : iff.branches()) {
                            children.add(br.body());
                        }
                        if (iff.otherwise() != null) {
                            children.add(iff.otherwise());
                        }
                    }
                    case Ast.While w -> children.add(w.body());
                    case Ast.Forever f -> children.add(f.body());
                    case Ast.Repeat r -> children.add(r.body());
                    case Ast.ForRange fr -> children.add(fr.body());
                    case Ast.ForEach fe -> children.add(fe.body());
                    case Ast.Select sel -> {
                        for (Ast.Guard g : sel.guards()) {
                            children.add(g.body());
                        }
                    }
                    default -> {
                    }
                }
            }
            for (int i = children.size() - 1; i >= 0; i--) {
                todo.push(children.get(i));
            }
        }
    }

    /** For tests: the ids as a map (a copy). */
    Map<Ast.Block, Integer> ids() {
        return new IdentityHashMap<>(ids);
    }
}
