package org.chanvas.runtime.channel;

/** An unbounded channel grew past its limit: a clear run error instead of running out of memory. */
public final class ChannelOverflowException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ChannelOverflowException(String channel, int limit) {
        super("channel '" + channel + "' holds more than " + limit + " waiting messages (limit); "
                + "a reader is not keeping up with its writers");
    }
}
