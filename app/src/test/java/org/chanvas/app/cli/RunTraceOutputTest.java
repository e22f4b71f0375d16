package org.chanvas.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code run --trace OUT} (issue 14 item 3): never over an input, whole or not at all, failures in words. */
class RunTraceOutputTest {

    private static final String NET = """
            { "format": "chanvas/1",
              "processes": [ { "id": "p", "script": "send out 1" }, { "id": "c", "script": "m = recv in\\nprint m" } ],
              "channels": [ { "id": "q", "kind": "rendezvous", "writers": ["p.out"], "readers": ["c.in"] } ] }
            """;

    @TempDir
    Path dir;
    Path net;

    record Result(int code, String out, String err) {
    }

    @BeforeEach
    void writeNetwork() throws Exception {
        net = Files.writeString(dir.resolve("net.chanvas.json"), NET);
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new RunCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void aTraceOverTheInputIsRefusedAndTheInputKept() throws Exception {
        Result r = run(net.toString(), "--seed", "1", "--trace", net.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("chanvas run: --trace " + net + " would replace " + net
                + ", which the run reads; choose another file for the trace\n");
        assertThat(Files.readString(net)).isEqualTo(NET);
    }

    @Test
    void aTraceThroughALinkOrAnotherSpellingOfTheInputIsRefusedToo() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("link.jsonl"), net.getFileName());
        Path dotted = dir.resolve(".").resolve(net.getFileName());
        for (Path same : new Path[] {link, dotted}) {
            Result r = run(net.toString(), "--trace", same.toString());
            assertThat(r.code()).as(same.toString()).isEqualTo(2);
            assertThat(r.err()).contains("the same file as " + net + ", which the run reads");
        }
        assertThat(Files.readString(net)).isEqualTo(NET);
        assertThat(Files.isSymbolicLink(link)).isTrue();
    }

    @Test
    void aTraceThatCannotBeWrittenExitsSevenWithTheSystemsReason() throws Exception {
        Path full = Path.of("/dev/full");
        assumeTrue(Files.exists(full));
        Path link = Files.createSymbolicLink(dir.resolve("full.jsonl"), full);
        for (Path target : new Path[] {full, link}) {
            Result r = run(net.toString(), "--seed", "1", "--trace", target.toString());
            assertThat(r.code()).as(target.toString()).isEqualTo(TraceOutput.UNWRITTEN);
            assertThat(r.out()).isEqualTo("c: 1\n");
            assertThat(r.err()).isEqualTo("chanvas run: cannot write the trace " + target
                    + ": No space left on device\n");
        }
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.isRegularFile(full)).isFalse();
    }

    @Test
    void aTraceInAFolderThatTakesNoNewFileIsRefusedNamingTheFolder() {
        Path proc = Path.of("/proc/version");
        assumeTrue(Files.isRegularFile(proc));
        Result r = run(net.toString(), "--trace", proc.toString());
        assertThat(r.code()).isEqualTo(2);
        // The reason is the system's: "no such file or folder" for root, "permission denied" for others.
        assertThat(r.err()).startsWith("chanvas run: cannot write the trace /proc/version: no new file can be made"
                + " in /proc (").endsWith(")\n").doesNotContain(".tmp");
    }

    @Test
    void aTracePathInAMissingFolderIsRefusedBeforeTheRun() {
        Path nowhere = dir.resolve("no/such/trace.jsonl");
        Result r = run(net.toString(), "--trace", nowhere.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("chanvas run: cannot write the trace " + nowhere + ": the folder "
                + nowhere.getParent() + " does not exist\n");
    }

    @Test
    void aWrittenTraceIsWholeAndLeavesNoTemporaryFile() throws Exception {
        Path trace = Files.writeString(dir.resolve("t.jsonl"), "old\n");
        Result r = run(net.toString(), "--seed", "1", "--trace", trace.toString());
        assertThat(r.code()).isZero();
        assertThat(Files.readAllLines(trace)).isNotEmpty()
                .allSatisfy(line -> assertThat(line).startsWith("{\"type\":").endsWith("}"));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("net.chanvas.json", "t.jsonl");
        }
    }
}
