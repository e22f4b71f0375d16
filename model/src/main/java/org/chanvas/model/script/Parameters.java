package org.chanvas.model.script;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Process parameters (SPEC §3.1): values from the file that are variables of the script from its first line,
 * as the arguments of the lecture's {@code producer(name, count, queue)}. Values are {@link Long},
 * {@link String}, {@link Boolean} and lists of those.
 */
public final class Parameters {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private Parameters() {
    }

    /** Why {@code name} cannot name a parameter, or null when it can: it must be a variable name. */
    public static String badName(String name) {
        if (!NAME.matcher(name).matches()) {
            return "\"" + name + "\" is not a variable name (a letter or _, then letters, digits or _)";
        }
        if (Parser.RESERVED.contains(name)) {
            return "\"" + name + "\" is a keyword of the script language, not a variable name";
        }
        return null;
    }

    /** Why {@code value} cannot be a parameter's value, or null when it can. Iterative: nesting cannot overflow. */
    public static String badValue(Object value) {
        if (value == null) {
            return "null is not a value; use a whole number, a string, true/false or a list of those";
        }
        ArrayDeque<Object> todo = new ArrayDeque<>();
        todo.push(value);
        while (!todo.isEmpty()) {
            Object v = todo.pop();
            switch (v) {
                case Long l -> {
                }
                case String s -> {
                }
                case Boolean b -> {
                }
                case List<?> items -> {
                    for (Object item : items) {
                        if (item == null) {
                            return "a list holds values only, not null";
                        }
                        todo.push(item);
                    }
                }
                default -> {
                    return "a " + v.getClass().getSimpleName() + " is not a value; use a whole number, a string,"
                            + " true/false or a list of those";
                }
            }
        }
        return null;
    }

    /**
     * The script body with one assignment per parameter in front, in the parameters' order, so every engine
     * and explorer sees them as variables from the first line without knowing about parameters. The
     * assignments sit at line 1, column 1 (a value over a run's limits is reported there).
     */
    public static Ast.Block bind(Map<String, Object> params, Ast.Block body) {
        if (params.isEmpty()) {
            return body;
        }
        List<Ast.Stmt> stmts = new ArrayList<>(params.size() + body.stmts().size());
        params.forEach((name, value) -> stmts.add(new Ast.Assign(name, literal(value), Pos.START)));
        stmts.addAll(body.stmts());
        return new Ast.Block(stmts, body.pos());
    }

    /** A value as the literal expression that evaluates to it. */
    private static Ast.Expr literal(Object value) {
        // iterative post-order: lists are built after their items
        ArrayDeque<Object[]> open = new ArrayDeque<>(); // {list, index, built items}
        Ast.Expr done = null;
        Object next = value;
        while (true) {
            if (next != null) {
                if (next instanceof List<?> l) {
                    open.push(new Object[] {l, 0, new ArrayList<Ast.Expr>(l.size())});
                } else {
                    done = switch (next) {
                        case Long n -> new Ast.IntLit(n, Pos.START);
                        case String s -> new Ast.StrLit(s, Pos.START);
                        case Boolean b -> new Ast.BoolLit(b, Pos.START);
                        default -> throw new IllegalArgumentException(badValue(next));
                    };
                }
                next = null;
            }
            if (open.isEmpty()) {
                return done;
            }
            Object[] top = open.peek();
            @SuppressWarnings("unchecked")
            List<Ast.Expr> built = (List<Ast.Expr>) top[2];
            if (done != null) {
                built.add(done);
                done = null;
            }
            List<?> l = (List<?>) top[0];
            int i = (int) top[1];
            if (i < l.size()) {
                top[1] = i + 1;
                next = l.get(i);
            } else {
                open.pop();
                done = new Ast.ListLit(built, Pos.START);
            }
        }
    }
}
