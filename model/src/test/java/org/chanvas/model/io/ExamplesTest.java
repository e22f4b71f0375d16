package org.chanvas.model.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.chanvas.model.Network;
import org.chanvas.model.Process;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The shipped examples load, are written exactly as the codec writes them, and say what they teach and expect. */
class ExamplesTest {

    static Path examples() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("examples"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("an examples folder above " + Path.of("").toAbsolutePath()).isNotNull();
        return dir.resolve("examples");
    }

    static Stream<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(examples())) {
            return s.filter(p -> p.getFileName().toString().endsWith(ChanvasFormat.EXTENSION)).sorted().toList().stream();
        }
    }

    private static Network load(Path file) {
        LoadResult r = ChanvasFormat.read(file);
        assertThat(r).as(file.toString()).isInstanceOf(LoadResult.Loaded.class);
        return ((LoadResult.Loaded) r).network();
    }

    @Test
    void theLecturesProgramsTheDeadlockSeriesTheClassicsAndTheUseCasesAreAllThere() throws IOException {
        assertThat(files().map(p -> p.getFileName().toString().replace(ChanvasFormat.EXTENSION, ""))).containsExactlyInAnyOrder(
                // the lecture's programs, named after its files
                "prod-cons", "prod-cons-kill", "mult-cons", "select", "barrier", "pool", "echo-server", "client2",
                "dont-really-block", // the lecture's "we don't really block", after client2
                // the deadlock series
                "ring-k1-rendezvous", "ring-k1-capacity1", "ring-k2-capacity1", "ring-k2-capacity2",
                "ring-k3-capacity2", "ring-k3-unbounded", "acyclic-order-deadlock", "acyclic-order-unbounded",
                "diamond-deadlock", "call-server-waits",
                // classics
                "barrier-rounds", "dining-philosophers", "dining-philosophers-fixed", "echo-three-calls", "pipeline",
                "pool-with-results", "ring-buffered", "ring-deadlock", "ring-safe", "select-with-kills",
                "two-consumers-ten-messages",
                // use cases
                "ripple-carry-adder", "science-pipeline");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void writingWhatWasReadGivesTheFileBackByteForByte(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(ChanvasFormat.write(load(file))).isEqualTo(text);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void eachSaysWhatItTeachesAndExpects(Path file) {
        Network net = load(file);
        assertThat(net.title()).isNotBlank();
        assertThat(net.description()).contains("Outcome: ");
        JsonNode expect = (JsonNode) net.extra().get("expect");
        assertThat(expect).as("expect").isNotNull();
        assertThat(expect.path("check").asText()).isIn("clean", "cycles");
        assertThat(expect.path("run").asText()).isIn("finished", "deadlock", "stuck");
        assertThat(expect.path("verify").asText()).isIn("deadlock-free", "deadlock", "stuck", "error", "inconclusive");
        assertThat(expect.path("cycles").isInt()).isTrue();
        if (expect.path("check").asText().equals("cycles")) {
            assertThat(expect.path("cycles").asInt()).isPositive();
        }
        if (!net.justified().isEmpty()) {
            assertThat(expect.path("cycles").asInt()).isGreaterThanOrEqualTo(net.justified().size());
        }
        // The outcome in words agrees with the machine-readable one.
        String words = switch (expect.path("run").asText()) {
            case "finished" -> "Outcome: finishes";
            case "deadlock" -> "Outcome: deadlocks";
            default -> "Outcome: gets stuck";
        };
        assertThat(net.description()).contains(words);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void processesStandApartSoThatNoBoxCoversAnother(Path file) {
        List<Process> ps = load(file).processes();
        for (int i = 0; i < ps.size(); i++) {
            for (int j = i + 1; j < ps.size(); j++) {
                double d = Math.hypot(ps.get(i).x() - ps.get(j).x(), ps.get(i).y() - ps.get(j).y());
                assertThat(d).as(ps.get(i).id() + " to " + ps.get(j).id()).isGreaterThanOrEqualTo(140);
            }
        }
    }
}
