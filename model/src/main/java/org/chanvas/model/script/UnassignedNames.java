package org.chanvas.model.script;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Variables a script reads that nothing ever gives a value: no assignment, {@code recv}, {@code call}, loop or
 * {@code as} names them, and the process has no parameter of that name (SPEC §3.1). Reaching such a read is
 * certain to stop the process with "unknown variable", so the editor says so while the person types; a
 * parameter counts as given, which is how the inspector's table and the script meet. Only names never given a
 * value anywhere are reported: a read before its assignment depends on the path taken, and the run reports it.
 */
public final class UnassignedNames {

    private UnassignedNames() {
    }

    /** One diagnostic per read of a name neither the script nor {@code params} gives a value, in script order. */
    public static List<Diagnostic> find(Ast.Block body, Set<String> params) {
        Set<String> given = new HashSet<>(params);
        List<Ast.Name> reads = new ArrayList<>();
        List<Ast.SetItem> itemSets = new ArrayList<>();
        // explicit stack: scripts nest deeply only when hostile, and this must not overflow on them
        ArrayDeque<Object> todo = new ArrayDeque<>();
        todo.push(body);
        while (!todo.isEmpty()) {
            switch (todo.pop()) {
                case Ast.Block b -> b.stmts().reversed().forEach(todo::push);
                case Ast.Assign a -> {
                    given.add(a.name());
                    todo.push(a.value());
                }
                case Ast.Send s -> todo.push(s.value());
                case Ast.Recv r -> given.add(r.target() == null ? "" : r.target());
                case Ast.Call c -> {
                    given.add(c.target() == null ? "" : c.target());
                    todo.push(c.value());
                }
                case Ast.Reply r -> todo.push(r.value());
                case Ast.Select s -> s.guards().reversed().forEach(todo::push);
                case Ast.RecvGuard g -> {
                    given.add(g.as() == null ? "" : g.as());
                    todo.push(g.body());
                }
                case Ast.SendGuard g -> {
                    todo.push(g.body());
                    todo.push(g.value());
                }
                case Ast.AfterGuard g -> {
                    todo.push(g.body());
                    todo.push(g.millis());
                }
                case Ast.If i -> {
                    if (i.otherwise() != null) {
                        todo.push(i.otherwise());
                    }
                    for (Ast.Branch br : i.branches().reversed()) {
                        todo.push(br.body());
                        todo.push(br.condition());
                    }
                }
                case Ast.While w -> {
                    todo.push(w.body());
                    todo.push(w.condition());
                }
                case Ast.Forever f -> todo.push(f.body());
                case Ast.Repeat r -> {
                    todo.push(r.body());
                    todo.push(r.count());
                }
                case Ast.ForRange f -> {
                    given.add(f.variable());
                    todo.push(f.body());
                    todo.push(f.to());
                    todo.push(f.from());
                }
                case Ast.ForEach f -> {
                    given.add(f.variable());
                    todo.push(f.body());
                    todo.push(f.list());
                }
                case Ast.Sleep s -> todo.push(s.millis());
                case Ast.Print p -> todo.push(p.value());
                case Ast.SetItem s -> {
                    itemSets.add(s);
                    todo.push(s.value());
                    todo.push(s.index());
                }
                case Ast.Name n -> reads.add(n);
                case Ast.Interpolated i -> i.parts().reversed().forEach(todo::push);
                case Ast.ListLit l -> l.items().reversed().forEach(todo::push);
                case Ast.Unary u -> todo.push(u.operand());
                case Ast.Binary b -> {
                    todo.push(b.right());
                    todo.push(b.left());
                }
                case Ast.Index x -> {
                    todo.push(x.index());
                    todo.push(x.target());
                }
                case Ast.Len l -> todo.push(l.argument());
                case Ast.RandomCall r -> {
                    todo.push(r.high());
                    todo.push(r.low());
                }
                case Ast.Builtin b -> todo.push(b.argument());
                default -> {
                    // literals, self, stop, break, continue: no names
                }
            }
        }
        List<Diagnostic> out = new ArrayList<>();
        for (Ast.SetItem s : itemSets) {
            if (!given.contains(s.name())) {
                out.add(unknown(s.name(), s.pos()));
            }
        }
        for (Ast.Name n : reads) {
            if (!given.contains(n.name())) {
                out.add(unknown(n.name(), n.pos()));
            }
        }
        out.sort(java.util.Comparator.comparing(Diagnostic::pos));
        return out;
    }

    private static Diagnostic unknown(String name, Pos pos) {
        return new Diagnostic(pos, name.length(), "unknown variable '" + name
                + "': the script never gives it a value and the process has no parameter of that name");
    }
}
