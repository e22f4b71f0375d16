package org.chanvas.runtime.interp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.chanvas.model.script.Ast;
import org.chanvas.model.script.Ast.Expr;
import org.chanvas.model.script.Pos;
import org.chanvas.runtime.value.ScriptList;
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
    private final Limits limits;

    Evaluator(Map<String, Object> vars, String self, SplitMix random, ChoiceLog choices, Limits limits) {
        this.vars = vars;
        this.self = self;
        this.random = random;
        this.choices = choices;
        this.limits = limits;
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
                    append(sb, eval(part), in.pos());
                }
                yield string(sb, in.pos());
            }
            case Ast.ListLit l -> {
                List<Object> items = new ArrayList<>(l.items().size());
                for (Expr item : l.items()) {
                    items.add(eval(item));
                }
                yield list(items, l.pos());
            }
            case Ast.Unary u -> unary(u);
            case Ast.Binary b -> binary(b);
            case Ast.Index ix -> index(ix);
            case Ast.Len len -> switch (eval(len.argument())) {
                case List<?> l -> (long) l.size();
                case String s -> (long) s.codePointCount(0, s.length());
                case Object o -> throw new ScriptFault(len.argument().pos(),
                        "len needs a list or a string, got " + Values.typeName(o) + " " + Values.brief(o));
            };
            case Ast.Builtin b -> builtin(b);
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

    /** Appends what {@code print} shows of {@code v}; a script error once the string limit is passed. */
    private void append(StringBuilder sb, Object v, Pos pos) {
        // code points take at most two chars each: past twice the limit the string is surely too long
        long cap = Math.min(Integer.MAX_VALUE - 8, 2L * limits.maxStringLength());
        if (!Values.appendDisplay(sb, v, (int) cap)) {
            throw tooLong(pos);
        }
    }

    /** What {@code print} shows of {@code v}, if it is within the string limit. */
    String text(Object v, Pos pos) {
        if (v instanceof String s) {
            return s;
        }
        StringBuilder sb = new StringBuilder();
        append(sb, v, pos);
        return string(sb, pos);
    }

    private ScriptFault tooLong(Pos pos) {
        return new ScriptFault(pos, "string longer than the limit of " + limits.maxStringLength() + " characters");
    }

    /** The text built, if it is within the string limit. */
    String string(CharSequence text, Pos pos) {
        String s = text.toString();
        if (s.length() > limits.maxStringLength() && s.codePointCount(0, s.length()) > limits.maxStringLength()) {
            throw tooLong(pos);
        }
        return s;
    }

    /** A list value of these items, if it is within the limits on length, nesting and total size. */
    Object list(List<Object> items, Pos pos) {
        if (items.size() > limits.maxListLength()) {
            throw new ScriptFault(pos, "list longer than the limit of " + limits.maxListLength() + " items");
        }
        ScriptList l = ScriptList.of(items);
        if (l.depth() > limits.maxDepth()) {
            throw new ScriptFault(pos, "lists nested deeper than the limit of " + limits.maxDepth() + " levels");
        }
        if (l.weight() > limits.maxValueSize()) {
            throw new ScriptFault(pos, "value larger than the limit of " + limits.maxValueSize()
                    + " items counted through its nested lists");
        }
        return l;
    }

    /** {@code int}, {@code str}, {@code all}, {@code any} (SPEC §3.1). */
    private Object builtin(Ast.Builtin b) {
        Object v = eval(b.argument());
        Pos at = b.argument().pos();
        return switch (b.function()) {
            case INT -> {
                if (!(v instanceof String s) || !s.matches("-?[0-9]+")) {
                    throw new ScriptFault(at, "int needs a string of digits, got " + Values.typeName(v) + " "
                            + Values.brief(v));
                }
                try {
                    yield Long.parseLong(s);
                } catch (NumberFormatException tooLarge) {
                    throw new ScriptFault(at, "int(" + Values.brief(s) + "): too large for an integer (at most "
                            + Long.MAX_VALUE + ")");
                }
            }
            case STR -> text(v, b.pos());
            case ALL, ANY -> {
                if (!(v instanceof List<?> items)) {
                    throw new ScriptFault(at, b.function().word() + " needs a list of booleans, got "
                            + Values.typeName(v) + " " + Values.brief(v));
                }
                boolean all = true;
                boolean any = false;
                for (int i = 0; i < items.size(); i++) {
                    if (!(items.get(i) instanceof Boolean item)) {
                        throw new ScriptFault(at, b.function().word() + " needs a list of booleans, but item " + i
                                + " is " + Values.typeName(items.get(i)) + " " + Values.brief(items.get(i)));
                    }
                    all &= item;
                    any |= item;
                }
                yield b.function() == Ast.Function.ALL ? all : any;
            }
        };
    }

    /** The new value of the list variable {@code name[index] = value} assigns (SPEC §3.1). */
    Object setItem(Ast.SetItem set) {
        Object target = vars.get(set.name());
        if (target == null) {
            throw new ScriptFault(set.pos(), "unknown variable '" + set.name() + "'");
        }
        if (!(target instanceof List<?> l)) {
            throw new ScriptFault(set.pos(), "cannot assign an item of " + Values.typeName(target) + " "
                    + Values.brief(target) + ": only of a list");
        }
        Object at = eval(set.index());
        if (!(at instanceof Long i)) {
            throw new ScriptFault(set.index().pos(), "an index must be an integer, got " + Values.typeName(at) + " "
                    + Values.brief(at));
        }
        if (i < 0 || i >= l.size()) {
            throw new ScriptFault(set.index().pos(), "index " + i + " out of range for a list of " + l.size());
        }
        Object value = eval(set.value());
        List<Object> items = new ArrayList<>(l);
        items.set((int) (long) i, value);
        return list(items, set.pos());
    }

    /** Evaluates a condition, which must be a boolean. */
    boolean condition(Expr e, String what) {
        Object v = eval(e);
        if (v instanceof Boolean b) {
            return b;
        }
        throw new ScriptFault(e.pos(), what + " needs a boolean, got " + Values.typeName(v) + " " + Values.brief(v));
    }

    /** Evaluates an integer operand. */
    long integer(Expr e, String what) {
        Object v = eval(e);
        if (v instanceof Long l) {
            return l;
        }
        throw new ScriptFault(e.pos(), what + " needs an integer, got " + Values.typeName(v) + " " + Values.brief(v));
    }

    private Object unary(Ast.Unary u) {
        Object v = eval(u.operand());
        return switch (u.op()) {
            case NEG -> {
                if (v instanceof Long l) {
                    if (l == Long.MIN_VALUE) {
                        throw new ScriptFault(u.pos(), "integer overflow in -(" + l + ")");
                    }
                    yield -l;
                }
                throw new ScriptFault(u.pos(), "cannot negate " + Values.typeName(v) + " " + Values.brief(v));
            }
            case NOT -> {
                if (v instanceof Boolean b) {
                    yield !b;
                }
                throw new ScriptFault(u.pos(), "'not' needs a boolean, got " + Values.typeName(v) + " " + Values.brief(v));
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
            case EQ -> Values.equal(l, r);
            case NE -> !Values.equal(l, r);
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
                + " " + Values.brief(v));
    }

    private Object add(Object l, Object r, Pos pos) {
        if (l instanceof String || r instanceof String) {
            StringBuilder sb = new StringBuilder();
            append(sb, l, pos);
            append(sb, r, pos);
            return string(sb, pos);
        }
        if (l instanceof Long a && r instanceof Long c) {
            try {
                return Math.addExact(a, c);
            } catch (ArithmeticException overflow) {
                throw new ScriptFault(pos, "integer overflow in " + a + " + " + c);
            }
        }
        if (l instanceof List<?> a && r instanceof List<?> c) {
            if ((long) a.size() + c.size() > limits.maxListLength()) {
                throw new ScriptFault(pos, "list longer than the limit of " + limits.maxListLength() + " items");
            }
            List<Object> joined = new ArrayList<>(a.size() + c.size());
            joined.addAll(a);
            joined.addAll(c);
            return list(joined, pos);
        }
        throw new ScriptFault(pos, "cannot add " + Values.typeName(l) + " " + Values.brief(l) + " and "
                + Values.typeName(r) + " " + Values.brief(r));
    }

    private static Object arithmetic(Ast.BinaryOp op, Object l, Object r, Ast.Binary b) {
        if (!(l instanceof Long a) || !(r instanceof Long c)) {
            throw new ScriptFault(b.pos(), "'" + word(op) + "' needs integers, got " + Values.typeName(l) + " "
                    + Values.brief(l) + " and " + Values.typeName(r) + " " + Values.brief(r));
        }
        try {
            return switch (op) {
                case SUB -> Math.subtractExact(a, c);
                case MUL -> Math.multiplyExact(a, c);
                case DIV -> {
                    if (c == 0) {
                        throw new ScriptFault(b.pos(), "division by zero");
                    }
                    yield Math.divideExact(a, c); // Long.MIN_VALUE / -1 overflows
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
            throw new ScriptFault(pos, "cannot compare " + Values.typeName(l) + " " + Values.brief(l) + " "
                    + word(op) + " " + Values.typeName(r) + " " + Values.brief(r));
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
                    + Values.brief(at));
        }
        return switch (target) {
            case List<?> l -> {
                if (i < 0 || i >= l.size()) {
                    throw new ScriptFault(ix.pos(), "index " + i + " out of range for a list of " + l.size());
                }
                yield l.get((int) (long) i);
            }
            case String s -> {
                // strings are sequences of code points (SPEC §3): "😀"[0] is the whole emoji
                int n = s.codePointCount(0, s.length());
                if (i < 0 || i >= n) {
                    throw new ScriptFault(ix.pos(), "index " + i + " out of range for a string of " + n);
                }
                int from = s.offsetByCodePoints(0, (int) (long) i);
                yield s.substring(from, from + Character.charCount(s.codePointAt(from)));
            }
            default -> throw new ScriptFault(ix.target().pos(), "cannot index " + Values.typeName(target) + " "
                    + Values.brief(target));
        };
    }

    static String word(Ast.BinaryOp op) {
        return op.symbol();
    }
}
