package org.chanvas.model.script;

import java.util.List;
import java.util.stream.Collectors;

import org.chanvas.model.script.Ast.*;

/** Writes a tree as a compact s-expression without positions, so tests can state whole shapes in one line. */
final class AstShape {

    private AstShape() {
    }

    /** The top-level statements, separated by "; ". */
    static String of(Block script) {
        return script.stmts().stream().map(AstShape::stmt).collect(Collectors.joining("; "));
    }

    static String block(Block b) {
        return "{" + b.stmts().stream().map(AstShape::stmt).collect(Collectors.joining(" ")) + "}";
    }

    static String stmt(Stmt s) {
        return switch (s) {
            case Assign a -> "(= " + a.name() + " " + expr(a.value()) + ")";
            case Send x -> "(send " + x.port().name() + " " + expr(x.value()) + ")";
            case Recv r -> "(recv " + target(r.target()) + " " + r.port().name() + ")";
            case Call c -> "(call " + target(c.target()) + " " + c.port().name() + " " + expr(c.value()) + ")";
            case Reply r -> "(reply " + r.port().name() + " " + expr(r.value()) + ")";
            case Select sel -> "(select " + sel.guards().stream().map(AstShape::guard).collect(Collectors.joining(" ")) + ")";
            case If i -> {
                StringBuilder b = new StringBuilder("(if");
                for (int k = 0; k < i.branches().size(); k++) {
                    Branch br = i.branches().get(k);
                    b.append(k == 0 ? " " : " elif ").append(expr(br.condition())).append(' ').append(block(br.body()));
                }
                if (i.otherwise() != null) {
                    b.append(" else ").append(block(i.otherwise()));
                }
                yield b.append(')').toString();
            }
            case While w -> "(while " + expr(w.condition()) + " " + block(w.body()) + ")";
            case Forever f -> "(forever " + block(f.body()) + ")";
            case Repeat r -> "(repeat " + expr(r.count()) + " " + block(r.body()) + ")";
            case ForRange f -> "(for " + f.variable() + " (.. " + expr(f.from()) + " " + expr(f.to()) + ") " + block(f.body()) + ")";
            case ForEach f -> "(for " + f.variable() + " " + expr(f.list()) + " " + block(f.body()) + ")";
            case Sleep z -> "(sleep " + expr(z.millis()) + ")";
            case Print pr -> "(print " + expr(pr.value()) + ")";
            case Stop st -> "(stop)";
            case Break b -> "(break)";
            case Continue c -> "(continue)";
            case SetItem si -> "(set " + si.name() + " " + expr(si.index()) + " " + expr(si.value()) + ")";
        };
    }

    static String guard(Guard g) {
        return switch (g) {
            case RecvGuard r -> "(recv " + r.port().name() + (r.as() == null ? "" : " as " + r.as()) + " " + block(r.body()) + ")";
            case SendGuard sg -> "(send " + sg.port().name() + " " + expr(sg.value()) + " " + block(sg.body()) + ")";
            case AfterGuard a -> "(after " + expr(a.millis()) + " " + block(a.body()) + ")";
        };
    }

    static String expr(Expr e) {
        return switch (e) {
            case IntLit i -> Long.toString(i.value());
            case StrLit s -> '"' + s.value().replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")
                    .replace("\t", "\\t") + '"';
            case BoolLit b -> Boolean.toString(b.value());
            case Interpolated in -> "(str " + join(in.parts()) + ")";
            case ListLit l -> "[" + join(l.items()) + "]";
            case Name n -> n.name();
            case Unary u -> "(" + (u.op() == UnaryOp.NEG ? "-" : "not") + " " + expr(u.operand()) + ")";
            case Binary b -> "(" + symbol(b.op()) + " " + expr(b.left()) + " " + expr(b.right()) + ")";
            case Index x -> "(index " + expr(x.target()) + " " + expr(x.index()) + ")";
            case Len l -> "(len " + expr(l.argument()) + ")";
            case RandomCall r -> "(random " + expr(r.low()) + " " + expr(r.high()) + ")";
            case Self s -> "self";
            case Builtin b -> "(" + b.function().word() + " " + expr(b.argument()) + ")";
        };
    }

    private static String join(List<Expr> es) {
        return es.stream().map(AstShape::expr).collect(Collectors.joining(" "));
    }

    private static String target(String t) {
        return t == null ? "_" : t;
    }

    static String symbol(BinaryOp op) {
        return op.symbol();
    }
}
