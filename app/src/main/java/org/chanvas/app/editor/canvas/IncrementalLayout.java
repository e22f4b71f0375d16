package org.chanvas.app.editor.canvas;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.chanvas.app.diagram.Box;
import org.chanvas.app.diagram.ChannelShape;
import org.chanvas.app.diagram.DiagramGeometry;
import org.chanvas.app.diagram.ProcessBox;
import org.chanvas.app.diagram.Theme;
import org.chanvas.model.Channel;
import org.chanvas.model.Endpoint;
import org.chanvas.model.Network;
import org.chanvas.model.Process;

/**
 * Lays out again only the neighbourhood of what an edit changed, reusing the rest of an earlier geometry.
 * The shared layout places every label against every box and stroke, which grows with the square of the
 * network; dragging one box among hundreds must not pay for that each frame. The changed processes, their
 * neighbours and the neighbours' channels are laid out together (with the next ring as context for where
 * arrows go); everything else keeps its earlier shape. Labels of the untouched part may then sit a little
 * less well than a full layout would place them, which the editor fixes with a full layout in the background.
 */
public final class IncrementalLayout {

    private final Theme theme;

    public IncrementalLayout(Theme theme) {
        this.theme = theme;
    }

    /** The geometry of {@code next}, given {@code base}, the full geometry of {@code before}. */
    public DiagramGeometry update(DiagramGeometry base, Network before, Network next) {
        Map<String, Process> old = new HashMap<>();
        before.processes().forEach(p -> old.put(p.id(), p));
        Map<String, Channel> oldChannels = new HashMap<>();
        before.channels().forEach(c -> oldChannels.put(c.id(), c));

        Set<String> moved = new HashSet<>();
        for (Process p : next.processes()) {
            Process o = old.get(p.id());
            if (o != p && !p.equals(o)) {
                moved.add(p.id());
            }
        }
        Set<String> changedChannels = new HashSet<>();
        for (Channel c : next.channels()) {
            Channel o = oldChannels.remove(c.id());
            if (o != c && !c.equals(o)) {
                changedChannels.add(c.id());
                ends(c, moved);
                if (o != null) {
                    ends(o, moved);
                }
            }
        }
        // Channels that went away leave their ends' port stubs to be laid out again.
        oldChannels.values().forEach(c -> ends(c, moved));
        moved.removeIf(id -> next.process(id).isEmpty());

        Set<String> ring1 = new HashSet<>(moved);
        Set<String> channels1 = new HashSet<>(changedChannels);
        for (Channel c : next.channels()) {
            if (touchesAny(c, moved)) {
                channels1.add(c.id());
                ends(c, ring1);
            }
        }
        Set<String> channels2 = new HashSet<>(channels1);
        Set<String> context = new HashSet<>(ring1);
        for (Channel c : next.channels()) {
            if (touchesAny(c, ring1)) {
                channels2.add(c.id());
                ends(c, context);
            }
        }
        List<Process> subProcesses = next.processes().stream().filter(p -> context.contains(p.id())).toList();
        List<Channel> subChannels = next.channels().stream().filter(c -> channels2.contains(c.id())).toList();
        DiagramGeometry sub = subProcesses.isEmpty() ? null
                : DiagramGeometry.layout(next.withProcesses(subProcesses).withChannels(subChannels), theme);

        Map<String, ProcessBox> baseBoxes = new HashMap<>();
        base.processes().forEach(b -> baseBoxes.put(b.id(), b));
        Map<String, ChannelShape> baseShapes = new HashMap<>();
        base.channels().forEach(s -> baseShapes.put(s.id(), s));
        Map<String, ProcessBox> subBoxes = new HashMap<>();
        Map<String, ChannelShape> subShapes = new HashMap<>();
        if (sub != null) {
            sub.processes().forEach(b -> subBoxes.put(b.id(), b));
            sub.channels().forEach(s -> subShapes.put(s.id(), s));
        }

        List<ProcessBox> boxes = new ArrayList<>(next.processes().size());
        for (Process p : next.processes()) {
            ProcessBox b = ring1.contains(p.id()) ? subBoxes.get(p.id()) : baseBoxes.get(p.id());
            if (b == null) {
                b = subBoxes.get(p.id());
            }
            if (b != null) {
                boxes.add(b);
            }
        }
        List<ChannelShape> shapes = new ArrayList<>(next.channels().size());
        for (Channel c : next.channels()) {
            ChannelShape s = channels2.contains(c.id()) ? subShapes.get(c.id()) : baseShapes.get(c.id());
            if (s == null) {
                s = subShapes.get(c.id());
            }
            if (s != null) {
                shapes.add(s);
            }
        }
        return new DiagramGeometry(boxes, shapes, bounds(boxes, shapes));
    }

    private static Box bounds(List<ProcessBox> boxes, List<ChannelShape> shapes) {
        Box b = null;
        for (ProcessBox p : boxes) {
            b = b == null ? p.outline() : b.union(p.outline());
            b = b.union(p.title().bounds());
        }
        for (ChannelShape s : shapes) {
            b = b == null ? s.bounds() : b.union(s.bounds());
        }
        return b == null ? new Box(0, 0, 0, 0) : b;
    }

    private static void ends(Channel c, Set<String> into) {
        for (Endpoint e : c.writers()) {
            into.add(e.process());
        }
        for (Endpoint e : c.readers()) {
            into.add(e.process());
        }
    }

    private static boolean touchesAny(Channel c, Set<String> ids) {
        for (Endpoint e : c.writers()) {
            if (ids.contains(e.process())) {
                return true;
            }
        }
        for (Endpoint e : c.readers()) {
            if (ids.contains(e.process())) {
                return true;
            }
        }
        return false;
    }
}
