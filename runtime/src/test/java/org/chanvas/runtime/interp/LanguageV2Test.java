package org.chanvas.runtime.interp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.chanvas.model.script.Pos;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Language version 2 (SPEC §3.1) on the machine: break, continue, element assignment, int, str, all, any. */
class LanguageV2Test {

    static Stream<Arguments> printing() {
        return Stream.of(
                Arguments.of("i = 0\nwhile true {\n  i = i + 1\n  if i == 3 { break }\n}\nprint i", List.of("3")),
                Arguments.of("n = 0\nforever {\n  n = n + 1\n  if n > 2 { break }\n  print n\n}\nprint \"out\"",
                        List.of("1", "2", "out")),
                Arguments.of("repeat 4 { print \"r\"\nbreak }\nprint \"after\"", List.of("r", "after")),
                Arguments.of("for i in 0..6 {\n  if i % 2 == 0 { continue }\n  print i\n}", List.of("1", "3", "5")),
                Arguments.of("for c in \"abc\" { if c == \"b\" { continue }\nprint c }", List.of("a", "c")),
                Arguments.of("i = 0\nwhile i < 4 {\n  i = i + 1\n  if i == 2 { continue }\n  print i\n}",
                        List.of("1", "3", "4")),
                Arguments.of("repeat 3 { continue\nprint \"never\" }\nprint \"done\"", List.of("done")),
                Arguments.of("for i in 0..3 {\n  for j in 0..3 {\n    if j == 1 { break }\n    print \"{i}{j}\"\n  }\n}",
                        List.of("00", "10", "20")),
                Arguments.of("for i in 0..10 { if i == 2 { break } }\nprint i", List.of("2")),
                Arguments.of("barrier = [false, false]\nbarrier[0] = true\nprint barrier\nprint all(barrier)\n"
                        + "print any(barrier)", List.of("[true, false]", "false", "true")),
                Arguments.of("a = [1, 2]\nb = a\nb[1] = 9\nprint a\nprint b", List.of("[1, 2]", "[1, 9]")),
                Arguments.of("print int(\"42\") + 1\nprint int(\"-7\")\nprint str(5) + str([1, \"a\"]) + str(\"s\")",
                        List.of("43", "-7", "5[1, \"a\"]s")),
                Arguments.of("print all([])\nprint any([])", List.of("true", "false")),
                Arguments.of("break = 1\nstr = \"old\"\nprint break\nprint str", List.of("1", "old")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("printing")
    void evaluates(String script, List<String> expected) {
        assertThat(prints(script)).containsExactlyElementsOf(expected);
    }

    /** The prints of a script that must end within a few hundred statements (a broken break would loop). */
    static List<String> prints(String script) {
        ProcessMachine m = new ProcessMachine("P", MachineScript.of(
                org.chanvas.model.script.ScriptParser.parse(script).body()), ProcessMachineTest.PORTS, 1,
                MachineOptions.defaults().withStepBudget(500));
        List<String> out = new java.util.ArrayList<>();
        while (true) {
            switch (m.advance()) {
                case Request.Print p -> {
                    out.add(p.text());
                    m.resume();
                }
                case Request.Done d -> {
                    return out;
                }
                case Request r -> throw new AssertionError("unexpected " + r + " after " + out);
            }
        }
    }

    @Test
    void breakLeavesALoopFromInsideASelectGuard() {
        ProcessMachine m = ProcessMachineTest.machine(
                "forever {\n  select {\n    recv in as v { if v == 0 { break } }\n  }\n  print \"looped\"\n}\nprint \"out\"");
        assertThat(m.advance()).isInstanceOf(Request.Select.class);
        m.resumeSelect(0, 1L);
        assertThat(m.advance()).isEqualTo(new Request.Print("looped", new Pos(5, 3)));
        m.resume();
        assertThat(m.advance()).isInstanceOf(Request.Select.class);
        m.resumeSelect(0, 0L);
        assertThat(m.advance()).isEqualTo(new Request.Print("out", new Pos(7, 1)));
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of("x = [1, 2]\nx[2] = 0", 2, 3, "index 2 out of range for a list of 2"),
                Arguments.of("x = [1, 2]\nx[-1] = 0", 2, 3, "index -1 out of range"),
                Arguments.of("x = \"ab\"\nx[0] = \"c\"", 2, 1, "cannot assign an item of string \"ab\": only of a list"),
                Arguments.of("y[0] = 1", 1, 1, "unknown variable 'y'"),
                Arguments.of("x = [1]\nx[\"0\"] = 1", 2, 3, "an index must be an integer"),
                Arguments.of("print int(\"12a\")", 1, 11, "int needs a string of digits, got string \"12a\""),
                Arguments.of("print int(5)", 1, 11, "int needs a string of digits, got int 5"),
                Arguments.of("print int(\"99999999999999999999\")", 1, 11, "too large for an integer"),
                Arguments.of("print all(true)", 1, 11, "all needs a list of booleans, got bool true"),
                Arguments.of("print any([false, 1])", 1, 11, "any needs a list of booleans, but item 1 is int 1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void badUsesAreScriptErrorsWithLineAndColumn(String script, int line, int column, String message) {
        Request r = ProcessMachineTest.machine(script).advance();
        assertThat(r).isInstanceOf(Request.Failed.class);
        Request.Failed f = (Request.Failed) r;
        assertThat(f.pos()).isEqualTo(new Pos(line, column));
        assertThat(f.message()).contains(message);
    }
}
