package org.chanvas.runtime.interp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.chanvas.model.script.ParsedScript;
import org.chanvas.model.script.Pos;
import org.chanvas.model.script.ScriptParser;
import org.junit.jupiter.api.Test;

/** {@code random} as a choice point (RandomMode.ASK) and the canonical state encoding an explorer hashes. */
class ChoiceAndEncodingTest {

    static ProcessMachine asking(String script) {
        ParsedScript p = ScriptParser.parse(script);
        assertThat(p.diagnostics()).as(script).isEmpty();
        return new ProcessMachine("P", MachineScript.of(p.body()), ProcessMachineTest.PORTS, 1,
                MachineOptions.defaults().withRandomMode(RandomMode.ASK));
    }

    @Test
    void aStatementWithTwoRandomsAsksTwiceAndUsesExactlyTheAnswers() {
        ProcessMachine m = asking("x = 5\nsend out [random(1, 3), random(10 * x, 60)]\nprint \"done\"");
        assertThat(m.advance()).isEqualTo(new Request.Choose(1, 3, new Pos(2, 11)));
        assertThat(m.pending()).isEqualTo(new Request.Choose(1, 3, new Pos(2, 11)));
        m.resumeChoice(3);
        assertThat(m.advance()).isEqualTo(new Request.Choose(50, 60, new Pos(2, 25)));
        m.resumeChoice(50);
        assertThat(m.advance()).isEqualTo(new Request.Send("out", List.of(3L, 50L), new Pos(2, 1)));
        m.resume();
        assertThat(m.advance()).isEqualTo(new Request.Print("done", new Pos(3, 1)));
    }

    @Test
    void eachRunOfAStatementAsksAfresh() {
        ProcessMachine m = asking("repeat 3 { send out random(0, 9) }");
        List<Object> sent = new ArrayList<>();
        for (long v : new long[] {7, 0, 9}) {
            assertThat(m.advance()).isInstanceOf(Request.Choose.class);
            m.resumeChoice(v);
            sent.add(((Request.Send) m.advance()).value());
            m.resume();
        }
        assertThat(sent).containsExactly(7L, 0L, 9L);
        assertThat(m.advance()).isEqualTo(new Request.Done());
    }

    @Test
    void aWhileConditionAndARangeAskToo() {
        ProcessMachine m = asking("for i in 0..random(1, 2) { print i }\nwhile random(0, 1) == 1 { print \"again\" }");
        m.advance();
        m.resumeChoice(2);
        List<String> printed = new ArrayList<>();
        for (long answer : new long[] {1, 1, 0}) {
            Request r;
            while ((r = m.advance()) instanceof Request.Print p) {
                printed.add(p.text());
                m.resume();
            }
            assertThat(r).isInstanceOf(Request.Choose.class);
            m.resumeChoice(answer);
        }
        Request r;
        while ((r = m.advance()) instanceof Request.Print p) {
            printed.add(p.text());
            m.resume();
        }
        assertThat(r).isEqualTo(new Request.Done());
        assertThat(printed).containsExactly("0", "1", "again", "again");
    }

    @Test
    void anAnswerOutsideTheRangeOrWithoutAQuestionIsRefused() {
        ProcessMachine m = asking("x = random(1, 3)");
        m.advance();
        assertThatThrownBy(() -> m.resumeChoice(4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> m.resume()).isInstanceOf(IllegalStateException.class);
        m.resumeChoice(1);
        assertThatThrownBy(() -> m.resumeChoice(1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aCopyTakenBetweenTwoQuestionsKeepsTheFirstAnswer() {
        ProcessMachine m = asking("send out random(1, 3) + random(1, 3) * 10");
        m.advance();
        m.resumeChoice(2);
        m.advance();
        ProcessMachine c = m.copy();
        m.resumeChoice(1);
        c.resumeChoice(3);
        assertThat(((Request.Send) m.advance()).value()).isEqualTo(12L);
        assertThat(((Request.Send) c.advance()).value()).isEqualTo(32L);
    }

    @Test
    void drawModeGivesTheSameValuesAsBeforeForAFixedSeed() {
        // computed by an independent SplitMix64 (seed 1): lo + floorMod(next, span) for random(0, 1000000)
        List<String> printed = ProcessMachineTest.prints("repeat 3 { print random(0, 1000000) }");
        assertThat(printed).containsExactly("969839", "50052", "587497");
    }

    @Test
    void encodingsAreEqualExactlyWhenStatesAre() {
        ProcessMachine a = asking("x = 0\nforever { x = x + random(0, 1)\nsend out x }");
        ProcessMachine b = a.copy();
        assertThat(a.encode()).isEqualTo(b.encode());
        a.advance(); // asks
        assertThat(a.encode()).isNotEqualTo(b.encode());
        b.advance();
        assertThat(a.encode()).isEqualTo(b.encode());
        a.resumeChoice(0);
        b.resumeChoice(1);
        assertThat(a.encode()).as("a chosen value is state").isNotEqualTo(b.encode());
        a.advance();
        b.advance();
        assertThat(a.encode()).isNotEqualTo(b.encode());
        a.resume();
        b.resume();
        a.advance();
        a.resumeChoice(1);
        b.advance();
        b.resumeChoice(0);
        a.advance();
        b.advance();
        // both sent 1 and wait at the same place with x = 1: the same state by different paths
        assertThat(a.encode()).isEqualTo(b.encode());
        a.resume();
        ProcessMachine fresh = asking("x = 0\nforever { x = x + random(0, 1)\nsend out x }");
        assertThat(fresh.encode()).isNotEqualTo(a.encode());
    }

    @Test
    void encodingSeparatesVariablesPendingRequestsAndBlocks() {
        ProcessMachine m = asking("if true { send out 1 } else { send out 1 }");
        ProcessMachine n = asking("if true { send out 1 } else { send out 1 }");
        m.advance();
        n.advance();
        assertThat(m.encode()).isEqualTo(n.encode());
        ProcessMachine other = asking("if false { send out 1 } else { send out 1 }");
        other.advance();
        assertThat(other.encode()).as("same statements, another block").isNotEqualTo(m.encode());
        ProcessMachine s1 = asking("x = \"a\"\ny = \"b\"\nrecv in");
        ProcessMachine s2 = asking("y = \"b\"\nx = \"a\"\nrecv in");
        s1.advance();
        s2.advance();
        ProcessMachine t1 = asking("x = \"ab\"\nrecv in");
        t1.advance();
        ProcessMachine t2 = asking("x = [\"a\", \"b\"]\nrecv in");
        t2.advance();
        assertThat(t1.encode()).isNotEqualTo(t2.encode());
        ProcessMachine u = asking("x = 1\nrecv in");
        u.advance();
        ProcessMachine v = asking("x = true\nrecv in");
        v.advance();
        assertThat(u.encode()).isNotEqualTo(v.encode());
    }

    @Test
    void drawModeEncodesTheGeneratorSoDifferentSeedsDiffer() {
        var body = ScriptParser.parse("send out random(1, 6)").body();
        MachineScript s = MachineScript.of(body);
        ProcessMachine a = new ProcessMachine("P", s, ProcessMachineTest.PORTS, 1, MachineOptions.defaults());
        ProcessMachine b = new ProcessMachine("P", s, ProcessMachineTest.PORTS, 2, MachineOptions.defaults());
        assertThat(a.encode()).isNotEqualTo(b.encode());
        assertThat(a.copy().encode()).isEqualTo(a.encode());
    }

    @Test
    void blocksAreNumberedInSourceOrder() {
        ParsedScript parsed = ScriptParser.parse("if true { }\nwhile false { select { recv in { }; after 1 { } } }\nrepeat 1 { }");
        assertThat(parsed.diagnostics()).isEmpty();
        var body = parsed.body();
        MachineScript s = MachineScript.of(body);
        assertThat(s.blockCount()).isEqualTo(6);
        assertThat(s.id(body)).isZero();
        var iff = (org.chanvas.model.script.Ast.If) body.stmts().get(0);
        var repeat = (org.chanvas.model.script.Ast.Repeat) body.stmts().get(2);
        assertThat(s.id(iff.branches().getFirst().body())).isEqualTo(1);
        assertThat(s.id(repeat.body())).isEqualTo(5);
    }

    @Test
    void aDeeplyNestedValueEncodesWithoutRecursion() {
        Object v = 1L;
        for (int i = 0; i < 200_000; i++) {
            v = List.of(v);
        }
        ByteSink out = new ByteSink();
        out.writeValue(v);
        assertThat(out.size()).isEqualTo(200_000 * 2 + 2);
    }
}
