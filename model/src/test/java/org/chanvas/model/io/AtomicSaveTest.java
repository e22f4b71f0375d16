package org.chanvas.model.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.chanvas.model.Network;
import org.chanvas.model.Process;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saving replaces the file whole or not at all, and says why when it cannot. */
class AtomicSaveTest {

    @TempDir
    Path dir;

    private final Network net = Network.empty().withTitle("Saved", "")
            .withProcesses(List.of(new Process("p", 10, 20, "print \"hi\"")));
    private static final String OLD = "{\"format\": \"chanvas/1\", \"title\": \"old\"}\n";

    private List<String> folder() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void savesTheWrittenTextAndLeavesNoTemporaryFile() throws IOException {
        Path f = dir.resolve("a.chanvas.json");
        Files.writeString(f, OLD);
        SaveResult r = ChanvasFormat.save(net, f);
        assertThat(r).isEqualTo(new SaveResult.Saved(f));
        assertThat(Files.readString(f)).isEqualTo(ChanvasFormat.write(net));
        assertThat(ChanvasFormat.read(f)).isEqualTo(new LoadResult.Loaded(net));
        assertThat(folder()).containsExactly("a.chanvas.json");
    }

    @Test
    void aFailedReplaceLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path f = dir.resolve("a.chanvas.json");
        Files.writeString(f, OLD);
        SaveResult r = ChanvasFormat.save(net, f, (temp, target) -> {
            // The temporary file is complete when the swap is attempted.
            assertThat(Files.readString(temp)).isEqualTo(ChanvasFormat.write(net));
            throw new IOException("disk pulled out");
        });
        assertThat(r).isEqualTo(new SaveResult.SaveFailed(f, "cannot save to " + f + ": disk pulled out"));
        assertThat(Files.readString(f)).isEqualTo(OLD);
        assertThat(folder()).containsExactly("a.chanvas.json");
    }

    @Test
    void aTargetThatIsAFolderIsRefusedAndLeftAlone() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("x.chanvas.json"));
        Files.writeString(folder.resolve("inside.txt"), "keep");
        SaveResult r = ChanvasFormat.save(net, folder);
        assertThat(r).isEqualTo(new SaveResult.SaveFailed(folder, "cannot save to " + folder + ": it is a folder, not a file"));
        assertThat(Files.readString(folder.resolve("inside.txt"))).isEqualTo("keep");
        assertThat(folder()).containsExactly("x.chanvas.json");
    }

    @Test
    void aMissingFolderIsNamed() {
        Path f = dir.resolve("nope").resolve("a.chanvas.json");
        assertThat(ChanvasFormat.save(net, f)).isEqualTo(new SaveResult.SaveFailed(f,
                "cannot save to " + f + ": the folder " + dir.resolve("nope") + " does not exist"));
    }

    @Test
    void aFolderWithoutWriteRightsLeavesTheOldFile() throws IOException {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path f = dir.resolve("a.chanvas.json");
        Files.writeString(f, OLD);
        Path ro = Files.createDirectory(dir.resolve("ro"));
        Path g = ro.resolve("b.chanvas.json");
        Files.writeString(g, OLD);
        Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeFalse(Files.isWritable(ro), "running as a user who may write anywhere (root)");
            SaveResult r = ChanvasFormat.save(net, g);
            assertThat(r).isInstanceOf(SaveResult.SaveFailed.class);
            assertThat(((SaveResult.SaveFailed) r).message()).startsWith("cannot save to " + g + ": permission denied");
            assertThat(Files.readString(g)).isEqualTo(OLD);
        } finally {
            Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void anExistingFileKeepsItsPermissions() throws IOException {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path f = dir.resolve("a.chanvas.json");
        Files.writeString(f, OLD);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r-----"));
        assertThat(ChanvasFormat.save(net, f)).isEqualTo(new SaveResult.Saved(f));
        assertThat(Files.readString(f)).isEqualTo(ChanvasFormat.write(net));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-r-----");
    }

    @Test
    void savingThroughALinkUpdatesItsTargetAndKeepsTheLink() throws IOException {
        Path real = dir.resolve("real.chanvas.json");
        Files.writeString(real, OLD);
        Path link = Files.createSymbolicLink(dir.resolve("link.chanvas.json"), real.getFileName());
        assertThat(ChanvasFormat.save(net, link)).isEqualTo(new SaveResult.Saved(link));
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real, StandardCharsets.UTF_8)).isEqualTo(ChanvasFormat.write(net));
    }
}
