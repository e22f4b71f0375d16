package org.chanvas.runtime.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.chanvas.model.Endpoint;
import org.junit.jupiter.api.Test;

/** Bad traces are reported with the line that does not fit, never thrown. */
class TraceReaderTest {

    static final String GOOD = "{\"type\":\"start\",\"t\":0,\"process\":\"a\",\"label\":\"A\"}\n";

    static String malformed(String trace) {
        TraceReader.Result r = TraceReader.read(trace);
        assertThat(r).isInstanceOf(TraceReader.Malformed.class);
        return ((TraceReader.Malformed) r).describe();
    }

    @Test
    void readsLinesWithTheirNumbersSkippingBlankOnes() {
        TraceReader.Result r = TraceReader.read(GOOD + "\n"
                + "{\"type\":\"transfer\",\"t\":5,\"channel\":\"c\",\"from\":\"a.out\",\"to\":\"b.in\",\"value\":[1,\"x\",true]}\n");
        assertThat(r).isEqualTo(new TraceReader.Read(List.of(
                new TraceReader.Traced(1, new RunEvent.Started(0, "a", "A")),
                new TraceReader.Traced(3, new RunEvent.Transfer(5, "c", new Endpoint("a", "out"),
                        new Endpoint("b", "in"), List.of(1L, "x", true))))));
    }

    @Test
    void notJsonNamesTheLine() {
        assertThat(malformed(GOOD + GOOD + "{\"type\":\"end\",\n")).startsWith("line 3: not JSON");
    }

    @Test
    void unknownTypeNamesIt() {
        assertThat(malformed(GOOD + "{\"type\":\"explode\",\"t\":0}")).isEqualTo("line 2: unknown event type \"explode\"");
    }

    @Test
    void missingAndWrongFieldsAreNamed() {
        assertThat(malformed("{\"type\":\"end\",\"t\":0}")).isEqualTo("line 1: \"process\" is missing");
        assertThat(malformed("{\"type\":\"end\",\"t\":\"soon\",\"process\":\"a\"}"))
                .isEqualTo("line 1: \"t\" must be a whole number");
        assertThat(malformed("[1,2]")).isEqualTo("line 1: expected a JSON object, one event per line");
        assertThat(malformed("{\"type\":\"transfer\",\"t\":0,\"channel\":\"c\",\"from\":\"nodot\",\"to\":\"b.in\",\"value\":1}"))
                .isEqualTo("line 1: \"from\" must be process.port, not \"nodot\"");
        assertThat(malformed("{\"type\":\"send\",\"t\":0,\"process\":\"a\",\"port\":\"o\",\"channel\":\"c\",\"value\":1.5}"))
                .isEqualTo("line 1: value must be a whole number, a string, true/false or a list of those");
        assertThat(malformed("{\"type\":\"block\",\"t\":0,\"process\":\"a\",\"waits\":[{\"channel\":\"c\",\"port\":\"p\","
                + "\"direction\":\"sideways\"}]}"))
                .isEqualTo("line 1: waits[0].direction must be send, recv or reply, not \"sideways\"");
        assertThat(malformed("{\"type\":\"buffer\",\"t\":0,\"channel\":\"c\",\"held\":99999999999}"))
                .isEqualTo("line 1: \"held\" is too large");
    }
}
