package org.chanvas.runtime.interp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.chanvas.model.script.Ast;
import org.chanvas.model.script.Ast.Expr;
import org.chanvas.model.script.Pos;
import org.chanvas.runtime.value.Values;

/**
 * Evaluates expressions (SPEC §3). Expressions never communicate, so plain recursion is safe here: only
 * statements need the resumable frames of {@link ProcessMachine}. Every fault is a {@link ScriptFault}
 * at the position of the offending node.
 */
final class Evaluator {

    private final Map<String, Object> vars;
    private final String self;
    private final SplitMix random;
    /** Null in {@link RandomMode#DRAW}: values come from {@code random}. */
    private final ChoiceLog choices;

    Evaluator(Map<String, Object> vars, String self, SplitMix random, ChoiceLog choices) {
        this.vars = vars;
        this.self = self;
        this.random = random;
        this.choices = choices;
    }

    Object eval(Expr e) {
        return switch (e) {
            case Ast.IntLit i -> i.value();
            case Ast.StrLit s -> s.value();
            case Ast.BoolLit b -> b.value();
            case Ast.Self s -> self;
            case Ast.Name n -> {
                Object v = vars.get(n.name());
                if (v == null) {
                    throw new ScriptFault(n.pos(), "unknown variable '" + n.name() + "'");
                }
                yield v;
            }
            case Ast.Interpolated in -> {
                StringBuilder sb = new StringBuilder();
                for (Expr part : in.parts()) {
                    sb.append(Values.display(eval(part)));
                }
                yield sb.toString();
            }
            case Ast.ListLit l -> {
                List<Object> items = new ArrayList<>(l.items().size());
                for (Expr item : l.items()) {
                    items.add(eval(item));
                }
                yield List.copyOf(items);
            }
            case Ast.Unary u -> unary(u);
            case Ast.Binary b -> binary(b);
            case Ast.Index ix -> index(ix);
            case Ast.Len len -> switch (eval(len.argument())) {
                case List<?> l -> (long) l.size();
                case String s -> (long) s.length();
                case Object o -> throw new ScriptFault(len.argument().pos(),
                        "len needs a list or a string, got " + Values.typeName(o) + " " + Values.literal(o));
            };
            case Ast.RandomCall r -> {
                long lo = integer(r.low(), "random");
                long hi = integer(r.high(), "random");
                if (lo > hi) {
                    throw new ScriptFault(r.pos(), "random(" + lo + ", " + hi + "): the low end is above the high end");
                }
                yield choices == null ? random.between(lo, hi) : choices.next(lo, hi, r.pos());
            }
        };
    }

    /** Evaluates a condition, which must be a boolean. */
    boolean condition(Expr e, String what) {
        Object v = eval(e);
        if (v instanceof Boolean b) {
            return b;
        }
        throw new ScriptFault(e.pos(), what + " needs a boolean, got " + Values.typeName(v) + " " + Values.literal(v));
    }

    /** Evaluates an integer operand. */
    long integer(Expr e, String what) {
        Object v = eval(e);
        if (v instanceof Long l) {
            return l;
        }
        throw new ScriptFault(e.pos(), what + " needs an integer, got " + Values.typeName(v) + " " + Values.literal(v));
    }

    private Object unary(Ast.Unary u) {
        Object v = eval(u.operand());
        return switch (u.op()) {
            case NEG -> {
                if (v instanceof Long l) {
                    yield -l;
                }
                throw new ScriptFault(u.pos(), "cannot negate " + Values.typeName(v) + " " + Values.literal(v));
            }
            case NOT -> {
                if (v instanceof Boolean b) {
                    yield !b;
                }
                throw new ScriptFault(u.pos(), "'not' needs a boolean, got " + Values.typeName(v) + " " + Values.literal(v));
            }
        };
    }

    private Object binary(Ast.Binary b) {
        switch (b.op()) {
            case AND, OR -> {
                boolean left = logical(b.left(), b);
                if (b.op() == Ast.BinaryOp.AND ? !left : left) {
                    return left;
                }
                return logical(b.right(), b);
            }
            default -> {
                // fall through to the strict operators below
            }
        }
        Object l = eval(b.left());
        Object r = eval(b.right());
        return switch (b.op()) {
            case EQ -> l.equals(r);
            case NE -> !l.equals(r);
            case ADD -> add(l, r, b.pos());
            case SUB, MUL, DIV, MOD -> arithmetic(b.op(), l, r, b);
            case LT, LE, GT, GE -> compare(b.op(), l, r, b.pos());
            case AND, OR -> throw new IllegalStateException("handled above");
        };
    }

    private boolean logical(Expr operand, Ast.Binary b) {
        Object v = eval(operand);
        if (v instanceof Boolean bool) {
            return bool;
        }
        throw new ScriptFault(operand.pos(), "'" + word(b.op()) + "' needs booleans, got " + Values.typeName(v)
                + " " + Values.literal(v));
    }

    private static Object add(Object l, Object r, Pos pos) {
        if (l instanceof String || r instanceof String) {
            return Values.display(l) + Values.display(r);
        }
        if (l instanceof Long a && r instanceof Long c) {
            try {
                return Math.addExact(a, c);
            } catch (ArithmeticException overflow) {
                throw new ScriptFault(pos, "integer overflow in " + a + " + " + c);
            }
        }
        if (l instanceof List<?> a && r instanceof List<?> c) {
            List<Object> joined = new ArrayList<>(a.size() + c.size());
            joined.addAll(a);
            joined.addAll(c);
            return List.copyOf(joined);
        }
        throw new ScriptFault(pos, "cannot add " + Values.typeName(l) + " " + Values.literal(l) + " and "
                + Values.typeName(r) + " " + Values.literal(r));
    }

    private static Object arithmetic(Ast.BinaryOp op, Object l, Object r, Ast.Binary b) {
        if (!(l instanceof Long a) || !(r instanceof Long c)) {
            throw new ScriptFault(b.pos(), "'" + word(op) + "' needs integers, got " + Values.typeName(l) + " "
                    + Values.literal(l) + " and " + Values.typeName(r) + " " + Values.literal(r));
        }
        try {
            return switch (op) {
                case SUB -> Math.subtractExact(a, c);
                case MUL -> Math.multiplyExact(a, c);
                case DIV -> {
                    if (c == 0) {
                        throw new ScriptFault(b.pos(), "division by zero");
                    }
                    yield a / c;
                }
                case MOD -> {
                    if (c == 0) {
                        throw new ScriptFault(b.pos(), "division by zero (remainder)");
                    }
                    yield a % c;
                }
                default -> throw new IllegalStateException(op.name());
            };
        } catch (ArithmeticException overflow) {
            throw new ScriptFault(b.pos(), "integer overflow in " + a + " " + word(op) + " " + c);
        }
    }

    private static Object compare(Ast.BinaryOp op, Object l, Object r, Pos pos) {
        int c;
        if (l instanceof Long a && r instanceof Long d) {
            c = Long.compare(a, d);
        } else if (l instanceof String a && r instanceof String d) {
            c = a.compareTo(d);
        } else {
            throw new ScriptFault(pos, "cannot compare " + Values.typeName(l) + " " + Values.literal(l) + " "
                    + word(op) + " " + Values.typeName(r) + " " + Values.literal(r));
        }
        return switch (op) {
            case LT -> c < 0;
            case LE -> c <= 0;
            case GT -> c > 0;
            case GE -> c >= 0;
            default -> throw new IllegalStateException(op.name());
        };
    }

    private Object index(Ast.Index ix) {
        Object target = eval(ix.target());
        Object at = eval(ix.index());
        if (!(at instanceof Long i)) {
            throw new ScriptFault(ix.index().pos(), "an index must be an integer, got " + Values.typeName(at) + " "
                    + Values.literal(at));
        }
        return switch (target) {
            case List<?> l -> {
                if (i < 0 || i >= l.size()) {
                    throw new ScriptFault(ix.pos(), "index " + i + " out of range for a list of " + l.size());
                }
                yield l.get((int) (long) i);
            }
            case String s -> {
                if (i < 0 || i >= s.length()) {
                    throw new ScriptFault(ix.pos(), "index " + i + " out of range for a string of " + s.length());
                }
                yield String.valueOf(s.charAt((int) (long) i));
            }
            default -> throw new ScriptFault(ix.target().pos(), "cannot index " + Values.typeName(target) + " "
                    + Values.literal(target));
        };
    }

    static String word(Ast.BinaryOp op) {
        return switch (op) {
            case ADD -> "+";
            case SUB -> "-";
            case MUL -> "*";
            case DIV -> "/";
            case MOD -> "%";
            case EQ -> "==";
            case NE -> "!=";
            case LT -> "<";
            case LE -> "<=";
            case GT -> ">";
            case GE -> ">=";
            case AND -> "and";
            case OR -> "or";
        };
    }
}
