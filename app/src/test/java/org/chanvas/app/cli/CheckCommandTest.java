package org.chanvas.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code chanvas check} against SPEC §4: exit codes, the JSON object and the text form. */
class CheckCommandTest {

    @TempDir
    Path dir;

    private record Outcome(int code, String out, String err) {
    }

    private Outcome check(String json, String... args) throws IOException {
        Path file = dir.resolve("net.chanvas.json");
        Files.writeString(file, json);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new CheckCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        String[] all = new String[args.length + 1];
        all[0] = file.toString();
        System.arraycopy(args, 0, all, 1, args.length);
        return new Outcome(cli.execute(all), out.toString(), err.toString());
    }

    /** A ring a → b → c → a of rendezvous channels, each process receiving then sending. */
    private static String ring(String justified) {
        return """
                {"format": "chanvas/1", "title": "ring",
                 "processes": [
                   {"id": "a", "x": 0, "y": 0, "script": "forever {\\n x = recv in\\n send out x\\n}"},
                   {"id": "b", "x": 100, "y": 0, "script": "forever {\\n x = recv in\\n send out x\\n}"},
                   {"id": "c", "x": 200, "y": 0, "script": "forever {\\n x = recv in\\n send out x\\n}"}
                 ],
                 "channels": [
                   {"id": "ab", "kind": "rendezvous", "writers": ["a.out"], "readers": ["b.in"]},
                   {"id": "bc", "kind": "rendezvous", "writers": ["b.out"], "readers": ["c.in"]},
                   {"id": "ca", "kind": "rendezvous", "writers": ["c.out"], "readers": ["a.in"]}
                 ],
                 "justified": [%s]}
                """.formatted(justified);
    }

    private static final String PROD_CONS = """
            {"format": "chanvas/1",
             "processes": [
               {"id": "producer", "x": 0, "y": 0, "script": "send out 1"},
               {"id": "consumer", "x": 200, "y": 0, "script": "x = recv in\\nprint x"}
             ],
             "channels": [
               {"id": "q", "kind": "unbounded", "writers": ["producer.out"], "readers": ["consumer.in"]}
             ]}
            """;

    @Test
    void acyclicNetworkExitsZero() throws IOException {
        Outcome o = check(PROD_CONS);
        assertThat(o.code()).isZero();
        assertThat(o.out()).contains("2 processes, 1 channel; no deadlock-prone cycle");
    }

    @Test
    void ringIsReportedOnceFromItsSmallestProcessWithItsChannels() throws IOException {
        Outcome o = check(ring(""));
        assertThat(o.code()).isEqualTo(1);
        assertThat(o.out()).contains("1 deadlock-prone cycle").contains("a → b → c → a   via ab, bc, ca");
    }

    @Test
    void jsonFormHasExactlyTheSpecFields() throws IOException {
        Outcome o = check(ring(""), "--json");
        JsonNode root = new ObjectMapper().readTree(o.out());
        assertThat(o.code()).isEqualTo(1);
        assertThat(root.get("valid").asBoolean()).isTrue();
        assertThat(root.get("errors")).isEmpty();
        assertThat(root.get("truncated").asBoolean()).isFalse();
        assertThat(root.get("cycles")).hasSize(1);
        JsonNode cycle = root.get("cycles").get(0);
        assertThat(cycle.get("processes").toString()).isEqualTo("[\"a\",\"b\",\"c\"]");
        assertThat(cycle.get("channels").toString()).isEqualTo("[\"ab\",\"bc\",\"ca\"]");
        assertThat(cycle.get("justified").asBoolean()).isFalse();
    }

    @Test
    void justifiedCycleIsListedButDoesNotFail() throws IOException {
        Outcome o = check(ring("{\"channels\": [\"ca\", \"ab\", \"bc\"], \"note\": \"one token only\"}"));
        assertThat(o.code()).isZero();
        assertThat(o.out()).contains("(1 justified)").contains("[justified: one token only]");
    }

    @Test
    void capTruncatesAndStillFails() throws IOException {
        Outcome o = check(ring(""), "--json", "--limit", "0");
        JsonNode root = new ObjectMapper().readTree(o.out());
        assertThat(o.code()).isEqualTo(1);
        assertThat(root.get("cycles")).isEmpty();
        assertThat(root.get("truncated").asBoolean()).isTrue();
    }

    @Test
    void truncatedJsonIsInvalidInputNamingLineAndColumn() throws IOException {
        Outcome o = check("{\"format\": \"chanvas/1\", \"processes\": [");
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("net.chanvas.json:1:");
        assertThat(o.out()).isEmpty();
    }

    @Test
    void wrongFormatTagIsInvalidInputInJsonToo() throws IOException {
        Outcome o = check("{\"format\": \"chanvas/9\", \"processes\": [], \"channels\": []}", "--json");
        JsonNode root = new ObjectMapper().readTree(o.out());
        assertThat(o.code()).isEqualTo(2);
        assertThat(root.get("valid").asBoolean()).isFalse();
        assertThat(root.get("errors").get(0).get("message").asText()).contains("chanvas/1");
    }

    @Test
    void scriptPortWithoutChannelIsAFaultWithItsPlace() throws IOException {
        String json = PROD_CONS.replace("\"send out 1\"", "\"send out 1\\nsend other 2\"");
        Outcome o = check(json, "--json");
        JsonNode root = new ObjectMapper().readTree(o.out());
        assertThat(o.code()).isEqualTo(2);
        assertThat(root.get("valid").asBoolean()).isFalse();
        assertThat(root.get("errors").toString()).contains("producer").contains("other");
    }

    @Test
    void missingFileIsInvalidInput() {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new CheckCommand());
        cli.setErr(new PrintWriter(err));
        cli.setOut(new PrintWriter(new StringWriter()));
        assertThat(cli.execute(dir.resolve("nope.chanvas.json").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("nope.chanvas.json");
    }
}
