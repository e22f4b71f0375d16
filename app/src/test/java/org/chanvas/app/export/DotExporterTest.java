package org.chanvas.app.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.chanvas.app.diagram.SampleNetworks;
import org.chanvas.model.Network;
import org.jgrapht.Graph;
import org.jgrapht.graph.DirectedPseudograph;
import org.jgrapht.nio.dot.DOTImporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DotExporterTest {

    @TempDir
    Path dir;

    /** An edge read back, with its attributes. */
    static final class ReadEdge {
        final Map<String, String> attrs = new HashMap<>();
    }

    @Test
    void dotParsesBackToTheSameGraphWithKindsCapacitiesAndCycleColours() throws Exception {
        Network ring = SampleNetworks.ring();
        Path out = dir.resolve("ring.dot");
        assertThat(new DotExporter().export(ring, SampleNetworks.ringHighlights(), ExportOptions.defaults(), out))
                .isInstanceOf(ExportResult.Written.class);

        Graph<String, ReadEdge> read = new DirectedPseudograph<>(null, null, false);
        Map<String, Map<String, String>> vertexAttrs = new HashMap<>();
        DOTImporter<String, ReadEdge> importer = new DOTImporter<>();
        importer.setVertexFactory(id -> id);
        importer.setEdgeWithAttributesFactory(attrs -> {
            ReadEdge e = new ReadEdge();
            attrs.forEach((k, v) -> e.attrs.put(k, v.getValue()));
            return e;
        });
        importer.addVertexAttributeConsumer((p, a) -> vertexAttrs.computeIfAbsent(p.getFirst(), k -> new HashMap<>())
                .put(p.getSecond(), a.getValue()));
        importer.importGraph(read, new StringReader(Files.readString(out)));

        assertThat(read.vertexSet()).containsExactlyInAnyOrder("a", "b", "c", "client1", "client2", "server",
                "looper", "channel:jobs");
        List<String> edges = new ArrayList<>();
        for (ReadEdge e : read.edgeSet()) {
            edges.add(read.getEdgeSource(e) + "->" + read.getEdgeTarget(e) + ":" + e.attrs.get("id"));
        }
        assertThat(edges).containsExactlyInAnyOrder("a->b:ab", "b->c:bc", "c->a:ca", "b->a:ba", "a->b:ab2",
                "client1->channel:jobs:jobs", "client2->channel:jobs:jobs", "channel:jobs->server:jobs",
                "c->server:rpc", "looper->looper:self");

        Map<String, ReadEdge> byId = new HashMap<>();
        read.edgeSet().forEach(e -> byId.putIfAbsent(e.attrs.get("id"), e));
        assertThat(byId.get("bc").attrs).containsEntry("kind", "buffered").containsEntry("capacity", "3")
                .containsEntry("color", "red").containsEntry("penwidth", "3").containsEntry("label", "bc [3]");
        assertThat(byId.get("rpc").attrs).containsEntry("kind", "call").doesNotContainKey("color");
        assertThat(byId.get("self").attrs).containsEntry("style", "dashed").containsEntry("color", "#f9a825");
        assertThat(vertexAttrs.get("a")).containsEntry("color", "red").containsEntry("label", "a");
        assertThat(vertexAttrs.get("server")).doesNotContainKey("color");
        assertThat(vertexAttrs.get("channel:jobs")).containsEntry("shape", "circle").containsEntry("kind", "buffered");
    }

    @Test
    void noHighlightLeavesColoursOutAndQuotesInTitlesSurvive() throws Exception {
        Network n = SampleNetworks.producerConsumer().withTitle("The \"classic\" pair", "")
                .mapProcess("producer", p -> p.withLabel("Producer \"P\""));
        String dot = new DotExporter().render(n, SampleNetworks.ringHighlights(), ExportOptions.defaults().withHighlight(false));
        assertThat(dot).doesNotContain("color=").doesNotContain("penwidth");
        Graph<String, ReadEdge> read = new DirectedPseudograph<>(null, null, false);
        Map<String, String> labels = new HashMap<>();
        DOTImporter<String, ReadEdge> importer = new DOTImporter<>();
        importer.setVertexFactory(id -> id);
        importer.setEdgeWithAttributesFactory(a -> new ReadEdge());
        importer.addVertexAttributeConsumer((p, a) -> {
            if (p.getSecond().equals("label")) {
                labels.put(p.getFirst(), a.getValue());
            }
        });
        importer.importGraph(read, new StringReader(dot));
        assertThat(read.vertexSet()).containsExactlyInAnyOrder("producer", "consumer");
        assertThat(labels.get("producer")).isEqualTo("Producer \"P\"");
        assertThat(read.edgeSet()).hasSize(1);
    }
}
