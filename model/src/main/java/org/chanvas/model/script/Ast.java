package org.chanvas.model.script;

import java.util.List;

/**
 * The abstract syntax of the script language (SPEC §3): sealed families of records, each node
 * carrying the {@link Pos} where it starts so that the runtime can report errors there.
 */
public final class Ast {

    private Ast() {
    }

    /** A list of statements run in order. */
    public record Block(List<Stmt> stmts, Pos pos) {
        public Block {
            stmts = List.copyOf(stmts);
        }
    }

    /** A port named after {@code send}, {@code recv}, {@code call} or {@code reply}. */
    public record PortRef(String name, Pos pos) {
    }

    /** A statement. */
    public sealed interface Stmt permits Assign, Send, Recv, Call, Reply, Select, If, While, Forever, Repeat,
            ForRange, ForEach, Sleep, Print, Stop, Break, Continue, SetItem {
        Pos pos();
    }

    /** {@code name = value}. */
    public record Assign(String name, Expr value, Pos pos) implements Stmt {
    }

    /** {@code send port value}: blocking write. */
    public record Send(PortRef port, Expr value, Pos pos) implements Stmt {
    }

    /** {@code [target =] recv port}: blocking read; {@code target} is null when the value is dropped. */
    public record Recv(String target, PortRef port, Pos pos) implements Stmt {
    }

    /** {@code [target =] call port value}: send a request and wait for its reply. */
    public record Call(String target, PortRef port, Expr value, Pos pos) implements Stmt {
    }

    /** {@code reply port value}: answer the request last received on port. */
    public record Reply(PortRef port, Expr value, Pos pos) implements Stmt {
    }

    /** {@code select { guard+ }}: wait on several; one ready guard fires. */
    public record Select(List<Guard> guards, Pos pos) implements Stmt {
        public Select {
            guards = List.copyOf(guards);
        }
    }

    /** {@code if c {..} else if c {..} else {..}}; {@code otherwise} is null when there is no else. */
    public record If(List<Branch> branches, Block otherwise, Pos pos) implements Stmt {
        public If {
            branches = List.copyOf(branches);
        }
    }

    /** One {@code if}/{@code else if} arm. */
    public record Branch(Expr condition, Block body) {
    }

    public record While(Expr condition, Block body, Pos pos) implements Stmt {
    }

    public record Forever(Block body, Pos pos) implements Stmt {
    }

    public record Repeat(Expr count, Block body, Pos pos) implements Stmt {
    }

    /** {@code for v in from..to}: half-open range. */
    public record ForRange(String variable, Expr from, Expr to, Block body, Pos pos) implements Stmt {
    }

    /** {@code for v in list}. */
    public record ForEach(String variable, Expr list, Block body, Pos pos) implements Stmt {
    }

    /** {@code sleep ms}. */
    public record Sleep(Expr millis, Pos pos) implements Stmt {
    }

    public record Print(Expr value, Pos pos) implements Stmt {
    }

    public record Stop(Pos pos) implements Stmt {
    }

    /** {@code break}: leave the innermost {@code while}, {@code forever}, {@code repeat} or {@code for} (version 2). */
    public record Break(Pos pos) implements Stmt {
    }

    /** {@code continue}: go on with the next round of the innermost loop (version 2). */
    public record Continue(Pos pos) implements Stmt {
    }

    /** {@code name[index] = value}: a copy of the list in {@code name} with one item replaced (version 2). */
    public record SetItem(String name, Expr index, Expr value, Pos pos) implements Stmt {
    }

    /** A guard of a {@code select}. */
    public sealed interface Guard permits RecvGuard, SendGuard, AfterGuard {
        Block body();

        Pos pos();
    }

    /** {@code recv port [as name] {..}}; {@code as} is null when the value is dropped. */
    public record RecvGuard(PortRef port, String as, Block body, Pos pos) implements Guard {
    }

    public record SendGuard(PortRef port, Expr value, Block body, Pos pos) implements Guard {
    }

    /** {@code after ms {..}}: fires when no other guard became ready in time. */
    public record AfterGuard(Expr millis, Block body, Pos pos) implements Guard {
    }

    /** An expression. */
    public sealed interface Expr permits IntLit, StrLit, BoolLit, Interpolated, ListLit, Name, Unary, Binary, Index,
            Len, RandomCall, Self, Builtin {
        Pos pos();
    }

    public record IntLit(long value, Pos pos) implements Expr {
    }

    /** A string literal with no {@code {expr}} in it. */
    public record StrLit(String value, Pos pos) implements Expr {
    }

    public record BoolLit(boolean value, Pos pos) implements Expr {
    }

    /** A string with {@code {expr}} parts: the parts' texts joined; literal text appears as {@link StrLit}. */
    public record Interpolated(List<Expr> parts, Pos pos) implements Expr {
        public Interpolated {
            parts = List.copyOf(parts);
        }
    }

    public record ListLit(List<Expr> items, Pos pos) implements Expr {
        public ListLit {
            items = List.copyOf(items);
        }
    }

    /** A variable. */
    public record Name(String name, Pos pos) implements Expr {
    }

    public record Unary(UnaryOp op, Expr operand, Pos pos) implements Expr {
    }

    public record Binary(BinaryOp op, Expr left, Expr right, Pos pos) implements Expr {
    }

    /** {@code target[index]}. */
    public record Index(Expr target, Expr index, Pos pos) implements Expr {
    }

    /** {@code len(x)} of a list or string. */
    public record Len(Expr argument, Pos pos) implements Expr {
    }

    /** {@code random(lo, hi)}, inclusive, seeded per run. */
    public record RandomCall(Expr low, Expr high, Pos pos) implements Expr {
    }

    /** {@code self}: the process label. */
    public record Self(Pos pos) implements Expr {
    }

    /** {@code int(x)}, {@code str(x)}, {@code all(x)} or {@code any(x)} (version 2). */
    public record Builtin(Function function, Expr argument, Pos pos) implements Expr {
    }

    /**
     * The one-argument built-ins of version 2. Their names are not reserved: only a name followed by
     * {@code (} calls one, so a variable called {@code str} in an old script keeps working.
     */
    public enum Function {
        INT("int"), STR("str"), ALL("all"), ANY("any");

        private final String word;

        Function(String word) {
            this.word = word;
        }

        /** How the script writes it. */
        public String word() {
            return word;
        }

        /** The built-in called {@code word}, or null. */
        public static Function ofWord(String word) {
            for (Function f : values()) {
                if (f.word.equals(word)) {
                    return f;
                }
            }
            return null;
        }
    }

    public enum UnaryOp { NEG, NOT }

    /**
     * Binary operators; {@code and}/{@code or} short-circuit. Each knows how it is written: the one table
     * the parser reads operators by and messages and printers write them with.
     */
    public enum BinaryOp {
        ADD("+"), SUB("-"), MUL("*"), DIV("/"), MOD("%"),
        EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">="),
        AND("and"), OR("or");

        private final String symbol;

        BinaryOp(String symbol) {
            this.symbol = symbol;
        }

        /** How the script writes it: {@code +}, {@code <=}, {@code and}. */
        public String symbol() {
            return symbol;
        }

        /** One of {@code == != < <= > >=}. */
        public boolean comparison() {
            return compareTo(EQ) >= 0 && compareTo(GE) <= 0;
        }

        /** The operator written {@code symbol}, or null. */
        public static BinaryOp ofSymbol(String symbol) {
            for (BinaryOp op : values()) {
                if (op.symbol.equals(symbol)) {
                    return op;
                }
            }
            return null;
        }
    }
}
