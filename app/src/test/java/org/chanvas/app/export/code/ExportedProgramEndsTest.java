package org.chanvas.app.export.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chanvas.app.export.code.CodeExportAgreementTest.exec;
import static org.chanvas.app.export.code.CodeExportAgreementTest.has;
import static org.chanvas.app.export.code.CodeExportAgreementTest.load;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chanvas.app.export.code.CodeExportAgreementTest.Ran;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How an exported program ends and what it says: a deadlock found by the program itself (Go's runtime, Python's
 * tracker) names the waiting processes with exit status 3; only a run neither can judge (a process that sleeps
 * for ever) is ended by {@code --timeout}, status 4; a seed repeats the draws of {@code random} in Python and Go.
 */
class ExportedProgramEndsTest {

    @TempDir
    Path dir;

    private static final String SLEEPER = """
            {"format": "chanvas/1", "title": "Sleeper", "processes": [
              {"id": "sleeper", "x": 0, "y": 0, "script": "forever {\\n  sleep 5\\n}"}], "channels": []}""";

    private static final String DRAWS = """
            {"format": "chanvas/1", "title": "Draws", "processes": [
              {"id": "a", "x": 0, "y": 0, "script": "repeat 4 { print random(1, 1000000) }"},
              {"id": "b", "x": 0, "y": 0, "script": "repeat 4 { print random(1, 1000000) }"}], "channels": []}""";

    private Path program(CodeGenerator generator, String network, String name) throws Exception {
        Path d = Files.createDirectories(dir.resolve(generator.extension() + "-" + name));
        Path file = Files.writeString(d.resolve(name + ".chanvas.json"), network);
        return Files.writeString(d.resolve(name + "." + generator.extension()),
                generator.generate(load(file), "test"));
    }

    private Path go(String network, String name) throws Exception {
        Path source = program(new GoGenerator(), network, name);
        Ran built = exec(source.getParent(), List.of("go", "build", "-o", "program", source.getFileName().toString()));
        assertThat(built.status()).as(built.err()).isZero();
        return source.resolveSibling("program");
    }

    private Ran python(Path program, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("python3", program.getFileName().toString()));
        command.addAll(List.of(args));
        return exec(program.getParent(), command);
    }

    private static String text(String resource) throws Exception {
        return Files.readString(Path.of("..", "examples", resource + ".chanvas.json"));
    }

    @Test
    void goTurnsItsRuntimesDeadlockIntoStatus3NamingTheWaiters() throws Exception {
        assumeTrue(has("go", "version"), "go is not installed: Go's deadlock report not checked");
        Path program = go(text("ring-deadlock"), "ring");
        Ran r = exec(program.getParent(), List.of(program.toString()));
        assertThat(r.status()).isEqualTo(3);
        assertThat(r.err()).isEqualTo("""
                deadlock: every live process waits and none can move
                  a waits to send
                  b waits to send
                  c waits to send
                """);
    }

    @Test
    void pythonFindsTheDeadlockFromWhatEachProcessWaitsFor() throws Exception {
        assumeTrue(has("python3", "--version"), "python3 is not installed: Python's deadlock report not checked");
        Ran r = python(program(new PythonGenerator(), text("call-server-waits"), "calls"), "--seed", "3");
        assertThat(r.status()).isEqualTo(3);
        assertThat(r.err()).isEqualTo("""
                deadlock: every live process waits and none can move
                  client waits for the reply to its call on rpc
                  server waits to receive on ready
                """);
    }

    @Test
    void aProcessThatSleepsForEverIsEndedByTheTimeoutOnly() throws Exception {
        assumeTrue(has("python3", "--version") && has("go", "version"), "python3 or go missing: timeouts not checked");
        Path go = go(SLEEPER, "sleeper");
        Ran g = exec(go.getParent(), List.of(go.toString(), "--timeout", "0.5"));
        assertThat(g.status()).as(g.err()).isEqualTo(4);
        assertThat(g.err()).isEqualTo("timeout: the run did not end within 0.5 s\n");
        Ran p = python(program(new PythonGenerator(), SLEEPER, "sleeper"), "--seed", "1", "--timeout", "0.5");
        assertThat(p.status()).as(p.err()).isEqualTo(4);
        assertThat(p.err()).isEqualTo("timeout: the run did not end within 0.5 s\n");
    }

    @Test
    void pythonNamesTheSeedItDrewAndTheSeedRepeatsEveryProcesssDraws() throws Exception {
        assumeTrue(has("python3", "--version"), "python3 is not installed: Python's seed not checked");
        Path program = program(new PythonGenerator(), DRAWS, "draws");
        Ran fresh = python(program);
        Matcher m = Pattern.compile("seed (\\d+) \\(--seed \\1 repeats this run\\)\n").matcher(fresh.err());
        assertThat(m.matches()).as(fresh.err()).isTrue();
        assertThat(fresh.lines()).hasSize(8);
        Ran again = python(program, "--seed", m.group(1));
        assertThat(again.lines()).isEqualTo(fresh.lines());
        assertThat(again.err()).isEmpty();
        Ran fromEnvironment = exec(program.getParent(), List.of("env", "CHANVAS_SEED=" + m.group(1), "python3",
                program.getFileName().toString()));
        assertThat(fromEnvironment.lines()).isEqualTo(fresh.lines());
        Ran other = python(program, "--seed", String.valueOf(Long.parseLong(m.group(1)) + 1));
        assertThat(other.lines()).isNotEqualTo(fresh.lines());
    }

    @Test
    void goNamesTheSeedItDrewAndTheSeedRepeatsEveryProcesssDraws() throws Exception {
        assumeTrue(has("go", "version"), "go is not installed: Go's seed not checked");
        Path program = go(DRAWS, "draws");
        Ran fresh = exec(program.getParent(), List.of(program.toString()));
        Matcher m = Pattern.compile("seed (\\d+) \\(--seed \\1 repeats this run\\)\n").matcher(fresh.err());
        assertThat(m.matches()).as(fresh.err()).isTrue();
        assertThat(fresh.lines()).hasSize(8);
        Ran again = exec(program.getParent(), List.of(program.toString(), "--seed", m.group(1)));
        assertThat(again.lines()).isEqualTo(fresh.lines());
        assertThat(again.err()).isEmpty();
        Ran fromEnvironment = exec(program.getParent(), List.of("env", "CHANVAS_SEED=" + m.group(1),
                program.toString()));
        assertThat(fromEnvironment.lines()).isEqualTo(fresh.lines());
        Ran other = exec(program.getParent(), List.of(program.toString(), "--seed",
                String.valueOf(Long.parseLong(m.group(1)) + 1)));
        assertThat(other.lines()).isNotEqualTo(fresh.lines());
        Ran bad = exec(program.getParent(), List.of(program.toString(), "--seed", "soon"));
        assertThat(bad.status()).isEqualTo(2);
        assertThat(bad.err()).isEqualTo("--seed \"soon\" is not an integer\n");
    }
}
