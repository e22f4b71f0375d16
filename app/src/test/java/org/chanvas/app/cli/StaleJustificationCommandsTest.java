package org.chanvas.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.chanvas.model.ChannelKind;
import org.chanvas.model.Justification;
import org.chanvas.model.Network;
import org.chanvas.model.edit.EditResult;
import org.chanvas.model.edit.SetChannelKind;
import org.chanvas.model.io.ChanvasFormat;
import org.chanvas.model.io.LoadResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code chanvas check} and {@code verify} on a stale justification: the worker pool whose "both queues are
 * unbounded" was written before its queues became rendezvous (it then deadlocks in every seed) must fail, and
 * say why.
 */
class StaleJustificationCommandsTest {

    @TempDir
    Path dir;

    private record Outcome(int code, String out, String err) {
    }

    private Outcome check(Path file, String... more) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new CheckCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        String[] args = new String[more.length + 1];
        args[0] = file.toString();
        System.arraycopy(more, 0, args, 1, more.length);
        return new Outcome(cli.execute(args), out.toString(), err.toString());
    }

    private static Path example(String name) {
        Path d = Path.of("").toAbsolutePath();
        while (d != null && !Files.isDirectory(d.resolve("examples"))) {
            d = d.getParent();
        }
        assertThat(d).as("an examples folder above the working directory").isNotNull();
        return d.resolve("examples/" + name + ".chanvas.json");
    }

    private static Path pool() {
        return example("pool-with-results");
    }

    /** The shipped worker pool with both queues made rendezvous, its justification left as it was. */
    private Path poolOnRendezvous() throws IOException {
        Network n = ((LoadResult.Loaded) ChanvasFormat.read(pool())).network();
        for (String q : new String[] {"work", "results"}) {
            n = ((EditResult.Applied) new SetChannelKind(q, ChannelKind.RENDEZVOUS, 0).apply(n)).after();
        }
        Path file = dir.resolve("pool-rendezvous.chanvas.json");
        Files.writeString(file, ChanvasFormat.write(n));
        return file;
    }

    @Test
    void theShippedPoolIsCleanAndSaysNothingOfStaleness() {
        Outcome o = check(pool());
        assertThat(o.code()).isZero();
        assertThat(o.out()).contains("2 deadlock-prone cycles (2 justified)").doesNotContain("justification stale")
                .doesNotContain("note:");
    }

    @Test
    void thePoolOnRendezvousQueuesFailsNamingEachChangedChannel() throws IOException {
        Outcome o = check(poolOnRendezvous());
        assertThat(o.code()).isEqualTo(CheckCommand.CYCLES);
        assertThat(o.out()).contains("2 deadlock-prone cycles (2 stale)")
                .contains("master → worker1 → master   via work, results   [justification stale: results was"
                        + " unbounded, now rendezvous; work was unbounded, now rendezvous (its note: Both queues are"
                        + " unbounded:")
                .contains("a stale justification counts as none")
                .doesNotContain("[justified");
    }

    @Test
    void theJsonFormSaysNotJustifiedAndWhatWentStale() throws IOException {
        Outcome o = check(poolOnRendezvous(), "--json");
        assertThat(o.code()).isEqualTo(CheckCommand.CYCLES);
        JsonNode cycles = new ObjectMapper().readTree(o.out()).get("cycles");
        assertThat(cycles).hasSize(2);
        for (JsonNode c : cycles) {
            assertThat(c.get("justified").asBoolean()).isFalse();
            assertThat(c.get("stale").asText())
                    .isEqualTo("results was unbounded, now rendezvous; work was unbounded, now rendezvous");
            assertThat(c.get("note").asText()).startsWith("Both queues are unbounded");
            assertThat(c.has("unrecorded")).isFalse();
        }
    }

    @Test
    void aJustificationFromBeforeKindsWereKeptIsTrustedWithANoteToGuardIt() throws IOException {
        String old = Files.readString(pool()).replaceAll("\"kinds\": \\{[^}]*},\\s*", "");
        assertThat(old).doesNotContain("\"kinds\"");
        Path file = dir.resolve("pool-old.chanvas.json");
        Files.writeString(file, old);
        Outcome text = check(file);
        assertThat(text.code()).isZero();
        assertThat(text.out()).contains("(2 justified)").contains("  note: 2 justified cycles have no record of their"
                + " channels' kinds (justified before kinds were kept); re-justify in the editor so that a change of"
                + " kind is flagged");
        JsonNode cycles = new ObjectMapper().readTree(check(file, "--json").out()).get("cycles");
        assertThat(cycles).allSatisfy(c -> {
            assertThat(c.get("justified").asBoolean()).isTrue();
            assertThat(c.get("unrecorded").asBoolean()).isTrue();
        });
    }

    @Test
    void verifyFindsTheDeadlockAndNamesTheJustificationStaleNotContradicted() throws IOException {
        VerifyCommandTest.Result r = VerifyCommandTest.exec(new VerifyCommand(), poolOnRendezvous().toString());
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.out()).contains("stale justification: cycle master -> worker2 (channels work, results) deadlocks"
                + " (results was unbounded, now rendezvous; work was unbounded, now rendezvous); its note said: Both"
                + " queues are unbounded").doesNotContain("contradicted");
    }

    @Test
    void verifyProvesARingWhoseJustificationWentStaleAndSaysItIsStale() throws IOException {
        Network ring = ((LoadResult.Loaded) ChanvasFormat.read(example("ring-buffered"))).network();
        java.util.SortedMap<String, Justification.Kind> deeper = new java.util.TreeMap<>();
        for (String c : List.of("ab", "bc", "ca")) {
            deeper.put(c, new Justification.Kind(ChannelKind.BUFFERED, 2));
        }
        ring = ring.withJustified(List.of(new Justification(new TreeSet<>(deeper.keySet()), "deep buffers", deeper,
                Map.of())));
        Path file = dir.resolve("ring.chanvas.json");
        Files.writeString(file, ChanvasFormat.write(ring));
        assertThat(check(file).code()).isEqualTo(CheckCommand.CYCLES);
        VerifyCommandTest.Result r = VerifyCommandTest.exec(new VerifyCommand(), file.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("cycle a -> b -> c (channels ab, bc, ca): proven safe (justification stale: ab was"
                + " buffered 2, now buffered 1; bc was buffered 2, now buffered 1; ca was buffered 2, now buffered 1)");
    }
}
