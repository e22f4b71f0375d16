package org.chanvas.runtime.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chanvas.model.ChannelKind;
import org.chanvas.model.Channel;
import org.chanvas.model.Endpoint;
import org.chanvas.model.Network;
import org.chanvas.model.Process;
import org.chanvas.model.script.ScriptParser;
import org.chanvas.runtime.event.EventQueue;
import org.chanvas.runtime.event.RunEvent;
import org.junit.jupiter.api.Test;

/** Process parameters (SPEC §3.1) reach the script as variables from its first line, in both engines. */
class ParamsRunTest {

    @Test
    void oneScriptTwoProducersByParameter() throws Exception {
        String producer = "for i in 0..count {\n  send out \"{name} {i}\"\n}";
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("name", "A");
        a.put("count", 2L);
        Network net = new Network("params", "", List.of(
                new Process("a", null, 0, 0, producer, Map.of(), a),
                new Process("b", null, 0, 0, producer, Map.of(), Map.of("name", "B", "count", 1L)),
                new Process("c", null, 0, 0, "repeat 3 {\n  m = recv in\n  print m\n}", Map.of(), Map.of())),
                List.of(new Channel("q", ChannelKind.UNBOUNDED, 0,
                        List.of(new Endpoint("a", "out"), new Endpoint("b", "out")), List.of(new Endpoint("c", "in")),
                        null, null, null, Map.of())),
                List.of(), null);
        RunPlan plan = RunPlan.compile(net, ScriptParser::parse);
        for (Engine engine : List.of(new DeterministicEngine(), new ConcurrentEngine())) {
            EventQueue q = new EventQueue();
            try (Run r = engine.prepare(plan, RunOptions.defaults().withSeed(3).withSink(q))) {
                r.start();
                assertThat(r.await(Duration.ofSeconds(20))).contains(new RunOutcome.Finished());
            }
            assertThat(q.drain().stream().filter(e -> e instanceof RunEvent.Printed)
                    .map(e -> ((RunEvent.Printed) e).text()).toList())
                    .as(engine.getClass().getSimpleName()).containsExactlyInAnyOrder("A 0", "A 1", "B 0");
        }
    }
}
