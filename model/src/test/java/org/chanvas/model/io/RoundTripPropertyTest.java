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

    @Property(tries = 400)
    void readingWhatWasWrittenGivesTheSameNetwork(@ForAll("networks") Network net) {
        String text = ChanvasFormat.write(net);
        LoadResult back = ChanvasFormat.read(text, "gen.json");
        assertThat(back).isEqualTo(new LoadResult.Loaded(net));
        assertThat(ChanvasFormat.write(((LoadResult.Loaded) back).network())).isEqualTo(text);
    }

    @Provide
    Arbitrary<Network> networks() {
        Arbitrary<List<Process>> processes = process().list().ofMinSize(1).ofMaxSize(6).uniqueElements(Process::id);
        return processes.flatMap(ps -> {
            List<String> ids = ps.stream().map(Process::id).toList();
            Arbitrary<List<Channel>> channels = channel(ids).list().ofMaxSize(6).uniqueElements(Channel::id);
            return channels.flatMap(cs -> Combinators.combine(text(), text(), justified(cs), extras(TOP))
                    .as((title, description, js, extra) -> new Network(title, description, ps, cs, js, extra)));
        });
    }

    private static final Set<String> TOP = NetworkDecoder.TOP_FIELDS;

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
                Arbitraries.doubles().between(-1e6, 1e6),
                Arbitraries.of(0.1, -0.0, 1e15, 123456789.125, 5e-324));
    }

    private Arbitrary<Process> process() {
        return Combinators.combine(id("p"), text().injectNull(0.3), coordinate(), coordinate(), text(),
                        extras(NetworkDecoder.PROCESS_FIELDS))
                .as(Process::new);
    }

    private Arbitrary<Channel> channel(List<String> processIds) {
        // Writers use ports o*, readers i*: a port never both sends and receives, as a valid file requires.
        Arbitrary<Endpoint> writer = Combinators.combine(Arbitraries.of(processIds), Arbitraries.of("o", "o1", "out"))
                .as(Endpoint::new);
        Arbitrary<Endpoint> reader = Combinators.combine(Arbitraries.of(processIds), Arbitraries.of("i", "i1", "in"))
                .as(Endpoint::new);
        Arbitrary<ChannelKind> kind = Arbitraries.of(ChannelKind.class);
        Arbitrary<Integer> capacity = Arbitraries.integers().between(1, 1000);
        Arbitrary<Double> nodeX = coordinate().injectNull(0.5);
        return Combinators.combine(id("c"), kind, capacity, writer.list().ofMinSize(1).ofMaxSize(3).uniqueElements(),
                        reader.list().ofMinSize(1).ofMaxSize(3).uniqueElements(), text().injectNull(0.5), nodeX,
                        extras(NetworkDecoder.CHANNEL_FIELDS))
                .as((id, k, cap, ws, rs, label, x, extra) -> new Channel(id, k, k == ChannelKind.BUFFERED ? cap : 0,
                        ws, rs, label, x, x == null ? null : x + 1, extra));
    }

    private Arbitrary<List<Justification>> justified(List<Channel> channels) {
        if (channels.isEmpty()) {
            return Arbitraries.just(List.of());
        }
        List<String> ids = channels.stream().map(Channel::id).toList();
        Arbitrary<SortedSet<String>> cycle = Arbitraries.of(ids).set().ofMinSize(1).ofMaxSize(3).map(TreeSet::new);
        return Combinators.combine(cycle, text(), extras(NetworkDecoder.JUSTIFIED_FIELDS)).as(Justification::new)
                .list().ofMaxSize(3).uniqueElements(Justification::channels);
    }

    private Arbitrary<Map<String, Object>> extras(Set<String> known) {
        Arbitrary<String> key = Arbitraries.strings().withChars("abeklmxz_ü\"").ofMinLength(1).ofMaxLength(5)
                .filter(k -> !known.contains(k));
        return Arbitraries.maps(key, json(2).map(n -> (Object) n)).ofMaxSize(3).map(LinkedHashMap::new);
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
