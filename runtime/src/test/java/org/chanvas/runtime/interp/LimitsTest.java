package org.chanvas.runtime.interp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.chanvas.model.script.ParsedScript;
import org.chanvas.model.script.Pos;
import org.chanvas.model.script.ScriptParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Hostile scripts (issue 9) on a real machine: each ends with a script error at the right line and column,
 * never a JVM error, and in time proportional to the limits rather than to what the script asks for.
 */
class LimitsTest {

    static ProcessMachine machine(String script, Limits limits) {
        ParsedScript p = ScriptParser.parse(script);
        assertThat(p.diagnostics()).as(script).isEmpty();
        return new ProcessMachine("P", MachineScript.of(p.body()), ProcessMachineTest.PORTS, 1,
                MachineOptions.defaults().withLimits(limits));
    }

    /** Runs until the machine fails or ends, answering prints and yields; the prints, then the failure (or null). */
    static Request.Failed runToEnd(ProcessMachine m, List<String> printed) {
        while (true) {
            switch (m.advance()) {
                case Request.Print p -> {
                    printed.add(p.text());
                    m.resume();
                }
                case Request.Yield y -> m.resume();
                case Request.Sleep s -> m.resume();
                case Request.Done d -> {
                    return null;
                }
                case Request.Failed f -> {
                    return f;
                }
                case Request r -> throw new AssertionError("unexpected " + r);
            }
        }
    }

    static Request.Failed failure(String script, Limits limits) {
        Request.Failed f = runToEnd(machine(script, limits), new ArrayList<>());
        assertThat(f).as(script).isNotNull();
        return f;
    }

    @Test
    void nestingAHundredThousandDeepIsAScriptErrorAtTheLimit() {
        Request.Failed f = failure("l = [1]\nrepeat 100000 {\n  l = [l]\n}", Limits.defaults());
        assertThat(f.pos()).isEqualTo(new Pos(3, 7));
        assertThat(f.message()).contains("nested deeper than the limit of 200");
    }

    @Test
    void withoutADepthLimitNestingAHundredThousandDeepStillPrintsComparesAndEncodes() {
        Limits unlimitedDepth = Limits.defaults().withMaxDepth(Integer.MAX_VALUE);
        List<String> printed = new ArrayList<>();
        ProcessMachine m = machine("l = [1]\nk = [1]\nrepeat 100000 {\n  l = [l]\n  k = [k]\n}\nprint l == k\n"
                + "print len(\"{l}\")\nsend out l", unlimitedDepth);
        Request r;
        while ((r = m.advance()) instanceof Request.Print p) {
            printed.add(p.text());
            m.resume();
        }
        if (r instanceof Request.Yield) {
            while ((r = m.advance()) instanceof Request.Yield) {
                m.resume();
            }
        }
        // the while loop above stops at the first non-print; drain prints after yields
        while (r instanceof Request.Print p) {
            printed.add(p.text());
            m.resume();
            r = m.advance();
        }
        assertThat(printed).containsExactly("true", String.valueOf(100_001 * 2 + 1));
        assertThat(r).isInstanceOf(Request.Send.class);
        Object deep = ((Request.Send) r).value();
        assertThat(org.chanvas.runtime.value.Values.json(deep)).hasSize(100_001 * 2 + 1);
        assertThat(m.encode().length).isGreaterThan(200_000);
    }

    @Test
    void doublingSixtyTimesStopsAtTheValueSizeLimit() {
        Request.Failed f = failure("l = [1]\nrepeat 60 { l = [l, l] }", Limits.defaults());
        assertThat(f.pos()).isEqualTo(new Pos(2, 17));
        assertThat(f.message()).contains("value larger than the limit of 1000000 items");
    }

    @Test
    // exponential comparison would take centuries: fail instead of hanging the build (a CPU-bound loop
    // ignores interrupts, hence its own thread)
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void withoutASizeLimitDoublingSixtyTimesComparesInLinearTimeAndPrintingStopsAtTheStringLimit() {
        Limits loose = Limits.defaults().withMaxValueSize(Long.MAX_VALUE);
        List<String> printed = new ArrayList<>();
        Request.Failed f = runToEnd(machine("l = [1]\nk = [1]\nrepeat 60 {\n  l = [l, l]\n  k = [k, k]\n}\n"
                + "print l == k\nprint l != [k, 1]\nprint l", loose), printed);
        assertThat(printed).containsExactly("true", "true");
        assertThat(f.pos()).isEqualTo(new Pos(9, 7));
        assertThat(f.message()).isEqualTo("string longer than the limit of 1000000 characters");
    }

    @Test
    void stringDoublingIsAScriptError() {
        Request.Failed f = failure("s = \"ab\"\nforever {\n  s = s + s\n}", Limits.defaults());
        assertThat(f.pos()).isEqualTo(new Pos(3, 7)); // where the sum starts
        assertThat(f.message()).isEqualTo("string longer than the limit of 1000000 characters");
        Request.Failed g = failure("s = \"ab\"\nforever { s = \"{s}{s}\" }", Limits.defaults());
        assertThat(g.message()).isEqualTo("string longer than the limit of 1000000 characters");
    }

    @Test
    void listGrowthIsAScriptError() {
        Request.Failed f = failure("l = []\nforever { l = l + [1] }", Limits.defaults().withMaxListLength(100));
        assertThat(f.pos()).isEqualTo(new Pos(2, 15));
        assertThat(f.message()).isEqualTo("list longer than the limit of 100 items");
    }

    @Test
    void integerEdgeCasesAreScriptErrorsOrExact() {
        String min = "x = -9223372036854775807 - 1\n";
        assertThat(failure(min + "y = x / -1", Limits.defaults()).message())
                .isEqualTo("integer overflow in -9223372036854775808 / -1");
        Request.Failed neg = failure(min + "y = -x", Limits.defaults());
        assertThat(neg.pos()).isEqualTo(new Pos(2, 5));
        assertThat(neg.message()).isEqualTo("integer overflow in -(-9223372036854775808)");
        assertThat(failure(min + "y = x - 1", Limits.defaults()).message()).contains("integer overflow");
        assertThat(failure(min + "y = x * -1", Limits.defaults()).message()).contains("integer overflow");
        List<String> printed = new ArrayList<>();
        assertThat(runToEnd(machine(min + "print x % -1\nprint x / 1", Limits.defaults()), printed)).isNull();
        assertThat(printed).containsExactly("0", "-9223372036854775808");
    }

    @Test
    void aSleepOrTimeoutLongerThanAnyRunWaitsIsAScriptErrorNamingTheMaximum() {
        Request.Failed f = failure("sleep 9223372036854775807", Limits.defaults());
        assertThat(f.pos()).isEqualTo(new Pos(1, 7));
        assertThat(f.message()).isEqualTo("sleep of 9223372036854775807 ms is longer than the longest wait, "
                + "2147483647 ms");
        Request.Failed g = failure("select {\n  recv in { }\n  after 2147483648 { }\n}", Limits.defaults());
        assertThat(g.pos()).isEqualTo(new Pos(3, 9));
        assertThat(g.message()).startsWith("after of 2147483648 ms is longer than the longest wait");
        assertThat(machine("sleep 2147483647", Limits.defaults()).advance())
                .isEqualTo(new Request.Sleep(Integer.MAX_VALUE, new Pos(1, 1)));
    }

    @Test
    void printingStopsAtTheRunsBudgetSharedByItsMachines() {
        OutputBudget shared = new OutputBudget(10);
        MachineOptions options = MachineOptions.defaults().withOutput(shared);
        var body = MachineScript.of(ScriptParser.parse("forever { print \"abcd\" }").body());
        ProcessMachine a = new ProcessMachine("A", body, ProcessMachineTest.PORTS, 1, options);
        ProcessMachine b = new ProcessMachine("B", body, ProcessMachineTest.PORTS, 2, options);
        assertThat(a.advance()).isInstanceOf(Request.Print.class); // 5 bytes with its newline
        a.resume();
        assertThat(b.advance()).isInstanceOf(Request.Print.class); // 10
        b.resume();
        Request r = a.advance();
        assertThat(r).isEqualTo(new Request.Failed(new Pos(1, 11), "the run printed more than its limit of 10 bytes"));
        assertThat(shared.printed()).isEqualTo(10);
    }

    @Test
    void stringsAreSequencesOfCodePoints() {
        List<String> printed = new ArrayList<>();
        assertThat(runToEnd(machine("s = \"😀é\"\nprint len(s)\nprint s[0]\nprint s[1]\nfor c in s { print c }",
                Limits.defaults()), printed)).isNull();
        assertThat(printed).containsExactly("2", "😀", "é", "😀", "é");
        assertThat(failure("print \"😀\"[1]", Limits.defaults()).message())
                .isEqualTo("index 1 out of range for a string of 1");
    }

    @Test
    void messagesAboutHugeValuesStayShort() {
        Request.Failed f = failure("l = []\nfor i in 0..10000 { l = l + [i] }\ny = l - 1", Limits.defaults());
        assertThat(f.message()).startsWith("'-' needs integers, got list [0, 1, 2").hasSizeLessThan(300);
    }
}
