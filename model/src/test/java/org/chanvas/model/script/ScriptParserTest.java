package org.chanvas.model.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.chanvas.model.script.Ast.*;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Scripts that are right, and the exact tree each one reads as. */
class ScriptParserTest {

    static Stream<Arguments> expressions() {
        return Stream.of(
                Arguments.of("42", "42"),
                Arguments.of("007", "7"),
                Arguments.of("9223372036854775807", "9223372036854775807"),
                Arguments.of("-9223372036854775808", "-9223372036854775808"),
                Arguments.of("-5", "(- 5)"),
                Arguments.of("--x", "(- (- x))"),
                Arguments.of("true", "true"),
                Arguments.of("false", "false"),
                Arguments.of("self", "self"),
                Arguments.of("x", "x"),
                Arguments.of("after", "after"),
                Arguments.of("\"hi\"", "\"hi\""),
                Arguments.of("\"\"", "\"\""),
                Arguments.of("\"a\\\"b\\\\c\\nd\\te\\{f\\}\"", "\"a\\\"b\\\\c\\nd\\te{f}\""),
                Arguments.of("\"a } b\"", "\"a } b\""),
                Arguments.of("\"# not a comment\"", "\"# not a comment\""),
                Arguments.of("\"Message {i}\"", "(str \"Message \" i)"),
                Arguments.of("\"{i}\"", "(str i)"),
                Arguments.of("\"{a}{b}\"", "(str a b)"),
                Arguments.of("\"<{a + 1}|{xs[0]}>\"", "(str \"<\" (+ a 1) \"|\" (index xs 0) \">\")"),
                Arguments.of("\"outer {\"inner {x}\"} end\"", "(str \"outer \" (str \"inner \" x) \" end\")"),
                Arguments.of("[]", "[]"),
                Arguments.of("[1, \"A\", true, [2]]", "[1 \"A\" true [2]]"),
                Arguments.of("[1, 2,]", "[1 2]"),
                Arguments.of("[\n  \"A\",\n  \"2\"\n]", "[\"A\" \"2\"]"),
                Arguments.of("xs[0]", "(index xs 0)"),
                Arguments.of("xs[i][j + 1]", "(index (index xs i) (+ j 1))"),
                Arguments.of("[1, 2][1]", "(index [1 2] 1)"),
                Arguments.of("len(xs)", "(len xs)"),
                Arguments.of("len(\"abc\") - 1", "(- (len \"abc\") 1)"),
                Arguments.of("random(1, 6)", "(random 1 6)"),
                Arguments.of("random(lo, hi * 2)", "(random lo (* hi 2))"),
                // precedence: or < and < not < comparison < additive < multiplicative < unary < postfix
                Arguments.of("1 + 2 * 3", "(+ 1 (* 2 3))"),
                Arguments.of("(1 + 2) * 3", "(* (+ 1 2) 3)"),
                Arguments.of("1 - 2 - 3", "(- (- 1 2) 3)"),
                Arguments.of("8 / 4 / 2", "(/ (/ 8 4) 2)"),
                Arguments.of("a % b * c", "(* (% a b) c)"),
                Arguments.of("-a * b", "(* (- a) b)"),
                Arguments.of("-xs[0]", "(- (index xs 0))"),
                Arguments.of("a + b == c * d", "(== (+ a b) (* c d))"),
                Arguments.of("a != b", "(!= a b)"),
                Arguments.of("a < b", "(< a b)"),
                Arguments.of("a <= b", "(<= a b)"),
                Arguments.of("a > b", "(> a b)"),
                Arguments.of("a >= b", "(>= a b)"),
                Arguments.of("not a == b", "(not (== a b))"),
                Arguments.of("not not a", "(not (not a))"),
                Arguments.of("a and not b", "(and a (not b))"),
                Arguments.of("a or b and c", "(or a (and b c))"),
                Arguments.of("a and b or c", "(or (and a b) c)"),
                Arguments.of("a or b or c", "(or (or a b) c)"),
                Arguments.of("x < 1 or x > 9 and not done", "(or (< x 1) (and (> x 9) (not done)))"),
                Arguments.of("\"n=\" + n", "(+ \"n=\" n)"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("expressions")
    void readsExpression(String source, String shape) {
        ParsedScript parsed = ScriptParser.parse("print " + source);
        assertThat(parsed.diagnostics()).isEmpty();
        assertThat(AstShape.of(parsed.body())).isEqualTo("(print " + shape + ")");
    }

    static Stream<Arguments> statements() {
        return Stream.of(
                Arguments.of("", ""),
                Arguments.of("# only a comment\n\n", ""),
                Arguments.of("x = 1", "(= x 1)"),
                Arguments.of("x = 1; y = x  # two on a line", "(= x 1); (= y x)"),
                Arguments.of("send out \"kill\"", "(send out \"kill\")"),
                Arguments.of("send in 1", "(send in 1)"),
                Arguments.of("recv in", "(recv _ in)"),
                Arguments.of("m = recv in", "(recv m in)"),
                Arguments.of("m = recv from", "(recv m from)"),
                Arguments.of("m = recv select", "(recv m select)"),
                Arguments.of("call server \"hi\"", "(call _ server \"hi\")"),
                Arguments.of("r = call server [\"A\", 2]", "(call r server [\"A\" 2])"),
                Arguments.of("reply server m + \"!\"", "(reply server (+ m \"!\"))"),
                Arguments.of("sleep 100", "(sleep 100)"),
                Arguments.of("sleep random(10, 50)", "(sleep (random 10 50))"),
                Arguments.of("print self", "(print self)"),
                Arguments.of("stop", "(stop)"),
                Arguments.of("if a { stop }", "(if a {(stop)})"),
                Arguments.of("if a { x = 1 } else { x = 2 }", "(if a {(= x 1)} else {(= x 2)})"),
                Arguments.of("if a {\n  x = 1\n} else if b {\n  x = 2\n} else if c {\n  x = 3\n} else {\n  x = 4\n}",
                        "(if a {(= x 1)} elif b {(= x 2)} elif c {(= x 3)} else {(= x 4)})"),
                Arguments.of("if a {\n  stop\n}\nelse {\n  print 1\n}", "(if a {(stop)} else {(print 1)})"),
                Arguments.of("if a {}\nprint 1", "(if a {}); (print 1)"),
                Arguments.of("while n > 0 { n = n - 1 }", "(while (> n 0) {(= n (- n 1))})"),
                Arguments.of("forever {\n  m = recv in\n  print m\n}", "(forever {(recv m in) (print m)})"),
                Arguments.of("forever\n{\n  stop\n}", "(forever {(stop)})"),
                Arguments.of("repeat 3 { send out 1 }", "(repeat 3 {(send out 1)})"),
                Arguments.of("for i in 0..4 { print i }", "(for i (.. 0 4) {(print i)})"),
                Arguments.of("for i in a + 1..len(xs) { }", "(for i (.. (+ a 1) (len xs)) {})"),
                Arguments.of("for job in [\"A\", \"2\"] { send out job }", "(for job [\"A\" \"2\"] {(send out job)})"),
                Arguments.of("for x in xs { print x }", "(for x xs {(print x)})"),
                Arguments.of("select {\n  recv a as m { print m }\n  recv b { stop }\n}",
                        "(select (recv a as m {(print m)}) (recv b {(stop)}))"),
                Arguments.of("select { send out x + 1 { n = n + 1 }; after 500 { print \"late\" } }",
                        "(select (send out (+ x 1) {(= n (+ n 1))}) (after 500 {(print \"late\")}))"),
                Arguments.of("select {\n  recv in as as { }\n}", "(select (recv in as as {}))"),
                Arguments.of("after = 3\nas = after", "(= after 3); (= as after)"),
                Arguments.of("while true {\n  if x { if y { while z { stop } } }\n}",
                        "(while true {(if x {(if y {(while z {(stop)})})})})"),
                Arguments.of("x = 1\r\ny = 2\rz = 3", "(= x 1); (= y 2); (= z 3)"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("statements")
    void readsStatements(String source, String shape) {
        ParsedScript parsed = ScriptParser.parse(source);
        assertThat(parsed.diagnostics()).isEmpty();
        assertThat(AstShape.of(parsed.body())).isEqualTo(shape);
    }

    @Test
    void nodesCarryWhereTheyStart() {
        ParsedScript parsed = ScriptParser.parse("""
                x = 1
                  m = recv in
                if m == "kill" { stop }
                select {
                  recv a as v { print "got {v}!" }
                }""");
        assertThat(parsed.diagnostics()).isEmpty();
        List<Stmt> s = parsed.body().stmts();
        assertThat(parsed.body().pos()).isEqualTo(Pos.START);
        Assign assign = (Assign) s.get(0);
        assertThat(assign.pos()).isEqualTo(new Pos(1, 1));
        assertThat(assign.value().pos()).isEqualTo(new Pos(1, 5));
        Recv recv = (Recv) s.get(1);
        assertThat(recv.pos()).isEqualTo(new Pos(2, 3));
        assertThat(recv.port()).isEqualTo(new PortRef("in", new Pos(2, 12)));
        If anIf = (If) s.get(2);
        assertThat(anIf.pos()).isEqualTo(new Pos(3, 1));
        Binary eq = (Binary) anIf.branches().getFirst().condition();
        assertThat(eq.pos()).isEqualTo(new Pos(3, 4));
        assertThat(eq.right()).isEqualTo(new StrLit("kill", new Pos(3, 9)));
        assertThat(anIf.branches().getFirst().body().pos()).isEqualTo(new Pos(3, 16));
        assertThat(anIf.branches().getFirst().body().stmts()).containsExactly(new Stop(new Pos(3, 18)));
        Select select = (Select) s.get(3);
        RecvGuard guard = (RecvGuard) select.guards().getFirst();
        assertThat(guard.pos()).isEqualTo(new Pos(5, 3));
        Print print = (Print) guard.body().stmts().getFirst();
        assertThat(print.value()).isEqualTo(new Interpolated(List.of(
                new StrLit("got ", new Pos(5, 24)), new Name("v", new Pos(5, 29)), new StrLit("!", new Pos(5, 31))),
                new Pos(5, 23)));
    }

    @Test
    void unaryAndIndexPositions() {
        Print print = (Print) ScriptParser.parse("print -xs[2]").body().stmts().getFirst();
        assertThat(print.value()).isEqualTo(new Unary(UnaryOp.NEG,
                new Index(new Name("xs", new Pos(1, 8)), new IntLit(2, new Pos(1, 11)), new Pos(1, 8)), new Pos(1, 7)));
    }

    @Test
    void portsInFirstUseOrderWithEveryUse() {
        ParsedScript parsed = ScriptParser.parse("""
                m = recv in
                send out m
                select {
                  recv jobs as j { r = call server j }
                  send log r { }
                }
                reply in "ok"
                """);
        assertThat(parsed.diagnostics()).isEmpty();
        assertThat(parsed.ports()).containsExactly(
                java.util.Map.entry("in", PortDirection.INBOUND),
                java.util.Map.entry("out", PortDirection.OUTBOUND),
                java.util.Map.entry("jobs", PortDirection.INBOUND),
                java.util.Map.entry("server", PortDirection.OUTBOUND),
                java.util.Map.entry("log", PortDirection.OUTBOUND));
        assertThat(parsed.portUses()).containsExactly(
                new PortUse("in", PortDirection.INBOUND, PortUse.How.RECV, new Pos(1, 10)),
                new PortUse("out", PortDirection.OUTBOUND, PortUse.How.SEND, new Pos(2, 6)),
                new PortUse("jobs", PortDirection.INBOUND, PortUse.How.RECV, new Pos(4, 8)),
                new PortUse("server", PortDirection.OUTBOUND, PortUse.How.CALL, new Pos(4, 29)),
                new PortUse("log", PortDirection.OUTBOUND, PortUse.How.SEND, new Pos(5, 8)),
                new PortUse("in", PortDirection.INBOUND, PortUse.How.REPLY, new Pos(7, 7)));
    }

    @Test
    void portUsedBothWaysIsReportedOnceAtTheSecondDirection() {
        ParsedScript parsed = ScriptParser.parse("send p 1\nsend p 2\nx = recv p\nreply p 3");
        assertThat(parsed.diagnostics()).containsExactly(
                new Diagnostic(new Pos(3, 10), 1, "port 'p' is used for both sending and receiving"));
        assertThat(parsed.ports()).containsExactly(java.util.Map.entry("p", PortDirection.OUTBOUND));
        assertThat(parsed.portUses()).hasSize(4);
        // The tree is whole: the fault is about the network, not the grammar.
        assertThat(AstShape.of(parsed.body())).isEqualTo("(send p 1); (send p 2); (recv x p); (reply p 3)");
    }

    @Test
    void nullIsTheEmptyScript() {
        ParsedScript parsed = ScriptParser.parse(null);
        assertThat(parsed.ok()).isTrue();
        assertThat(parsed.body().stmts()).isEmpty();
        assertThat(parsed.ports()).isEmpty();
    }
}
