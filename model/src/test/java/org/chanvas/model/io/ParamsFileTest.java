package org.chanvas.model.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.chanvas.model.Network;
import org.chanvas.model.Process;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Process parameters in the file (SPEC §3.1): read in order, written back only when present, bad ones located. */
class ParamsFileTest {

    private static final String WITH_PARAMS = """
            {
              "format": "chanvas/1",
              "processes": [
                {
                  "id": "producer",
                  "x": 120,
                  "y": 160,
                  "script": "print name",
                  "params": {
                    "name": "A",
                    "count": 3,
                    "jobs": [
                      ["A", 2],
                      ["B", 1]
                    ],
                    "loud": false
                  }
                }
              ],
              "channels": []
            }
            """;

    @Test
    void parametersAreReadInTheFilesOrderAndWrittenBackUnchanged() {
        LoadResult r = ChanvasFormat.read(WITH_PARAMS, "p.json");
        assertThat(r).isInstanceOf(LoadResult.Loaded.class);
        Network net = ((LoadResult.Loaded) r).network();
        Process p = net.processes().getFirst();
        assertThat(p.params()).containsExactly(Map.entry("name", "A"), Map.entry("count", 3L),
                Map.entry("jobs", List.of(List.of("A", 2L), List.of("B", 1L))), Map.entry("loud", false));
        assertThat(p.extra()).isEmpty();
        assertThat(ChanvasFormat.write(net)).isEqualTo(WITH_PARAMS);
    }

    @Test
    void aProcessWithoutParametersIsWrittenWithoutTheField() {
        String old = WITH_PARAMS.replaceAll("(?s),\\n {6}\"params\": \\{.*?\\n {6}\\}", "");
        assertThat(old).doesNotContain("params");
        Network net = ((LoadResult.Loaded) ChanvasFormat.read(old, "p.json")).network();
        assertThat(net.processes().getFirst().params()).isEmpty();
        assertThat(ChanvasFormat.write(net)).isEqualTo(old);
    }

    static Stream<Arguments> badParams() {
        return Stream.of(
                Arguments.of("\"params\": [1]", "6:14: processes[0].params: expected an object of parameters"
                        + " {\"name\": value}, found a list"),
                Arguments.of("\"params\": {\"n\": 1.5}", "6:20: processes[0].params.n: a parameter is a whole number,"
                        + " a string, true/false or a list of those, not 1.5"),
                Arguments.of("\"params\": {\"n\": null}", "6:20: processes[0].params.n: a parameter is a whole number,"
                        + " a string, true/false or a list of those, not null"),
                Arguments.of("\"params\": {\"n\": [1, {}]}", "6:24: processes[0].params.n[1]: a parameter is a whole"
                        + " number, a string, true/false or a list of those, not an object"),
                Arguments.of("\"params\": {\"n\": 99999999999999999999}", "6:20: processes[0].params.n: the whole"
                        + " number 99999999999999999999 is too large for a script value (at most 9223372036854775807)"),
                Arguments.of("\"params\": {\"2n\": 1}", "6:15: processes[0].params.2n: \"2n\" is not a variable name"
                        + " (a letter or _, then letters, digits or _)"),
                Arguments.of("\"params\": {\"while\": 1}", "6:15: processes[0].params.while: \"while\" is a keyword of"
                        + " the script language, not a variable name"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badParams")
    void aBadParameterIsAFaultWithLineAndColumn(String params, String expected) {
        String text = "{\n \"format\": \"chanvas/1\",\n \"processes\": [\n  {\"id\": \"p\", \"script\": \"\",\n"
                + "   \"x\": 0,\n   " + params + "}\n ],\n \"channels\": []\n}\n";
        LoadResult r = ChanvasFormat.read(text, "bad.json");
        assertThat(r).isInstanceOf(LoadResult.Failed.class);
        assertThat(((LoadResult.Failed) r).error().describe()).isEqualTo("bad.json:" + expected);
    }
}
