package org.chanvas.runtime.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.chanvas.model.Endpoint;
import org.chanvas.runtime.watch.Diagnosis;
import org.chanvas.runtime.watch.WaitOn;

/** Reading back what {@link TraceWriter} wrote gives the same events (values: Long, String, Boolean, lists). */
class TraceReaderProperties {

    @Provide
    Arbitrary<Object> values() {
        Arbitrary<Object> leaf = Arbitraries.oneOf(Arbitraries.longs().map(l -> (Object) l),
                Arbitraries.strings().ofMaxLength(6).map(s -> (Object) s),
                Arbitraries.of(true, false).map(b -> (Object) b));
        return Arbitraries.recursive(() -> leaf, v -> v.list().ofMaxSize(3).map(l -> (Object) List.copyOf(l)), 0, 2);
    }

    Arbitrary<String> ids() {
        return Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(5);
    }

    Arbitrary<WaitOn> waitOns() {
        return Combinators.combine(ids(), ids(), Arbitraries.of(WaitOn.Direction.values()), ids().injectNull(0.5))
                .as(WaitOn::new);
    }

    @Provide
    Arbitrary<List<RunEvent>> eventLists() {
        return events().list().ofMaxSize(8);
    }

    Arbitrary<RunEvent> events() {
        Arbitrary<Long> t = Arbitraries.longs().greaterOrEqual(0);
        Arbitrary<Endpoint> ep = Combinators.combine(ids(), ids()).as(Endpoint::new);
        // text with quotes, backslashes and control characters, which the writer escapes
        Arbitrary<String> text = Arbitraries.strings().withChars("ab\"\\\n\t\u0001é").ofMaxLength(8);
        return Arbitraries.oneOf(
                Combinators.combine(t, ids(), text).as(RunEvent.Started::new),
                Combinators.combine(t, ids(), ids(), ids(), values()).as(RunEvent.SendOffered::new),
                Combinators.combine(t, ids(), ep, ep, values()).as(RunEvent.Transfer::new),
                Combinators.combine(t, ids(), Arbitraries.integers().between(0, 1000)).as(RunEvent.Buffer::new),
                Combinators.combine(t, ids(), ids(), ids(), values()).as(RunEvent.Received::new),
                Combinators.combine(t, ids(), waitOns().list().ofMaxSize(3)).as(RunEvent.Blocked::new),
                Combinators.combine(t, ids(), text, text).as(RunEvent.Printed::new),
                Combinators.combine(t, ids(), Arbitraries.longs().between(0, 100_000)).as(RunEvent.Slept::new),
                Combinators.combine(t, ids()).as(RunEvent.Ended::new),
                Combinators.combine(t, ids(), Arbitraries.integers().between(1, 99),
                        Arbitraries.integers().between(1, 99), text).as(RunEvent.Failed::new),
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

    @Property(tries = 300)
    void readingWhatWasWrittenGivesTheEventsBack(@ForAll("eventLists") List<RunEvent> events) throws IOException {
        TraceReader.Result r = TraceReader.read(write(events));
        assertThat(r).isInstanceOf(TraceReader.Read.class);
        assertThat(((TraceReader.Read) r).events()).isEqualTo(events);
    }

    @Property(tries = 100)
    void aDeadlockTakesItsLabelsFromTheStarts(@ForAll("waits") List<WaitOn> on, @ForAll boolean stuck) throws IOException {
        Diagnosis d = new Diagnosis(List.of(new Diagnosis.Waiting("a", "Alpha", on, stuck),
                new Diagnosis.Waiting("b", "Beta", List.of(), false)), stuck ? List.of() : List.of("a", "b"), stuck);
        List<RunEvent> events = List.of(new RunEvent.Started(0, "a", "Alpha"), new RunEvent.Started(0, "b", "Beta"),
                new RunEvent.Deadlock(7, d));
        assertThat(((TraceReader.Read) TraceReader.read(write(events))).events()).isEqualTo(events);
    }

    @Provide
    Arbitrary<List<WaitOn>> waits() {
        return waitOns().list().ofMaxSize(3);
    }
}
