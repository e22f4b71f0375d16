package org.chanvas.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.chanvas.model.io.ChanvasFormat;
import org.chanvas.model.io.LoadResult;
import org.chanvas.model.script.ScriptParser;
import org.chanvas.runtime.engine.RunOptions;
import org.chanvas.runtime.engine.RunOutcome;
import org.chanvas.runtime.engine.RunPlan;
import org.chanvas.runtime.engine.TraceReplay;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code chanvas verify} and {@code chanvas run --runs}: output, JSON, trace and each exit code of SPEC §4. */
class VerifyCommandTest {

    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
    }

    static Path example(String name) {
        return Path.of("..", "examples", name + ".chanvas.json");
    }

    static Result exec(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    Path file(String json) throws Exception {
        Path f = dir.resolve("net.chanvas.json");
        Files.writeString(f, json);
        return f;
    }

    @Test
    void provesTheBufferedRingAndCallsItsCycleProvenSafe() {
        Result r = exec(new VerifyCommand(), example("ring-buffered").toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("deadlock-free: no deadlock, stuck state or script error in any interleaving (18 states");
        assertThat(r.out()).contains("cycle a -> b -> c (channels ab, bc, ca): proven safe");
    }

    @Test
    void printsTheShortestDeadlockAsNumberedStepsThenTheDiagnosis() {
        Result r = exec(new VerifyCommand(), example("dining-philosophers").toString());
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.out()).startsWith("deadlock reachable in 3 moves (20 states");
        assertThat(r.out()).contains("""
                  1. philosopher1 receives "fork" from fork1 on give1
                  2. philosopher2 receives "fork" from fork2 on give2
                  3. philosopher3 receives "fork" from fork3 on give3

                deadlock: every live process waits and none can move
                """);
        assertThat(r.out()).contains("cycle of waits: fork1 -> philosopher1 -> fork2 -> philosopher2 -> fork3 -> philosopher3 -> fork1");
        assertThat(r.out()).contains("abstraction: sleep: time is not modelled");
    }

    @Test
    void jsonHasTheFieldsOfSpec4() throws Exception {
        Result r = exec(new VerifyCommand(), example("dining-philosophers").toString(), "--json");
        assertThat(r.code()).isEqualTo(3);
        JsonNode o = new ObjectMapper().readTree(r.out());
        assertThat(o.get("verdict").asText()).isEqualTo("deadlock");
        assertThat(o.get("states").asLong()).isEqualTo(20);
        assertThat(o.get("transitions").asLong()).isEqualTo(28);
        assertThat(o.get("seconds").isNumber()).isTrue();
        List<String> types = new ArrayList<>();
        o.get("counterexample").forEach(e -> types.add(e.get("type").asText()));
        assertThat(types).startsWith("start", "start", "start", "start", "start", "start").endsWith("deadlock");
        assertThat(types.stream().filter("transfer"::equals)).hasSize(3);
        assertThat(o.get("diagnosis").asText()).startsWith("deadlock: every live process waits");
        assertThat(o.get("abstractions").get(0).asText()).startsWith("sleep");

        Result proven = exec(new VerifyCommand(), example("ring-buffered").toString(), "--json");
        JsonNode p = new ObjectMapper().readTree(proven.out());
        assertThat(p.get("verdict").asText()).isEqualTo("deadlock-free");
        assertThat(p.has("counterexample")).isFalse();
        assertThat(p.has("diagnosis")).isFalse();
    }

    @Test
    void theTraceReplaysToTheSameDeadlock() throws Exception {
        Path trace = dir.resolve("ce.jsonl");
        Result r = exec(new VerifyCommand(), example("dining-philosophers").toString(), "--trace", trace.toString());
        assertThat(r.code()).isEqualTo(3);
        LoadResult.Loaded loaded = (LoadResult.Loaded) ChanvasFormat.read(example("dining-philosophers"));
        RunPlan plan = RunPlan.compile(loaded.network(), ScriptParser::parse);
        TraceReplay.Result replay = TraceReplay.replay(plan, Files.readString(trace), RunOptions.defaults());
        assertThat(replay).isInstanceOf(TraceReplay.Replayed.class);
        RunOutcome outcome = ((TraceReplay.Replayed) replay).outcome();
        assertThat(outcome).isInstanceOf(RunOutcome.Deadlocked.class);
        assertThat(r.out()).contains(((RunOutcome.Deadlocked) outcome).diagnosis().describe());
    }

    @Test
    void runReplaysTheCounterexampleToTheSameDiagnosis() {
        for (String ex : List.of("dining-philosophers", "prod-cons", "acyclic-order-deadlock")) {
            Path trace = dir.resolve(ex + ".jsonl");
            Result v = exec(new VerifyCommand(), example(ex).toString(), "--trace", trace.toString());
            Result replay = exec(new RunCommand(), example(ex).toString(), "--replay", trace.toString());
            assertThat(replay.code()).as(ex).isEqualTo(v.code()).isEqualTo(3);
            String diagnosis = v.out().substring(v.out().indexOf(replay.err().lines().findFirst().orElseThrow()));
            assertThat(diagnosis).as(ex).startsWith(replay.err());
        }
    }

    @Test
    void aCounterexampleWhereATimeoutFiresEarlyReplaysToo() throws Exception {
        Path f = file("""
                {"format": "chanvas/1", "title": "t", "processes": [
                  {"id": "c", "script": "send out 1"},
                  {"id": "server", "script": "select {\\n recv in as x { print x }\\n after 1000 { print \\"late\\" }\\n}"},
                  {"id": "nap", "script": "select {\\n after 5 { print \\"woke\\" }\\n}"}],
                 "channels": [{"id": "q", "kind": "rendezvous", "writers": ["c.out"], "readers": ["server.in"]}]}
                """);
        Path trace = dir.resolve("after.jsonl");
        Result v = exec(new VerifyCommand(), f.toString(), "--trace", trace.toString());
        assertThat(v.code()).isEqualTo(3);
        assertThat(v.out()).contains("1. server's select times out (after fires; time is not modelled)");
        Result replay = exec(new RunCommand(), f.toString(), "--replay", trace.toString());
        assertThat(replay.code()).as(replay.err() + v.out()).isEqualTo(3);
        assertThat(replay.err()).startsWith("stuck:");
        assertThat(v.out()).contains(replay.err());
    }

    @Test
    void aReachableScriptErrorExitsFive() throws Exception {
        Path f = file("""
                {"format": "chanvas/1", "title": "t", "processes": [
                  {"id": "w1", "script": "send out 1"}, {"id": "w2", "script": "send out 2"},
                  {"id": "r", "script": "x = recv in\\ny = recv in\\nprint 10 / (x - 1)"}],
                 "channels": [{"id": "q", "kind": "rendezvous", "writers": ["w1.out", "w2.out"], "readers": ["r.in"]}]}
                """);
        Result r = exec(new VerifyCommand(), f.toString());
        assertThat(r.code()).isEqualTo(5);
        assertThat(r.out()).startsWith("script error reachable in 2 moves");
        assertThat(r.out()).contains("1. r receives 1 from w1 on q", "2. r receives 2 from w2 on q", "error in r at 3:");
    }

    @Test
    void aGrowingCounterIsInconclusiveAndExitsSix() throws Exception {
        Path f = file("""
                {"format": "chanvas/1", "title": "t", "processes": [
                  {"id": "counter", "script": "n = 0\\nforever {\\n n = n + 1\\n send out n\\n}"},
                  {"id": "sink", "script": "forever { recv in }"}],
                 "channels": [{"id": "q", "kind": "rendezvous", "writers": ["counter.out"], "readers": ["sink.in"]}]}
                """);
        Result r = exec(new VerifyCommand(), f.toString(), "--max-states", "300");
        assertThat(r.code()).isEqualTo(6);
        assertThat(r.out()).startsWith("inconclusive: the state bound of 300 states was reached; variable n of counter reaches");
    }

    @Test
    void aJustifiedRingThatDeadlocksIsReportedContradicted() throws Exception {
        Path f = file("""
                {"format": "chanvas/1", "title": "t", "processes": [
                  {"id": "a", "script": "send right 1\\nrecv left"}, {"id": "b", "script": "send right 1\\nrecv left"}],
                 "channels": [{"id": "ab", "kind": "rendezvous", "writers": ["a.right"], "readers": ["b.left"]},
                              {"id": "ba", "kind": "rendezvous", "writers": ["b.right"], "readers": ["a.left"]}],
                 "justified": [{"channels": ["ab", "ba"], "note": "trust me"}]}
                """);
        Result r = exec(new VerifyCommand(), f.toString());
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.out()).contains("justification contradicted: cycle a -> b (channels ab, ba) deadlocks, though its note says: trust me");
    }

    @Test
    void aServerLeftWaitingForAnEndedClientDoesNotContradictItsCyclesNote() throws Exception {
        Path f = file("""
                {"format": "chanvas/1", "title": "t", "processes": [
                  {"id": "client", "script": "send req 1\\nrecv rep"},
                  {"id": "server", "script": "forever {\\n x = recv req\\n send rep x\\n}"}],
                 "channels": [{"id": "q", "kind": "rendezvous", "writers": ["client.req"], "readers": ["server.req"]},
                              {"id": "r", "kind": "rendezvous", "writers": ["server.rep"], "readers": ["client.rep"]}],
                 "justified": [{"channels": ["q", "r"], "note": "one request, one reply"}]}
                """);
        Result r = exec(new VerifyCommand(), f.toString());
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.out()).startsWith("stuck").doesNotContain("contradicted");
    }

    @Test
    void badInputExitsTwo() throws Exception {
        assertThat(exec(new VerifyCommand(), dir.resolve("missing.chanvas.json").toString()).code()).isEqualTo(2);
        assertThat(exec(new VerifyCommand(), example("ring-buffered").toString(), "--max-states", "0").code())
                .isEqualTo(2);
        Path f = file("{\"format\": \"chanvas/1\", \"processes\": [{\"id\": \"p\", \"script\": \"send \"}], \"channels\": []}");
        Result r = exec(new VerifyCommand(), f.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("process p, line 1:5: expected a port name after 'send'"); // check's words
    }

    @Test
    void runsCountsEachOutcomeWithASeed() {
        Result r = exec(new RunCommand(), example("dining-philosophers").toString(), "--runs", "20");
        assertThat(r.code()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.getFirst()).isEqualTo("outcome      runs    share   seed   outputs");
        assertThat(lines.get(1)).matches("deadlock +20 +100\\.0% +1 +\\d+");
        assertThat(lines.getLast()).startsWith("20 runs (seeds 1..20), ");
        Result ok = exec(new RunCommand(), example("prod-cons-kill").toString(), "--runs", "5");
        assertThat(ok.out().lines().toList().get(1)).matches("finished +5 +100\\.0% +1 +1");
        assertThat(exec(new RunCommand(), example("prod-cons-kill").toString(), "--runs", "0").code()).isEqualTo(2);
    }
}
