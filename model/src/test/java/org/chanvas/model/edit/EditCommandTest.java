package org.chanvas.model.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chanvas.model.edit.Fixtures.end;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.chanvas.model.Channel;
import org.chanvas.model.ChannelKind;
import org.chanvas.model.Endpoint;
import org.chanvas.model.Justification;
import org.chanvas.model.Network;
import org.chanvas.model.Process;
import org.junit.jupiter.api.Test;

class EditCommandTest {

    private final Network net = Fixtures.workers();

    private static Network applied(EditCommand cmd, Network before) {
        EditResult r = cmd.apply(before);
        assertThat(r).as(cmd.description()).isInstanceOf(EditResult.Applied.class);
        return ((EditResult.Applied) r).after();
    }

    private static String rejected(EditCommand cmd, Network before) {
        EditResult r = cmd.apply(before);
        assertThat(r).as(cmd.description()).isInstanceOf(EditResult.Rejected.class);
        return ((EditResult.Rejected) r).reason();
    }

    @Test
    void addProcessAppendsAndRefusesTakenOrBadIds() {
        Network after = applied(new AddProcess(new Process("logger", 10, 20, "")), net);
        assertThat(after.processes()).extracting(Process::id)
                .containsExactly("producer", "worker1", "worker2", "consumer", "logger");
        assertThat(rejected(new AddProcess(new Process("worker1", 0, 0, "")), net))
                .isEqualTo("a process named worker1 already exists");
        assertThat(rejected(new AddProcess(new Process("2fast", 0, 0, "")), net))
                .isEqualTo("\"2fast\" is not a valid process id (letters, digits, _ and -, not starting with a digit)");
    }

    @Test
    void deletingAReaderOfASharedChannelKeepsTheChannelWithoutThatEnd() {
        Network after = applied(RemoveProcesses.of("worker1"), net);
        assertThat(after.processes()).extracting(Process::id).containsExactly("producer", "worker2", "consumer");
        // q keeps its other reader; r lost its only writer, so it goes, and the justification through r with it.
        assertThat(after.channels()).extracting(Channel::id).containsExactly("q", "s");
        Channel q = after.channel("q").orElseThrow();
        assertThat(q.readers()).containsExactly(end("worker2.in"));
        assertThat(q.label()).isEqualTo("jobs");
        assertThat(q.extra()).isEqualTo(Map.of("k", 1));
        assertThat(after.justified()).isEmpty();
        assertThat(after.extra()).isEqualTo(net.extra());
    }

    @Test
    void deletingTheOnlyWriterDeletesTheSharedChannel() {
        Network after = applied(RemoveProcesses.of("producer"), net);
        assertThat(after.channels()).extracting(Channel::id).containsExactly("r", "s");
        assertThat(after.justified()).isEqualTo(net.justified());
    }

    @Test
    void deletingTheCommonReaderDeletesBothItsChannels() {
        Network after = applied(RemoveProcesses.of("consumer", "producer"), net);
        assertThat(after.channels()).isEmpty();
        assertThat(after.processes()).extracting(Process::id).containsExactly("worker1", "worker2");
    }

    @Test
    void deleteDescriptionsNameOneOrCountMany() {
        assertThat(RemoveProcesses.of("worker1").description()).isEqualTo("Delete worker1");
        assertThat(RemoveProcesses.of("worker1", "worker2").description()).isEqualTo("Delete 2 processes");
        assertThat(RemoveChannels.of("q").description()).isEqualTo("Delete channel q");
        assertThat(RemoveChannels.of("q", "r").description()).isEqualTo("Delete 2 channels");
        assertThat(new MoveProcesses(Map.of("a", new Position(1, 2), "b", new Position(3, 4), "c", new Position(5, 6)))
                .description()).isEqualTo("Move 3 processes");
        assertThat(MoveProcesses.of("producer", 1, 2).description()).isEqualTo("Move producer");
    }

    @Test
    void deletingAnUnknownProcessChangesNothing() {
        assertThat(rejected(RemoveProcesses.of("worker1", "ghost"), net)).isEqualTo("no process named ghost");
    }

    @Test
    void moveSetsEveryCentreAtOnce() {
        Network after = applied(new MoveProcesses(Map.of("producer", new Position(1, 2), "consumer", new Position(-3, 4.5))), net);
        assertThat(after.process("producer").orElseThrow()).extracting(Process::x, Process::y).containsExactly(1.0, 2.0);
        assertThat(after.process("consumer").orElseThrow()).extracting(Process::x, Process::y).containsExactly(-3.0, 4.5);
        assertThat(after.process("producer").orElseThrow().extra()).isEqualTo(Map.of("colour", "red"));
        assertThat(after.process("worker1")).isEqualTo(net.process("worker1"));
        assertThat(rejected(MoveProcesses.of("ghost", 0, 0), net)).isEqualTo("no process named ghost");
    }

    @Test
    void renameMovesEveryEndAndKeepsJustifications() {
        Network after = applied(new RenameProcess("consumer", "sink"), net);
        assertThat(after.processes()).extracting(Process::id).containsExactly("producer", "worker1", "worker2", "sink");
        assertThat(after.channel("r").orElseThrow().readers()).containsExactly(end("sink.in"));
        assertThat(after.channel("s").orElseThrow().readers()).containsExactly(end("sink.in"));
        assertThat(after.channel("q")).isEqualTo(net.channel("q"));
        assertThat(after.justified()).isEqualTo(net.justified());
        assertThat(new RenameProcess("consumer", "sink").description()).isEqualTo("Rename consumer to sink");
        assertThat(rejected(new RenameProcess("consumer", "worker1"), net)).isEqualTo("a process named worker1 already exists");
        assertThat(rejected(new RenameProcess("consumer", "a.b"), net)).startsWith("\"a.b\" is not a valid process id");
        assertThat(rejected(new RenameProcess("ghost", "sink"), net)).isEqualTo("no process named ghost");
        assertThat(applied(new RenameProcess("consumer", "consumer"), net)).isEqualTo(net);
    }

    @Test
    void labelsAndScripts() {
        Network after = applied(new SetProcessLabel("worker1", "Worker Nº1"), net);
        assertThat(after.process("worker1").orElseThrow().displayLabel()).isEqualTo("Worker Nº1");
        assertThat(applied(new SetProcessLabel("worker1", ""), after).process("worker1").orElseThrow().label()).isNull();
        Network scripted = applied(new SetScript("producer", "send out \"hi\"\n"), net);
        assertThat(scripted.process("producer").orElseThrow().script()).isEqualTo("send out \"hi\"\n");
        assertThat(rejected(new SetScript("ghost", ""), net)).isEqualTo("no process named ghost");
        Network labelled = applied(new SetChannelLabel("r", "results"), net);
        assertThat(labelled.channel("r").orElseThrow().label()).isEqualTo("results");
    }

    @Test
    void addChannelChecksIdEndsAndPortDirections() {
        Channel t = new Channel("t", ChannelKind.CALL, 0, List.of(end("consumer.ask")), List.of(end("producer.ask")));
        assertThat(applied(new AddChannel(t), net).channels()).extracting(Channel::id).containsExactly("q", "r", "s", "t");
        assertThat(rejected(new AddChannel(new Channel("q", ChannelKind.CALL, 0, List.of(end("consumer.a")),
                List.of(end("producer.b")))), net)).isEqualTo("a channel named q already exists");
        assertThat(rejected(new AddChannel(new Channel("t", ChannelKind.CALL, 0, List.of(end("ghost.a")),
                List.of(end("producer.b")))), net)).isEqualTo("no process named ghost");
        assertThat(rejected(new AddChannel(new Channel("t", ChannelKind.RENDEZVOUS, 0, List.of(end("consumer.in")),
                List.of(end("producer.b")))), net))
                .isEqualTo("consumer.in is already a reader of channel r; a port cannot both send and receive");
        assertThat(rejected(new AddChannel(new Channel("t", ChannelKind.BUFFERED, 0, List.of(end("consumer.a")),
                List.of(end("producer.b")))), net)).isEqualTo("a buffered channel needs a capacity of at least 1, not 0");
        assertThat(rejected(new AddChannel(new Channel("t", ChannelKind.RENDEZVOUS, 0, List.of(),
                List.of(end("producer.b")))), net)).isEqualTo("channel t needs at least one writer and one reader");
        assertThat(rejected(new AddChannel(new Channel("t", ChannelKind.RENDEZVOUS, 0, List.of(end("producer.b")),
                List.of(end("producer.b")))), net)).isEqualTo("producer.b is both writer and reader of channel t");
    }

    @Test
    void connectMakesAChannelSharedAndRefusesAPortThatAlreadyReads() {
        Network after = applied(new Connect("r", end("worker2.out2"), EndRole.WRITER), net);
        Channel r = after.channel("r").orElseThrow();
        assertThat(r.writers()).containsExactly(end("worker1.out"), end("worker2.out2"));
        assertThat(r.isShared()).isTrue();
        assertThat(rejected(new Connect("r", end("worker1.in"), EndRole.WRITER), net))
                .isEqualTo("worker1.in is already a reader of channel q; a port cannot both send and receive");
        assertThat(rejected(new Connect("r", end("worker1.out"), EndRole.READER), net))
                .isEqualTo("worker1.out is already an end of channel r");
        assertThat(rejected(new Connect("zz", end("worker1.out"), EndRole.READER), net)).isEqualTo("no channel named zz");
        assertThat(new Connect("r", end("worker2.out2"), EndRole.WRITER).description()).isEqualTo("Connect worker2.out2 to r");
    }

    @Test
    void disconnectKeepsAtLeastOneEndEachSide() {
        Network after = applied(new Disconnect("q", end("worker1.in")), net);
        assertThat(after.channel("q").orElseThrow().readers()).containsExactly(end("worker2.in"));
        assertThat(rejected(new Disconnect("q", end("producer.out")), net))
                .isEqualTo("producer.out is the last writer of channel q; delete the channel instead");
        assertThat(rejected(new Disconnect("q", end("consumer.in")), net)).isEqualTo("consumer.in is not an end of channel q");
    }

    @Test
    void channelKindCapacityAndNode() {
        Network after = applied(new SetChannelKind("r", ChannelKind.BUFFERED, 3), net);
        assertThat(after.channel("r").orElseThrow()).extracting(Channel::kind, Channel::capacity)
                .containsExactly(ChannelKind.BUFFERED, 3);
        Network unbounded = applied(new SetChannelKind("q", ChannelKind.UNBOUNDED, 7), net);
        assertThat(unbounded.channel("q").orElseThrow().capacity()).isZero();
        assertThat(rejected(new SetChannelKind("r", ChannelKind.BUFFERED, 0), net))
                .isEqualTo("a buffered channel needs a capacity of at least 1, not 0");
        assertThat(new SetChannelKind("r", ChannelKind.BUFFERED, 3).description()).isEqualTo("Make r buffered (3)");
        Network moved = applied(MoveChannelNode.of("q", 5, 6), net);
        assertThat(moved.channel("q").orElseThrow()).extracting(Channel::x, Channel::y).containsExactly(5.0, 6.0);
        Network cleared = applied(new MoveChannelNode("q", null), net);
        assertThat(cleared.channel("q").orElseThrow().x()).isNull();
    }

    @Test
    void deletingAChannelDropsTheJustificationsThroughIt() {
        Network after = applied(RemoveChannels.of("s"), net);
        assertThat(after.channels()).extracting(Channel::id).containsExactly("q", "r");
        assertThat(after.justified()).isEmpty();
        assertThat(after.processes()).isEqualTo(net.processes());
    }

    @Test
    void justificationsAreAddedReplacedAndRemovedByTheirChannelSet() {
        TreeSet<String> rs = new TreeSet<>(Set.of("s", "r"));
        Network renoted = applied(new AddJustification(new Justification(rs, "new note")), net);
        // Justifying records the kinds the channels have now, so that a later change makes it stale.
        Justification.Kind rendezvous = new Justification.Kind(ChannelKind.RENDEZVOUS, 0);
        assertThat(renoted.justified()).containsExactly(
                new Justification(rs, "new note", new TreeMap<>(Map.of("r", rendezvous, "s", rendezvous)), Map.of()));
        Network two = applied(new AddJustification(new Justification(new TreeSet<>(Set.of("q")), "n")), net);
        assertThat(two.justified()).hasSize(2);
        assertThat(rejected(new AddJustification(new Justification(new TreeSet<>(Set.of("zz")), "n")), net))
                .isEqualTo("no channel named zz");
        assertThat(applied(new RemoveJustification(rs), net).justified()).isEmpty();
        assertThat(rejected(new RemoveJustification(new TreeSet<>(Set.of("q"))), net)).isEqualTo("the cycle q is not justified");
        assertThat(new AddJustification(new Justification(rs, "x")).description()).isEqualTo("Justify cycle r, s");
    }

    @Test
    void titleAndDescription() {
        Network after = applied(new SetTitle("T", "D"), net);
        assertThat(after).extracting(Network::title, Network::description).containsExactly("T", "D");
    }

    @Test
    void compoundAppliesAllOrNothing() {
        EditCommand both = new Compound("Add and wire", List.of(
                new AddProcess(new Process("logger", 0, 0, "")),
                new Connect("r", new Endpoint("logger", "in"), EndRole.READER)));
        Network after = applied(both, net);
        assertThat(after.channel("r").orElseThrow().readers()).containsExactly(end("consumer.in"), end("logger.in"));
        EditCommand broken = new Compound("Broken", List.of(
                new AddProcess(new Process("logger", 0, 0, "")),
                new Connect("zz", new Endpoint("logger", "in"), EndRole.READER)));
        assertThat(rejected(broken, net)).isEqualTo("no channel named zz");
    }

    @Test
    void deletingAMixedSelectionIsOneStepThatDoesNotTripOverDanglingChannels() {
        // r dangles once worker1 goes; deleting it explicitly as well must not make the step fail.
        EditCommand delete = Compound.deleteSelection(Set.of("worker1"), Set.of("r", "q"));
        Network after = applied(delete, net);
        assertThat(after.channels()).extracting(Channel::id).containsExactly("s");
        assertThat(delete.description()).isEqualTo("Delete 3 items");
    }
}
