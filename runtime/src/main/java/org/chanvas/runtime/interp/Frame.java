package org.chanvas.runtime.interp;

import java.util.List;
import org.chanvas.model.script.Ast;

/**
 * One level of the explicit statement stack: a block, the index of the next statement, and what to do at
 * its end (leave, test the loop again, count down, step the range). Mutable for speed; {@link #copy()} makes
 * an independent one, which is all a snapshot of a machine needs since values are immutable.
 */
final class Frame {

    /** What happens when the block runs out. */
    enum Kind { ONCE, WHILE, FOREVER, REPEAT, RANGE, EACH }

    final Kind kind;
    final Ast.Block block;
    int index;
    /** WHILE: the condition. */
    final Ast.Expr condition;
    /** RANGE/EACH: the loop variable. */
    final String variable;
    /** REPEAT: iterations left after this one; RANGE: the current value. EACH: the current position. */
    long counter;
    /** RANGE: the end (exclusive). */
    final long end;
    /** EACH: the items. */
    final List<?> items;

    Frame(Kind kind, Ast.Block block, Ast.Expr condition, String variable, long counter, long end, List<?> items) {
        this.kind = kind;
        this.block = block;
        this.condition = condition;
        this.variable = variable;
        this.counter = counter;
        this.end = end;
        this.items = items;
    }

    static Frame once(Ast.Block block) {
        return new Frame(Kind.ONCE, block, null, null, 0, 0, null);
    }

    Frame copy() {
        Frame f = new Frame(kind, block, condition, variable, counter, end, items);
        f.index = index;
        return f;
    }
}
