package org.chanvas.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * mult-cons run as students run it, {@code ./chanvas run examples/mult-cons.chanvas.json} with no seed, a few
 * times: each run gives each message to exactly one consumer, and over the runs both consumers take messages (the
 * lecture's race). No timing: an unseeded run draws a fresh seed, and the seeded engine decides from it alone.
 */
class UnseededRaceTest {

    private static final int RUNS = 12;

    @Test
    void overAFewUnseededRunsEitherConsumerTakesMessages() {
        Path mult = Path.of(System.getProperty("chanvas.examples", "../examples"), "mult-cons.chanvas.json");
        Set<String> takers = new TreeSet<>();
        Set<String> seeds = new TreeSet<>();
        for (int i = 0; i < RUNS; i++) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine cl = new CommandLine(new RunCommand());
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(err, true));
            assertThat(cl.execute(mult.toString())).as(err.toString()).isZero();
            List<String> lines = out.toString().lines().toList();
            // Each message exactly once, to whichever consumer took it.
            assertThat(lines).hasSize(4).allMatch(l -> l.matches("consumer[AB]: [AB] got Message [0-3]"));
            assertThat(lines.stream().map(l -> l.substring(l.length() - 1))).containsExactlyInAnyOrder("0", "1", "2",
                    "3");
            lines.forEach(l -> takers.add(l.substring(0, l.indexOf(':'))));
            seeds.add(err.toString().replaceAll("(?s)^seed (\\d+) .*", "$1"));
        }
        // Measured over 20 unseeded runs: both consumers printed in 17, A alone in 3. That one consumer prints in
        // none of twelve runs has odds of about (3/20)^12, below one in 10^9: this is the behaviour, not luck.
        assertThat(takers).containsExactly("consumerA", "consumerB");
        assertThat(seeds).as("each unseeded run draws its own seed").hasSizeGreaterThan(1);
    }
}
