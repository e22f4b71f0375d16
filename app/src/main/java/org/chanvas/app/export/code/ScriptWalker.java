package org.chanvas.app.export.code;

import org.chanvas.model.script.Ast;

/**
 * The walk every generator shares: statements in order with indentation, and the script's full-line comments
 * put back in front of the statement they preceded (the parser drops comments, so they are read again from
 * the source by line). A generator says how one statement looks; blocks and comments are done here.
 */
abstract class ScriptWalker {

    protected final StringBuilder out;
    protected final Shape.Proc proc;
    private final String unit;
    private int depth;
    private int commentsUpTo;

    ScriptWalker(StringBuilder out, Shape.Proc proc, String unit, int depth) {
        this.out = out;
        this.proc = proc;
        this.unit = unit;
        this.depth = depth;
    }

    /** Writes one statement (its nested blocks through {@link #block}). */
    protected abstract void statement(Ast.Stmt s) throws CodeGenerator.Unsupported;

    /** The comment syntax of the target, e.g. {@code "# "}. */
    protected abstract String commentMark();

    /** What closes a comment, for targets whose comments are closed. */
    protected String commentEnd() {
        return "";
    }

    protected final void block(Ast.Block b) throws CodeGenerator.Unsupported {
        depth++;
        for (Ast.Stmt s : b.stmts()) {
            commentsBefore(s.pos().line());
            statement(s);
        }
        depth--;
    }

    /** The process's body at the current depth, then any comments after its last statement. */
    protected final void body(Ast.Block b) throws CodeGenerator.Unsupported {
        depth--;
        block(b);
        depth++;
        commentsBefore(proc.lines().length + 1);
    }

    private void commentsBefore(int line) {
        for (int l = commentsUpTo + 1; l < line; l++) {
            String c = Shape.commentAt(proc, l);
            if (c != null) {
                line(commentMark() + (commentEnd().isEmpty() ? c : c.replace("*/", "* /")) + commentEnd());
            }
        }
        commentsUpTo = Math.max(commentsUpTo, line);
    }

    protected final void line(String text) {
        out.append(unit.repeat(depth)).append(text).append('\n');
    }

    protected final void in() {
        depth++;
    }

    protected final void out() {
        depth--;
    }

    protected final CodeGenerator.Unsupported unsupported(org.chanvas.model.script.Pos pos, String what,
                                                         String target) {
        return new CodeGenerator.Unsupported("process " + proc.process().id() + ", line " + pos.line() + ": " + what
                + " cannot be written in " + target);
    }
}
