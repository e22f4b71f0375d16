package org.chanvas.runtime.interp;

import org.chanvas.model.ChannelKind;
import org.chanvas.model.script.PortDirection;

/**
 * How one port of a process is connected: which way messages go through it and the kind of its channel.
 * The machine checks each communication against it so that a script error names the line, not the engine.
 */
public record PortBinding(String port, PortDirection direction, String channel, ChannelKind kind) {
}
