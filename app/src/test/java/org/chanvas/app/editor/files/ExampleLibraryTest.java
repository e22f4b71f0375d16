package org.chanvas.app.editor.files;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Examples menu's groups are examples/README.md's tables, heading by heading and row by row, and each row's
 * check, run and verify columns say what the file's {@code expect} says: a student who reads the table and one
 * who opens the menu see the same thing.
 */
class ExampleLibraryTest {

    private static final Path FOLDER = Path.of(System.getProperty("chanvas.examples", "../examples"));

    /** The README's tables: each "## heading" with its rows, each row as its cells. */
    private static Map<String, List<List<String>>> readmeTables() throws IOException {
        Map<String, List<List<String>>> tables = new LinkedHashMap<>();
        List<List<String>> current = null;
        for (String line : Files.readAllLines(FOLDER.resolve("README.md"))) {
            if (line.startsWith("## ")) {
                current = new ArrayList<>();
                tables.put(line.substring(3), current);
            } else if (current != null && line.startsWith("| ") && !line.startsWith("| ---")) {
                List<String> cells = new ArrayList<>();
                for (String c : line.substring(1, line.length() - 1).split("\\|")) {
                    cells.add(c.strip());
                }
                current.add(cells);
            }
        }
        tables.values().forEach(rows -> {
            if (!rows.isEmpty()) {
                rows.removeFirst(); // the header row
            }
        });
        tables.values().removeIf(List::isEmpty);
        return tables;
    }

    @Test
    void theMenuGroupsAreTheReadmesTablesInOrder() throws IOException {
        List<ExampleLibrary.Group> groups = new ExampleLibrary(Optional.of(FOLDER)).groups();
        Map<String, List<List<String>>> tables = readmeTables();

        assertThat(groups.stream().map(ExampleLibrary.Group::title))
                .containsExactly("The lecture's programs", "Deadlock series", "Classics", "Use cases");
        assertThat(tables.keySet()).containsExactlyElementsOf(groups.stream().map(ExampleLibrary.Group::title).toList());
        for (ExampleLibrary.Group g : groups) {
            assertThat(tables.get(g.title()).stream().map(row -> row.get(1)).toList()).as(g.title())
                    .containsExactlyElementsOf(g.examples().stream().map(ExampleLibrary::displayName).toList());
        }
    }

    @Test
    void eachRowStatesTheOutcomesItsFileExpects() throws IOException {
        ObjectMapper json = new ObjectMapper();
        int rows = 0;
        for (List<List<String>> table : readmeTables().values()) {
            for (List<String> row : table) {
                String name = row.get(1);
                JsonNode expect = json.readTree(FOLDER.resolve(name + ".chanvas.json").toFile()).get("expect");
                String check = row.get(3);
                if (expect.get("check").asText().equals("clean")) {
                    assertThat(check).as(name).startsWith("clean");
                } else {
                    assertThat(check).as(name).matches("\\d+ cycles?( \\(of \\d+\\))?");
                }
                String run = switch (expect.get("run").asText()) {
                    case "finished" -> "finishes";
                    case "deadlock" -> "deadlocks";
                    default -> "stuck";
                };
                assertThat(row.get(4)).as(name + " run").isEqualTo(run);
                assertThat(row.get(5)).as(name + " verify").isEqualTo(expect.get("verify").asText());
                rows++;
            }
        }
        assertThat(rows).isEqualTo(new ExampleLibrary(Optional.of(FOLDER)).examples().size());
    }

    @Test
    void anExampleNoHeadingNamesGoesUnderMoreAndAnExactNameWinsOverAPrefix(@TempDir Path dir) throws IOException {
        for (String n : List.of("pool-with-results", "pool", "my-own")) {
            Files.writeString(dir.resolve(n + ".chanvas.json"), "{}");
        }
        ExampleLibrary lib = new ExampleLibrary(Optional.of(dir));

        assertThat(lib.groups()).extracting(ExampleLibrary.Group::title).containsExactly("The lecture's programs",
                "Classics", "More");
        assertThat(lib.groups().getLast().examples()).containsExactly(dir.resolve("my-own.chanvas.json"));
        assertThat(lib.find("pool")).contains(dir.resolve("pool.chanvas.json"));
        assertThat(lib.find("pool-w")).contains(dir.resolve("pool-with-results.chanvas.json"));
        assertThat(lib.find("nothing")).isEmpty();
    }
}
