package org.chanvas.runtime.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chanvas.runtime.Nets.net;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.chanvas.model.ChannelKind;
import org.chanvas.runtime.Nets;
import org.chanvas.runtime.event.EventQueue;
import org.chanvas.runtime.event.RunEvent;
import org.chanvas.runtime.interp.Limits;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile inputs of issue 9, rebuilt, as whole runs on both engines: each ends with a script error
 * naming the process, line and column (never a JVM error, a hang or an overrun).
 */
class HostileScriptsTest {

    static final Duration LIMIT = Duration.ofSeconds(60);

    static Stream<Arguments> cases() {
        Nets printers = net().process("a", "forever { print \"0123456789\" }")
                .process("b", "forever { print \"0123456789\" }");
        return Stream.of(
                Arguments.of("nested 100,000 deep", net().process("p", "l = [1]\nrepeat 100000 {\n  l = [l]\n}"),
                        Limits.defaults(), 3, 7, "nested deeper than the limit of 200 levels"),
                Arguments.of("doubled 60 times", net().process("p", "l = [1]\nrepeat 60 { l = [l, l] }"),
                        Limits.defaults(), 2, 17, "value larger than the limit"),
                Arguments.of("string doubling", net().process("p", "s = \"x\"\nforever { s = s + s }"),
                        Limits.defaults(), 2, 15, "string longer than the limit of 1000000 characters"),
                Arguments.of("MIN_VALUE / -1", net().process("p", "x = -9223372036854775807 - 1\nprint x / -1"),
                        Limits.defaults(), 2, 7, "integer overflow"),
                Arguments.of("-MIN_VALUE", net().process("p", "x = -9223372036854775807 - 1\nprint -x"),
                        Limits.defaults(), 2, 7, "integer overflow"),
                Arguments.of("huge sleep", net().process("p", "sleep 9223372036854775807\nprint 1"),
                        Limits.defaults(), 1, 7, "longer than the longest wait, 2147483647 ms"),
                Arguments.of("a list sent and grown by its receiver", net()
                                .process("p", "l = [0]\nforever {\n  send out l\n  l = recv in\n}")
                                .process("q", "forever {\n  m = recv in\n  send out [m, m]\n}")
                                .kind("pq", ChannelKind.RENDEZVOUS, 0, "p.out", "q.in")
                                .kind("qp", ChannelKind.RENDEZVOUS, 0, "q.out", "p.in"),
                        Limits.defaults(), 3, 12, "value larger than the limit"),
                Arguments.of("two processes printing past the run's budget", printers,
                        Limits.defaults().withMaxPrintedBytes(1000), 1, 11, "the run printed more than its limit of 1000 bytes"));
    }

    @ParameterizedTest(name = "{0}, seeded")
    @MethodSource("cases")
    void seededRunEndsWithAScriptError(String name, Nets n, Limits limits, int line, int column, String message)
            throws Exception {
        check(new DeterministicEngine(), n, limits, line, column, message);
    }

    @ParameterizedTest(name = "{0}, concurrent")
    @MethodSource("cases")
    void concurrentRunEndsWithAScriptError(String name, Nets n, Limits limits, int line, int column, String message)
            throws Exception {
        check(new ConcurrentEngine(), n, limits, line, column, message);
    }

    private static void check(Engine engine, Nets n, Limits limits, int line, int column, String message)
            throws Exception {
        EventQueue q = new EventQueue();
        RunOutcome outcome;
        try (Run r = engine.prepare(n.plan(), RunOptions.defaults().withSeed(7).withLimits(limits).withSink(q))) {
            r.start();
            outcome = r.await(LIMIT).orElseThrow(() -> new AssertionError("run did not end"));
        }
        assertThat(outcome).isInstanceOf(RunOutcome.ScriptFailed.class);
        RunOutcome.ScriptFailed f = (RunOutcome.ScriptFailed) outcome;
        assertThat(List.of(f.line(), f.column())).as(f.message()).isEqualTo(List.of(line, column));
        assertThat(f.message()).contains(message);
        long printed = q.drain().stream().filter(e -> e instanceof RunEvent.Printed)
                .mapToLong(e -> ((RunEvent.Printed) e).text().length() + 1).sum();
        assertThat(printed).isLessThanOrEqualTo(limits.maxPrintedBytes());
    }
}
