package org.chanvas.model.script;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.chanvas.model.script.Ast.AfterGuard;
import org.chanvas.model.script.Ast.BinaryOp;
import org.chanvas.model.script.Ast.Block;
import org.chanvas.model.script.Ast.Expr;
import org.chanvas.model.script.Ast.Guard;
import org.chanvas.model.script.Ast.PortRef;
import org.chanvas.model.script.Ast.Stmt;
import org.chanvas.model.script.Ast.UnaryOp;
import org.chanvas.model.script.Token.Kind;

/**
 * Recursive-descent parser over the lexer's tokens (grammar in SPEC §3).
 *
 * <p>Failure is a value, not an exception: a rule that cannot go on reports one diagnostic and
 * returns {@code null}; its callers give up on the statement, and the statement loop skips to the
 * next statement boundary (a new line, {@code ;} or the {@code }} of the enclosing block, jumping
 * over whole {@code {...}} groups), so one script yields every independent fault. Every recursive
 * path passes through {@link #enter}, which caps nesting so deep input cannot exhaust the stack.
 */
final class Parser {

    /** How deep blocks, brackets and string interpolations may nest. */
    static final int MAX_DEPTH = 100;

    /**
     * How tall one expression tree may grow. Deep nesting is capped by {@link #MAX_DEPTH}, but a long
     * chain like {@code 1+1+...+1} or {@code - - - x} builds a tall tree without nesting; whoever walks the
     * tree recursively (the interpreter, {@code toString}) must not overflow on it.
     */
    static final int MAX_HEIGHT = 200;

    /** Words that cannot name a variable. {@code as} and {@code after} only mean something inside select. */
    static final Set<String> RESERVED = Set.of("send", "recv", "call", "reply", "select", "if", "else", "while",
            "forever", "repeat", "for", "in", "sleep", "print", "stop", "true", "false", "and", "or", "not", "self",
            "len", "random");

    private static final String LARGEST = Long.toString(Long.MAX_VALUE);
    private static final String LARGEST_MAGNITUDE_NEGATIVE = "9223372036854775808";

    private final List<Token> tokens;
    private final LineMap lines;
    private final List<Diagnostic> diagnostics;
    private final PortTable ports;
    private final Map<Expr, Integer> heights = new IdentityHashMap<>();
    private int p;
    private int depth;
    /** Loop bodies being parsed around the current statement: where break and continue may stand. */
    private int loops;

    Parser(List<Token> tokens, LineMap lines, List<Diagnostic> diagnostics, PortTable ports) {
        this.tokens = tokens;
        this.lines = lines;
        this.diagnostics = diagnostics;
        this.ports = ports;
    }

    // ---- statements -------------------------------------------------------------------------

    Block script() {
        List<Stmt> stmts = new ArrayList<>();
        while (true) {
            statements(stmts);
            if (peek().is(Kind.EOF)) {
                return new Block(stmts, Pos.START);
            }
            error(peek(), "unexpected '}' with no '{' to close");
            advance();
        }
    }

    /** Reads statements until a {@code }} or the end, neither consumed. */
    private void statements(List<Stmt> into) {
        while (true) {
            skipSeparators();
            Token t = peek();
            if (t.is(Kind.RBRACE) || t.is(Kind.EOF)) {
                return;
            }
            Stmt s = statement();
            if (s == null) {
                synchronize();
            } else {
                into.add(s);
                if (!endOfStatement("statement")) {
                    synchronize();
                }
            }
        }
    }

    private Stmt statement() {
        Token t = peek();
        if (!t.is(Kind.WORD)) {
            return fail(t, "expected a statement");
        }
        String w = t.text();
        if (RESERVED.contains(w) && peek(1).is(Kind.ASSIGN)) {
            return fail(t, "'" + w + "' is a keyword and cannot be assigned to");
        }
        return switch (w) {
            case "send" -> send();
            case "recv" -> recv(null, advance());
            case "call" -> call(null, advance());
            case "reply" -> reply();
            case "select" -> select();
            case "if" -> ifStatement();
            case "while" -> whileStatement();
            case "forever" -> forever();
            case "repeat" -> repeat();
            case "for" -> forStatement();
            case "sleep" -> sleep();
            case "print" -> print();
            case "stop" -> new Ast.Stop(pos(advance()));
            case "break", "continue" -> peek(1).is(Kind.ASSIGN) ? assignment() : loopControl();
            case "else" -> fail(t, "'else' without 'if'");
            default -> RESERVED.contains(w) ? fail(t, "unknown statement '" + w + "'") : assignment();
        };
    }

    /**
     * {@code break} or {@code continue} (version 2). Not reserved words: {@code break = 1} still assigns, as
     * in old scripts (statement() sends a word followed by '=' to the assignment).
     */
    private Stmt loopControl() {
        Token kw = advance();
        if (loops == 0) {
            return fail(kw, "'" + kw.text() + "' outside a loop; it may stand only inside while, forever, repeat"
                    + " or for");
        }
        return kw.text().equals("break") ? new Ast.Break(pos(kw)) : new Ast.Continue(pos(kw));
    }

    /** A loop's body: break and continue may stand in it (and in the ifs and selects inside it). */
    private Block loopBody(String missing) {
        loops++;
        try {
            return block(missing);
        } finally {
            loops--;
        }
    }

    private Stmt assignment() {
        Token name = advance();
        if (peek().is(Kind.LBRACKET)) {
            return setItem(name);
        }
        if (!peek().is(Kind.ASSIGN)) {
            return fail(name, "unknown statement '" + name.text() + "'");
        }
        advance();
        Token next = peek();
        if (next.isWord("recv")) {
            return recv(name, advance());
        }
        if (next.isWord("call")) {
            return call(name, advance());
        }
        Expr value = expression();
        return value == null ? null : new Ast.Assign(name.text(), value, pos(name));
    }

    /** {@code name[index] = value} (version 2): one index, on a list variable. */
    private Stmt setItem(Token name) {
        Token open = peek();
        if (!enter(open)) {
            return null;
        }
        advance();
        Expr index = expression();
        if (index != null && !close(Kind.RBRACKET, open)) {
            index = null;
        }
        leave();
        if (index == null) {
            return null;
        }
        if (peek().is(Kind.LBRACKET)) {
            return fail(peek(), "only one index can be assigned: write 'row = " + name.text() + "[i]', change row,"
                    + " then '" + name.text() + "[i] = row'");
        }
        if (!peek().is(Kind.ASSIGN)) {
            return fail(peek(), "expected '=' after " + name.text() + "[...] to assign an item");
        }
        advance();
        Expr value = expression();
        return value == null ? null : new Ast.SetItem(name.text(), index, value, pos(name));
    }

    private Stmt send() {
        Token kw = advance();
        PortRef port = port(kw, PortUse.How.SEND);
        if (port == null) {
            return null;
        }
        Expr value = expression();
        return value == null ? null : new Ast.Send(port, value, pos(kw));
    }

    /** {@code recv port}, with {@code target} the assigned name's token or null. */
    private Stmt recv(Token target, Token kw) {
        PortRef port = port(kw, PortUse.How.RECV);
        if (port == null) {
            return null;
        }
        return new Ast.Recv(target == null ? null : target.text(), port, pos(target == null ? kw : target));
    }

    private Stmt call(Token target, Token kw) {
        PortRef port = port(kw, PortUse.How.CALL);
        if (port == null) {
            return null;
        }
        Expr value = expression();
        return value == null ? null
                : new Ast.Call(target == null ? null : target.text(), port, value, pos(target == null ? kw : target));
    }

    private Stmt reply() {
        Token kw = advance();
        PortRef port = port(kw, PortUse.How.REPLY);
        if (port == null) {
            return null;
        }
        Expr value = expression();
        return value == null ? null : new Ast.Reply(port, value, pos(kw));
    }

    /** Any word is a port name here, keywords included: {@code recv in}, {@code send out}. */
    private PortRef port(Token kw, PortUse.How how) {
        Token t = peek();
        if (!t.is(Kind.WORD)) {
            return fail(t, "expected a port name after '" + kw.text() + "'");
        }
        advance();
        Pos at = pos(t);
        ports.use(t.text(), how, at, t.length());
        return new PortRef(t.text(), at);
    }

    private Stmt select() {
        Token kw = advance();
        Token open = openBrace("expected '{' after select");
        if (open == null) {
            return null;
        }
        List<Guard> guards = new ArrayList<>();
        boolean attempted = false;
        boolean sawAfter = false;
        while (true) {
            skipSeparators();
            Token t = peek();
            if (t.is(Kind.RBRACE)) {
                advance();
                break;
            }
            if (t.is(Kind.EOF)) {
                error(open, "unclosed '{'");
                break;
            }
            attempted = true;
            Guard g = guard();
            if (g == null) {
                synchronize();
                continue;
            }
            if (g instanceof AfterGuard) {
                if (sawAfter) {
                    error(t, "a select may have only one 'after'");
                }
                sawAfter = true;
            }
            guards.add(g);
            if (!endOfStatement("guard")) {
                synchronize();
            }
        }
        leave();
        if (!attempted) {
            error(kw, "select needs at least one guard");
        }
        return new Ast.Select(guards, pos(kw));
    }

    private Guard guard() {
        Token t = peek();
        if (t.isWord("recv")) {
            advance();
            PortRef port = port(t, PortUse.How.RECV);
            if (port == null) {
                return null;
            }
            String as = null;
            if (peek().isWord("as")) {
                advance();
                Token name = peek();
                if (!isVariable(name)) {
                    return fail(name, "expected a variable name after 'as'");
                }
                as = advance().text();
            }
            Block body = block("expected '{' after the guard");
            return body == null ? null : new Ast.RecvGuard(port, as, body, pos(t));
        }
        if (t.isWord("send")) {
            advance();
            PortRef port = port(t, PortUse.How.SEND);
            if (port == null) {
                return null;
            }
            Expr value = expression();
            if (value == null) {
                return null;
            }
            Block body = block("expected '{' after the guard");
            return body == null ? null : new Ast.SendGuard(port, value, body, pos(t));
        }
        if (t.isWord("after")) {
            advance();
            Expr millis = expression();
            if (millis == null) {
                return null;
            }
            Block body = block("expected '{' after the timeout");
            return body == null ? null : new AfterGuard(millis, body, pos(t));
        }
        return fail(t, "expected 'recv', 'send' or 'after' in select");
    }

    private Stmt ifStatement() {
        Token kw = advance();
        List<Ast.Branch> branches = new ArrayList<>();
        Block otherwise = null;
        Expr cond = expression();
        if (cond == null) {
            return null;
        }
        Block body = block("expected '{' after the condition");
        if (body == null) {
            return null;
        }
        branches.add(new Ast.Branch(cond, body));
        while (skipNewlinesBefore("else")) {
            advance();
            if (peek().isWord("if")) {
                advance();
                cond = expression();
                if (cond == null) {
                    return null;
                }
                body = block("expected '{' after the condition");
                if (body == null) {
                    return null;
                }
                branches.add(new Ast.Branch(cond, body));
            } else {
                otherwise = block("expected '{' or 'if' after else");
                if (otherwise == null) {
                    return null;
                }
                break;
            }
        }
        return new Ast.If(branches, otherwise, pos(kw));
    }

    private Stmt whileStatement() {
        Token kw = advance();
        Expr cond = expression();
        if (cond == null) {
            return null;
        }
        Block body = loopBody("expected '{' after the condition");
        return body == null ? null : new Ast.While(cond, body, pos(kw));
    }

    private Stmt forever() {
        Token kw = advance();
        Block body = loopBody("expected '{' after forever");
        return body == null ? null : new Ast.Forever(body, pos(kw));
    }

    private Stmt repeat() {
        Token kw = advance();
        Expr count = expression();
        if (count == null) {
            return null;
        }
        Block body = loopBody("expected '{' after the repeat count");
        return body == null ? null : new Ast.Repeat(count, body, pos(kw));
    }

    private Stmt forStatement() {
        Token kw = advance();
        Token var = peek();
        if (!isVariable(var)) {
            return fail(var, "expected a variable name after 'for'");
        }
        advance();
        if (!peek().isWord("in")) {
            return fail(peek(), "expected 'in' after 'for " + var.text() + "'");
        }
        advance();
        Expr from = expression();
        if (from == null) {
            return null;
        }
        if (peek().is(Kind.DOTDOT)) {
            advance();
            Expr to = expression();
            if (to == null) {
                return null;
            }
            Block body = loopBody("expected '{' after the range");
            return body == null ? null : new Ast.ForRange(var.text(), from, to, body, pos(kw));
        }
        Block body = loopBody("expected '{' (or '..' for a range) after the list");
        return body == null ? null : new Ast.ForEach(var.text(), from, body, pos(kw));
    }

    private Stmt sleep() {
        Token kw = advance();
        Expr millis = expression();
        return millis == null ? null : new Ast.Sleep(millis, pos(kw));
    }

    private Stmt print() {
        Token kw = advance();
        Expr value = expression();
        return value == null ? null : new Ast.Print(value, pos(kw));
    }

    /** A {@code {...}} body; the brace may sit on the next line. Null when it is missing or too deep. */
    private Block block(String missing) {
        Token open = openBrace(missing);
        if (open == null) {
            return null;
        }
        List<Stmt> stmts = new ArrayList<>();
        statements(stmts);
        if (peek().is(Kind.EOF)) {
            error(open, "unclosed '{'");
        } else {
            advance();
        }
        leave();
        return new Block(stmts, pos(open));
    }

    /** Consumes a {@code {} (after any new lines) and enters one nesting level, or reports and returns null. */
    private Token openBrace(String missing) {
        int save = p;
        while (peek().is(Kind.NEWLINE)) {
            p++;
        }
        if (!peek().is(Kind.LBRACE)) {
            p = save;
            return fail(peek(), missing);
        }
        Token open = peek();
        if (!enter(open)) {
            return null;
        }
        return advance();
    }

    private boolean endOfStatement(String what) {
        Token t = peek();
        switch (t.kind()) {
            case NEWLINE, SEMI -> {
                advance();
                return true;
            }
            case RBRACE, EOF -> {
                return true;
            }
            default -> {
                error(t, "expected a new line or ';' after the " + what);
                return false;
            }
        }
    }

    /**
     * Skips to the next statement boundary: past a new line or {@code ;}, or up to (not past) the
     * {@code }} that closes the enclosing block. A {@code {...}} group met on the way is skipped whole,
     * so the body of a broken {@code while} is not read as loose statements.
     */
    private void synchronize() {
        int braces = 0;
        while (true) {
            Token t = peek();
            switch (t.kind()) {
                case EOF -> {
                    return;
                }
                case NEWLINE, SEMI -> {
                    advance();
                    // A '{' opening the next line still belongs to the broken header (a body may start there).
                    if (braces == 0 && !nextLineOpensBlock()) {
                        return;
                    }
                }
                case LBRACE -> {
                    braces++;
                    advance();
                }
                case RBRACE -> {
                    if (braces == 0) {
                        return;
                    }
                    braces--;
                    advance();
                }
                default -> advance();
            }
        }
    }

    private boolean nextLineOpensBlock() {
        int q = p;
        while (tokens.get(q).is(Kind.NEWLINE)) {
            q++;
        }
        return tokens.get(q).is(Kind.LBRACE);
    }

    private void skipSeparators() {
        while (peek().is(Kind.NEWLINE) || peek().is(Kind.SEMI)) {
            p++;
        }
    }

    /** Moves past new lines if {@code word} follows them (an else on the line after a brace); otherwise stays. */
    private boolean skipNewlinesBefore(String word) {
        int q = p;
        while (tokens.get(q).is(Kind.NEWLINE)) {
            q++;
        }
        if (tokens.get(q).isWord(word)) {
            p = q;
            return true;
        }
        return false;
    }

    // ---- expressions: or < and < not < comparison < additive < multiplicative < unary < postfix ----

    private Expr expression() {
        return or();
    }

    private Expr or() {
        Expr left = and();
        while (left != null && peek().isWord(BinaryOp.OR.symbol())) {
            advance();
            Expr right = and();
            left = right == null ? null : grown(new Ast.Binary(BinaryOp.OR, left, right, left.pos()));
        }
        return left;
    }

    private Expr and() {
        Expr left = not();
        while (left != null && peek().isWord(BinaryOp.AND.symbol())) {
            advance();
            Expr right = not();
            left = right == null ? null : grown(new Ast.Binary(BinaryOp.AND, left, right, left.pos()));
        }
        return left;
    }

    /** Prefix {@code not}s are gathered in a loop, not by recursion, so a long chain cannot overflow. */
    private Expr not() {
        List<Token> nots = new ArrayList<>();
        while (peek().isWord("not")) {
            nots.add(advance());
        }
        Expr e = comparison();
        for (int k = nots.size() - 1; k >= 0 && e != null; k--) {
            e = grown(new Ast.Unary(UnaryOp.NOT, e, pos(nots.get(k))));
        }
        return e;
    }

    private Expr comparison() {
        Expr left = additive();
        if (left == null) {
            return null;
        }
        BinaryOp op = comparisonOp(peek());
        if (op == null) {
            return left;
        }
        advance();
        Expr right = additive();
        if (right == null) {
            return null;
        }
        if (comparisonOp(peek()) != null) {
            return fail(peek(), "comparisons cannot be chained; use 'and'");
        }
        return grown(new Ast.Binary(op, left, right, left.pos()));
    }

    private static BinaryOp comparisonOp(Token t) {
        BinaryOp op = operator(t);
        return op != null && op.comparison() ? op : null;
    }

    /** The operator a punctuation token spells (by {@link BinaryOp#symbol()}), or null for any other token. */
    private static BinaryOp operator(Token t) {
        return switch (t.kind()) {
            case EQ, NE, LT, LE, GT, GE, PLUS, MINUS, STAR, SLASH, PERCENT -> BinaryOp.ofSymbol(t.text());
            default -> null;
        };
    }

    private Expr additive() {
        Expr left = multiplicative();
        while (left != null && (peek().is(Kind.PLUS) || peek().is(Kind.MINUS))) {
            BinaryOp op = operator(advance());
            Expr right = multiplicative();
            left = right == null ? null : grown(new Ast.Binary(op, left, right, left.pos()));
        }
        return left;
    }

    private Expr multiplicative() {
        Expr left = unary();
        while (left != null && (peek().is(Kind.STAR) || peek().is(Kind.SLASH) || peek().is(Kind.PERCENT))) {
            BinaryOp op = operator(advance());
            Expr right = unary();
            left = right == null ? null : grown(new Ast.Binary(op, left, right, left.pos()));
        }
        return left;
    }

    private Expr unary() {
        List<Token> minuses = new ArrayList<>();
        while (peek().is(Kind.MINUS)) {
            minuses.add(advance());
        }
        Expr e;
        Token t = peek();
        if (!minuses.isEmpty() && t.is(Kind.INT) && stripZeros(t.text()).equals(LARGEST_MAGNITUDE_NEGATIVE)) {
            // -9223372036854775808 is a good long, though its digits alone are not.
            advance();
            e = postfix(new Ast.IntLit(Long.MIN_VALUE, pos(minuses.removeLast())));
        } else {
            e = primary();
            if (e != null) {
                e = postfix(e);
            }
        }
        for (int k = minuses.size() - 1; k >= 0 && e != null; k--) {
            e = grown(new Ast.Unary(UnaryOp.NEG, e, pos(minuses.get(k))));
        }
        return e;
    }

    private Expr postfix(Expr target) {
        Expr e = target;
        while (e != null && peek().is(Kind.LBRACKET)) {
            Token open = peek();
            if (!enter(open)) {
                return null;
            }
            advance();
            Expr index = expression();
            if (index != null && !close(Kind.RBRACKET, open)) {
                index = null;
            }
            leave();
            e = index == null ? null : grown(new Ast.Index(e, index, e.pos()));
        }
        return e;
    }

    private Expr primary() {
        Token t = peek();
        return switch (t.kind()) {
            case INT -> integer(advance());
            case STRING -> new Ast.StrLit(advance().text(), pos(t));
            case STR_HEAD -> interpolated();
            case LPAREN -> parenthesized();
            case LBRACKET -> list();
            case WORD -> word();
            default -> fail(t, "expected an expression");
        };
    }

    private Expr word() {
        Token t = peek();
        String w = t.text();
        switch (w) {
            case "true", "false" -> {
                advance();
                return new Ast.BoolLit(w.equals("true"), pos(t));
            }
            case "self" -> {
                advance();
                return new Ast.Self(pos(t));
            }
            case "len" -> {
                advance();
                List<Expr> args = arguments(t, 1);
                return args == null ? null : grown(new Ast.Len(args.getFirst(), pos(t)));
            }
            case "random" -> {
                advance();
                List<Expr> args = arguments(t, 2);
                return args == null ? null : grown(new Ast.RandomCall(args.get(0), args.get(1), pos(t)));
            }
            case "int", "str", "all", "any" -> {
                if (!peek(1).is(Kind.LPAREN)) {
                    advance(); // a variable of that name, as in old scripts
                    return new Ast.Name(w, pos(t));
                }
                advance();
                List<Expr> args = arguments(t, 1);
                return args == null ? null
                        : grown(new Ast.Builtin(Ast.Function.ofWord(w), args.getFirst(), pos(t)));
            }
            case "recv", "call" -> {
                return fail(t, "'" + w + "' cannot be part of an expression; write 'x = " + w
                        + " port" + (w.equals("call") ? " value" : "") + "' on a line of its own");
            }
            default -> {
                if (RESERVED.contains(w)) {
                    return fail(t, "'" + w + "' is a keyword, not a value");
                }
                advance();
                return new Ast.Name(w, pos(t));
            }
        }
    }

    /** {@code (a, b)} after a built-in: exactly {@code count} arguments. */
    private List<Expr> arguments(Token fn, int count) {
        Token open = peek();
        if (!open.is(Kind.LPAREN)) {
            return fail(open, "expected '(' after " + fn.text());
        }
        if (!enter(open)) {
            return null;
        }
        advance();
        List<Expr> args = new ArrayList<>();
        String usage = count == 1 ? fn.text() + "(x)" : "random(low, high)";
        while (true) {
            Expr a = expression();
            if (a == null) {
                break;
            }
            args.add(a);
            if (args.size() < count) {
                if (!peek().is(Kind.COMMA)) {
                    fail(peek(), "expected ',' in " + usage);
                    break;
                }
                advance();
            } else if (peek().is(Kind.COMMA)) {
                fail(peek(), fn.text() + " takes " + (count == 1 ? "one value" : "two values") + ": " + usage);
                break;
            } else if (close(Kind.RPAREN, open)) {
                leave();
                return args;
            } else {
                break;
            }
        }
        leave();
        return null;
    }

    private Expr parenthesized() {
        Token open = peek();
        if (!enter(open)) {
            return null;
        }
        advance();
        Expr e = expression();
        if (e != null && !close(Kind.RPAREN, open)) {
            e = null;
        }
        leave();
        return e;
    }

    /** {@code [a, b, c]}; new lines may break a long list after '[', around items and before ']'. */
    private Expr list() {
        Token open = peek();
        if (!enter(open)) {
            return null;
        }
        advance();
        List<Expr> items = new ArrayList<>();
        Expr result = null;
        while (true) {
            skipNewlines();
            if (peek().is(Kind.RBRACKET)) {
                advance();
                result = grown(new Ast.ListLit(items, pos(open)));
                break;
            }
            if (peek().is(Kind.EOF)) {
                error(open, "unclosed '['");
                break;
            }
            Expr item = expression();
            if (item == null) {
                break;
            }
            items.add(item);
            skipNewlines();
            if (peek().is(Kind.COMMA)) {
                advance();
            } else if (peek().is(Kind.EOF)) {
                error(open, "unclosed '['");
                break;
            } else if (!peek().is(Kind.RBRACKET)) {
                fail(peek(), "expected ',' or ']' to close the '[' at " + pos(open));
                break;
            }
        }
        leave();
        return result;
    }

    private void skipNewlines() {
        while (peek().is(Kind.NEWLINE)) {
            p++;
        }
    }

    private Expr interpolated() {
        Token head = advance();
        List<Expr> parts = new ArrayList<>();
        text(head, parts);
        Token before = head;
        while (true) {
            Token t = peek();
            if (t.is(Kind.STR_MID) || t.is(Kind.STR_TAIL)) {
                if (!t.bad()) {
                    report(before.end() - 1, 2, "empty '{}' in a string; write \\{ for a brace");
                }
                return null;
            }
            if (!enter(t)) {
                return null;
            }
            Expr e = expression();
            leave();
            if (e == null) {
                return null;
            }
            parts.add(e);
            Token close = peek();
            if (!close.is(Kind.STR_MID) && !close.is(Kind.STR_TAIL)) {
                return fail(close, "expected '}' to end the value inside the string");
            }
            advance();
            text(close, parts);
            if (close.is(Kind.STR_TAIL)) {
                return grown(new Ast.Interpolated(parts, pos(head)));
            }
            before = close;
        }
    }

    private void text(Token part, List<Expr> parts) {
        if (!part.text().isEmpty()) {
            parts.add(new Ast.StrLit(part.text(), lines.pos(part.textStart())));
        }
    }

    private Expr integer(Token t) {
        String digits = stripZeros(t.text());
        boolean fits = digits.length() < LARGEST.length()
                || (digits.length() == LARGEST.length() && digits.compareTo(LARGEST) <= 0);
        if (!fits) {
            // Not a syntax fault: the statement is kept, the diagnostic alone stops the script from running.
            error(t, "integer " + t.text() + " is too large (the largest is " + LARGEST + ")");
            return new Ast.IntLit(Long.MAX_VALUE, pos(t));
        }
        long v = 0;
        for (int k = 0; k < digits.length(); k++) {
            v = v * 10 + (digits.charAt(k) - '0');
        }
        return new Ast.IntLit(v, pos(t));
    }

    private static String stripZeros(String digits) {
        int k = 0;
        while (k < digits.length() - 1 && digits.charAt(k) == '0') {
            k++;
        }
        return digits.substring(k);
    }

    /** Records the height of a new inner node, or reports and returns null when the tree grows too tall. */
    private <E extends Expr> E grown(E e) {
        int below = switch (e) {
            case Ast.Binary b -> Math.max(height(b.left()), height(b.right()));
            case Ast.Unary u -> height(u.operand());
            case Ast.Index x -> Math.max(height(x.target()), height(x.index()));
            case Ast.Len l -> height(l.argument());
            case Ast.RandomCall r -> Math.max(height(r.low()), height(r.high()));
            case Ast.ListLit l -> l.items().stream().mapToInt(this::height).max().orElse(0);
            case Ast.Interpolated in -> in.parts().stream().mapToInt(this::height).max().orElse(0);
            default -> 0;
        };
        if (below + 1 > MAX_HEIGHT) {
            diagnostics.add(new Diagnostic(e.pos(), 1,
                    "expression too deep (more than " + MAX_HEIGHT + " levels); split it into steps"));
            return null;
        }
        heights.put(e, below + 1);
        return e;
    }

    private int height(Expr e) {
        return heights.getOrDefault(e, 1);
    }

    // ---- helpers --------------------------------------------------------------------------------

    private boolean close(Kind closer, Token open) {
        if (peek().is(closer)) {
            advance();
            return true;
        }
        String c = closer == Kind.RPAREN ? ")" : "]";
        fail(peek(), "expected '" + c + "' to close the '" + open.text() + "' at " + pos(open));
        return false;
    }

    private static boolean isVariable(Token t) {
        return t.is(Kind.WORD) && !RESERVED.contains(t.text());
    }

    private boolean enter(Token at) {
        if (depth >= MAX_DEPTH) {
            fail(at, "nested too deeply (more than " + MAX_DEPTH + " levels)");
            return false;
        }
        depth++;
        return true;
    }

    private void leave() {
        depth--;
    }

    private Token peek() {
        return tokens.get(p);
    }

    private Token peek(int ahead) {
        return tokens.get(Math.min(p + ahead, tokens.size() - 1));
    }

    /** Returns the current token and moves on; the final EOF is never passed. */
    private Token advance() {
        Token t = tokens.get(p);
        if (!t.is(Kind.EOF)) {
            p++;
        }
        return t;
    }

    private Pos pos(Token t) {
        return lines.pos(t.start());
    }

    /** Reports at {@code t} and returns null, the parser's "this rule failed". */
    private <T> T fail(Token t, String message) {
        error(t, message);
        return null;
    }

    private void error(Token t, String message) {
        if (t.bad()) {
            return;
        }
        if (t.is(Kind.NEWLINE) || t.is(Kind.EOF)) {
            // Something is missing at the end of a line: point just after the last word.
            report(t.prevEnd(), 1, message);
        } else {
            report(t.start(), t.length(), message);
        }
    }

    private void report(int offset, int length, String message) {
        int room = Math.max(1, lines.sourceLength() - offset);
        diagnostics.add(new Diagnostic(lines.pos(offset), Math.min(length, room), message));
    }
}
