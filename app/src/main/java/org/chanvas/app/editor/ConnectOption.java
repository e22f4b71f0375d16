package org.chanvas.app.editor;

import java.util.List;

import org.chanvas.model.Channel;
import org.chanvas.model.ChannelKind;
import org.chanvas.model.Endpoint;
import org.chanvas.model.Network;
import org.chanvas.model.edit.AddChannel;
import org.chanvas.model.edit.Connect;
import org.chanvas.model.edit.EditCommand;
import org.chanvas.model.edit.EndRole;
import org.chanvas.model.edit.Ids;

/** One way to connect a writer process to a reader process; the person picks one when several fit. */
public sealed interface ConnectOption {

    /** The command that makes the connection in {@code network}. */
    EditCommand command(Network network);

    /** A sentence for the chooser, e.g. {@code "new channel producer.out → consumer.in"}. */
    String describe();

    /** A new channel from {@code writer} to {@code reader}. */
    record NewChannel(Endpoint writer, Endpoint reader, ChannelKind kind) implements ConnectOption {
        @Override
        public EditCommand command(Network network) {
            return new AddChannel(new Channel(Ids.freshChannelId(network), kind, 0, List.of(writer), List.of(reader)));
        }

        @Override
        public String describe() {
            return "new " + kind.word() + " channel " + writer + " \u2192 " + reader;
        }
    }

    /** {@code end} joins channel {@code channelId} as one more writer or reader: the channel becomes shared. */
    record Join(String channelId, Endpoint end, EndRole role) implements ConnectOption {
        @Override
        public EditCommand command(Network network) {
            return new Connect(channelId, end, role);
        }

        @Override
        public String describe() {
            return end + " joins channel " + channelId + " as another " + role.word();
        }
    }
}
