package org.chanvas.model.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.chanvas.model.Channel;
import org.chanvas.model.ChannelKind;
import org.chanvas.model.Endpoint;
import org.chanvas.model.Justification;
import org.chanvas.model.Network;
import org.chanvas.model.Process;
import org.chanvas.model.io.ChanvasFormat;
import org.chanvas.model.io.LoadResult;
import org.junit.jupiter.api.Test;

/** Random edit sequences: every command keeps the document consistent, and undo all gives back the start. */
class UndoPropertyTest {

    @Test
    void undoingEverythingRestoresTheOriginalAndRedoingRestoresTheEnd() {
        // Each pick seeds one command, so a failing list of picks shrinks to the few commands that matter.
        qt().withExamples(300).forAll(lists().of(integers().between(0, 1_000_000)).ofSizeBetween(0, 60))
                .checkAssert(UndoPropertyTest::undoAndRedo);
    }

    private static void undoAndRedo(List<Integer> picks) {
        Network start = Fixtures.workers();
        UndoStack stack = new UndoStack(start);
        List<Network> history = new ArrayList<>(List.of(start));
        for (int pick : picks) {
            EditCommand cmd = command(stack.current(), new SplittableRandom(pick));
            Network before = stack.current();
            EditResult result = stack.execute(cmd);
            switch (result) {
                case EditResult.Applied(Network after) -> {
                    assertThat(stack.current()).isEqualTo(after);
                    assertThat(problems(after)).as(cmd.toString()).isEmpty();
                    // What an edit makes, a save must be able to load again.
                    String saved = ChanvasFormat.write(after);
                    LoadResult reloaded = ChanvasFormat.read(saved, "edited.json");
                    assertThat(reloaded).as(cmd + "\n" + saved).isInstanceOf(LoadResult.Loaded.class);
                    assertThat(ChanvasFormat.write(((LoadResult.Loaded) reloaded).network())).isEqualTo(saved);
                    if (!after.equals(before)) {
                        history.add(after);
                    }
                }
                case EditResult.Rejected(String reason) -> {
                    assertThat(reason).isNotBlank();
                    assertThat(stack.current()).isSameAs(before);
                }
            }
        }
        Network end = stack.current();
        for (int i = history.size() - 1; i > 0; i--) {
            assertThat(stack.current()).isEqualTo(history.get(i));
            assertThat(stack.undo()).isTrue();
        }
        assertThat(stack.current()).isEqualTo(start);
        assertThat(stack.canUndo()).isFalse();
        assertThat(stack.isDirty()).isFalse();
        while (stack.redo()) {
            // walk forward to the end
        }
        assertThat(stack.current()).isEqualTo(end);
    }

    /** A random command that often fits, sometimes not (unknown ids, taken ids, conflicting ports). */
    static EditCommand command(Network net, SplittableRandom rnd) {
        List<String> ps = new ArrayList<>(net.processes().stream().map(Process::id).toList());
        List<String> cs = new ArrayList<>(net.channels().stream().map(Channel::id).toList());
        ps.add("ghost");
        cs.add("nowhere");
        String p = ps.get(rnd.nextInt(ps.size()));
        String c = cs.get(rnd.nextInt(cs.size()));
        Endpoint end = new Endpoint(p, List.of("in", "out", "x", "ask").get(rnd.nextInt(4)));
        return switch (rnd.nextInt(17)) {
            case 0 -> new AddProcess(new Process(rnd.nextBoolean() ? Ids.freshProcessId(net, "p") : p,
                    rnd.nextInt(800), rnd.nextInt(600), "send out 1"));
            case 1 -> new RemoveProcesses(Set.of(p));
            case 2 -> new MoveProcesses(Map.of(p, new Position(rnd.nextDouble() * 900, rnd.nextInt(600))));
            case 3 -> new RenameProcess(p, rnd.nextBoolean() ? Ids.freshProcessId(net, p) : ps.get(0));
            case 4 -> new SetProcessLabel(p, rnd.nextBoolean() ? "Label \"" + p + "\"" : null);
            case 5 -> rnd.nextBoolean() ? new SetScript(p, "x = recv in\nprint \"got {x}\"")
                    : new SetParams(p, rnd.nextBoolean() ? Map.of("n", (long) rnd.nextInt(3)) : Map.of(), "Set n");
            case 6 -> {
                ChannelKind kind = ChannelKind.values()[rnd.nextInt(4)];
                yield new AddChannel(new Channel(rnd.nextBoolean() ? Ids.freshChannelId(net) : c, kind,
                        kind == ChannelKind.BUFFERED ? 1 + rnd.nextInt(3) : 0, List.of(end),
                        List.of(new Endpoint(ps.get(rnd.nextInt(ps.size())), "in"))));
            }
            case 7 -> new RemoveChannels(Set.of(c));
            case 8 -> new Connect(c, end, rnd.nextBoolean() ? EndRole.WRITER : EndRole.READER);
            case 9 -> new Disconnect(c, end);
            case 10 -> new SetChannelKind(c, ChannelKind.values()[rnd.nextInt(4)], rnd.nextInt(4));
            case 11 -> new SetChannelLabel(c, rnd.nextBoolean() ? "ch " + c : "");
            case 12 -> rnd.nextBoolean() ? MoveChannelNode.of(c, rnd.nextInt(500), rnd.nextInt(500))
                    : new MoveChannelNode(c, null);
            case 13 -> new AddJustification(new Justification(new TreeSet<>(Set.of(c)), "note " + rnd.nextInt(9)));
            case 14 -> new RemoveJustification(new TreeSet<>(Set.of(c)));
            case 15 -> new SetTitle("T" + rnd.nextInt(3), "D");
            default -> rnd.nextBoolean()
                    ? Compound.deleteSelection(Set.of(p), Set.of(c))
                    : new Compound("Two", List.of(new SetTitle("X", ""), MoveProcesses.of(p, 0, 0)));
        };
    }

    /** What makes a document not load again (SPEC §2); empty for a consistent one. */
    static List<String> problems(Network net) {
        List<String> out = new ArrayList<>();
        Set<String> pids = new HashSet<>();
        for (Process p : net.processes()) {
            if (!pids.add(p.id()) || !Ids.isValid(p.id())) {
                out.add("process id " + p.id());
            }
        }
        Set<String> cids = new HashSet<>();
        Set<Endpoint> writers = new HashSet<>();
        Set<Endpoint> readers = new HashSet<>();
        for (Channel c : net.channels()) {
            if (!cids.add(c.id()) || !Ids.isValid(c.id())) {
                out.add("channel id " + c.id());
            }
            if (c.writers().isEmpty() || c.readers().isEmpty()) {
                out.add("channel without ends " + c.id());
            }
            if (c.kind() == ChannelKind.BUFFERED ? c.capacity() < 1 : c.capacity() != 0) {
                out.add("capacity of " + c.id());
            }
            writers.addAll(c.writers());
            readers.addAll(c.readers());
            for (Endpoint e : concat(c.writers(), c.readers())) {
                if (!pids.contains(e.process()) && net.process(e.process()).isEmpty()) {
                    out.add("dangling end " + e);
                }
            }
        }
        writers.retainAll(readers);
        writers.forEach(e -> out.add("writes and reads " + e));
        for (Justification j : net.justified()) {
            if (j.channels().isEmpty() || !cids.containsAll(j.channels())) {
                out.add("justification " + j.channels());
            }
        }
        return out;
    }

    private static List<Endpoint> concat(List<Endpoint> a, List<Endpoint> b) {
        List<Endpoint> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
