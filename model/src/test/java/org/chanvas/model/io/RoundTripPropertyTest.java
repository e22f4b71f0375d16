package org.chanvas.model.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.chanvas.model.Channel;
import org.chanvas.model.ChannelKind;
import org.chanvas.model.Endpoint;
import org.chanvas.model.Justification;
import org.chanvas.model.Network;
import org.chanvas.model.Process;

/** Writing then reading is the identity on valid networks, and writing is stable (text → network → same text). */
class RoundTripPropertyTest {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    // Edge-case mixing over this many nested combinators costs minutes and adds little: the generators
    // already include the awkward values (empty, -0.0, lone surrogates, huge integers) explicitly.
    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
    void readingWhatWasWrittenGivesTheSameNetwork(@ForAll("networks") Network net) {
        String text = ChanvasFormat.write(net);
        LoadResult back = ChanvasFormat.read(text, "gen.json");
        assertThat(back).isEqualTo(new LoadResult.Loaded(net));
        assertThat(ChanvasFormat.write(((LoadResult.Loaded) back).network())).isEqualTo(text);
    }

    @Provide
    Arbitrary<Network> networks() {
        // No flatMap: channels and justifications are drawn as indices and bound to the drawn processes
        // afterwards, so the generators are built once (jqwik compares fresh arbitraries slowly).
        Arbitrary<List<Process>> processes = process().list().ofMinSize(1).ofMaxSize(6).uniqueElements(Process::id);
        return Combinators.combine(processes, channelSpec().list().ofMaxSize(6), justifiedSpec().list().ofMaxSize(3),
                        text(), text(), extras(TOP))
                .as((ps, specs, jspecs, title, description, extra) -> {
                    List<Channel> cs = bind(specs, ps);
                    return new Network(title, description, ps, cs, bindJustified(jspecs, cs), extra);
                });
    }

    private static final Set<String> TOP = NetworkDecoder.TOP_FIELDS;
    private static final List<String> OUT_PORTS = List.of("o", "o1", "out");
    private static final List<String> IN_PORTS = List.of("i", "i1", "in");

    // Built once and shared by the element generators.
    private final Arbitrary<JsonNode> anyJson = json(2);

    /** A channel whose ends are numbers, to be bound to the processes drawn alongside. */
    private record ChannelSpec(String id, ChannelKind kind, int capacity, List<Integer> writers, List<Integer> readers,
                               String label, Double x, Map<String, Object> extra) {
    }

    private record JustifiedSpec(Set<Integer> channels, String note, Map<String, Object> extra) {
    }

    private Arbitrary<String> id(String prefix) {
        return Arbitraries.strings().withChars("abcxyzAZ_-0189").ofMaxLength(5).map(s -> prefix + s);
    }

    /** Any text: unicode, newlines, quotes, backslashes, control characters, even lone surrogates. */
    private Arbitrary<String> text() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(12),
                Arbitraries.strings().withChars("\"\\\n\t{}é✓ ").ofMaxLength(12),
                Arbitraries.of("", "x = recv in\nprint \"got {x}\"", "send out [\"A\", \"2\"]\n# done"));
    }

    private Arbitrary<Double> coordinate() {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(-2000, 2000).map(Integer::doubleValue),
                Arbitraries.doubles().between(-1e6, 999_999), // a channel node sits at (x, x + 1)
                Arbitraries.of(0.1, -0.0, 999_999.0, -1e6, 5e-324)); // the edges of the drawing (±1e6)
    }

    private Arbitrary<Process> process() {
        return Combinators.combine(id("p"), text().injectNull(0.3), coordinate(), coordinate(), text(),
                        extras(NetworkDecoder.PROCESS_FIELDS))
                .as(Process::new);
    }

    private Arbitrary<ChannelSpec> channelSpec() {
        Arbitrary<List<Integer>> ends = Arbitraries.integers().between(0, 1000).list().ofMinSize(1).ofMaxSize(3);
        return Combinators.combine(id("c"), Arbitraries.of(ChannelKind.class), Arbitraries.integers().between(1, 1000),
                        ends, ends, text().injectNull(0.5), coordinate().injectNull(0.5),
                        extras(NetworkDecoder.CHANNEL_FIELDS))
                .as(ChannelSpec::new);
    }

    private Arbitrary<JustifiedSpec> justifiedSpec() {
        return Combinators.combine(Arbitraries.integers().between(0, 100).set().ofMinSize(1).ofMaxSize(3), text(),
                extras(NetworkDecoder.JUSTIFIED_FIELDS)).as(JustifiedSpec::new);
    }

    /**
     * Writers use ports o*, readers i*, so a port never both sends and receives, as a valid file requires;
     * a channel id drawn twice keeps its first channel.
     */
    private static List<Channel> bind(List<ChannelSpec> specs, List<Process> ps) {
        List<Channel> out = new ArrayList<>();
        Set<String> ids = new java.util.HashSet<>();
        for (ChannelSpec s : specs) {
            if (!ids.add(s.id())) {
                continue;
            }
            List<Endpoint> ws = s.writers().stream().map(i -> end(ps, i, OUT_PORTS)).distinct().toList();
            List<Endpoint> rs = s.readers().stream().map(i -> end(ps, i, IN_PORTS)).distinct().toList();
            out.add(new Channel(s.id(), s.kind(), s.kind() == ChannelKind.BUFFERED ? s.capacity() : 0, ws, rs,
                    s.label(), s.x(), s.x() == null ? null : s.x() + 1, s.extra()));
        }
        return out;
    }

    private static Endpoint end(List<Process> ps, int i, List<String> ports) {
        return new Endpoint(ps.get(i % ps.size()).id(), ports.get(i / ps.size() % ports.size()));
    }

    private static List<Justification> bindJustified(List<JustifiedSpec> specs, List<Channel> cs) {
        List<Justification> out = new ArrayList<>();
        Set<SortedSet<String>> seen = new java.util.HashSet<>();
        for (JustifiedSpec s : specs) {
            if (cs.isEmpty()) {
                break;
            }
            SortedSet<String> names = new TreeSet<>();
            s.channels().forEach(i -> names.add(cs.get(i % cs.size()).id()));
            if (seen.add(names)) {
                out.add(new Justification(names, s.note(), s.extra()));
            }
        }
        return out;
    }

    private Arbitrary<Map<String, Object>> extras(Set<String> known) {
        Arbitrary<String> key = Arbitraries.strings().withChars("abeklmxz_ü\"").ofMinLength(1).ofMaxLength(5)
                .filter(k -> !known.contains(k));
        return Arbitraries.maps(key, anyJson.map(n -> (Object) n)).ofMaxSize(3).map(LinkedHashMap::new);
    }

    /** Any JSON value, in the node types the reader makes (ints by size, fractions as exact decimals). */
    private Arbitrary<JsonNode> json(int depth) {
        List<Arbitrary<JsonNode>> choices = new ArrayList<>(List.of(
                text().map(F::textNode),
                Arbitraries.integers().map(i -> (JsonNode) F.numberNode(i)),
                Arbitraries.longs().filter(l -> l != (int) l.longValue()).map(l -> (JsonNode) F.numberNode(l)),
                Arbitraries.bigIntegers().between(BigInteger.TWO.pow(70), BigInteger.TWO.pow(90))
                        .map(b -> (JsonNode) F.numberNode(b)),
                Combinators.combine(Arbitraries.longs().between(-99999, 99999), Arbitraries.integers().between(1, 12))
                        .as((u, scale) -> (JsonNode) F.numberNode(BigDecimal.valueOf(u, scale))),
                Arbitraries.of(true, false).map(b -> (JsonNode) F.booleanNode(b)),
                Arbitraries.just(F.nullNode())));
        if (depth > 0) {
            choices.add(json(depth - 1).list().ofMaxSize(3).map(items -> {
                ArrayNode a = F.arrayNode();
                items.forEach(a::add);
                return a;
            }));
            choices.add(Arbitraries.maps(Arbitraries.strings().alpha().ofMaxLength(4), json(depth - 1)).ofMaxSize(3)
                    .map(m -> {
                        ObjectNode o = F.objectNode();
                        m.forEach(o::set);
                        return o;
                    }));
        }
        return Arbitraries.oneOf(choices);
    }
}
