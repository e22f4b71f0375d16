package org.chanvas.runtime.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chanvas.runtime.Generators.oneOf;
import static org.chanvas.runtime.Generators.orNull;
import static org.chanvas.runtime.Generators.stringsOf;
import static org.chanvas.runtime.Generators.values;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.chanvas.model.Endpoint;
import org.chanvas.runtime.watch.Diagnosis;
import org.chanvas.runtime.watch.WaitOn;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Reading back what {@link TraceWriter} wrote gives the same events (values: Long, String, Boolean, lists). */
class TraceReaderPropertiesTest {

    private static final String ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private static Gen<String> ids() {
        return stringsOf(ALPHANUMERIC, 1, 5);
    }

    private static Gen<WaitOn> waitOns() {
        return ids().zip(ids(), Generate.enumValues(WaitOn.Direction.class), orNull(ids(), 50), WaitOn::new);
    }

    private static Gen<List<WaitOn>> waits() {
        return lists().of(waitOns()).ofSizeBetween(0, 3);
    }

    /** Every kind of event but the deadlock, with awkward text and every kind of value. */
    private static Gen<RunEvent> events() {
        Gen<Long> t = longs().between(0, Long.MAX_VALUE);
        Gen<Endpoint> ep = ids().zip(ids(), Endpoint::new);
        // text with quotes, backslashes and control characters, which the writer escapes
        Gen<String> text = stringsOf("ab\"\\\n\t\u0001é", 0, 8);
        return oneOf(
                t.zip(ids(), text, RunEvent.Started::new),
                t.zip(ids(), ids(), ids(), values(), RunEvent.SendOffered::new),
                t.zip(ids(), ep, ep, values(), RunEvent.Transfer::new),
                t.zip(ids(), integers().between(0, 1000), RunEvent.Buffer::new),
                t.zip(ids(), ids(), ids(), values(), RunEvent.Received::new),
                t.zip(ids(), waits(), RunEvent.Blocked::new),
                t.zip(ids(), text, text, RunEvent.Printed::new),
                t.zip(ids(), longs().between(0, 100_000), RunEvent.Slept::new),
                t.zip(ids(), RunEvent.Ended::new),
                t.zip(ids(), integers().between(1, 99), integers().between(1, 99), text, RunEvent.Failed::new),
                t.map(RunEvent.Timeout::new));
    }

    static String write(List<RunEvent> events) throws IOException {
        StringWriter sw = new StringWriter();
        TraceWriter w = new TraceWriter(sw);
        for (RunEvent e : events) {
            w.write(e);
        }
        w.flush();
        return sw.toString();
    }

    private static String writeUnchecked(List<RunEvent> events) {
        try {
            return write(events);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter never throws
        }
    }

    @Test
    void readingWhatWasWrittenGivesTheEventsBack() {
        qt().withExamples(300).forAll(lists().of(events()).ofSizeBetween(0, 8)).checkAssert(events -> {
            TraceReader.Result r = TraceReader.read(writeUnchecked(events));
            assertThat(r).isInstanceOf(TraceReader.Read.class);
            assertThat(((TraceReader.Read) r).events()).isEqualTo(events);
        });
    }

    @Test
    void aDeadlockTakesItsLabelsFromTheStarts() {
        qt().withExamples(100).forAll(waits(), booleans().all()).checkAssert((on, stuck) -> {
            Diagnosis d = new Diagnosis(List.of(new Diagnosis.Waiting("a", "Alpha", on, stuck),
                    new Diagnosis.Waiting("b", "Beta", List.of(), false)), stuck ? List.of() : List.of("a", "b"),
                    stuck);
            List<RunEvent> events = List.of(new RunEvent.Started(0, "a", "Alpha"),
                    new RunEvent.Started(0, "b", "Beta"), new RunEvent.Deadlock(7, d));
            assertThat(((TraceReader.Read) TraceReader.read(writeUnchecked(events))).events()).isEqualTo(events);
        });
    }
}
