package org.chanvas.model.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Scripts that are wrong, and exactly what the parser says about them and where. */
class ScriptDiagnosticsTest {

    /** Each diagnostic as "line:col+length message", joined by " | ". */
    static String said(ParsedScript parsed) {
        return parsed.diagnostics().stream()
                .map(d -> d.pos() + "+" + d.length() + " " + d.message())
                .collect(Collectors.joining(" | "));
    }

    static Stream<Arguments> badScripts() {
        return Stream.of(
                Arguments.of("sned out 1", "1:1+4 unknown statement 'sned'"),
                Arguments.of("x == 3", "1:1+1 unknown statement 'x'"),
                Arguments.of("select recv a { }", "1:8+4 expected '{' after select"),
                Arguments.of("print \"abc", "1:7+4 unterminated string"),
                Arguments.of("print \"a {x", "1:7+5 unterminated string"),
                Arguments.of("if x {\n  print 1\n", "1:6+1 unclosed '{'"),
                Arguments.of("print (1 + 2", "1:13+1 expected ')' to close the '(' at 1:7"),
                Arguments.of("x = [1, 2", "1:5+1 unclosed '['"),
                Arguments.of("x = [1, 2\nprint 3", "2:1+5 expected ',' or ']' to close the '[' at 1:5"),
                Arguments.of("jobs = [\n  [\"A\", \"2\"],\n", "1:8+1 unclosed '['"),
                Arguments.of("for i in 0..\n{\n  print i\n}", "1:13+1 expected an expression"),
                Arguments.of("x = [1 2]", "1:8+1 expected ',' or ']' to close the '[' at 1:5"),
                Arguments.of("print xs[0", "1:11+1 expected ']' to close the '[' at 1:9"),
                Arguments.of("print 1 2", "1:9+1 expected a new line or ';' after the statement"),
                Arguments.of("x = 99999999999999999999",
                        "1:5+20 integer 99999999999999999999 is too large (the largest is 9223372036854775807)"),
                Arguments.of("x = -9223372036854775809",
                        "1:6+19 integer 9223372036854775809 is too large (the largest is 9223372036854775807)"),
                Arguments.of("print \"a \\q b\"", "1:10+2 unknown escape '\\q'; known are \\\" \\\\ \\n \\t \\{ \\}"),
                Arguments.of("print \"{}\"", "1:8+2 empty '{}' in a string; write \\{ for a brace"),
                Arguments.of("print \"a {x y} b\"", "1:13+1 expected '}' to end the value inside the string"),
                Arguments.of("else { }", "1:1+4 'else' without 'if'"),
                Arguments.of("}", "1:1+1 unexpected '}' with no '{' to close"),
                Arguments.of("select { }", "1:1+6 select needs at least one guard"),
                Arguments.of("select {\n after 1 { }\n after 2 { }\n}", "3:2+5 a select may have only one 'after'"),
                Arguments.of("select {\n print 1\n}", "2:2+5 expected 'recv', 'send' or 'after' in select"),
                Arguments.of("select {\n recv a as { }\n}", "2:12+1 expected a variable name after 'as'"),
                Arguments.of("select {\n recv a stop\n}", "2:9+4 expected '{' after the guard"),
                Arguments.of("select {\n after 5 }", "2:10+1 expected '{' after the timeout"),
                Arguments.of("send 1", "1:6+1 expected a port name after 'send'"),
                Arguments.of("x = recv", "1:9+1 expected a port name after 'recv'"),
                Arguments.of("call server", "1:12+1 expected an expression"),
                Arguments.of("for 1 in xs { }", "1:5+1 expected a variable name after 'for'"),
                Arguments.of("for in in xs { }", "1:5+2 expected a variable name after 'for'"),
                Arguments.of("for i of xs { }", "1:7+2 expected 'in' after 'for i'"),
                Arguments.of("for x in xs\n  stop", "1:12+1 expected '{' (or '..' for a range) after the list"),
                Arguments.of("for x in 0..\n", "1:13+1 expected an expression"),
                Arguments.of("while x < 3\n  print x\n", "1:12+1 expected '{' after the condition"),
                Arguments.of("if a { } else print 1", "1:15+5 expected '{' or 'if' after else"),
                Arguments.of("forever stop", "1:9+4 expected '{' after forever"),
                Arguments.of("repeat 3\n", "1:9+1 expected '{' after the repeat count"),
                Arguments.of("print a < b < c", "1:13+1 comparisons cannot be chained; use 'and'"),
                Arguments.of("x = 1 @ 2", "1:7+1 unexpected character '@'"),
                Arguments.of("if a && b { }", "1:6+2 unexpected '&&'; write 'and'"),
                Arguments.of("if a | b { }", "1:6+1 unexpected '|'; write 'or'"),
                Arguments.of("print !a", "1:7+1 unexpected '!'; write 'not' for negation"),
                Arguments.of("print x.y", "1:8+1 unexpected '.'; a range is written 'a..b'"),
                Arguments.of("print \u00ebl", "1:7+1 unexpected character '\u00eb'"),
                Arguments.of("print\u00a0x", "1:6+1 unexpected character U+00A0"),
                Arguments.of("x = 12ab", "1:5+4 invalid number '12ab'"),
                Arguments.of("print = 3", "1:1+5 'print' is a keyword and cannot be assigned to"),
                Arguments.of("print recv in",
                        "1:7+4 'recv' cannot be part of an expression; write 'x = recv port' on a line of its own"),
                Arguments.of("print if", "1:7+2 'if' is a keyword, not a value"),
                Arguments.of("print len xs", "1:11+2 expected '(' after len"),
                Arguments.of("print random(1)", "1:15+1 expected ',' in random(low, high)"),
                Arguments.of("print len(a, b)", "1:12+1 len takes one value: len(x)"),
                Arguments.of("print 1 +", "1:10+1 expected an expression"),
                Arguments.of("print 1 + # the rest\n", "1:10+1 expected an expression"),
                Arguments.of("sleep", "1:6+1 expected an expression"),
                Arguments.of("recv in as x { }", "1:9+2 expected a new line or ';' after the statement"),
                Arguments.of("stop now", "1:6+3 expected a new line or ';' after the statement"),
                Arguments.of("(1)", "1:1+1 expected a statement"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("badScripts")
    void saysWhatIsWrongAndWhere(String source, String expected) {
        ParsedScript parsed = ScriptParser.parse(source);
        assertThat(said(parsed)).isEqualTo(expected);
        assertThat(parsed.ok()).isFalse();
    }

    @Test
    void recoversAtStatementBoundariesAndReportsEveryFault() {
        ParsedScript parsed = ScriptParser.parse("""
                sned out 1
                x =\s
                print (1
                while { print 0 }
                stop""");
        assertThat(said(parsed)).isEqualTo("1:1+4 unknown statement 'sned' | 2:4+1 expected an expression"
                + " | 3:9+1 expected ')' to close the '(' at 3:7 | 4:7+1 expected an expression");
        assertThat(AstShape.of(parsed.body())).isEqualTo("(stop)");
    }

    @Test
    void faultsInsideABlockKeepTheBlock() {
        ParsedScript parsed = ScriptParser.parse("""
                forever {
                  sned 1
                  print 2 3
                  whle x {
                    print x
                  }
                  send out 4
                }
                print 5""");
        assertThat(said(parsed)).isEqualTo("2:3+4 unknown statement 'sned'"
                + " | 3:11+1 expected a new line or ';' after the statement | 4:3+4 unknown statement 'whle'");
        assertThat(AstShape.of(parsed.body())).isEqualTo("(forever {(print 2) (send out 4)}); (print 5)");
    }

    @Test
    void unclosedBracesAreReportedAtTheirOpeners() {
        ParsedScript parsed = ScriptParser.parse("if a {\n  while b {\n    stop\n");
        assertThat(said(parsed)).isEqualTo("1:6+1 unclosed '{' | 2:11+1 unclosed '{'");
        assertThat(AstShape.of(parsed.body())).isEqualTo("(if a {(while b {(stop)})})");
    }

    @Test
    void aBadGuardDoesNotLoseTheOthers() {
        ParsedScript parsed = ScriptParser.parse("select {\n  recv a as 1 { }\n  recv b as m { print m }\n}");
        assertThat(said(parsed)).isEqualTo("2:13+1 expected a variable name after 'as'");
        assertThat(AstShape.of(parsed.body())).isEqualTo("(select (recv b as m {(print m)}))");
    }

    @Test
    void tenThousandParenthesesAreCappedNotOverflowed() {
        ParsedScript parsed = ScriptParser.parse("print " + "(".repeat(10_000) + "1" + ")".repeat(10_000));
        assertThat(said(parsed)).isEqualTo("1:107+1 nested too deeply (more than 100 levels)");
    }

    @Test
    void tenThousandBracketsAreCappedNotOverflowed() {
        ParsedScript parsed = ScriptParser.parse("x = " + "[".repeat(10_000) + "\nprint 1");
        assertThat(said(parsed)).isEqualTo("1:105+1 nested too deeply (more than 100 levels)");
        assertThat(AstShape.of(parsed.body())).isEqualTo("(print 1)");
    }

    @Test
    void tenThousandBlocksAreCappedNotOverflowed() {
        ParsedScript parsed = ScriptParser.parse("forever {\n".repeat(10_000) + "}\n".repeat(10_000));
        assertThat(said(parsed)).isEqualTo("101:9+1 nested too deeply (more than 100 levels)");
    }

    @Test
    void tenThousandNestedInterpolationsAreCapped() {
        ParsedScript parsed = ScriptParser.parse("print " + "\"{".repeat(10_000) + "1" + "}\"".repeat(10_000));
        assertThat(parsed.diagnostics()).extracting(Diagnostic::message)
                .containsExactly("nested too deeply (more than 100 levels)");
    }

    @Test
    void longChainsBuildNoTreeTooTallToWalk() {
        ParsedScript sum = ScriptParser.parse("x = " + "1 + ".repeat(10_000) + "1");
        assertThat(said(sum)).isEqualTo("1:5+1 expression too deep (more than 200 levels); split it into steps");
        ParsedScript negations = ScriptParser.parse("x = " + "-".repeat(10_000) + "1");
        assertThat(negations.diagnostics()).extracting(Diagnostic::message)
                .containsExactly("expression too deep (more than 200 levels); split it into steps");
        ParsedScript nots = ScriptParser.parse("x = " + "not ".repeat(10_000) + "true");
        assertThat(nots.diagnostics()).hasSize(1);
        ParsedScript fine = ScriptParser.parse("x = " + "1 + ".repeat(150) + "1");
        assertThat(fine.ok()).isTrue();
    }
}
