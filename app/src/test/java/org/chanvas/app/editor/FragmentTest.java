package org.chanvas.app.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.chanvas.model.Channel;
import org.chanvas.model.ChannelKind;
import org.chanvas.model.Endpoint;
import org.chanvas.model.Network;
import org.chanvas.model.Process;
import org.chanvas.model.edit.EditResult;
import org.junit.jupiter.api.Test;

/** Copy and paste of part of a network. */
class FragmentTest {

    private final Channel ab = new Channel("ab", ChannelKind.BUFFERED, 2, List.of(new Endpoint("a", "out")),
            List.of(new Endpoint("b", "in")));
    private final Channel bc = new Channel("bc", ChannelKind.RENDEZVOUS, 0, List.of(new Endpoint("b", "out")),
            List.of(new Endpoint("c", "in")));
    private final Network n = new Network("", "", List.of(new Process("a", 0, 0, "send out 1"),
            new Process("b", 100, 0, "x = recv in\nsend out x"), new Process("c", 200, 0, "x = recv in")),
            List.of(ab, bc), List.of(), Map.of());

    @Test
    void aFragmentKeepsOnlyChannelsWhoseEveryEndIsCopied() {
        Fragment f = Fragment.of(n, Set.of("a", "b"));
        assertThat(f.processes()).extracting(Process::id).containsExactly("a", "b");
        assertThat(f.channels()).containsExactly(ab);
    }

    @Test
    void pastingGivesFreshIdsShiftsAndRewiresTheCopies() {
        Fragment.Pasted pasted = Fragment.of(n, Set.of("a", "b")).pasteInto(n, 40, 20);
        Network after = ((EditResult.Applied) pasted.command().apply(n)).after();
        assertThat(pasted.processIds()).containsExactlyInAnyOrder("a2", "b2");
        assertThat(after.process("a2").get().x()).isEqualTo(40);
        assertThat(after.process("b2").get().y()).isEqualTo(20);
        Channel copy = after.channel(pasted.channelIds().getFirst()).orElseThrow();
        assertThat(copy.kind()).isEqualTo(ChannelKind.BUFFERED);
        assertThat(copy.capacity()).isEqualTo(2);
        assertThat(copy.writers()).containsExactly(new Endpoint("a2", "out"));
        assertThat(copy.readers()).containsExactly(new Endpoint("b2", "in"));
        assertThat(after.channels()).hasSize(3);
    }
}
