package org.chanvas.app.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ExportersTest {

    @Test
    void exporterIsChosenByExtensionInAnyCase() {
        assertThat(Exporters.forPath(Path.of("out/ring.png"))).containsInstanceOf(PngExporter.class);
        assertThat(Exporters.forPath(Path.of("RING.SVG"))).containsInstanceOf(SvgExporter.class);
        assertThat(Exporters.forPath(Path.of("a.b.pdf"))).containsInstanceOf(PdfExporter.class);
        assertThat(Exporters.forExtension(".dot")).containsInstanceOf(DotExporter.class);
        assertThat(Exporters.forPath(Path.of("ring.jpg"))).isEmpty();
        assertThat(Exporters.forPath(Path.of("ring"))).isEmpty();
        assertThat(Exporters.forPath(Path.of(".png"))).isEmpty();
        assertThat(Exporters.all()).extracting(Exporter::extension).containsExactly("png", "svg", "pdf", "dot");
    }

    @Test
    void optionsRefuseScalesOtherThanOneTwoFour() {
        assertThatThrownBy(() -> ExportOptions.defaults().withScale(3)).hasMessageContaining("1, 2 or 4");
        assertThat(ExportOptions.defaults().withScale(4).scale()).isEqualTo(4);
    }
}
