package org.chanvas.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jdk.management.VirtualThreadSchedulerMXBean;
import org.chanvas.model.Channel;
import org.chanvas.model.ChannelKind;
import org.chanvas.model.Endpoint;
import org.chanvas.model.Network;
import org.chanvas.model.Process;
import org.chanvas.model.io.ChanvasFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code chanvas run}: output lines, diagnosis on stderr, and each exit code of SPEC §4. */
class RunCommandTest {

    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
    }

    Result run(Network n, String... args) throws Exception {
        Path f = dir.resolve("net.chanvas.json");
        Files.writeString(f, ChanvasFormat.write(n));
        return runFile(f, args);
    }

    Result runFile(Path f, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new RunCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 1];
        all[0] = f.toString();
        System.arraycopy(args, 0, all, 1, args.length);
        int code = cl.execute(all);
        return new Result(code, out.toString(), err.toString());
    }

    static Network prodCons(boolean kill) {
        String producer = "for i in 0..3 {\n  send out \"Message {i}\"\n}" + (kill ? "\nsend out \"kill\"" : "");
        return new Network("pc", "", List.of(new Process("producer", 0, 0, producer),
                new Process("consumer", 0, 0, "forever {\n  m = recv in\n  if m == \"kill\" { stop }\n  print m\n}")),
                List.of(new Channel("q", ChannelKind.UNBOUNDED, 0, List.of(new Endpoint("producer", "out")),
                        List.of(new Endpoint("consumer", "in")))), List.of(), null);
    }

    @Test
    void printsEachPrintAsLabelAndTextAndExitsZero() throws Exception {
        for (String[] args : List.of(new String[0], new String[] {"--seed", "7"})) {
            Result r = run(prodCons(true), args);
            assertThat(r.code()).isZero();
            assertThat(r.out().lines()).containsExactly("consumer: Message 0", "consumer: Message 1",
                    "consumer: Message 2");
            // Without --seed the run names the fresh seed it drew, and says nothing else.
            assertThat(r.err()).matches(args.length == 0 ? "seed \\d+ \\(--seed \\d+ repeats this run\\)\n" : "");
        }
    }

    @Test
    void anUnseededRunShowsTheRaceAndItsSeedRepeatsIt() throws Exception {
        Path mult = Path.of(System.getProperty("chanvas.examples", "../examples"), "mult-cons.chanvas.json");
        // Over seeds, each consumer takes a message in some run: the race the lecture shows is visible.
        java.util.Set<String> takers = new java.util.TreeSet<>();
        for (int s = 1; s <= 6; s++) {
            runFile(mult, "--seed", "" + s).out().lines().forEach(l -> takers.add(l.substring(0, l.indexOf(':'))));
        }
        assertThat(takers).containsExactly("consumerA", "consumerB");
        Result fresh = runFile(mult);
        String seed = fresh.err().replaceAll("(?s)^seed (\\d+) .*", "$1");
        assertThat(runFile(mult, "--seed", seed).out()).isEqualTo(fresh.out());
    }

    @Test
    void carriersChangeTheSchedulerForTheRunOnlyAndBadCountsAreRefused() throws Exception {
        var scheduler = ManagementFactory.getPlatformMXBean(VirtualThreadSchedulerMXBean.class);
        int before = scheduler.getParallelism();
        Result r = run(prodCons(true), "--carriers", "1");
        assertThat(r.code()).isZero();
        assertThat(r.out().lines()).containsExactly("consumer: Message 0", "consumer: Message 1",
                "consumer: Message 2");
        assertThat(scheduler.getParallelism()).isEqualTo(before);
        assertThat(run(prodCons(true), "--carriers", "auto").code()).isZero();
        assertThat(scheduler.getParallelism()).isEqualTo(before);
        for (String bad : List.of("0", "-2", "257", "many")) {
            Result b = run(prodCons(true), "--carriers", bad);
            assertThat(b.code()).isEqualTo(2);
            assertThat(b.err()).contains("--carriers must be auto or a number from 1 to 256, got " + bad);
            assertThat(b.out()).isEmpty();
        }
    }

    @Test
    void stuckConsumerExitsThreeWithDiagnosis() throws Exception {
        Result r = run(prodCons(false), "--seed", "1");
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).startsWith("stuck:").contains("consumer waits to receive on in (channel q)");
        Result c = run(prodCons(false));
        assertThat(c.code()).isEqualTo(3);
        assertThat(c.err()).startsWith("seed ").endsWith(r.err());
    }

    @Test
    void scriptErrorExitsFiveWithLineAndColumn() throws Exception {
        Network n = new Network("e", "", List.of(new Process("p", 0, 0, "x = 1\ny = x / 0")), List.of(), List.of(),
                null);
        Result r = run(n);
        assertThat(r.code()).isEqualTo(5);
        assertThat(r.err()).contains("p").contains("2:5").contains("division by zero");
    }

    @Test
    void timeoutExitsFour() throws Exception {
        Network n = new Network("t", "", List.of(new Process("p", 0, 0, "forever { x = 1 }")), List.of(), List.of(),
                null);
        assertThat(run(n, "--timeout", "0.2").code()).isEqualTo(4);
        assertThat(run(n, "--timeout", "0.2", "--seed", "3").code()).isEqualTo(4);
    }

    @Test
    void deadlockTraceNamesTheCycleAndExitsThree() throws Exception {
        Network n = new Network("d", "", List.of(new Process("a", 0, 0, "recv in\nsend out 1"),
                new Process("b", 0, 0, "recv in\nsend out 1")),
                List.of(new Channel("ab", ChannelKind.RENDEZVOUS, 0, List.of(new Endpoint("a", "out")),
                                List.of(new Endpoint("b", "in"))),
                        new Channel("ba", ChannelKind.RENDEZVOUS, 0, List.of(new Endpoint("b", "out")),
                                List.of(new Endpoint("a", "in")))), List.of(), null);
        Path t = dir.resolve("d.jsonl");
        Result r = run(n, "--seed", "0", "--trace", t.toString());
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).startsWith("deadlock:").contains("cycle of waits: a -> b -> a");
        // seeded runs cost a microsecond of virtual time per move: a's and b's first steps
        assertThat(Files.readAllLines(t).getLast()).isEqualTo("{\"type\":\"deadlock\",\"t\":2000,\"kind\":\"deadlock\","
                + "\"waiting\":[{\"process\":\"a\",\"stuck\":false,\"waits\":[{\"channel\":\"ba\",\"port\":\"in\","
                + "\"direction\":\"recv\"}]},{\"process\":\"b\",\"stuck\":false,\"waits\":[{\"channel\":\"ab\","
                + "\"port\":\"in\",\"direction\":\"recv\"}]}],\"cycle\":[\"a\",\"b\"]}");
    }

    @Test
    void invalidInputExitsTwo() throws Exception {
        Path bad = dir.resolve("bad.chanvas.json");
        Files.writeString(bad, "{ not json");
        Result r = runFile(bad);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("bad.chanvas.json");
        Network n = new Network("s", "", List.of(new Process("p", 0, 0, "x = (1")), List.of(), List.of(), null);
        Result s = run(n);
        assertThat(s.code()).isEqualTo(2);
        assertThat(s.err()).contains("process p, line 1:");
    }

    @Test
    void traceHasOneJsonObjectPerEventAndIsTheSameForTheSameSeed() throws Exception {
        Path t1 = dir.resolve("t1.jsonl");
        Path t2 = dir.resolve("t2.jsonl");
        assertThat(run(prodCons(true), "--seed", "42", "--trace", t1.toString()).code()).isZero();
        assertThat(run(prodCons(true), "--seed", "42", "--trace", t2.toString()).code()).isZero();
        List<String> lines = Files.readAllLines(t1);
        assertThat(lines).isEqualTo(Files.readAllLines(t2));
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        for (String l : lines) {
            var node = json.readTree(l); // every line is one complete JSON object
            assertThat(node.isObject()).isTrue();
            assertThat(node.get("t").isIntegralNumber()).isTrue();
        }
        assertThat(lines.stream().map(l -> l.substring(9, l.indexOf('"', 9))).distinct())
                .contains("start", "send", "transfer", "recv", "print", "end");
        assertThat(lines).contains("{\"type\":\"print\",\"t\":5000,\"process\":\"consumer\",\"label\":\"consumer\","
                + "\"text\":\"Message 0\"}");
    }

    /** One switch maps outcomes to exit codes (SPEC §4); an internal error is 70 (EX_SOFTWARE), never 5. */
    @Test
    void eachOutcomeHasItsOwnExitCode() {
        assertThat(RunCommand.exitCode(new org.chanvas.runtime.engine.RunOutcome.Finished())).isZero();
        assertThat(RunCommand.exitCode(new org.chanvas.runtime.engine.RunOutcome.TimedOut(1))).isEqualTo(4);
        assertThat(RunCommand.exitCode(new org.chanvas.runtime.engine.RunOutcome.ScriptFailed("p", "p", 1, 1, "x")))
                .isEqualTo(5);
        assertThat(RunCommand.exitCode(new org.chanvas.runtime.engine.RunOutcome.InternalError("process p", "bug")))
                .isEqualTo(70);
        assertThat(RunCommand.exitCode(new org.chanvas.runtime.engine.RunOutcome.Stopped())).isEqualTo(130);
    }

    static Network one(String id, String script) {
        return new Network("n", "", List.of(new Process(id, 0, 0, script)), List.of(), List.of(), null);
    }

    /**
     * Issue 9 item 3 / issue 14 item 1: a script printing in a tight loop, and two processes in an endless
     * exchange, still end at --timeout (exit 4) with auto carriers (one while nothing computes) and with two.
     * Before, on one carrier the time limit never fired and the printed lines queued without bound.
     */
    @Test
    void aTightPrintLoopAndAnEndlessExchangeEndAtTheTimeoutOnAutoAndTwoCarriers() throws Exception {
        Network pingPong = new Network("pp", "", List.of(
                new Process("a", 0, 0, "forever {\n select { send out 1 { } }\n select { recv in { } }\n}"),
                new Process("b", 0, 0, "forever {\n select { recv in { } }\n select { send out 2 { } }\n}")),
                List.of(new Channel("ab", ChannelKind.RENDEZVOUS, 0, List.of(new Endpoint("a", "out")),
                                List.of(new Endpoint("b", "in"))),
                        new Channel("ba", ChannelKind.RENDEZVOUS, 0, List.of(new Endpoint("b", "out")),
                                List.of(new Endpoint("a", "in")))), List.of(), null);
        Network loud = one("loud", "i = 0\nforever {\n print i\n i = i + 1\n}");
        for (String carriers : List.of("auto", "2")) {
            Result p = run(pingPong, "--timeout", "0.3", "--carriers", carriers);
            assertThat(p.code()).as("ping-pong, carriers " + carriers).isEqualTo(4);
            assertThat(p.err()).contains("timeout");
            Result l = run(loud, "--timeout", "0.3", "--carriers", carriers);
            assertThat(l.code()).as("print loop, carriers " + carriers).isEqualTo(4);
            assertThat(l.out().lines().limit(3)).containsExactly("loud: 0", "loud: 1", "loud: 2");
        }
    }
}
