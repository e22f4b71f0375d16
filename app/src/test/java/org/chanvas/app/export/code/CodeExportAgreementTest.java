package org.chanvas.app.export.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.chanvas.app.cli.RunCommand;
import org.chanvas.app.cli.VerifyCommand;
import org.chanvas.model.Network;
import org.chanvas.model.io.ChanvasFormat;
import org.chanvas.model.io.LoadResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The exported programs behave as the network does (SPEC §6): for every example and for generated networks of
 * the lecture's shapes, the Python and Go programs print what {@code chanvas run} prints (as a multiset) and end
 * with a status {@code run} ends with, and SPIN finds an invalid end state exactly where {@code verify} finds a
 * deadlock or stuck state. Tests that need an outside tool are skipped, saying which, when it is missing.
 */
class CodeExportAgreementTest {

    /** Seeds of {@code chanvas run} whose outcomes and lines the exported programs may show. */
    static final int SEEDS = 12;

    @TempDir
    static Path dir;

    /** name → network file. */
    private static final Map<String, Path> NETWORKS = new TreeMap<>();
    private static final Map<String, Reference> REFERENCE = new LinkedHashMap<>();
    private static final Map<String, String> TIMES = new TreeMap<>();
    private static final ExecutorService POOL = Executors.newFixedThreadPool(4);

    /** What {@code chanvas run --seed 1..SEEDS} showed for one network. */
    record Reference(Set<Integer> statuses, Set<List<String>> finishedOutputs, Set<String> lines,
                     Set<Integer> lineCounts) {
    }

    record Ran(int status, List<String> lines, String err) {
    }

    @BeforeAll
    static void networks() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("..", "examples"))) {
            files.filter(f -> f.toString().endsWith(".chanvas.json"))
                    .forEach(f -> NETWORKS.put(f.getFileName().toString().replace(".chanvas.json", ""), f));
        }
        for (var e : GeneratedShapes.all().entrySet()) {
            Path f = dir.resolve(e.getKey() + ".chanvas.json");
            Files.writeString(f, e.getValue());
            NETWORKS.put(e.getKey(), f);
        }
        for (var e : NETWORKS.entrySet()) {
            REFERENCE.put(e.getKey(), reference(e.getValue()));
        }
    }

    /** What {@code chanvas run} printed and how it ended with seeds 1..{@link #SEEDS}. */
    static Reference reference(Path network) {
        Set<Integer> statuses = new HashSet<>();
        Set<List<String>> outputs = new HashSet<>();
        Set<String> lines = new HashSet<>();
        Set<Integer> counts = new HashSet<>();
        for (int seed = 1; seed <= SEEDS; seed++) {
            String[] out = new String[1];
            int code = cli(new RunCommand(), out, network.toString(), "--seed", String.valueOf(seed));
            List<String> l = sorted(out[0]);
            statuses.add(code);
            if (code == 0) {
                outputs.add(l);
            }
            lines.addAll(l);
            counts.add(l.size());
        }
        return new Reference(statuses, outputs, lines, counts);
    }

    @AfterAll
    static void report() {
        POOL.shutdownNow();
        System.out.println("code export agreement, " + NETWORKS.size() + " networks: " + TIMES);
    }

    static int cli(Object command, String[] out, String... args) {
        StringWriter o = new StringWriter();
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(o, true));
        cl.setErr(new PrintWriter(new StringWriter(), true));
        int code = cl.execute(args);
        out[0] = o.toString();
        return code;
    }

    static List<String> sorted(String text) {
        List<String> l = new ArrayList<>(text.lines().filter(s -> !s.isBlank()).toList());
        l.sort(null);
        return l;
    }

    static Network load(Path f) {
        return switch (ChanvasFormat.read(f)) {
            case LoadResult.Loaded l -> l.network();
            case LoadResult.Failed failed -> throw new AssertionError(f + ": " + failed.error());
        };
    }

    static boolean has(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    static Ran exec(Path workdir, List<String> command) throws Exception {
        Path out = Files.createTempFile(workdir, "out", ".txt");
        Path err = Files.createTempFile(workdir, "err", ".txt");
        Process p = new ProcessBuilder(command).directory(workdir.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(command + " ran for more than 120 s");
        }
        return new Ran(p.exitValue(), sorted(Files.readString(out)), Files.readString(err));
    }

    /** Which of several consumers takes a message is free: their lines are compared as if one consumer printed them. */
    static String anyConsumer(String line) {
        return line.replaceFirst("^consumer\\d+: ", "consumer: ");
    }

    static Reference relabelled(Reference r) {
        return new Reference(r.statuses(), r.finishedOutputs().stream().map(CodeExportAgreementTest::relabelled)
                .collect(Collectors.toSet()), r.lines().stream().map(CodeExportAgreementTest::anyConsumer)
                .collect(Collectors.toSet()), r.lineCounts());
    }

    static Ran relabelled(Ran r) {
        return new Ran(r.status(), relabelled(r.lines()), r.err());
    }

    private static List<String> relabelled(List<String> lines) {
        List<String> l = new ArrayList<>(lines.stream().map(CodeExportAgreementTest::anyConsumer).toList());
        l.sort(null);
        return l;
    }

    /** The shell line that checks a Promela model: -O0, since compiling pan.c, not searching, takes the time. */
    static List<String> spin(String pml) {
        return List.of("sh", "-c", "spin -a " + pml + " && gcc -O0 -DSAFETY -o pan pan.c && ./pan");
    }

    /** SPIN's "errors: N" line; a run without one did not finish its search. */
    static String spinErrors(String name, Ran r) {
        return r.lines().stream().filter(l -> l.contains("errors:")).findFirst().map(String::trim)
                .orElseThrow(() -> new AssertionError(name + ": SPIN did not finish: " + r.err()));
    }

    /** Writes every network in the target's language; names those it cannot express, with the reason. */
    static Map<String, Path> export(CodeGenerator generator, Map<String, String> refused) throws Exception {
        Map<String, Path> written = new TreeMap<>();
        long start = System.nanoTime();
        for (var e : NETWORKS.entrySet()) {
            Path d = Files.createDirectories(dir.resolve(generator.extension()).resolve(e.getKey()));
            try {
                String code = generator.generate(load(e.getValue()), "chanvas export " + e.getKey());
                Path f = d.resolve(e.getKey().replace('-', '_') + "." + generator.extension());
                Files.writeString(f, code);
                written.put(e.getKey(), f);
            } catch (CodeGenerator.Unsupported u) {
                refused.put(e.getKey(), u.getMessage());
            }
        }
        TIMES.put(generator.extension() + " export ms", String.valueOf((System.nanoTime() - start) / 1_000_000));
        return written;
    }

    /** The program's status is one {@code run} ended with, and its lines what {@code run} printed. */
    static void assertAgrees(String name, Ran ran, String target) {
        if (name.contains("shared-consumers")) {
            assertAgrees(relabelled(REFERENCE.get(name)), name, relabelled(ran), target);
        } else {
            assertAgrees(REFERENCE.get(name), name, ran, target);
        }
    }

    static void assertAgrees(Reference ref, String name, Ran ran, String target) {
        assertThat(ref.statuses()).as("%s (%s): status %d, stderr %s", name, target, ran.status(), ran.err())
                .contains(ran.status());
        if (ran.status() == 0 && ref.finishedOutputs().size() == 1) {
            assertThat(ran.lines()).as("%s (%s): printed lines", name, target)
                    .isEqualTo(ref.finishedOutputs().iterator().next());
        } else {
            // Which process takes a shared message is free: each line must be one run can print.
            assertThat(ref.lines()).as("%s (%s): every printed line", name, target).containsAll(ran.lines());
            if (ran.status() == 0) {
                assertThat(ref.finishedOutputs().stream().map(List::size).toList()).as("%s (%s)", name, target)
                        .contains(ran.lines().size());
            }
        }
    }

    @Test
    void pythonProgramsPrintAndEndAsRunDoes() throws Exception {
        assumeTrue(has("python3", "--version"), "python3 is not installed: Python export not run");
        Map<String, String> refused = new TreeMap<>();
        Map<String, Path> programs = export(new PythonGenerator(), refused);
        assertThat(refused).as("Python expresses every network").isEmpty();
        long start = System.nanoTime();
        Map<String, Future<Ran>> runs = new TreeMap<>();
        for (var e : programs.entrySet()) {
            runs.put(e.getKey(), POOL.submit(() -> exec(e.getValue().getParent(),
                    List.of("python3", e.getValue().getFileName().toString()))));
        }
        for (var e : runs.entrySet()) {
            assertAgrees(e.getKey(), e.getValue().get(), "Python");
        }
        TIMES.put("py run all ms", String.valueOf((System.nanoTime() - start) / 1_000_000));
        assertThat(programs).hasSize(NETWORKS.size());
    }

    @Test
    void goProgramsPrintAndEndAsRunDoes() throws Exception {
        assumeTrue(has("go", "version"), "go is not installed (apt-get install -y golang-go): Go export not run");
        Map<String, String> refused = new TreeMap<>();
        Map<String, Path> programs = export(new GoGenerator(), refused);
        assertThat(refused).as("Go expresses every network").isEmpty();
        long start = System.nanoTime();
        Map<String, Future<Ran>> builds = new TreeMap<>();
        for (var e : programs.entrySet()) {
            builds.put(e.getKey(), POOL.submit(() -> exec(e.getValue().getParent(), List.of("go", "build", "-o",
                    "program", e.getValue().getFileName().toString()))));
        }
        for (var e : builds.entrySet()) {
            Ran b = e.getValue().get();
            assertThat(b.status()).as("go build %s: %s", e.getKey(), b.err()).isZero();
        }
        TIMES.put("go build all ms", String.valueOf((System.nanoTime() - start) / 1_000_000));
        start = System.nanoTime();
        Map<String, Future<Ran>> runs = new TreeMap<>();
        for (var e : programs.entrySet()) {
            Path d = e.getValue().getParent();
            runs.put(e.getKey(), POOL.submit(() -> exec(d, List.of(d.resolve("program").toString()))));
        }
        for (var e : runs.entrySet()) {
            assertAgrees(e.getKey(), e.getValue().get(), "Go");
        }
        TIMES.put("go run all ms", String.valueOf((System.nanoTime() - start) / 1_000_000));
    }

    @Test
    void spinFindsAnInvalidEndStateExactlyWhereVerifyFindsADeadlock() throws Exception {
        assumeTrue(has("spin", "-V") && has("gcc", "--version"),
                "spin or gcc is not installed (apt-get install -y spin gcc): SPIN agreement not checked");
        Map<String, String> refused = new TreeMap<>();
        Map<String, Path> models = export(new PromelaGenerator(), refused);
        // Promela has only integers: these networks hold lists or join strings with +.
        assertThat(refused.keySet()).containsExactly("barrier", "pool", "pool-with-results", "ripple-carry-adder",
                "science-pipeline"); // lists, or strings joined with +
        assertThat(refused.get("pool-with-results")).isEqualTo("process master, line 2: a list cannot be written in Promela");
        long start = System.nanoTime();
        Map<String, Future<Ran>> checks = new TreeMap<>();
        for (var e : models.entrySet()) {
            Path d = e.getValue().getParent();
            String pml = e.getValue().getFileName().toString();
            // -O0: the models are small, so compiling pan.c, not searching, is what takes the time (4x less).
            checks.put(e.getKey(), POOL.submit(() -> exec(d, spin(pml))));
        }
        int compared = 0;
        for (var e : checks.entrySet()) {
            Ran r = e.getValue().get();
            String errors = spinErrors(e.getKey(), r);
            boolean spinFound = !errors.endsWith("errors: 0");
            int verify = cli(new VerifyCommand(), new String[1], NETWORKS.get(e.getKey()).toString());
            assertThat(verify).as("%s: verify gives a verdict", e.getKey()).isIn(0, 3);
            assertThat(spinFound).as("%s: SPIN (%s) against verify (exit %d)", e.getKey(), errors, verify)
                    .isEqualTo(verify == 3);
            compared++;
        }
        TIMES.put("spin all ms", String.valueOf((System.nanoTime() - start) / 1_000_000));
        assertThat(compared).isEqualTo(NETWORKS.size() - refused.size());
        assertThat(Arrays.asList(checks.keySet().toArray())).contains("ring-deadlock", "gen-ring-rendezvous-3");
    }
}
