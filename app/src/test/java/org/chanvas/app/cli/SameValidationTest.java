package org.chanvas.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code run} and {@code export} refuse what {@code check} calls invalid, in the same words, exit 2 (issue 14 item 5). */
class SameValidationTest {

    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
    }

    private static Result execute(Callable<Integer> command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return new Result(cl.execute(args), out.toString(), err.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a port with no channel | { "format": "chanvas/1", "processes": [ { "id": "p", "script": "send out 1" } ] } | process p: port 'out' of p is not connected
            a writer port the script never uses | { "format": "chanvas/1", "processes": [ { "id": "p", "script": "print 1" }, { "id": "c", "script": "m = recv in" } ], "channels": [ { "id": "q", "kind": "rendezvous", "writers": ["p.out"], "readers": ["c.in"] } ] } | channel q: writer 'p.out': the script of p does not use port 'out'
            a script that does not parse | { "format": "chanvas/1", "processes": [ { "id": "p", "script": "print (" } ] } | process p, line 1:8:
            """)
    void everyCommandRefusesWhatCheckCallsInvalid(String name, String json, String fault) throws Exception {
        Path file = Files.writeString(dir.resolve("bad.chanvas.json"), json);
        Result check = execute(new CheckCommand(), file.toString());
        Result run = execute(new RunCommand(), file.toString(), "--timeout", "5");
        Result seeded = execute(new RunCommand(), file.toString(), "--seed", "1");
        Result export = execute(new ExportCommand(), file.toString(), "-o", dir.resolve("out.svg").toString());

        assertThat(check.code()).isEqualTo(2);
        assertThat(check.err()).contains(file + ": " + fault).endsWith(file + ": invalid: 1 fault\n");
        // An invalid file has no clean bill: nothing on stdout, not "no deadlock-prone cycle".
        assertThat(check.out()).isEmpty();
        for (Result r : new Result[] {run, seeded, export}) {
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).isEqualTo(check.err());
            assertThat(r.out()).isEmpty();
        }
        assertThat(Files.exists(dir.resolve("out.svg"))).isFalse();
    }
}
