package org.chanvas.model.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.chanvas.model.script.Ast.*;

/**
 * The parser's promises on any text: it returns, every position it gives lies in the source, and
 * its diagnostics agree with {@link ParsedScript#ok()}.
 */
class ScriptParserProperties {

    /** Pieces that make the lexer and parser take their rarer paths when strung together. */
    private static final List<String> FRAGMENTS = List.of("send", "recv", "call", "reply", "select", "if", "else",
            "while", "forever", "repeat", "for", "in", "sleep", "print", "stop", "as", "after", "true", "not", "and",
            "or", "self", "len", "random", "x", "out", "0", "12", "99999999999999999999", "=", "==", "!=", "<", "<=",
            "+", "-", "*", "/", "%", "..", ".", ",", ";", "(", ")", "[", "]", "{", "}", "\"", "\\", "\\{", "\\q",
            "#", "\n", "\r\n", "\r", " ", "\t", "@", "!", "&&", "é", "\uD83D\uDE00", "\uD800", "\u0000");

    @Property(tries = 500)
    void neverThrowsOnArbitraryText(@ForAll("anyText") String source) {
        checkSound(source);
    }

    @Property(tries = 1000)
    void neverThrowsOnScriptSoup(@ForAll("soup") String source) {
        checkSound(source);
    }

    @Property(tries = 1000)
    void neverThrowsOnMutatedLectureScripts(@ForAll("mutated") String source) {
        checkSound(source);
    }

    @Property(tries = 200)
    void parsingIsDeterministic(@ForAll("mutated") String source) {
        ParsedScript a = ScriptParser.parse(source);
        ParsedScript b = ScriptParser.parse(source);
        assertThat(b).isEqualTo(a);
    }

    @Provide
    Arbitrary<String> anyText() {
        return Arbitraries.strings().all().ofMaxLength(400);
    }

    @Provide
    Arbitrary<String> soup() {
        return Arbitraries.of(FRAGMENTS).list().ofMaxSize(80).map(parts -> String.join(" ", parts.subList(0,
                parts.size() / 2)) + String.join("", parts.subList(parts.size() / 2, parts.size())));
    }

    /** An edit to a script: where, what kind, and a fragment to insert. */
    record Mutation(int kind, double at, double to, String fragment) {

        String apply(String s) {
            int a = (int) (at * s.length());
            int b = Math.min(s.length(), a + (int) (to * 12));
            return switch (kind) {
                case 0 -> s.substring(0, a) + s.substring(b);                        // delete a stretch
                case 1 -> s.substring(0, a) + fragment + s.substring(a);             // insert a fragment
                case 2 -> s.substring(0, a) + s.substring(a, b) + s.substring(a);    // duplicate a stretch
                default -> s.substring(0, a) + fragment + s.substring(b);            // replace a stretch
            };
        }
    }

    @Provide
    Arbitrary<String> mutated() {
        Arbitrary<Mutation> mutation = Combinators.combine(Arbitraries.integers().between(0, 3),
                Arbitraries.doubles().between(0, 1), Arbitraries.doubles().between(0, 1), Arbitraries.of(FRAGMENTS))
                .as(Mutation::new);
        return Combinators.combine(Arbitraries.of(LectureExamples.all()), mutation.list().ofMinSize(1).ofMaxSize(6))
                .as((script, edits) -> {
                    String s = script;
                    for (Mutation m : edits) {
                        s = m.apply(s);
                    }
                    return s;
                });
    }

    /** Parses (which must return) and checks every position and diagnostic against the source. */
    private static void checkSound(String source) {
        ParsedScript parsed = ScriptParser.parse(source);
        String[] lines = source.split("\r\n|\r|\n", -1);
        for (Diagnostic d : parsed.diagnostics()) {
            assertWithin(d.pos(), lines, source);
            assertThat(d.length()).isPositive();
            assertThat(d.message()).isNotBlank();
        }
        assertThat(parsed.diagnostics()).isSortedAccordingTo(java.util.Comparator.comparing(Diagnostic::pos));
        assertThat(parsed.ok()).isEqualTo(parsed.diagnostics().isEmpty());
        for (PortUse use : parsed.portUses()) {
            assertWithin(use.pos(), lines, source);
            assertThat(parsed.ports()).containsKey(use.port());
        }
        List<Pos> positions = new ArrayList<>();
        collect(parsed.body(), positions);
        for (Pos p : positions) {
            assertWithin(p, lines, source);
        }
    }

    private static void assertWithin(Pos p, String[] lines, String source) {
        assertThat(p.line()).as("line of %s in %s", p, source).isBetween(1, lines.length);
        assertThat(p.column()).as("column of %s in %s", p, source).isBetween(1, lines[p.line() - 1].length() + 1);
    }

    private static void collect(Block b, List<Pos> out) {
        out.add(b.pos());
        for (Stmt s : b.stmts()) {
            out.add(s.pos());
            switch (s) {
                case Assign a -> collect(a.value(), out);
                case Send x -> {
                    out.add(x.port().pos());
                    collect(x.value(), out);
                }
                case Recv r -> out.add(r.port().pos());
                case Call c -> {
                    out.add(c.port().pos());
                    collect(c.value(), out);
                }
                case Reply r -> {
                    out.add(r.port().pos());
                    collect(r.value(), out);
                }
                case Select sel -> sel.guards().forEach(g -> {
                    out.add(g.pos());
                    switch (g) {
                        case RecvGuard r -> out.add(r.port().pos());
                        case SendGuard sg -> {
                            out.add(sg.port().pos());
                            collect(sg.value(), out);
                        }
                        case AfterGuard a -> collect(a.millis(), out);
                    }
                    collect(g.body(), out);
                });
                case If i -> {
                    i.branches().forEach(br -> {
                        collect(br.condition(), out);
                        collect(br.body(), out);
                    });
                    if (i.otherwise() != null) {
                        collect(i.otherwise(), out);
                    }
                }
                case While w -> {
                    collect(w.condition(), out);
                    collect(w.body(), out);
                }
                case Forever f -> collect(f.body(), out);
                case Repeat r -> {
                    collect(r.count(), out);
                    collect(r.body(), out);
                }
                case ForRange f -> {
                    collect(f.from(), out);
                    collect(f.to(), out);
                    collect(f.body(), out);
                }
                case ForEach f -> {
                    collect(f.list(), out);
                    collect(f.body(), out);
                }
                case Sleep z -> collect(z.millis(), out);
                case Print pr -> collect(pr.value(), out);
                case Stop st -> {
                }
                case Break br -> {
                }
                case Continue co -> {
                }
                case SetItem si -> {
                    collect(si.index(), out);
                    collect(si.value(), out);
                }
            }
        }
    }

    private static void collect(Expr e, List<Pos> out) {
        out.add(e.pos());
        switch (e) {
            case Interpolated in -> in.parts().forEach(x -> collect(x, out));
            case ListLit l -> l.items().forEach(x -> collect(x, out));
            case Unary u -> collect(u.operand(), out);
            case Binary b -> {
                collect(b.left(), out);
                collect(b.right(), out);
            }
            case Index x -> {
                collect(x.target(), out);
                collect(x.index(), out);
            }
            case Len l -> collect(l.argument(), out);
            case RandomCall r -> {
                collect(r.low(), out);
                collect(r.high(), out);
            }
            case IntLit i -> {
            }
            case StrLit s -> {
            }
            case BoolLit b -> {
            }
            case Name n -> {
            }
            case Self s -> {
            }
            case Builtin bi -> collect(bi.argument(), out);
        }
    }
}
