package org.chanvas.model.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Language version 2 (SPEC §3.1) in the parser: its new forms, its faults, and old scripts unchanged. */
class LanguageV2ParserTest {

    static Stream<Arguments> shapes() {
        return Stream.of(
                Arguments.of("while true { break }", "(while true {(break)})"),
                Arguments.of("forever { if x { continue } }", "(forever {(if x {(continue)})})"),
                Arguments.of("repeat 3 { select { recv in { break } } }", "(repeat 3 {(select (recv in {(break)}))})"),
                Arguments.of("for i in 0..3 { continue }\nfor c in l { break }",
                        "(for i (.. 0 3) {(continue)}); (for c l {(break)})"),
                Arguments.of("x[i + 1] = [1, 2]", "(set x (+ i 1) [1 2])"),
                Arguments.of("n = int(\"12\") + len(str(5))", "(= n (+ (int \"12\") (len (str 5))))"),
                Arguments.of("print all([true]) and any(l)", "(print (and (all [true]) (any l)))"),
                // old scripts: these words were and stay good variable names
                Arguments.of("break = 1\nprint break", "(= break 1); (print break)"),
                Arguments.of("continue = 2", "(= continue 2)"),
                Arguments.of("str = \"s\"\nint = 3\nprint str + int", "(= str \"s\"); (= int 3); (print (+ str int))"),
                Arguments.of("all = [1]\nall[0] = 2\nprint any", "(= all [1]); (set all 0 2); (print any)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void parses(String script, String shape) {
        ParsedScript parsed = ScriptParser.parse(script);
        assertThat(parsed.diagnostics()).isEmpty();
        assertThat(AstShape.of(parsed.body())).isEqualTo(shape);
    }

    static Stream<Arguments> faults() {
        return Stream.of(
                Arguments.of("break", 1, 1, "'break' outside a loop; it may stand only inside while, forever, repeat or for"),
                Arguments.of("if true {\n  continue\n}", 2, 3, "'continue' outside a loop"),
                Arguments.of("x = [[1]]\nx[0][0] = 2", 2, 5, "only one index can be assigned"),
                Arguments.of("x[0] 2", 1, 6, "expected '=' after x[...] to assign an item"),
                Arguments.of("print int(1, 2)", 1, 12, "int takes one value: int(x)"),
                Arguments.of("print str()", 1, 11, "expected an expression"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void badUsesAreDiagnosedWithLineAndColumn(String script, int line, int column, String message) {
        List<Diagnostic> d = ScriptParser.parse(script).diagnostics();
        assertThat(d).isNotEmpty();
        assertThat(d.getFirst().pos()).isEqualTo(new Pos(line, column));
        assertThat(d.getFirst().message()).startsWith(message);
    }

    @Test
    void parametersBecomeAssignmentsInFrontInTheirOrder() {
        Ast.Block body = ScriptParser.parse("print name").body();
        Map<String, Object> params = new java.util.LinkedHashMap<>();
        params.put("name", "A");
        params.put("count", -3L);
        params.put("jobs", List.of(List.of("A", 2L), true, List.of()));
        assertThat(AstShape.of(Parameters.bind(params, body)))
                .isEqualTo("(= name \"A\"); (= count -3); (= jobs [[\"A\" 2] true []]); (print name)");
        assertThat(Parameters.bind(Map.of(), body)).isSameAs(body);
    }

    @Test
    void parameterNamesAndValuesAreChecked() {
        assertThat(Parameters.badName("count_2")).isNull();
        assertThat(Parameters.badName("2x")).contains("is not a variable name");
        assertThat(Parameters.badName("while")).contains("keyword");
        assertThat(Parameters.badValue(List.of(1L, "a", List.of(true)))).isNull();
        assertThat(Parameters.badValue(1.5)).contains("Double is not a value");
        assertThat(Parameters.badValue(null)).contains("null is not a value");
    }
}
