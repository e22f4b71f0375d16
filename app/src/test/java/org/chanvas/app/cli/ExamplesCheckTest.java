package org.chanvas.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** Every example's {@code check} result is the one its {@code expect} field promises. */
class ExamplesCheckTest {

    static List<Path> examples() throws IOException {
        Path dir = Path.of(System.getProperty("chanvas.examples", "../examples"));
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> all = files.filter(p -> p.toString().endsWith(".chanvas.json")).sorted().toList();
            assertThat(all).hasSizeGreaterThanOrEqualTo(14);
            return all;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void checkGivesThePromisedOutcome(Path example) throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode expect = json.readTree(example.toFile()).get("expect");
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new CheckCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(new StringWriter()));

        int code = cli.execute(example.toString(), "--json");

        JsonNode result = json.readTree(out.toString());
        assertThat(result.get("valid").asBoolean()).as(result.toString()).isTrue();
        assertThat(code).isEqualTo(expect.get("check").asText().equals("clean") ? 0 : 1);
        assertThat(result.get("cycles")).hasSize(expect.get("cycles").asInt());
        assertThat(result.get("truncated").asBoolean()).isFalse();
    }
}
