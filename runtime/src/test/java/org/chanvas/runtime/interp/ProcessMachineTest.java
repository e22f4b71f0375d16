package org.chanvas.runtime.interp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.chanvas.model.ChannelKind;
import org.chanvas.model.script.ParsedScript;
import org.chanvas.model.script.PortDirection;
import org.chanvas.model.script.Pos;
import org.chanvas.model.script.ScriptParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The step machine alone: values, control flow, requests, resumption, errors with positions, copies. */
class ProcessMachineTest {

    static final Map<String, PortBinding> PORTS = Map.of(
            "out", new PortBinding("out", PortDirection.OUTBOUND, "c", ChannelKind.RENDEZVOUS),
            "in", new PortBinding("in", PortDirection.INBOUND, "d", ChannelKind.RENDEZVOUS),
            "server", new PortBinding("server", PortDirection.OUTBOUND, "s", ChannelKind.CALL),
            "req", new PortBinding("req", PortDirection.INBOUND, "s", ChannelKind.CALL));

    static ProcessMachine machine(String script) {
        ParsedScript p = ScriptParser.parse(script);
        assertThat(p.diagnostics()).as(script).isEmpty();
        return new ProcessMachine("P", p.body(), PORTS, 1);
    }

    /** Runs a script that only prints, collecting the prints. */
    static List<String> prints(String script) {
        ProcessMachine m = machine(script);
        List<String> out = new java.util.ArrayList<>();
        while (true) {
            Request r = m.advance();
            switch (r) {
                case Request.Print p -> {
                    out.add(p.text());
                    m.resume();
                }
                case Request.Yield y -> m.resume();
                case Request.Done d -> {
                    return out;
                }
                default -> throw new AssertionError("unexpected " + r);
            }
        }
    }

    static Stream<Arguments> printing() {
        return Stream.of(
                Arguments.of("print 1 + 2 * 3", List.of("7")),
                Arguments.of("print 7 / 2\nprint -7 / 2\nprint 7 % 3", List.of("3", "-3", "1")),
                Arguments.of("print \"a\" + 1\nprint 1 + \"a\"\nprint [1, \"x\", true]", List.of("a1", "1a", "[1, \"x\", true]")),
                Arguments.of("x = [1, 2, 3]\nprint len(x)\nprint x[2]\nprint len(\"abc\")", List.of("3", "3", "3")),
                Arguments.of("print 1 == \"1\"\nprint [1] == [1]\nprint 2 != 3\nprint \"a\" < \"b\"",
                        List.of("false", "true", "true", "true")),
                Arguments.of("print true and not false\nprint false or false", List.of("true", "false")),
                Arguments.of("print false and 1 / 0 == 0", List.of("false")),
                Arguments.of("for i in 0..4 { print i }", List.of("0", "1", "2", "3")),
                Arguments.of("for i in 3..3 { print i }\nprint \"done\"", List.of("done")),
                Arguments.of("for x in [\"a\", \"b\"] { print x }", List.of("a", "b")),
                Arguments.of("i = 0\nwhile i < 3 { print i\ni = i + 1 }", List.of("0", "1", "2")),
                Arguments.of("repeat 2 { print \"r\" }\nrepeat 0 { print \"never\" }", List.of("r", "r")),
                Arguments.of("x = 5\nif x > 9 { print \"big\" } else if x > 3 { print \"mid\" } else { print \"small\" }",
                        List.of("mid")),
                Arguments.of("forever { print 1\nstop }\nprint 2", List.of("1")),
                Arguments.of("print \"I am {self}, {1 + 1}\"", List.of("I am P, 2")),
                Arguments.of("print [1, 2] + [3]", List.of("[1, 2, 3]")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("printing")
    void evaluates(String script, List<String> expected) {
        assertThat(prints(script)).containsExactlyElementsOf(expected);
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of("x = 1\ny = x / 0", 2, 5, "division by zero"),
                Arguments.of("y = 5 % 0", 1, 5, "division by zero"),
                Arguments.of("y = \"a\" - 1", 1, 5, "needs integers"),
                Arguments.of("if 1 { }", 1, 4, "if needs a boolean"),
                Arguments.of("print z", 1, 7, "unknown variable 'z'"),
                Arguments.of("x = [1, 2]\nprint x[2]", 2, 7, "index 2 out of range"),
                Arguments.of("x = true + 1", 1, 5, "cannot add bool"),
                Arguments.of("reply req 1", 1, 1, "no request received"),
                Arguments.of("send nowhere 1", 1, 6, "unknown port 'nowhere'"),
                Arguments.of("recv out", 1, 6, "a writer of channel 'c'"),
                Arguments.of("send server 1", 1, 6, "call channel"),
                Arguments.of("r = call out 1", 1, 10, "not call"),
                Arguments.of("x = random(5, 1)", 1, 5, "low end is above"),
                Arguments.of("print 9223372036854775807 + 1", 1, 7, "overflow"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void scriptErrorsStopTheProcessWithLineAndColumn(String script, int line, int column, String message) {
        ProcessMachine m = machine(script);
        Request r = m.advance();
        assertThat(r).isInstanceOf(Request.Failed.class);
        Request.Failed f = (Request.Failed) r;
        assertThat(f.pos()).isEqualTo(new Pos(line, column));
        assertThat(f.message()).contains(message);
        assertThat(m.finished()).isTrue();
        assertThat(m.advance()).isEqualTo(f);
    }

    @Test
    void communicationIsRequestedWithEvaluatedValuesAndResumed() {
        ProcessMachine m = machine("x = recv in\nsend out x * 2\nr = call server [x]\nprint r");
        assertThat(m.advance()).isEqualTo(new Request.Recv("in", new Pos(1, 1)));
        m.resume(21L);
        assertThat(m.advance()).isEqualTo(new Request.Send("out", 42L, new Pos(2, 1)));
        m.resume();
        assertThat(m.advance()).isEqualTo(new Request.Call("server", List.of(21L), new Pos(3, 1)));
        m.resume("ok");
        assertThat(m.advance()).isEqualTo(new Request.Print("ok", new Pos(4, 1)));
        m.resume();
        assertThat(m.advance()).isEqualTo(new Request.Done());
    }

    @Test
    void replyAnswersTheRequestReceivedOnItsPort() {
        ProcessMachine m = machine("m = recv req\nreply req m + 1\nreply req 0");
        assertThat(m.advance()).isInstanceOf(Request.Recv.class);
        m.resume(1L);
        assertThat(m.advance()).isEqualTo(new Request.Reply("req", 2L, new Pos(2, 1)));
        m.resume();
        Request r = m.advance();
        assertThat(r).isInstanceOf(Request.Failed.class);
        assertThat(((Request.Failed) r).pos()).isEqualTo(new Pos(3, 1));
    }

    @Test
    void selectOffersEveryGuardAndRunsTheOneThatFired() {
        ProcessMachine m = machine("select {\n recv in as v { print \"got {v}\" }\n send out 7 { print \"sent\" }\n"
                + " after 50 { print \"late\" }\n}\nprint \"after\"");
        Request r = m.advance();
        assertThat(r).isEqualTo(new Request.Select(List.of(new Request.RecvOffer("in"), new Request.SendOffer("out", 7L),
                new Request.AfterOffer(50)), new Pos(1, 1)));
        assertThat(((Request.Select) r).afterIndex()).isEqualTo(2);
        ProcessMachine copy = m.copy();
        m.resumeSelect(0, "x");
        assertThat(m.advance()).isEqualTo(new Request.Print("got x", new Pos(2, 17)));
        copy.resumeSelect(2, null);
        assertThat(copy.advance()).isEqualTo(new Request.Print("late", new Pos(4, 13)));
    }

    @Test
    void aLoopThatNeverCommunicatesYieldsAfterItsBudget() {
        ProcessMachine m = new ProcessMachine("P", ScriptParser.parse("forever { }").body(), PORTS, 1, 100);
        for (int i = 0; i < 5; i++) {
            assertThat(m.advance()).isEqualTo(new Request.Yield());
            m.resume();
        }
    }

    @Test
    void aCopyIsIndependentAndContinuesIdentically() {
        ProcessMachine m = machine("x = 0\nforever { x = x + random(1, 6)\nsend out x }");
        for (int i = 0; i < 3; i++) {
            m.advance();
            m.resume();
        }
        ProcessMachine c = m.copy();
        List<Object> fromOriginal = new java.util.ArrayList<>();
        List<Object> fromCopy = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            fromOriginal.add(((Request.Send) m.advance()).value());
            m.resume();
        }
        assertThat(c.variable("x")).isNotEqualTo(m.variable("x"));
        for (int i = 0; i < 5; i++) {
            fromCopy.add(((Request.Send) c.advance()).value());
            c.resume();
        }
        assertThat(fromCopy).isEqualTo(fromOriginal);
    }

    @Test
    void randomIsInclusiveAndSeeded() {
        ProcessMachine a = machine("forever { send out random(1, 3) }");
        ProcessMachine b = machine("forever { send out random(1, 3) }");
        java.util.Set<Object> seen = new java.util.HashSet<>();
        for (int i = 0; i < 200; i++) {
            Object va = ((Request.Send) a.advance()).value();
            assertThat(((Request.Send) b.advance()).value()).isEqualTo(va);
            a.resume();
            b.resume();
            seen.add(va);
        }
        assertThat(seen).containsExactlyInAnyOrder(1L, 2L, 3L);
    }
}
