package org.chanvas.model.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chanvas.model.Generators.anyText;
import static org.chanvas.model.Generators.oneOf;
import static org.chanvas.model.Generators.distinctBy;
import static org.chanvas.model.Generators.mapsOf;
import static org.chanvas.model.Generators.orNull;
import static org.chanvas.model.Generators.setsOf;
import static org.chanvas.model.Generators.stringsOf;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

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
import org.chanvas.model.Channel;
import org.chanvas.model.ChannelKind;
import org.chanvas.model.Endpoint;
import org.chanvas.model.Justification;
import org.chanvas.model.Network;
import org.chanvas.model.Process;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Writing then reading is the identity on valid networks, and writing is stable (text → network → same text). */
class RoundTripPropertyTest {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    @Test
    void readingWhatWasWrittenGivesTheSameNetwork() {
        qt().withExamples(300).forAll(networks()).checkAssert(net -> {
            String text = ChanvasFormat.write(net);
            LoadResult back = ChanvasFormat.read(text, "gen.json");
            assertThat(back).isEqualTo(new LoadResult.Loaded(net));
            assertThat(ChanvasFormat.write(((LoadResult.Loaded) back).network())).isEqualTo(text);
        });
    }

    Gen<Network> networks() {
        // Channels and justifications are drawn as indices and bound to the drawn processes afterwards, so
        // every end names a process of the network without a dependent (flatMap) draw.
        Gen<List<Process>> processes = distinctBy(process(), Process::id, 1, 6);
        Gen<Pair<String, String>> titleAndDescription = text().zip(text(), Pair::of);
        return processes.zip(lists().of(channelSpec()).ofSizeBetween(0, 6),
                lists().of(justifiedSpec()).ofSizeBetween(0, 3), titleAndDescription, extras(TOP),
                (ps, specs, jspecs, td, extra) -> {
                    List<Channel> cs = bind(specs, ps);
                    return new Network(td._1, td._2, ps, cs, bindJustified(jspecs, cs), extra);
                });
    }

    private static final Set<String> TOP = NetworkDecoder.TOP_FIELDS;
    private static final List<String> OUT_PORTS = List.of("o", "o1", "out");
    private static final List<String> IN_PORTS = List.of("i", "i1", "in");

    // Built once and shared by the element generators.
    private final Gen<JsonNode> anyJson = json(2);

    /** A channel whose ends are numbers, to be bound to the processes drawn alongside. */
    private record ChannelSpec(String id, ChannelKind kind, int capacity, List<Integer> writers, List<Integer> readers,
                               String label, Double x, Map<String, Object> extra) {
    }

    private record JustifiedSpec(Set<Integer> channels, String note, Map<String, Object> extra) {
    }

    private static Gen<String> id(String prefix) {
        return stringsOf("abcxyzAZ_-0189", 0, 5).map(s -> prefix + s);
    }

    /** Any text: unicode, newlines, quotes, backslashes, control characters, even lone surrogates. */
    private static Gen<String> text() {
        return oneOf(anyText(12), stringsOf("\"\\\n\t{}é✓ ", 0, 12),
                Generate.pick(List.of("", "x = recv in\nprint \"got {x}\"", "send out [\"A\", \"2\"]\n# done")));
    }

    private static Gen<Double> coordinate() {
        // The edges of the drawing are ±1e6; a channel node sits at (x, x + 1).
        return oneOf(integers().between(-2000, 2000).map(i -> (double) i), doubles().between(-1e6, 999_999),
                Generate.pick(List.of(0.1, -0.0, 999_999.0, -1e6, 5e-324)));
    }

    private Gen<Process> process() {
        Gen<Pair<String, Map<String, Object>>> scriptAndExtras =
                text().zip(extras(NetworkDecoder.PROCESS_FIELDS), Pair::of);
        return id("p").zip(orNull(text(), 30), coordinate(), coordinate(), scriptAndExtras,
                (id, label, x, y, se) -> new Process(id, label, x, y, se._1, se._2));
    }

    private Gen<ChannelSpec> channelSpec() {
        Gen<List<Integer>> ends = lists().of(integers().between(0, 1000)).ofSizeBetween(1, 3);
        Gen<Pair<List<Integer>, List<Integer>>> writersAndReaders = ends.zip(ends, Pair::of);
        Gen<Pair<String, Double>> labelAndX = orNull(text(), 50).zip(orNull(coordinate(), 50), Pair::of);
        return id("c").zip(Generate.enumValues(ChannelKind.class), integers().between(1, 1000),
                        writersAndReaders.zip(labelAndX, Pair::of), extras(NetworkDecoder.CHANNEL_FIELDS),
                (id, kind, capacity, ends2, extra) -> new ChannelSpec(id, kind, capacity, ends2._1._1, ends2._1._2,
                        ends2._2._1, ends2._2._2, extra));
    }

    private Gen<JustifiedSpec> justifiedSpec() {
        return setsOf(integers().between(0, 100), 1, 3).zip(text(), extras(NetworkDecoder.JUSTIFIED_FIELDS),
                JustifiedSpec::new);
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
                // Half carry the kinds recorded when they were made (here, another channel's: a stale record
                // must survive the trip as well), half are from before kinds were kept.
                java.util.SortedMap<String, Justification.Kind> kinds = new java.util.TreeMap<>();
                if (s.note().length() % 2 == 0) {
                    s.channels().forEach(i -> kinds.put(cs.get(i % cs.size()).id(),
                            Justification.Kind.of(cs.get((i + 1) % cs.size()))));
                }
                out.add(new Justification(names, s.note(), kinds, s.extra()));
            }
        }
        return out;
    }

    private Gen<Map<String, Object>> extras(Set<String> known) {
        Gen<String> key = stringsOf("abeklmxz_ü\"", 1, 5);
        return mapsOf(key, anyJson.map(n -> (Object) n), 3).map(m -> {
            Map<String, Object> kept = new LinkedHashMap<>(m);
            kept.keySet().removeAll(known);
            return kept;
        });
    }

    /** Any JSON value, in the node types the reader makes (ints by size, fractions as exact decimals). */
    private static Gen<JsonNode> json(int depth) {
        Gen<JsonNode> ints = integers().all().map(i -> F.numberNode(i));
        // longs too large for an int, on both sides
        Gen<JsonNode> wideLongs = oneOf(longs().between(Integer.MAX_VALUE + 1L, Long.MAX_VALUE),
                longs().between(Long.MIN_VALUE, Integer.MIN_VALUE - 1L)).map(l -> F.numberNode(l));
        // from 2^70 to below 2^90: beyond any long
        Gen<JsonNode> bigs = longs().between(0, Long.MAX_VALUE).zip(integers().between(0, 20),
                (l, shift) -> F.numberNode(BigInteger.TWO.pow(70).add(BigInteger.valueOf(l).shiftLeft(shift))));
        Gen<JsonNode> decimals = longs().between(-99999, 99999).zip(integers().between(1, 12),
                (u, scale) -> F.numberNode(BigDecimal.valueOf(u, scale)));
        Gen<JsonNode> texts = text().map(t -> F.textNode(t));
        Gen<JsonNode> bools = booleans().all().map(b -> F.booleanNode(b));
        Gen<JsonNode> nulls = Generate.constant(F.nullNode());
        List<Gen<JsonNode>> choices = new ArrayList<>(List.of(texts, ints, wideLongs, bigs, decimals, bools, nulls));
        if (depth > 0) {
            Gen<JsonNode> inner = json(depth - 1);
            choices.add(lists().of(inner).ofSizeBetween(0, 3).map(items -> {
                ArrayNode a = F.arrayNode();
                items.forEach(a::add);
                return a;
            }));
            choices.add(mapsOf(stringsOf(ALPHA, 0, 4), inner, 3).map(m -> {
                ObjectNode o = F.objectNode();
                m.forEach(o::set);
                return o;
            }));
        }
        return oneOf(choices);
    }

    private static final String ALPHA = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
}
