package org.chanvas.model.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Inputs a hostile user gives (issue 14 item 4, issue 9 item 4): things that are not files, JSON beyond the
 * parser's limits, coordinates far off the drawing. Each is refused with one located sentence.
 */
class HostileInputTest {

    private static final String ONE = """
            {"format": "chanvas/1",
             "processes": [{"id": "p", "x": X, "y": 0, "script": ""}]}
            """;

    private static LoadError fault(LoadResult r) {
        assertThat(r).isInstanceOf(LoadResult.Failed.class);
        return ((LoadResult.Failed) r).error();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/dev/zero", "/dev/urandom", "/dev/null"})
    void devicesAreRefusedBeforeReading(String device) {
        assumeTrue(Files.exists(Path.of(device)));
        assertThat(fault(ChanvasFormat.read(Path.of(device))).describe()).isEqualTo(device
                + ": it is not a regular file (a device, a pipe or a socket); Chanvas reads only files");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aFifoIsRefusedWithoutOpeningIt(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("fifo.chanvas.json");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeTrue(mk.waitFor() == 0, "mkfifo is not available");
        // Opening a FIFO for reading blocks until a writer comes: the old code never returned here.
        assertThat(fault(ChanvasFormat.read(fifo)).message())
                .isEqualTo("it is not a regular file (a device, a pipe or a socket); Chanvas reads only files");
    }

    @Test
    void aLinkToAFileIsReadThroughTheLink(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("a.chanvas.json"), ONE.replace("X", "1"));
        Path link = Files.createSymbolicLink(dir.resolve("link.chanvas.json"), file);
        assertThat(ChanvasFormat.read(link)).isInstanceOf(LoadResult.Loaded.class);
    }

    @Test
    void nestingBeyondAThousandLevelsIsNamedWithItsPlace() {
        // Column 1030 is the 1,001st bracket, the first one too deep.
        String text = "{\"format\": \"chanvas/1\", \"x\": " + "[".repeat(1500) + "]".repeat(1500) + "}";
        LoadError e = fault(ChanvasFormat.read(text, "deep.json"));
        assertThat(e.describe()).isEqualTo("deep.json:1:1030: nested too deep at line 1, column 1030"
                + " (more than 1000 levels of lists and objects)");
    }

    @Test
    void aNumberOfMoreThanAThousandDigitsIsNamedWithItsPlace() {
        LoadError e = fault(ChanvasFormat.read(ONE.replace("X", "7".repeat(1500)), "long.json"));
        assertThat(e.message()).startsWith("number too long at line 2, column ")
                .endsWith(" (more than 1000 characters)")
                .doesNotContain("Constraints").doesNotContain("Exception");
        assertThat(e.line()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e308", "-1e308", "123456789012345678901234567890", "1000000.5"})
    void coordinatesOffTheDrawingAreRefusedAtLoad(String x) {
        LoadError e = fault(ChanvasFormat.read(ONE.replace("X", x), "far.json"));
        assertThat(e.path()).isEqualTo("processes[0].x");
        assertThat(e.message()).startsWith("process p: x = ")
                .endsWith(" is off the drawing; a coordinate is at most ±1000000 diagram units");
    }

    @Test
    void theEdgeOfTheDrawingStillLoads() {
        assertThat(ChanvasFormat.read(ONE.replace("X", "-1000000"), "edge.json")).isInstanceOf(LoadResult.Loaded.class);
    }

    @Test
    void aHugeExponentIsQuotedShortly() {
        // toPlainString of 1e999999999 is a billion digits: the old message took tens of seconds to build.
        String text = """
                {"format": "chanvas/1",
                 "processes": [{"id": "p", "script": "send out 1"}, {"id": "c", "script": "recv in"}],
                 "channels": [{"id": "q", "kind": "buffered", "capacity": 1e999999999,
                               "writers": ["p.out"], "readers": ["c.in"]}]}
                """;
        assertThat(fault(ChanvasFormat.read(text, "cap.json")).message())
                .isEqualTo("expected a whole number, found 1E+999999999");
    }
}
