package org.chanvas.runtime.channel;

/**
 * One call in progress: the request value, and the way back to the very client that sent it.
 * Replied at most once.
 */
public final class CallRequest<Q, R> {

    private final CallChannel<Q, R> channel;
    private final Q value;
    private final Object clientTag;
    private final Wait reply;
    private volatile Object server;

    CallRequest(CallChannel<Q, R> channel, Q value, Party client, Object clientTag) {
        this.channel = channel;
        this.value = value;
        this.clientTag = clientTag;
        this.reply = new Wait(client, false);
    }

    public Q value() {
        return value;
    }

    /** The tag the client called with (its endpoint). */
    public Object clientTag() {
        return clientTag;
    }

    /** Who accepted the request (set by the server's engine), for wait-for diagnoses; null until then. */
    public Object server() {
        return server;
    }

    public void server(Object who) {
        this.server = who;
    }

    /** Answers the client, consulting the pacing gate first; false when already answered or abandoned. */
    public boolean reply(R answer, Object serverTag) throws InterruptedException {
        if (!reply.tryClaim()) {
            return false;
        }
        InterruptedException gateInterrupted = null;
        try {
            channel.monitor().beforeTransfer(channel.requests());
        } catch (InterruptedException e) {
            gateInterrupted = e;
        }
        if (gateInterrupted == null) {
            channel.monitor().transferred(channel.requests(), serverTag, clientTag, answer);
        }
        reply.complete(0, answer);
        if (gateInterrupted != null) {
            throw gateInterrupted;
        }
        return true;
    }

    public boolean reply(R answer) throws InterruptedException {
        return reply(answer, null);
    }

    @SuppressWarnings("unchecked")
    R awaitReply() throws InterruptedException {
        if (reply.party != null) {
            reply.party.blocking();
        }
        reply.await(0);
        return (R) reply.value;
    }
}
