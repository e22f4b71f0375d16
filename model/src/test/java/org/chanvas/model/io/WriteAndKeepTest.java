package org.chanvas.model.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.chanvas.model.Channel;
import org.chanvas.model.ChannelKind;
import org.chanvas.model.Endpoint;
import org.chanvas.model.Justification;
import org.chanvas.model.Network;
import org.chanvas.model.Process;
import org.junit.jupiter.api.Test;

/** The written layout, exactly, and unknown fields at every level surviving a load and a save. */
class WriteAndKeepTest {

    private static Network loaded(String text) {
        LoadResult r = ChanvasFormat.read(text, "t.json");
        assertThat(r).isInstanceOf(LoadResult.Loaded.class);
        return ((LoadResult.Loaded) r).network();
    }

    @Test
    void writesInAFixedOrderWithTwoSpaceIndentAndAFinalNewline() {
        Network net = new Network("Pair", "one \"quoted\" word\nand a line",
                List.of(new Process("b", "Bee", 120, 160.5, "send out [\"A\", \"2\"]\n", Map.of()),
                        new Process("a", 0, -0.25, "")),
                List.of(new Channel("q", ChannelKind.BUFFERED, 3, List.of(new Endpoint("b", "out")),
                        List.of(new Endpoint("a", "in"), new Endpoint("a", "in2")), "jobs", 200.0, 80.0, Map.of())),
                List.of(new Justification(new TreeSet<>(Set.of("q")), "safe")), Map.of());
        assertThat(ChanvasFormat.write(net)).isEqualTo("""
                {
                  "format": "chanvas/1",
                  "title": "Pair",
                  "description": "one \\"quoted\\" word\\nand a line",
                  "processes": [
                    {
                      "id": "b",
                      "label": "Bee",
                      "x": 120,
                      "y": 160.5,
                      "script": "send out [\\"A\\", \\"2\\"]\\n"
                    },
                    {
                      "id": "a",
                      "x": 0,
                      "y": -0.25,
                      "script": ""
                    }
                  ],
                  "channels": [
                    {
                      "id": "q",
                      "label": "jobs",
                      "kind": "buffered",
                      "capacity": 3,
                      "writers": ["b.out"],
                      "readers": ["a.in", "a.in2"],
                      "x": 200,
                      "y": 80
                    }
                  ],
                  "justified": [
                    {
                      "channels": ["q"],
                      "note": "safe"
                    }
                  ]
                }
                """);
    }

    @Test
    void anEmptyNetworkStillNamesItsFormatAndLists() {
        assertThat(ChanvasFormat.write(Network.empty())).isEqualTo("""
                {
                  "format": "chanvas/1",
                  "processes": [],
                  "channels": []
                }
                """);
        assertThat(loaded(ChanvasFormat.write(Network.empty()))).isEqualTo(Network.empty());
    }

    @Test
    void unknownFieldsAtEveryLevelAreKeptAndWrittenBackSortedAfterTheKnownOnes() {
        String text = """
                {
                  "format": "chanvas/1",
                  "zeta": [1, 2.50, null, {"deep": true}],
                  "processes": [
                    {"id": "p", "script": "", "x": 1, "y": 2, "colour": "#ff0000"}
                  ],
                  "channels": [
                    {"id": "c", "kind": "call", "writers": ["p.out"], "readers": ["p2.in"], "weight": 12345678901234567890}
                  ],
                  "justified": [
                    {"channels": ["c"], "note": "n", "by": {"who": "Ada", "when": null}}
                  ],
                  "expect": {"check": "clean", "run": "finished"}
                }
                """.replace("\"processes\": [\n", "\"processes\": [\n    {\"id\": \"p2\", \"script\": \"\"},\n");
        Network net = loaded(text);
        assertThat(net.extra()).containsOnlyKeys("zeta", "expect");
        assertThat(((JsonNode) net.extra().get("expect")).path("run").asText()).isEqualTo("finished");
        assertThat(net.process("p").orElseThrow().extra()).containsOnlyKeys("colour");
        assertThat(net.channel("c").orElseThrow().extra().get("weight").toString()).isEqualTo("12345678901234567890");
        assertThat(((JsonNode) net.justified().getFirst().extra().get("by")).path("who").asText()).isEqualTo("Ada");

        String written = ChanvasFormat.write(net);
        assertThat(written).isEqualTo("""
                {
                  "format": "chanvas/1",
                  "processes": [
                    {
                      "id": "p2",
                      "x": 0,
                      "y": 0,
                      "script": ""
                    },
                    {
                      "id": "p",
                      "x": 1,
                      "y": 2,
                      "script": "",
                      "colour": "#ff0000"
                    }
                  ],
                  "channels": [
                    {
                      "id": "c",
                      "kind": "call",
                      "writers": ["p.out"],
                      "readers": ["p2.in"],
                      "weight": 12345678901234567890
                    }
                  ],
                  "justified": [
                    {
                      "channels": ["c"],
                      "note": "n",
                      "by": {
                        "who": "Ada",
                        "when": null
                      }
                    }
                  ],
                  "expect": {
                    "check": "clean",
                    "run": "finished"
                  },
                  "zeta": [
                    1,
                    2.50,
                    null,
                    {
                      "deep": true
                    }
                  ]
                }
                """);
        assertThat(loaded(written)).isEqualTo(net);
    }

    @Test
    void plainJavaValuesInExtrasAreWrittenAsJson() {
        Network net = Network.empty().withProcesses(List.of(new Process("p", null, 0, 0, "",
                Map.of("tags", List.of("a", 2, true), "pos", Map.of("k", 1.5)))));
        assertThat(ChanvasFormat.write(net)).contains("""
                      "pos": {
                        "k": 1.5
                      },
                      "tags": ["a", 2, true]
                """);
    }

    @Test
    void awkwardStringsSurvive() {
        String script = "print \"tab\\there\" # ünï \u2028 \u0001 \\ \uD83D\uDE00 lone \uD800 end";
        Network net = Network.empty().withProcesses(List.of(new Process("p", 0, 0, script)));
        String text = ChanvasFormat.write(net);
        assertThat(text).contains("\\u0001").contains("\\u2028").contains("\\ud800").contains("\uD83D\uDE00").contains("ünï");
        assertThat(loaded(text)).isEqualTo(net);
    }
}
