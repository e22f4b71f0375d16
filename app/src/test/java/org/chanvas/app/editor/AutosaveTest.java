package org.chanvas.app.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.chanvas.app.editor.files.Autosave;
import org.chanvas.app.editor.files.RecentFiles;
import org.chanvas.model.Network;
import org.chanvas.model.Process;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unsaved work survives a crash; recent files survive a restart. */
class AutosaveTest {

    @TempDir
    Path dir;

    private final Network work = new Network("Draft", "", List.of(new Process("a", 10, 20, "print 1")), List.of(),
            List.of(), Map.of());

    @Test
    void aCopyLeftByACrashedSessionIsOfferedToTheNextOneWithItsOriginalFile() {
        Path original = dir.resolve("mine.chanvas.json");
        Autosave crashed = new Autosave(dir.resolve("autosave"), "old");
        assertThat(crashed.write(work, Optional.of(original))).isTrue();

        Autosave next = new Autosave(dir.resolve("autosave"), "new");
        List<Autosave.Leftover> left = next.leftovers();
        assertThat(left).singleElement().satisfies(l -> {
            assertThat(l.network()).isEqualTo(work);
            assertThat(l.original()).contains(original.toAbsolutePath());
        });
        next.forget(left.getFirst());
        assertThat(next.leftovers()).isEmpty();
    }

    @Test
    void aSessionNeverOffersItsOwnCopyAndDiscardsItOnACleanExit() {
        Autosave me = new Autosave(dir, "me");
        assertThat(me.write(work, Optional.empty())).isTrue();
        assertThat(me.leftovers()).isEmpty();
        assertThat(Files.exists(me.copyFile())).isTrue();
        me.discard();
        assertThat(Files.exists(me.copyFile())).isFalse();
    }

    @Test
    void recentFilesAreNewestFirstWithoutDuplicatesAndForgetMissingFiles() throws Exception {
        Path a = Files.writeString(dir.resolve("a.chanvas.json"), "{}");
        Path b = Files.writeString(dir.resolve("b.chanvas.json"), "{}");
        RecentFiles recent = new RecentFiles(dir.resolve("state/recent.txt"));
        recent.remember(a);
        recent.remember(b);
        recent.remember(a);
        assertThat(recent.list()).containsExactly(a.toAbsolutePath(), b.toAbsolutePath());
        Files.delete(b);
        assertThat(new RecentFiles(dir.resolve("state/recent.txt")).list()).containsExactly(a.toAbsolutePath());
    }
}
