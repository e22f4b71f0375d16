package org.chanvas.runtime.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.chanvas.model.Network;
import org.chanvas.model.io.ChanvasFormat;
import org.chanvas.model.io.LoadResult;
import org.chanvas.model.script.ScriptParser;
import org.chanvas.runtime.event.EventQueue;
import org.chanvas.runtime.event.RunEvent;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The lecture's programs, side by side: each example named after a lecture file prints, apart from the
 * {@code label: } prefix, the lines its Python (examples/lecture-python/NAME.py, run with python3) prints, in order
 * where the program fixes it and as a multiset where the order is free; and it ends as the Python ends (finished,
 * or never, which Chanvas reports as stuck). Over several seeds, a fresh seed as an unseeded {@code chanvas run}
 * draws, and the concurrent engine ({@code run --carriers}).
 */
class LecturePythonTest {

    /** An outer safety net only: the Python programs print within a few seconds (pool.py sleeps 4 s). */
    private static final long CAP_SECONDS = 60;

    /**
     * How a program's output may vary: {@code groups} splits the lines into consecutive runs whose order within a
     * run is free (sizes summing to the count; null: one line each, the order fixed); {@code normal} rewrites a
     * line before comparing (mult-cons: which consumer took a message is the race, the message is not);
     * {@code before} lists pairs of lines {earlier, later} that the program orders although the group is free.
     */
    record Shape(String name, int[] groups, UnaryOperator<String> normal, List<List<String>> before) {

        Shape(String name, int[] groups, UnaryOperator<String> normal) {
            this(name, groups, normal, List.of());
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> programs() {
        UnaryOperator<String> same = s -> s;
        return Stream.of(
                new Shape("prod-cons", null, same),
                new Shape("prod-cons-kill", null, same),
                // Either consumer may take any message: compare the messages, and each line names A or B.
                new Shape("mult-cons", new int[] {4}, s -> s.replaceFirst("^[AB] got ", "? got ")),
                // The two producers' messages interleave freely.
                new Shape("select", new int[] {6}, same),
                new Shape("barrier", null, same),
                // A and B start together; B done at 1 s, C starts; A done at 2 s, D starts; C and D both end at 4 s.
                new Shape("pool", new int[] {2, 1, 1, 1, 1, 2}, same),
                new Shape("echo-server", null, same),
                new Shape("client2", null, same),
                // Neither send waits: only each server's reply after its "got", and the replies in the client's order.
                new Shape("dont-really-block", new int[] {5}, same, List.of(
                        List.of("Server 1 got Hello", "Hello from server 1"),
                        List.of("Server 2 got Hello", "Hello from server 2"),
                        List.of("Client sent both", "Hello from server 1"),
                        List.of("Hello from server 1", "Hello from server 2")))).map(Arguments::of);
    }

    static Path examples() {
        return Path.of(System.getProperty("chanvas.examples", "../examples"));
    }

    private static Optional<String> python() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(dir, "python3");
            if (!dir.isEmpty() && Files.isExecutable(p)) {
                return Optional.of(p.toString());
            }
        }
        return Optional.empty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("programs")
    void printsWhatThePythonPrintsAndEndsAsItEnds(Shape shape) throws Exception {
        Optional<String> python = python();
        Assumptions.assumeTrue(python.isPresent(),
                "python3 is not on the PATH, so the lecture's Python cannot be run beside " + shape.name());
        Network n = switch (ChanvasFormat.read(examples().resolve(shape.name() + ".chanvas.json"))) {
            case LoadResult.Loaded l -> l.network();
            case LoadResult.Failed f -> throw new AssertionError(f.error().describe());
        };
        boolean finishes = ((JsonNode) n.extra().get("expect")).path("run").asText().equals("finished");
        RunPlan plan = RunPlan.compile(n, ScriptParser::parse);

        List<List<String>> chanvasRuns = new ArrayList<>();
        for (long seed = 1; seed <= 5; seed++) {
            chanvasRuns.add(run(new DeterministicEngine(), plan, seed, finishes, shape.name() + " seed " + seed));
        }
        long fresh = new java.util.SplittableRandom().nextLong(1, 1_000_000_000L);
        chanvasRuns.add(run(new DeterministicEngine(), plan, fresh, finishes, shape.name() + " fresh seed " + fresh));
        chanvasRuns.add(run(new ConcurrentEngine(), plan, 0, finishes, shape.name() + " on threads"));

        List<String> py = runPython(python.get(), shape.name(), chanvasRuns.getFirst().size(), finishes);
        assertThat(py).as("the lecture's " + shape.name() + ".py prints").isNotEmpty();
        List<String> names = List.of("seed 1", "seed 2", "seed 3", "seed 4", "seed 5", "fresh seed " + fresh,
                "on threads");
        for (int i = 0; i < chanvasRuns.size(); i++) {
            String where = shape.name() + " " + names.get(i);
            assertSameShape(chanvasRuns.get(i), py, shape, where);
        }
    }

    /** The printed texts (what follows {@code label: }) of one run, which must end as the Python does. */
    private static List<String> run(Engine engine, RunPlan plan, long seed, boolean finishes, String where)
            throws Exception {
        EventQueue q = new EventQueue();
        RunOutcome o;
        try (Run r = engine.prepare(plan, RunOptions.defaults().withSeed(seed).withSink(q).withTimeout(20_000))) {
            r.start();
            o = r.await(Duration.ofSeconds(CAP_SECONDS)).orElseThrow();
        }
        if (finishes) {
            assertThat(o).as(where).isEqualTo(new RunOutcome.Finished());
        } else {
            // A Python program that never ends is a network that Chanvas reports stuck.
            assertThat(o).as(where).isInstanceOf(RunOutcome.Deadlocked.class);
            assertThat(((RunOutcome.Deadlocked) o).diagnosis().kind()).as(where).isEqualTo("stuck");
        }
        return q.drain().stream().filter(e -> e instanceof RunEvent.Printed).map(e -> ((RunEvent.Printed) e).text())
                .toList();
    }

    /**
     * Runs NAME.py; reads its lines (at least {@code expected} of them). A program that finishes must exit 0; one
     * that never ends must still be running after its lines are out, and is then ended with its children.
     */
    private static List<String> runPython(String python, String name, int expected, boolean finishes)
            throws Exception {
        Path script = examples().resolve("lecture-python").resolve(name + ".py");
        assertThat(script).exists();
        // -I: the script's folder is not on sys.path, so select.py does not hide the standard select module. Not -u:
        // unbuffered, print writes text and newline apart and two processes' lines interleave mid-line; the
        // scripts print with flush=True instead, one write a line.
        Process p = new ProcessBuilder(python, "-I", script.toString()).redirectErrorStream(true).start();
        LinkedBlockingQueue<Optional<String>> lines = new LinkedBlockingQueue<>();
        Thread reader = Thread.ofVirtual().start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String l = r.readLine(); l != null; l = r.readLine()) {
                    lines.add(Optional.of(l));
                }
            } catch (IOException e) {
                // The process was ended below: its remaining output does not count.
            }
            lines.add(Optional.empty());
        });
        List<String> out = new ArrayList<>();
        try {
            if (finishes) {
                assertThat(p.waitFor(CAP_SECONDS, TimeUnit.SECONDS)).as(name + ".py ends").isTrue();
                assertThat(p.exitValue()).as(name + ".py exit code").isZero();
                reader.join();
                lines.forEach(l -> l.ifPresent(out::add));
            } else {
                while (out.size() < expected) {
                    Optional<String> l = lines.poll(CAP_SECONDS, TimeUnit.SECONDS);
                    assertThat(l).as(name + ".py printed only " + out).isNotNull().isPresent();
                    out.add(l.get());
                }
                // It must not end of itself: a never-ending program that ends would contradict "stuck".
                assertThat(p.waitFor(2, TimeUnit.SECONDS)).as(name + ".py never ends, as Chanvas says stuck").isFalse();
            }
        } finally {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(CAP_SECONDS, TimeUnit.SECONDS);
        }
        return out;
    }

    private static void assertSameShape(List<String> chanvas, List<String> python, Shape shape, String where) {
        assertThat(chanvas).as(where + ": as many lines as the Python").hasSameSizeAs(python);
        int[] groups = shape.groups();
        if (groups == null) {
            assertThat(chanvas).as(where + " (order fixed)").containsExactlyElementsOf(python);
            return;
        }
        assertThat(java.util.Arrays.stream(groups).sum()).as("groups of " + shape.name()).isEqualTo(python.size());
        int from = 0;
        for (int size : groups) {
            List<String> mine = chanvas.subList(from, from + size).stream().map(shape.normal()).toList();
            List<String> theirs = python.subList(from, from + size).stream().map(shape.normal()).toList();
            assertThat(mine).as(where + ": lines " + (from + 1) + ".." + (from + size) + " (order free)")
                    .containsExactlyInAnyOrderElementsOf(theirs);
            from += size;
        }
        for (List<String> pair : shape.before()) {
            for (List<String> lines : List.of(chanvas, python)) {
                assertThat(lines.indexOf(pair.get(0))).as(where + ": \"" + pair.get(0) + "\" before \"" + pair.get(1)
                        + "\" in " + lines).isNotNegative().isLessThan(lines.indexOf(pair.get(1)));
            }
        }
    }
}
