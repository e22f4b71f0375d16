package org.chanvas.model.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Random expression trees, written with only the parentheses the precedence table demands, read
 * back as the same tree: or &lt; and &lt; not &lt; comparison &lt; additive &lt; multiplicative &lt; unary
 * &lt; postfix, binary operators left-associative, comparisons not chained.
 */
class PrecedencePropertiesTest {

    private static final int OR = 1;
    private static final int AND = 2;
    private static final int NOT = 3;
    private static final int COMPARISON = 4;
    private static final int ADDITIVE = 5;
    private static final int MULTIPLICATIVE = 6;
    private static final int UNARY = 7;
    private static final int POSTFIX = 8;
    private static final int ATOM = 9;

    /** A tree to write out: its source at a precedence level, and the shape the parser must give back. */
    sealed interface Tree permits Leaf, Bin, Neg, Not, Idx {
        int level();

        String shape();

        String source();

        /** The source, parenthesised when it binds looser than {@code min}. */
        default String at(int min) {
            return level() < min ? "(" + source() + ")" : source();
        }
    }

    record Leaf(String source, String shape) implements Tree {
        public int level() {
            return ATOM;
        }
    }

    record Bin(String op, int level, Tree left, Tree right) implements Tree {
        public String shape() {
            return "(" + op + " " + left.shape() + " " + right.shape() + ")";
        }

        public String source() {
            boolean comparison = level == COMPARISON;
            return left.at(comparison ? level + 1 : level) + " " + op + " " + right.at(level + 1);
        }
    }

    record Neg(Tree operand) implements Tree {
        public int level() {
            return UNARY;
        }

        public String shape() {
            return "(- " + operand.shape() + ")";
        }

        public String source() {
            return "-" + operand.at(UNARY);
        }
    }

    record Not(Tree operand) implements Tree {
        public int level() {
            return NOT;
        }

        public String shape() {
            return "(not " + operand.shape() + ")";
        }

        public String source() {
            return "not " + operand.at(NOT);
        }
    }

    record Idx(Tree target, Tree index) implements Tree {
        public int level() {
            return POSTFIX;
        }

        public String shape() {
            return "(index " + target.shape() + " " + index.shape() + ")";
        }

        public String source() {
            return target.at(POSTFIX) + "[" + index.at(0) + "]";
        }
    }

    @Test
    void minimalParenthesesReadBackAsTheSameTree() {
        qt().withExamples(1000).forAll(tree(5)).describedAs(Tree::source).checkAssert(tree -> {
            ParsedScript parsed = ScriptParser.parse("print " + tree.source());
            assertThat(parsed.diagnostics()).as(tree.source()).isEmpty();
            assertThat(AstShape.of(parsed.body())).as(tree.source()).isEqualTo("(print " + tree.shape() + ")");
        });
    }

    /** Trees up to {@code depth} deep: leaves of every kind, and binary operators weighted above the rest. */
    private static Gen<Tree> tree(int depth) {
        Gen<Tree> leaf = Generate.oneOf(
                integers().between(0, 99).map(i -> new Leaf(i.toString(), i.toString())),
                Generate.pick(List.of("a", "b", "c", "after", "self", "true", "false")).map(n -> new Leaf(n, n)),
                Generate.pick(List.of("\"s\"", "[1, x]", "len(xs)", "\"v{x}\"")).map(s -> new Leaf(s, switch (s) {
                    case "\"s\"" -> "\"s\"";
                    case "[1, x]" -> "[1 x]";
                    case "len(xs)" -> "(len xs)";
                    default -> "(str \"v\" x)";
                })));
        if (depth == 0) {
            return leaf;
        }
        Gen<Tree> sub = tree(depth - 1);
        Gen<Tree> bin = Generate.pick(List.of("or", "and", "==", "!=", "<", "<=", ">", ">=", "+", "-", "*", "/", "%"))
                .zip(sub, sub, (op, l, r) -> new Bin(op, levelOf(op), l, r));
        return Generate.frequency(List.of(
                Pair.of(3, leaf),
                Pair.of(5, bin),
                Pair.of(1, sub.map(t -> (Tree) new Neg(t))),
                Pair.of(1, sub.map(t -> (Tree) new Not(t))),
                Pair.of(1, sub.zip(sub, (t, i) -> (Tree) new Idx(t, i)))));
    }

    private static int levelOf(String op) {
        return switch (op) {
            case "or" -> OR;
            case "and" -> AND;
            case "+", "-" -> ADDITIVE;
            case "*", "/", "%" -> MULTIPLICATIVE;
            default -> COMPARISON;
        };
    }
}
