package org.chanvas.model.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.chanvas.model.Channel;
import org.chanvas.model.ChannelKind;
import org.chanvas.model.Endpoint;
import org.chanvas.model.Justification;
import org.chanvas.model.Network;
import org.chanvas.model.Process;
import org.chanvas.model.analysis.NetworkValidator;
import org.chanvas.model.edit.Ids;
import org.chanvas.model.io.JsonTree.Arr;
import org.chanvas.model.io.JsonTree.Member;
import org.chanvas.model.io.JsonTree.Node;
import org.chanvas.model.io.JsonTree.Num;
import org.chanvas.model.io.JsonTree.Obj;
import org.chanvas.model.io.JsonTree.Str;
import org.chanvas.model.io.JsonTree.Where;

/**
 * Turns a located JSON tree into a {@link Network}, or into every fault found, each with its line, column and
 * JSON path. Faults are collected rather than thrown: a value that is wrong is reported and left out, and the
 * cross-checks (duplicate ids, unknown processes, port directions) run only on a structurally sound file, so
 * that one mistake is not reported again as its consequences.
 */
final class NetworkDecoder {

    static final Set<String> TOP_FIELDS = Set.of("format", "title", "description", "processes", "channels", "justified");
    static final Set<String> PROCESS_FIELDS = Set.of("id", "label", "x", "y", "script", "params");
    static final Set<String> CHANNEL_FIELDS = Set.of("id", "label", "kind", "capacity", "writers", "readers", "x", "y");
    static final Set<String> JUSTIFIED_FIELDS = Set.of("channels", "kinds", "note");

    private final String file;
    private final List<LoadError> errors = new ArrayList<>();

    NetworkDecoder(String file) {
        this.file = file;
    }

    LoadResult decode(Node root) {
        if (!(root instanceof Obj top)) {
            fault(root.where(), "", "a Chanvas file is a JSON object { \"format\": \"chanvas/1\", ... }, not "
                    + root.kind());
            return failed();
        }
        if (!formatOk(top)) {
            return failed();
        }
        String title = optionalString(top, "", "title");
        String description = optionalString(top, "", "description");
        List<Located<Process>> processes = list(top, "", "processes", this::process);
        List<LocatedChannel> channels = list(top, "", "channels", this::channel);
        List<LocatedJustification> justified = list(top, "", "justified", this::justification);
        Map<String, Object> extra = extras(top, TOP_FIELDS);
        if (errors.isEmpty()) {
            crossCheck(processes, channels, justified);
        }
        if (!errors.isEmpty()) {
            return failed();
        }
        return new LoadResult.Loaded(new Network(title, description,
                processes.stream().map(Located::value).toList(),
                channels.stream().map(LocatedChannel::channel).toList(),
                justified.stream().map(LocatedJustification::justification).toList(), extra));
    }

    private LoadResult failed() {
        List<LoadError> sorted = new ArrayList<>(errors);
        sorted.sort((a, b) -> a.line() != b.line() ? Integer.compare(a.line(), b.line()) : Integer.compare(a.column(), b.column()));
        return new LoadResult.Failed(sorted);
    }

    private void fault(Where where, String path, String message) {
        errors.add(new LoadError(file, where.line(), where.column(), path, message));
    }

    private static String at(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private boolean formatOk(Obj top) {
        Member m = top.members().get("format");
        if (m == null) {
            fault(top.where(), "format", "missing \"format\": \"" + ChanvasFormat.FORMAT + "\"; is this a Chanvas file?");
            return false;
        }
        if (!(m.value() instanceof Str s)) {
            fault(m.value().where(), "format", "expected the string \"" + ChanvasFormat.FORMAT + "\", found " + m.value().kind());
            return false;
        }
        if (!s.value().equals(ChanvasFormat.FORMAT)) {
            fault(s.where(), "format", "unsupported format \"" + s.value() + "\"; this version reads \""
                    + ChanvasFormat.FORMAT + "\"");
            return false;
        }
        return true;
    }

    // ---- typed field access: each reports its own fault and returns null (or a default) when it has one ----

    private interface ElementReader<T> {
        T read(Node node, String path);
    }

    private <T> List<T> list(Obj o, String path, String name, ElementReader<T> reader) {
        Member m = o.members().get(name);
        if (m == null || m.value() instanceof JsonTree.Null) {
            return List.of();
        }
        if (!(m.value() instanceof Arr arr)) {
            fault(m.value().where(), at(path, name), "expected a list [ ... ], found " + m.value().kind());
            return List.of();
        }
        List<T> out = new ArrayList<>();
        for (int i = 0; i < arr.items().size(); i++) {
            T t = reader.read(arr.items().get(i), at(path, name) + "[" + i + "]");
            if (t != null) {
                out.add(t);
            }
        }
        return out;
    }

    private Obj object(Node node, String path, String what) {
        if (node instanceof Obj o) {
            return o;
        }
        fault(node.where(), path, "expected " + what + " as an object { ... }, found " + node.kind());
        return null;
    }

    private String requiredString(Obj o, String path, String name) {
        Member m = o.members().get(name);
        if (m == null) {
            fault(o.where(), at(path, name), "required field \"" + name + "\" is missing");
            return null;
        }
        return string(m, path);
    }

    private String optionalString(Obj o, String path, String name) {
        Member m = o.members().get(name);
        return m == null || m.value() instanceof JsonTree.Null ? null : string(m, path);
    }

    private String string(Member m, String path) {
        if (m.value() instanceof Str s) {
            return s.value();
        }
        fault(m.value().where(), at(path, m.name()), "expected a string, found " + m.value().kind());
        return null;
    }

    /** A finite number, or {@code null} when absent (or JSON null); a fault and {@code NaN} when it is not one. */
    private Double optionalNumber(Obj o, String path, String name, String owner) {
        Member m = o.members().get(name);
        if (m == null || m.value() instanceof JsonTree.Null) {
            return null;
        }
        if (!(m.value() instanceof Num n)) {
            fault(m.value().where(), at(path, name), "expected a number, found " + m.value().kind());
            return Double.NaN;
        }
        double d = n.asDouble();
        if (!Double.isFinite(d)) {
            fault(n.where(), at(path, name), "the number is too large");
            return Double.NaN;
        }
        if (Math.abs(d) > NetworkValidator.MAX_COORDINATE) {
            // Refused at load, so that neither the editor nor an export ever lays out a point this far out.
            fault(n.where(), at(path, name), owner + ": " + name + " = " + describe(n) + " is off the drawing;"
                    + " a coordinate is at most ±" + (long) NetworkValidator.MAX_COORDINATE + " diagram units");
            return Double.NaN;
        }
        return d;
    }

    private String id(Obj o, String path, String what) {
        String id = requiredString(o, path, "id");
        if (id != null && !Ids.isValid(id)) {
            fault(o.members().get("id").value().where(), at(path, "id"), "\"" + id + "\" is not a valid " + what
                    + " id (letters, digits, _ and -, not starting with a digit)");
            return null;
        }
        return id;
    }

    // ---- the three kinds of element, each with where it came from for the cross-checks ----

    /** A decoded value, its JSON path and the position of its id (or of itself). */
    record Located<T>(T value, String path, Where where) {
    }

    record LocatedChannel(Channel channel, String path, Where where, List<Located<Endpoint>> writers,
                          List<Located<Endpoint>> readers) {
    }

    record LocatedJustification(Justification justification, String path, Where where, List<Located<String>> channels) {
    }

    private Located<Process> process(Node node, String path) {
        Obj o = object(node, path, "a process");
        if (o == null) {
            return null;
        }
        int before = errors.size();
        String id = id(o, path, "process");
        String label = optionalString(o, path, "label");
        String owner = "process " + (id == null ? "at " + path : id);
        Double x = optionalNumber(o, path, "x", owner);
        Double y = optionalNumber(o, path, "y", owner);
        String script = requiredString(o, path, "script");
        Map<String, Object> params = params(o, path);
        Map<String, Object> extra = extras(o, PROCESS_FIELDS);
        if (errors.size() > before) {
            return null;
        }
        Process p = new Process(id, label, x == null ? 0 : x, y == null ? 0 : y, script, extra, params);
        return new Located<>(p, at(path, "id"), o.members().get("id").value().where());
    }

    /** {@code "params": {"name": value, ...}} (SPEC §3.1): script variables from the first line, in file order. */
    private Map<String, Object> params(Obj o, String path) {
        Member m = o.members().get("params");
        Map<String, Object> params = new LinkedHashMap<>();
        if (m == null || m.value() instanceof JsonTree.Null) {
            return params;
        }
        String where = at(path, "params");
        if (!(m.value() instanceof Obj p)) {
            fault(m.value().where(), where, "expected an object of parameters {\"name\": value}, found "
                    + m.value().kind());
            return params;
        }
        for (Member param : p.members().values()) {
            String bad = org.chanvas.model.script.Parameters.badName(param.name());
            if (bad != null) {
                fault(param.nameWhere(), at(where, param.name()), bad);
                continue;
            }
            Object v = paramValue(param.value(), at(where, param.name()));
            if (v != null) {
                params.put(param.name(), v);
            }
        }
        return params;
    }

    /** A parameter's value as a script value, or null after reporting why it is not one. */
    private Object paramValue(Node node, String path) {
        return switch (node) {
            case Str s -> s.value();
            case JsonTree.Bool b -> b.value();
            case Num n when n.isInteger() && n.integer().bitLength() < 64 -> n.integer().longValue();
            case Num n when n.isInteger() -> {
                fault(n.where(), path, "the whole number " + n.integer() + " is too large for a script value (at most "
                        + Long.MAX_VALUE + ")");
                yield null;
            }
            case Arr a -> {
                List<Object> items = new ArrayList<>(a.items().size());
                boolean ok = true;
                for (int i = 0; i < a.items().size(); i++) {
                    Object item = paramValue(a.items().get(i), path + "[" + i + "]");
                    ok &= item != null;
                    items.add(item);
                }
                yield ok ? List.copyOf(items) : null;
            }
            default -> {
                fault(node.where(), path, "a parameter is a whole number, a string, true/false or a list of those, not "
                        + describe(node));
                yield null;
            }
        };
    }

    private LocatedChannel channel(Node node, String path) {
        Obj o = object(node, path, "a channel");
        if (o == null) {
            return null;
        }
        int before = errors.size();
        String id = id(o, path, "channel");
        String label = optionalString(o, path, "label");
        ChannelKind kind = kind(o, path);
        int capacity = kind == null ? 0 : capacity(o, path, kind);
        List<Located<Endpoint>> writers = ends(o, path, "writers", "writer");
        List<Located<Endpoint>> readers = ends(o, path, "readers", "reader");
        String owner = "channel " + (id == null ? "at " + path : id);
        Double x = optionalNumber(o, path, "x", owner);
        Double y = optionalNumber(o, path, "y", owner);
        if ((x == null) != (y == null)) {
            String given = x == null ? "y" : "x";
            String other = x == null ? "x" : "y";
            fault(o.members().get(given).value().where(), at(path, other),
                    "the node position needs both x and y; " + given + " is given without " + other);
        }
        Map<String, Object> extra = extras(o, CHANNEL_FIELDS);
        if (errors.size() > before) {
            return null;
        }
        Channel c = new Channel(id, kind, capacity, writers.stream().map(Located::value).toList(),
                readers.stream().map(Located::value).toList(), label, x, y, extra);
        return new LocatedChannel(c, at(path, "id"), o.members().get("id").value().where(), writers, readers);
    }

    private ChannelKind kind(Obj o, String path) {
        String word = requiredString(o, path, "kind");
        if (word == null) {
            return null;
        }
        Optional<ChannelKind> kind = ChannelKind.fromWord(word);
        if (kind.isEmpty()) {
            fault(o.members().get("kind").value().where(), at(path, "kind"), "unknown kind \"" + word
                    + "\"; expected rendezvous, buffered, unbounded or call");
            return null;
        }
        return kind.get();
    }

    private int capacity(Obj o, String path, ChannelKind kind) {
        Member m = o.members().get("capacity");
        String where = at(path, "capacity");
        if (m == null || m.value() instanceof JsonTree.Null) {
            if (kind == ChannelKind.BUFFERED) {
                fault(o.where(), where, "a buffered channel needs a \"capacity\" (a whole number, 1 or more)");
            }
            return 0;
        }
        if (!(m.value() instanceof Num n) || !n.isInteger()) {
            fault(m.value().where(), where, "expected a whole number, found " + describe(m.value()));
            return 0;
        }
        BigInteger v = n.integer();
        if (kind != ChannelKind.BUFFERED) {
            if (v.signum() != 0) {
                fault(n.where(), where, "a capacity is only for buffered channels; this one is " + kind.word());
            }
            return 0;
        }
        if (v.signum() <= 0) {
            fault(n.where(), where, "a buffered channel needs a capacity of at least 1, not " + v);
            return 0;
        }
        if (v.bitLength() > 31) {
            fault(n.where(), where, "the capacity " + v + " is too large (at most " + Integer.MAX_VALUE + ")");
            return 0;
        }
        return v.intValue();
    }

    /**
     * A number as written, shortened: toPlainString of {@code 1e999999999} would be a billion digits, and a
     * message needs only the first few.
     */
    private static String describe(Node node) {
        if (!(node instanceof Num n)) {
            return node.kind();
        }
        String text = n.isInteger() ? n.integer().toString() : n.decimal().toString();
        return text.length() <= 24 ? text : text.substring(0, 12) + "…(" + text.length() + " characters)";
    }

    private List<Located<Endpoint>> ends(Obj o, String path, String name, String role) {
        Member m = o.members().get(name);
        String listPath = at(path, name);
        if (m == null) {
            fault(o.where(), listPath, "required field \"" + name + "\" is missing; a channel needs at least one " + role);
            return List.of();
        }
        if (!(m.value() instanceof Arr arr)) {
            fault(m.value().where(), listPath, "expected a list of \"process.port\" strings, found " + m.value().kind());
            return List.of();
        }
        if (arr.items().isEmpty()) {
            fault(arr.where(), listPath, "a channel needs at least one " + role);
            return List.of();
        }
        List<Located<Endpoint>> out = new ArrayList<>();
        for (int i = 0; i < arr.items().size(); i++) {
            Node item = arr.items().get(i);
            String itemPath = listPath + "[" + i + "]";
            if (!(item instanceof Str s)) {
                fault(item.where(), itemPath, "expected a \"process.port\" string, found " + item.kind());
                continue;
            }
            Optional<Endpoint> end = Endpoint.parse(s.value())
                    .filter(e -> Ids.isValid(e.process()) && Ids.isValid(e.port()));
            if (end.isEmpty()) {
                fault(s.where(), itemPath, "\"" + s.value() + "\" is not a channel end; write process.port, e.g. \"producer.out\"");
                continue;
            }
            out.add(new Located<>(end.get(), itemPath, s.where()));
        }
        return out;
    }

    private LocatedJustification justification(Node node, String path) {
        Obj o = object(node, path, "a justified cycle");
        if (o == null) {
            return null;
        }
        int before = errors.size();
        Member m = o.members().get("channels");
        String listPath = at(path, "channels");
        List<Located<String>> names = new ArrayList<>();
        if (m == null) {
            fault(o.where(), listPath, "required field \"channels\" is missing; name the cycle's channels");
        } else if (!(m.value() instanceof Arr arr)) {
            fault(m.value().where(), listPath, "expected a list of channel ids, found " + m.value().kind());
        } else if (arr.items().isEmpty()) {
            fault(arr.where(), listPath, "a justified cycle names at least one channel");
        } else {
            for (int i = 0; i < arr.items().size(); i++) {
                Node item = arr.items().get(i);
                if (item instanceof Str s) {
                    names.add(new Located<>(s.value(), listPath + "[" + i + "]", s.where()));
                } else {
                    fault(item.where(), listPath + "[" + i + "]", "expected a channel id, found " + item.kind());
                }
            }
        }
        String note = optionalString(o, path, "note");
        Map<String, Object> extra = extras(o, JUSTIFIED_FIELDS);
        SortedSet<String> channels = new TreeSet<>();
        names.forEach(n -> channels.add(n.value()));
        SortedMap<String, Justification.Kind> kinds = errors.size() > before ? null : kinds(o, path, channels);
        if (errors.size() > before) {
            return null;
        }
        return new LocatedJustification(new Justification(channels, note, kinds, extra), listPath, m.value().where(),
                names);
    }

    /**
     * The optional {@code "kinds"} record of a justified cycle: {@code {"a": "rendezvous", "b": "buffered 2"}},
     * one entry for each of its channels. Without it (files from before kinds were kept) the record is empty.
     */
    private SortedMap<String, Justification.Kind> kinds(Obj o, String path, SortedSet<String> channels) {
        SortedMap<String, Justification.Kind> kinds = new TreeMap<>();
        Member m = o.members().get("kinds");
        String where = at(path, "kinds");
        if (m == null || m.value() instanceof JsonTree.Null) {
            return kinds;
        }
        if (!(m.value() instanceof Obj record)) {
            fault(m.value().where(), where, "expected the channels' kinds as an object {\"a\": \"rendezvous\", "
                    + "\"b\": \"buffered 2\"}, found " + m.value().kind());
            return kinds;
        }
        for (Member k : record.members().values()) {
            String kPath = where + "." + k.name();
            if (!channels.contains(k.name())) {
                fault(k.value().where(), kPath, "\"" + k.name() + "\" is not one of this cycle's channels "
                        + String.join(", ", channels));
            } else if (!(k.value() instanceof Str s)) {
                fault(k.value().where(), kPath, "expected a kind such as \"rendezvous\" or \"buffered 2\", found "
                        + k.value().kind());
            } else {
                Optional<Justification.Kind> kind = Justification.Kind.fromWord(s.value());
                if (kind.isEmpty()) {
                    fault(s.where(), kPath, "unknown kind \"" + s.value() + "\"; expected rendezvous, unbounded, "
                            + "call or buffered N (N at least 1)");
                } else {
                    kinds.put(k.name(), kind.get());
                }
            }
        }
        List<String> missing = channels.stream().filter(c -> !record.members().containsKey(c)).toList();
        if (!missing.isEmpty()) {
            fault(record.where(), where, "no kind recorded for " + String.join(", ", missing)
                    + "; record every channel of the cycle, or leave \"kinds\" out");
        }
        return kinds;
    }

    private Map<String, Object> extras(Obj o, Set<String> known) {
        Map<String, Object> extra = new LinkedHashMap<>();
        for (Member m : o.members().values()) {
            if (!known.contains(m.name())) {
                extra.put(m.name(), toJsonNode(m.value()));
            }
        }
        return extra;
    }

    /** Unknown values are kept as Jackson trees, which hold any JSON exactly, JSON null included. */
    static JsonNode toJsonNode(Node node) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (node) {
            case Obj o -> {
                ObjectNode obj = f.objectNode();
                o.members().values().forEach(m -> obj.set(m.name(), toJsonNode(m.value())));
                yield obj;
            }
            case Arr a -> {
                ArrayNode arr = f.arrayNode();
                a.items().forEach(i -> arr.add(toJsonNode(i)));
                yield arr;
            }
            case Str s -> f.textNode(s.value());
            case Num n when n.isInteger() -> n.integer().bitLength() < 32 ? f.numberNode(n.integer().intValue())
                    : n.integer().bitLength() < 64 ? f.numberNode(n.integer().longValue()) : f.numberNode(n.integer());
            case Num n -> f.numberNode(n.decimal());
            case JsonTree.Bool b -> f.booleanNode(b.value());
            case JsonTree.Null ignored -> f.nullNode();
        };
    }

    // ---- consistency across elements (SPEC §2) ----

    private void crossCheck(List<Located<Process>> processes, List<LocatedChannel> channels,
                            List<LocatedJustification> justified) {
        Map<String, Located<Process>> processById = new HashMap<>();
        for (Located<Process> p : processes) {
            Located<Process> first = processById.putIfAbsent(p.value().id(), p);
            if (first != null) {
                fault(p.where(), p.path(), "duplicate process id \"" + p.value().id() + "\" (first at "
                        + first.path() + ", line " + first.where().line() + ")");
            }
        }
        Map<String, LocatedChannel> channelById = new HashMap<>();
        for (LocatedChannel c : channels) {
            LocatedChannel first = channelById.putIfAbsent(c.channel().id(), c);
            if (first != null) {
                fault(c.where(), c.path(), "duplicate channel id \"" + c.channel().id() + "\" (first at "
                        + first.path() + ", line " + first.where().line() + ")");
            }
        }
        // Each port is either written or read, over the whole network: remember the first use of each.
        Map<Endpoint, PortUse> uses = new HashMap<>();
        for (LocatedChannel c : channels) {
            checkEnds(c, c.writers(), "writer", processById, uses);
            checkEnds(c, c.readers(), "reader", processById, uses);
        }
        Map<SortedSet<String>, LocatedJustification> cycles = new HashMap<>();
        for (LocatedJustification j : justified) {
            for (Located<String> name : j.channels()) {
                if (!channelById.containsKey(name.value())) {
                    fault(name.where(), name.path(), "unknown channel \"" + name.value() + "\"");
                }
            }
            LocatedJustification first = cycles.putIfAbsent(j.justification().channels(), j);
            if (first != null) {
                fault(j.where(), j.path(), "this cycle is justified twice (also at " + first.path() + ")");
            }
        }
    }

    private record PortUse(String channel, String role, String path) {
    }

    private void checkEnds(LocatedChannel c, List<Located<Endpoint>> ends, String role,
                           Map<String, Located<Process>> processById, Map<Endpoint, PortUse> uses) {
        for (Located<Endpoint> end : ends) {
            Endpoint e = end.value();
            if (!processById.containsKey(e.process())) {
                fault(end.where(), end.path(), "unknown process \"" + e.process() + "\" in \"" + e + "\"");
                continue;
            }
            PortUse first = uses.putIfAbsent(e, new PortUse(c.channel().id(), role, end.path()));
            if (first == null) {
                continue;
            }
            String id = c.channel().id();
            if (first.channel().equals(id) && first.role().equals(role)) {
                fault(end.where(), end.path(), e + " is listed twice as a " + role + " of channel " + id);
            } else if (first.channel().equals(id)) {
                fault(end.where(), end.path(), "port " + e + " is both writer and reader of channel " + id
                        + "; a port either sends or receives");
            } else if (!first.role().equals(role)) {
                fault(end.where(), end.path(), "port " + e + " is a " + first.role() + " of channel " + first.channel()
                        + " (" + first.path() + ") and cannot also be a " + role + " of channel " + id
                        + "; a port either sends or receives");
            }
        }
    }
}
