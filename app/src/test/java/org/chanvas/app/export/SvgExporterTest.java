package org.chanvas.app.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.chanvas.app.diagram.Highlights;
import org.chanvas.app.diagram.SampleNetworks;
import org.chanvas.model.Network;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class SvgExporterTest {

    @TempDir
    Path dir;

    @Test
    void svgIsWellFormedVectorWithEveryLabelAsTextAndOnePathPerChannel() throws Exception {
        Network ring = SampleNetworks.ring();
        Path out = dir.resolve("ring.svg");
        ExportResult r = new SvgExporter().export(ring, SampleNetworks.ringHighlights(), ExportOptions.defaults(), out);
        assertThat(r).isInstanceOf(ExportResult.Written.class);
        Document doc = parse(Files.readString(out));

        List<String> texts = new ArrayList<>();
        NodeList textNodes = doc.getElementsByTagName("text");
        for (int i = 0; i < textNodes.getLength(); i++) {
            texts.add(textNodes.item(i).getTextContent());
        }
        for (var p : ring.processes()) {
            assertThat(texts).as("process label").contains(p.displayLabel());
        }
        assertThat(texts).contains("ab", "bc [3]", "jobs [4]", "rpc (call)", "…12", "self", "extra");

        NodeList groups = doc.getElementsByTagName("g");
        for (var c : ring.channels()) {
            Element route = null;
            for (int i = 0; i < groups.getLength(); i++) {
                Element g = (Element) groups.item(i);
                if (g.getAttribute("id").equals("route-" + c.id())) {
                    assertThat(route).as("one route for " + c.id()).isNull();
                    route = g;
                }
            }
            assertThat(route).as("route of " + c.id()).isNotNull();
            assertThat(route.getElementsByTagName("path").getLength()).as(c.id()).isEqualTo(1);
            assertThat(((Element) route.getParentNode()).getAttribute("class")).isEqualTo("channel");
        }
        assertThat(doc.getElementsByTagName("image").getLength()).isZero();
        // Small: a handful of kilobytes per element, not a bitmap.
        assertThat(Files.size(out)).isLessThan(60_000);
    }

    @Test
    void cycleChannelsAreRedAndThickOnlyWhenHighlighted() {
        Network ring = SampleNetworks.ring();
        String on = new SvgExporter().render(ring, SampleNetworks.ringHighlights(), ExportOptions.defaults());
        String off = new SvgExporter().render(ring, SampleNetworks.ringHighlights(),
                ExportOptions.defaults().withHighlight(false));
        assertThat(on).contains("stroke:rgb(211,47,47)").contains("rgb(249,168,37)");
        assertThat(off).doesNotContain("rgb(211,47,47)").doesNotContain("rgb(249,168,37)");
        assertThat(new SvgExporter().render(ring, Highlights.NONE, ExportOptions.defaults())).isEqualTo(off);
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        // The DOCTYPE names a DTD on the web; a test must not fetch it.
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }
}
