package org.chanvas.model.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chanvas.model.script.PortDirection.INBOUND;
import static org.chanvas.model.script.PortDirection.OUTBOUND;

import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The lecture's programs parse cleanly and name exactly the ports their Python originals take as parameters. */
class LectureExamplesTest {

    static Stream<Arguments> examples() {
        return Stream.of(
                Arguments.of("producer", LectureExamples.PRODUCER, Map.of("out", OUTBOUND)),
                Arguments.of("consumer", LectureExamples.CONSUMER, Map.of("in", INBOUND)),
                Arguments.of("producer for two", LectureExamples.PRODUCER_FOR_TWO, Map.of("out", OUTBOUND)),
                Arguments.of("named consumer", LectureExamples.NAMED_CONSUMER, Map.of("in", INBOUND)),
                Arguments.of("select", LectureExamples.SELECT_OVER_TWO, Map.of("left", INBOUND, "right", INBOUND)),
                Arguments.of("barrier worker", LectureExamples.BARRIER_WORKER,
                        Map.of("arrive", OUTBOUND, "release", INBOUND)),
                Arguments.of("barrier", LectureExamples.BARRIER, Map.of("arrive", INBOUND, "release", OUTBOUND)),
                Arguments.of("echo client", LectureExamples.ECHO_CLIENT, Map.of("server", OUTBOUND)),
                Arguments.of("echo server", LectureExamples.ECHO_SERVER, Map.of("clients", INBOUND)),
                Arguments.of("pool master", LectureExamples.POOL_MASTER, Map.of("work", OUTBOUND, "results", INBOUND)),
                Arguments.of("pool worker", LectureExamples.POOL_WORKER, Map.of("work", INBOUND, "results", OUTBOUND)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void parsesCleanlyWithItsPorts(String name, String script, Map<String, PortDirection> ports) {
        ParsedScript parsed = ScriptParser.parse(script);
        assertThat(parsed.diagnostics()).isEmpty();
        assertThat(parsed.ports()).isEqualTo(ports);
    }

    @Test
    void prodConsReadsAsTheLectureWroteIt() {
        assertThat(AstShape.of(ScriptParser.parse(LectureExamples.PRODUCER).body()))
                .isEqualTo("(for i (.. 0 4) {(send out (str \"Message \" i))}); (send out \"kill\")");
        assertThat(AstShape.of(ScriptParser.parse(LectureExamples.CONSUMER).body()))
                .isEqualTo("(forever {(recv m in) (if (== m \"kill\") {(stop)}) (print m)})");
    }

    @Test
    void selectOverTwoProducers() {
        assertThat(AstShape.of(ScriptParser.parse(LectureExamples.SELECT_OVER_TWO).body())).isEqualTo(
                "(= done 0); (while (< done 2) {(select"
                        + " (recv left as m {(if (== m \"kill\") {(= done (+ done 1))} else {(print (str \"left: \" m))})})"
                        + " (recv right as m {(if (== m \"kill\") {(= done (+ done 1))} else {(print (str \"right: \" m))})}))})");
    }

    @Test
    void echoClientServerUseCallAndReply() {
        ParsedScript client = ScriptParser.parse(LectureExamples.ECHO_CLIENT);
        assertThat(client.portUses()).extracting(PortUse::how).containsExactly(PortUse.How.CALL);
        assertThat(AstShape.of(client.body()))
                .isEqualTo("(for i (.. 0 3) {(call answer server (str \"hello \" i)) (print answer)})");
        ParsedScript server = ScriptParser.parse(LectureExamples.ECHO_SERVER);
        assertThat(server.portUses()).extracting(PortUse::how).containsExactly(PortUse.How.RECV, PortUse.How.REPLY);
    }

    @Test
    void workerPoolSendsListJobs() {
        assertThat(AstShape.of(ScriptParser.parse(LectureExamples.POOL_MASTER).body()))
                .startsWith("(= jobs [[\"A\" \"2\"] [\"B\" \"3\"] [\"C\" \"1\"]]); (for job jobs {(send work job)})");
        assertThat(AstShape.of(ScriptParser.parse(LectureExamples.POOL_WORKER).body())).isEqualTo(
                "(forever {(recv job work) (if (== job \"kill\") {(stop)}) (sleep (* (random 1 10) 10))"
                        + " (send results (str self \" did \" (index job 0) \" x \" (index job 1)))})");
    }
}
