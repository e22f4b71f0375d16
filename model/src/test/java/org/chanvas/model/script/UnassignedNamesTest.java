package org.chanvas.model.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.chanvas.model.io.ChanvasFormat;
import org.chanvas.model.io.LoadResult;
import org.junit.jupiter.api.Test;

/** Reads of names nothing gives a value, where parameters count as given. */
class UnassignedNamesTest {

    private static List<String> find(String script, Set<String> params) {
        ParsedScript p = ScriptParser.parse(script);
        assertThat(p.diagnostics()).as(script).isEmpty();
        return UnassignedNames.find(p.body(), params).stream()
                .map(d -> d.pos().line() + ":" + d.pos().column() + " " + d.message().substring(0, d.message().indexOf(':')))
                .toList();
    }

    @Test
    void aParameterIsAValueFromTheFirstLineSoItsReadsAreFine() {
        String producer = "for i in 0..count {\n  send out \"Message {i} from {name}\"\n}";
        assertThat(find(producer, Set.of("count", "name"))).isEmpty();
        assertThat(find(producer, Set.of("name"))).containsExactly("1:13 unknown variable 'count'");
        assertThat(find(producer, Set.of())).containsExactly("1:13 unknown variable 'count'",
                "2:31 unknown variable 'name'");
    }

    @Test
    void everyWayOfGivingAValueCountsAndAReadBeforeItsAssignmentIsLeftToTheRun() {
        String script = """
                a = 1
                b = recv in
                c = call ask a
                for i in 0..3 { print i }
                for x in [1] { print x }
                select {
                  recv in as m { print m }
                  after 5 { print late }
                }
                print later
                later = 2
                barrier[0] = true
                print int(str(a + b)) + len(c)
                """;
        assertThat(find(script, Set.of())).containsExactly("8:19 unknown variable 'late'",
                "12:1 unknown variable 'barrier'");
        assertThat(find(script, Set.of("late", "barrier"))).isEmpty();
    }

    @Test
    void noExampleReadsANameItsScriptAndParametersNeverGive() throws Exception {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("chanvas.examples", "../examples")))) {
            List<Path> all = files.filter(f -> f.toString().endsWith(ChanvasFormat.EXTENSION)).sorted().toList();
            assertThat(all).hasSizeGreaterThan(30);
            for (Path f : all) {
                var n = ((LoadResult.Loaded) ChanvasFormat.read(f)).network();
                for (var p : n.processes()) {
                    assertThat(UnassignedNames.find(ScriptParser.parse(p.script()).body(), p.params().keySet()))
                            .as(f.getFileName() + " " + p.id()).isEmpty();
                }
            }
        }
    }
}
