package org.chanvas.runtime.channel;

/**
 * A client/server channel: {@link #call} hands a request to one server (a rendezvous, as for any
 * channel) and waits for that server's {@link CallRequest#reply}. Servers take requests with
 * {@link #accept}, or through a select on {@link #requests()}.
 */
public final class CallChannel<Q, R> {

    private final ParkingChannel<CallRequest<Q, R>> requests;
    private final ChannelMonitor monitor;

    public CallChannel(String name, ChannelMonitor monitor) {
        this.monitor = monitor == null ? ChannelMonitor.NONE : monitor;
        this.requests = new ParkingChannel<>(name, 0, false, this.monitor);
    }

    public String name() {
        return requests.name();
    }

    /** The rendezvous channel the requests travel on (for select guards). */
    public ParkingChannel<CallRequest<Q, R>> requests() {
        return requests;
    }

    /** Sends a request and waits for its reply. */
    public R call(Q request) throws InterruptedException {
        return call(request, null, null, null);
    }

    /**
     * Sends a request and waits for its reply.
     *
     * @param onAccepted run (by this thread) after a server took the request and before waiting for the
     *                   reply, so an engine can say whom the client now waits for; may be null
     */
    public R call(Q request, Party party, Object tag, java.util.function.Consumer<CallRequest<Q, R>> onAccepted)
            throws InterruptedException {
        CallRequest<Q, R> req = new CallRequest<>(this, request, party, tag);
        requests.send(req, party, tag);
        if (onAccepted != null) {
            onAccepted.accept(req);
        }
        return req.awaitReply();
    }

    /** Takes the next request. */
    public CallRequest<Q, R> accept() throws InterruptedException {
        return requests.recv();
    }

    public CallRequest<Q, R> accept(Party party, Object tag) throws InterruptedException {
        return requests.recv(party, tag);
    }

    ChannelMonitor monitor() {
        return monitor;
    }

    @Override
    public String toString() {
        return name();
    }
}
