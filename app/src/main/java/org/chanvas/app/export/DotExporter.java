package org.chanvas.app.export;

import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.chanvas.app.diagram.Highlights;
import org.chanvas.app.diagram.Marks;
import org.chanvas.model.Channel;
import org.chanvas.model.ChannelKind;
import org.chanvas.model.Endpoint;
import org.chanvas.model.Network;
import org.chanvas.model.Process;
import org.chanvas.model.io.Printable;
import org.jgrapht.Graph;
import org.jgrapht.graph.DirectedPseudograph;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.AttributeType;
import org.jgrapht.nio.DefaultAttribute;

/**
 * Graphviz DOT through JGraphT's DOT exporter: processes as rounded boxes, channels as edges writer → reader
 * (a shared channel as its own small node), with ids, labels, kinds and capacities as attributes, and
 * cycles as {@code color}/{@code penwidth}/{@code style}, so {@code dot -Tsvg} draws a faithful picture.
 */
public final class DotExporter implements Exporter {

    /** A node of the DOT graph: a process, or the node of a shared channel. */
    public record DotNode(String id, boolean channelNode) {
        /** The DOT id, quoted: model ids may hold '-', and a channel node must not meet a process id. */
        String dotId() {
            return "\"" + (channelNode ? "channel:" : "") + id + "\"";
        }
    }

    /**
     * An edge of the DOT graph: one writer → reader arrow of a channel (or half of one, through a node).
     * Identity matters (a pseudograph may hold equal-looking edges), so this is a class, not a record.
     */
    public static final class DotEdge {
        final Channel channel;
        final Endpoint writer;
        final Endpoint reader;

        DotEdge(Channel channel, Endpoint writer, Endpoint reader) {
            this.channel = channel;
            this.writer = writer;
            this.reader = reader;
        }
    }

    @Override
    public String extension() {
        return "dot";
    }

    @Override
    public String description() {
        return "Graphviz DOT graph";
    }

    @Override
    public ExportResult export(Network network, Highlights highlights, ExportOptions options, Path target) {
        Optional<ExportResult> off = Drawing.offDrawing(network, target);
        if (off.isPresent()) {
            return off.get();
        }
        String text = render(network, highlights, options);
        return AtomicOutput.write(target, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write(text);
            w.flush();
        });
    }

    /** The DOT text of the network. */
    public String render(Network network, Highlights highlights, ExportOptions options) {
        Highlights h = highlights == null || !options.highlight() ? Highlights.NONE : highlights;
        Graph<DotNode, DotEdge> g = graph(network);
        org.jgrapht.nio.dot.DOTExporter<DotNode, DotEdge> exporter = new org.jgrapht.nio.dot.DOTExporter<>(DotNode::dotId);
        exporter.setGraphIdProvider(() -> "chanvas");
        exporter.setGraphAttributeProvider(() -> {
            Map<String, Attribute> a = new LinkedHashMap<>();
            // JGraphT writes graph attributes without quotes, so values with spaces are quoted here.
            a.put("rankdir", DefaultAttribute.createAttribute("LR"));
            if (!network.title().isEmpty()) {
                a.put("label", DefaultAttribute.createAttribute("<" + html(network.title()) + ">"));
            }
            a.put("fontname", DefaultAttribute.createAttribute(quoted("DejaVu Sans")));
            return a;
        });
        Map<String, Process> procs = new LinkedHashMap<>();
        network.processes().forEach(p -> procs.putIfAbsent(p.id(), p));
        exporter.setVertexAttributeProvider(v -> v.channelNode()
                ? channelNodeAttributes(network.channel(v.id()).orElseThrow(), h)
                : processAttributes(procs.get(v.id()), h));
        exporter.setEdgeAttributeProvider(e -> edgeAttributes(e, h));
        StringWriter out = new StringWriter();
        exporter.exportGraph(g, out);
        return out.toString();
    }

    /** The client/server graph with shared channels as their own nodes; ends on missing processes are skipped. */
    static Graph<DotNode, DotEdge> graph(Network network) {
        Graph<DotNode, DotEdge> g = new DirectedPseudograph<>(null, null, false);
        Set<String> ids = new java.util.HashSet<>();
        for (Process p : network.processes()) {
            if (ids.add(p.id())) {
                g.addVertex(new DotNode(p.id(), false));
            }
        }
        for (Channel c : network.channels()) {
            var writers = c.writers().stream().filter(e -> ids.contains(e.process())).toList();
            var readers = c.readers().stream().filter(e -> ids.contains(e.process())).toList();
            if (writers.isEmpty() || readers.isEmpty()) {
                continue;
            }
            if (c.isShared()) {
                DotNode node = new DotNode(c.id(), true);
                g.addVertex(node);
                writers.forEach(w -> g.addEdge(new DotNode(w.process(), false), node, new DotEdge(c, w, null)));
                readers.forEach(r -> g.addEdge(node, new DotNode(r.process(), false), new DotEdge(c, null, r)));
            } else {
                g.addEdge(new DotNode(writers.getFirst().process(), false), new DotNode(readers.getFirst().process(), false),
                        new DotEdge(c, writers.getFirst(), readers.getFirst()));
            }
        }
        return g;
    }

    private static Map<String, Attribute> processAttributes(Process p, Highlights h) {
        Map<String, Attribute> a = new LinkedHashMap<>();
        a.put("label", htmlLabel(p.displayLabel()));
        a.put("shape", DefaultAttribute.createAttribute("box"));
        a.put("style", DefaultAttribute.createAttribute(styleOf("rounded", p.id(), h.deadlockProne(), h.justified(), true)));
        a.put("fontname", DefaultAttribute.createAttribute("DejaVu Sans Bold"));
        // Positions in points with y up, pinned, for neato -n; dot ignores them.
        a.put("pos", DefaultAttribute.createAttribute(num(p.x()) + "," + num(-p.y()) + "!"));
        cycleColour(a, h.deadlockProne().hasProcess(p.id()), h.justified().hasProcess(p.id()));
        return a;
    }

    private static Map<String, Attribute> channelNodeAttributes(Channel c, Highlights h) {
        Map<String, Attribute> a = new LinkedHashMap<>();
        a.put("label", DefaultAttribute.createAttribute(""));
        a.put("xlabel", htmlLabel(channelLabel(c)));
        a.put("shape", DefaultAttribute.createAttribute("circle"));
        a.put("width", DefaultAttribute.createAttribute("0.25"));
        a.put("fixedsize", DefaultAttribute.createAttribute("true"));
        a.put("channel", DefaultAttribute.createAttribute(c.id()));
        a.put("kind", DefaultAttribute.createAttribute(c.kind().word()));
        if (c.kind() == ChannelKind.BUFFERED) {
            a.put("capacity", DefaultAttribute.createAttribute(c.capacity()));
        }
        if (c.x() != null && c.y() != null) {
            a.put("pos", DefaultAttribute.createAttribute(num(c.x()) + "," + num(-c.y()) + "!"));
        }
        cycleColour(a, h.deadlockProne().hasChannel(c.id()), h.justified().hasChannel(c.id()));
        return a;
    }

    private static Map<String, Attribute> edgeAttributes(DotEdge e, Highlights h) {
        Channel c = e.channel;
        Map<String, Attribute> a = new LinkedHashMap<>();
        a.put("id", DefaultAttribute.createAttribute(c.id()));
        a.put("fontname", DefaultAttribute.createAttribute("DejaVu Sans"));
        // The label sits on the edge that starts at a writer, so a shared channel is named once, at its node.
        if (e.writer != null && e.reader != null) {
            a.put("label", htmlLabel(channelLabel(c)));
        }
        a.put("kind", DefaultAttribute.createAttribute(c.kind().word()));
        if (c.kind() == ChannelKind.BUFFERED) {
            a.put("capacity", DefaultAttribute.createAttribute(c.capacity()));
        }
        if (e.writer != null) {
            a.put("tailport_name", DefaultAttribute.createAttribute(e.writer.port()));
        }
        if (e.reader != null) {
            a.put("headport_name", DefaultAttribute.createAttribute(e.reader.port()));
        }
        if (c.kind() == ChannelKind.CALL && e.reader != null) {
            a.put("arrowhead", DefaultAttribute.createAttribute("normalocurve"));
        }
        boolean red = h.deadlockProne().hasChannel(c.id());
        boolean amber = !red && h.justified().hasChannel(c.id());
        if (amber) {
            a.put("style", DefaultAttribute.createAttribute("dashed"));
        }
        cycleColour(a, red, amber);
        return a;
    }

    private static void cycleColour(Map<String, Attribute> a, boolean red, boolean amber) {
        if (red) {
            a.put("color", DefaultAttribute.createAttribute("red"));
            a.put("penwidth", DefaultAttribute.createAttribute("3"));
        } else if (amber) {
            a.put("color", DefaultAttribute.createAttribute("#f9a825"));
            a.put("penwidth", DefaultAttribute.createAttribute("2"));
        }
    }

    private static String styleOf(String base, String id, Marks red, Marks amber, boolean process) {
        boolean dashed = !(process ? red.hasProcess(id) : red.hasChannel(id))
                && (process ? amber.hasProcess(id) : amber.hasChannel(id));
        return dashed ? base + ",dashed" : base;
    }

    private static String channelLabel(Channel c) {
        String name = c.label() == null || c.label().isBlank() ? c.id() : c.label();
        return switch (c.kind()) {
            case RENDEZVOUS -> name;
            case BUFFERED -> name + " [" + c.capacity() + "]";
            case UNBOUNDED -> name + " ∞";
            case CALL -> name + " (call)";
        };
    }

    /** A quoted DOT string, for graph attributes, which JGraphT writes as they are. */
    private static String quoted(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** A label as an HTML-like DOT label (see {@link #html}). */
    private static Attribute htmlLabel(String s) {
        return new DefaultAttribute<>(html(s), AttributeType.HTML);
    }

    /**
     * A label as the text of an HTML-like DOT label, {@code <...>}. Not a quoted string: there a backslash
     * starts an escape, and Graphviz and JGraphT's importer disagree on {@code \\"}, so a label ending in a
     * backslash broke one or the other. Here a backslash is plain text; {@code & < > "} become entities, a
     * line break {@code <BR/>}, and other control characters are shown as escapes ({@code \x07}).
     */
    static String html(String s) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\n' -> out.append("<BR/>");
                default -> {
                    if (Printable.isControl(cp)) {
                        out.append(Printable.escapeOf(cp));
                    } else {
                        out.appendCodePoint(cp);
                    }
                }
            }
        });
        return out.toString();
    }

    private static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
