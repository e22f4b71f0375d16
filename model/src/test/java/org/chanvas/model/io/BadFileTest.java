package org.chanvas.model.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A table of broken files and the exact fault each one gives: where (line:column, JSON path) and what. */
class BadFileTest {

    /** A valid two-process document, one line per element so that faults have distinct lines. */
    private static final String GOOD = """
            {"format": "chanvas/1",
             "processes": [
              {"id": "producer", "x": 120, "y": 160, "script": "send out 1"},
              {"id": "consumer", "x": 420, "y": 160, "script": "print recv in"}
             ],
             "channels": [
              {"id": "q", "kind": "rendezvous", "writers": ["producer.out"], "readers": ["consumer.in"]}
             ]
            }
            """;

    static Stream<Arguments> badFiles() {
        return Stream.of(
                Arguments.of("truncated", "{\"format\": \"chanvas/1\", \"processes\": [",
                        "bad.json:1:39: not valid JSON: the file ends too early (truncated?): expected close marker"
                                + " for Array (start marker at line 1, column 38)"),
                Arguments.of("not JSON", "hello",
                        "bad.json:1:1: not valid JSON: Unrecognized token 'hello': was expecting (JSON String, Number,"
                                + " Array, Object or token 'null', 'true' or 'false')"),
                Arguments.of("empty", "  \n", "bad.json:1:1: the file is empty; expected a JSON object"),
                Arguments.of("a list, not an object", "[1, 2]",
                        "bad.json:1:1: a Chanvas file is a JSON object { \"format\": \"chanvas/1\", ... }, not a list"),
                Arguments.of("text after the document", "{\"format\": \"chanvas/1\"} {}",
                        "bad.json:1:25: unexpected text after the end of the JSON document"),
                Arguments.of("no format", "{\"processes\": []}",
                        "bad.json:1:1: format: missing \"format\": \"chanvas/1\"; is this a Chanvas file?"),
                Arguments.of("other format", "{\"format\": \"chanvas/2\"}",
                        "bad.json:1:12: format: unsupported format \"chanvas/2\"; this version reads \"chanvas/1\""),
                Arguments.of("format not a string", "{\"format\": 1}",
                        "bad.json:1:12: format: expected the string \"chanvas/1\", found a number"),
                Arguments.of("field twice", "{\"format\": \"chanvas/1\", \"title\": \"a\", \"title\": \"b\"}",
                        "bad.json:1:39: the field \"title\" appears twice in one object"),
                Arguments.of("title not a string", "{\"format\": \"chanvas/1\", \"title\": [\"a\"]}",
                        "bad.json:1:34: title: expected a string, found a list"),
                Arguments.of("processes not a list", "{\"format\": \"chanvas/1\", \"processes\": {}}",
                        "bad.json:1:38: processes: expected a list [ ... ], found an object"),
                Arguments.of("process not an object", "{\"format\": \"chanvas/1\", \"processes\": [\"producer\"]}",
                        "bad.json:1:39: processes[0]: expected a process as an object { ... }, found a string"),
                Arguments.of("x is a string", GOOD.replace("\"x\": 420", "\"x\": \"420\""),
                        "bad.json:4:27: processes[1].x: expected a number, found a string"),
                Arguments.of("x too large", GOOD.replace("\"x\": 420", "\"x\": 1e999"),
                        "bad.json:4:27: processes[1].x: the number is too large"),
                Arguments.of("no script", GOOD.replace(", \"script\": \"send out 1\"", ""),
                        "bad.json:3:3: processes[0].script: required field \"script\" is missing"),
                Arguments.of("no id", GOOD.replace("\"id\": \"consumer\", ", ""),
                        "bad.json:4:3: processes[1].id: required field \"id\" is missing"),
                Arguments.of("bad id", GOOD.replace("\"consumer\"", "\"2nd consumer\""),
                        "bad.json:4:10: processes[1].id: \"2nd consumer\" is not a valid process id (letters, digits,"
                                + " _ and -, not starting with a digit)"),
                Arguments.of("duplicate process id", GOOD.replace("\"id\": \"consumer\"", "\"id\": \"producer\""),
                        "bad.json:4:10: processes[1].id: duplicate process id \"producer\" (first at processes[0].id,"
                                + " line 3)"),
                Arguments.of("duplicate channel id", GOOD.replace("\"readers\": [\"consumer.in\"]}",
                                "\"readers\": [\"consumer.in\"]},\n  {\"id\": \"q\", \"kind\": \"call\","
                                        + " \"writers\": [\"consumer.ask\"], \"readers\": [\"producer.ask\"]}"),
                        "bad.json:8:10: channels[1].id: duplicate channel id \"q\" (first at channels[0].id, line 7)"),
                Arguments.of("unknown process in an end", GOOD.replace("consumer.in", "ghost.in"),
                        "bad.json:7:78: channels[0].readers[0]: unknown process \"ghost\" in \"ghost.in\""),
                Arguments.of("end without a port", GOOD.replace("\"producer.out\"", "\"producer\""),
                        "bad.json:7:49: channels[0].writers[0]: \"producer\" is not a channel end; write process.port,"
                                + " e.g. \"producer.out\""),
                Arguments.of("end not a string", GOOD.replace("\"producer.out\"", "{\"process\": \"producer\"}"),
                        "bad.json:7:49: channels[0].writers[0]: expected a \"process.port\" string, found an object"),
                Arguments.of("no writers", GOOD.replace("[\"producer.out\"]", "[]"),
                        "bad.json:7:48: channels[0].writers: a channel needs at least one writer"),
                Arguments.of("no readers field", GOOD.replace(", \"readers\": [\"consumer.in\"]", ""),
                        "bad.json:7:3: channels[0].readers: required field \"readers\" is missing; a channel needs at"
                                + " least one reader"),
                Arguments.of("a port that writes and reads", GOOD.replace("\"readers\": [\"consumer.in\"]}",
                                "\"readers\": [\"consumer.in\"]},\n  {\"id\": \"r\", \"kind\": \"rendezvous\","
                                        + " \"writers\": [\"consumer.in\"], \"readers\": [\"producer.in\"]}"),
                        "bad.json:8:49: channels[1].writers[0]: port consumer.in is a reader of channel q"
                                + " (channels[0].readers[0]) and cannot also be a writer of channel r; a port either"
                                + " sends or receives"),
                Arguments.of("unknown kind", GOOD.replace("\"rendezvous\"", "\"queue\""),
                        "bad.json:7:23: channels[0].kind: unknown kind \"queue\"; expected rendezvous, buffered,"
                                + " unbounded or call"),
                Arguments.of("buffered without capacity", GOOD.replace("\"rendezvous\"", "\"buffered\""),
                        "bad.json:7:3: channels[0].capacity: a buffered channel needs a \"capacity\" (a whole number,"
                                + " 1 or more)"),
                Arguments.of("capacity as text", GOOD.replace("\"rendezvous\"", "\"buffered\", \"capacity\": \"3\""),
                        "bad.json:7:47: channels[0].capacity: expected a whole number, found a string"),
                Arguments.of("capacity with a fraction", GOOD.replace("\"rendezvous\"", "\"buffered\", \"capacity\": 2.5"),
                        "bad.json:7:47: channels[0].capacity: expected a whole number, found 2.5"),
                Arguments.of("capacity zero", GOOD.replace("\"rendezvous\"", "\"buffered\", \"capacity\": 0"),
                        "bad.json:7:47: channels[0].capacity: a buffered channel needs a capacity of at least 1, not 0"),
                Arguments.of("capacity on a rendezvous", GOOD.replace("\"rendezvous\"", "\"rendezvous\", \"capacity\": 4"),
                        "bad.json:7:49: channels[0].capacity: a capacity is only for buffered channels; this one is"
                                + " rendezvous"),
                Arguments.of("node x without y", GOOD.replace("\"kind\"", "\"x\": 3, \"kind\""),
                        "bad.json:7:20: channels[0].y: the node position needs both x and y; x is given without y"),
                Arguments.of("justified unknown channel", GOOD.replace("\n}", ",\n \"justified\": [{\"channels\": [\"q\", \"zz\"], \"note\": \"n\"}]\n}"),
                        "bad.json:9:35: justified[0].channels[1]: unknown channel \"zz\""),
                Arguments.of("justified without channels", GOOD.replace("\n}", ",\n \"justified\": [{\"note\": \"n\"}]\n}"),
                        "bad.json:9:16: justified[0].channels: required field \"channels\" is missing; name the"
                                + " cycle's channels"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void eachBadFileGivesItsExactFault(String name, String text, String expected) {
        LoadResult result = ChanvasFormat.read(text, "bad.json");
        assertThat(result).isInstanceOf(LoadResult.Failed.class);
        assertThat(((LoadResult.Failed) result).error().describe()).isEqualTo(expected);
    }

    @Test
    void theGoodBaseFileLoads() {
        assertThat(ChanvasFormat.read(GOOD, "good.json")).isInstanceOf(LoadResult.Loaded.class);
    }

    @Test
    void severalFaultsAreAllReportedInFileOrder() {
        String text = GOOD.replace("\"x\": 420", "\"x\": true").replace("\"y\": 160, \"script\": \"send out 1\"", "\"y\": 160");
        LoadResult.Failed failed = (LoadResult.Failed) ChanvasFormat.read(text, "bad.json");
        assertThat(failed.errors()).extracting(LoadError::describe).containsExactly(
                "bad.json:3:3: processes[0].script: required field \"script\" is missing",
                "bad.json:4:27: processes[1].x: expected a number, found true");
    }

    @Test
    void faultsCarryTheirPartsSeparately() {
        LoadError e = ((LoadResult.Failed) ChanvasFormat.read(GOOD.replace("consumer.in", "ghost.in"), "f.json")).error();
        assertThat(e).isEqualTo(new LoadError("f.json", 7, 78, "channels[0].readers[0]",
                "unknown process \"ghost\" in \"ghost.in\""));
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedAtTheBadByte(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("latin1.chanvas.json");
        byte[] good = GOOD.replace("send out 1", "print 1 # caf\u00e9").getBytes(StandardCharsets.ISO_8859_1);
        Files.write(f, good);
        LoadError e = ((LoadResult.Failed) ChanvasFormat.read(f)).error();
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.column()).isEqualTo(66);
        assertThat(e.message()).startsWith("not UTF-8 text: byte 0xe9 at offset ");
    }

    @Test
    void missingFilesAndFoldersAreFaultsToo(@TempDir Path dir) {
        Path missing = dir.resolve("nothing.chanvas.json");
        assertThat(((LoadResult.Failed) ChanvasFormat.read(missing)).error().describe())
                .isEqualTo(missing + ": cannot read: no such file or folder (" + missing + ")");
        assertThat(((LoadResult.Failed) ChanvasFormat.read(dir)).error().describe())
                .isEqualTo(dir + ": it is a folder, not a file");
    }

    @Test
    void aByteOrderMarkIsSkipped() {
        assertThat(ChanvasFormat.read("\uFEFF" + GOOD, "bom.json")).isInstanceOf(LoadResult.Loaded.class);
    }
}
