package org.chanvas.app.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.chanvas.app.diagram.SampleNetworks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicOutputTest {

    @TempDir
    Path dir;

    @Test
    void aBodyThatFailsHalfWayLeavesNoFileAndNoTemporaryFile() throws Exception {
        Path target = dir.resolve("half.png");
        ExportResult r = AtomicOutput.write(target, out -> {
            out.write(new byte[1000]);
            throw new IOException("disk full");
        });
        assertThat(r).isInstanceOf(ExportResult.Failed.class);
        assertThat(((ExportResult.Failed) r).reason()).contains("half.png").contains("disk full");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aFailedExportLeavesAnOldFileAsItWas() throws Exception {
        Path target = dir.resolve("old.svg");
        Files.writeString(target, "old");
        ExportResult r = AtomicOutput.write(target, out -> {
            throw new IllegalStateException("drawing broke");
        });
        assertThat(r).isInstanceOf(ExportResult.Failed.class);
        assertThat(((ExportResult.Failed) r).reason()).contains("old.svg").contains("drawing broke");
        assertThat(Files.readString(target)).isEqualTo("old");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void missingFolderAndFolderTargetAreRefusedWithAReason() {
        ExportResult missing = new SvgExporter().export(SampleNetworks.ring(), null, ExportOptions.defaults(),
                dir.resolve("no/such/folder/x.svg"));
        assertThat(missing).isInstanceOf(ExportResult.Failed.class);
        assertThat(((ExportResult.Failed) missing).reason()).contains("does not exist");
        assertThat(Files.exists(dir.resolve("no"))).isFalse();

        ExportResult folder = new PngExporter().export(SampleNetworks.ring(), null, ExportOptions.defaults(), dir);
        assertThat(((ExportResult.Failed) folder).reason()).contains("is a folder");
    }

    @Test
    void replacingAFileWorksAndKeepsNothingElse() throws Exception {
        Path target = dir.resolve("ring.dot");
        Files.writeString(target, "old");
        assertThat(new DotExporter().export(SampleNetworks.ring(), null, ExportOptions.defaults(), target))
                .isInstanceOf(ExportResult.Written.class);
        assertThat(Files.readString(target)).startsWith("digraph");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }
}
