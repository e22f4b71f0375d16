package org.chanvas.runtime.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.chanvas.model.script.Pos;
import org.chanvas.runtime.channel.CallRequest;
import org.chanvas.runtime.channel.ChannelOverflowException;
import org.chanvas.runtime.channel.Party;
import org.chanvas.runtime.channel.Select;
import org.chanvas.runtime.event.EventSink;
import org.chanvas.runtime.event.RunEvent;
import org.chanvas.runtime.interp.ProcessMachine;
import org.chanvas.runtime.interp.Request;
import org.chanvas.runtime.watch.WaitOn;

/**
 * Drives one process's {@link ProcessMachine} on its virtual thread: serves each request with the real
 * channels, reports blocking to the watch, and emits the process's events.
 */
final class ProcessRunner implements Runnable, Party {

    private final ConcurrentRun run;
    private final int index;
    private final String id;
    private final String label;
    private final ProcessMachine machine;
    private final Map<String, ConcurrentRun.Port> ports;
    /** For the fair start of a select; made on first use, as many processes never select. */
    private SplittableRandom random;
    private final long seed;
    private final EventSink sink;
    /** Requests received on call ports and not answered yet: the way back to each client. */
    private Map<String, CallRequest<Object, Object>> toAnswer;
    /** What this process waits on when it blocks next; written only by its own thread. */
    private List<WaitOn> waits = List.of();
    /** The call awaiting its reply, so a diagnosis can name the server that holds it. */
    private volatile CallRequest<Object, Object> calling;

    ProcessRunner(ConcurrentRun run, int index, RunPlan.ProcessPlan plan, Map<String, ConcurrentRun.Port> ports,
                  long seed) {
        this.run = run;
        this.index = index;
        this.id = plan.id();
        this.label = plan.label();
        this.ports = ports;
        long processSeed = seed * 0x9E3779B97F4A7C15L + index;
        this.machine = new ProcessMachine(label, plan.body(), plan.ports(), processSeed, run.options().stepBudget());
        this.seed = processSeed ^ 0x5DEECE66DL;
        this.sink = run.sink();
    }

    String id() {
        return id;
    }

    @Override
    public void run() {
        try {
            if (sink.enabled()) {
                run.emit(new RunEvent.Started(run.now(), id, label));
            }
            loop();
        } catch (InterruptedException stopped) {
            // the run is over (stop, timeout, failure or deadlock elsewhere): end quietly
        } catch (RuntimeException bug) {
            fail(machine.pendingPos(), "internal error: " + bug);
        } finally {
            run.runnerEnded();
        }
    }

    private void loop() throws InterruptedException {
        while (true) {
            Request r = machine.advance();
            switch (r) {
                case Request.Send s -> {
                    ConcurrentRun.Port p = ports.get(s.port());
                    offered(p, s.value());
                    waits = p.sendWait();
                    if (!send(p, s.value())) {
                        return;
                    }
                    machine.resume();
                }
                case Request.Recv rv -> {
                    ConcurrentRun.Port p = ports.get(rv.port());
                    waits = p.recvWait();
                    Object v;
                    if (p.call() != null) {
                        CallRequest<Object, Object> req = p.call().accept(this, p.endpoint());
                        v = accepted(p, req);
                    } else {
                        v = p.channel().recv(this, p.endpoint());
                    }
                    received(p, v);
                    machine.resume(v);
                }
                case Request.Call c -> {
                    ConcurrentRun.Port p = ports.get(c.port());
                    offered(p, c.value());
                    waits = p.sendWait();
                    Object reply = p.call().call(c.value(), this, p.endpoint(), req -> {
                        calling = req;
                        Object server = req.server();
                        waits = List.of(WaitOn.reply(p.channelId(), p.name(), server == null ? null : server.toString()));
                    });
                    calling = null;
                    received(p, reply);
                    machine.resume(reply);
                }
                case Request.Reply rp -> {
                    CallRequest<Object, Object> req = toAnswer == null ? null : toAnswer.remove(rp.port());
                    // The machine only lets a reply through after a request arrived on that port.
                    req.reply(rp.value(), ports.get(rp.port()).endpoint());
                    machine.resume();
                }
                case Request.Select sel -> {
                    if (!select(sel)) {
                        return;
                    }
                }
                case Request.Sleep sl -> {
                    run.watch().timedWaiting(index);
                    try {
                        if (sink.enabled()) {
                            run.emit(new RunEvent.Slept(run.now(), id, sl.millis()));
                        }
                        Thread.sleep(sl.millis());
                    } finally {
                        run.watch().timedWoke(index);
                    }
                    machine.resume();
                }
                case Request.Print pr -> {
                    run.emit(new RunEvent.Printed(run.now(), id, label, pr.text()));
                    machine.resume();
                }
                case Request.Yield y -> {
                    if (Thread.interrupted() || run.decided()) {
                        return; // a script computing forever still ends when the run does
                    }
                    run.options().compute().computing(id);
                    Thread.yield();
                    machine.resume();
                }
                case Request.Done d -> {
                    if (sink.enabled()) {
                        run.emit(new RunEvent.Ended(run.now(), id));
                    }
                    run.watch().ended(index);
                    return;
                }
                case Request.Failed f -> {
                    fail(f.pos(), f.message());
                    return;
                }
                // runs draw random values (RandomMode.DRAW): only an explorer's machine asks
                case Request.Choose c -> throw new IllegalStateException(label + ": a run's machine asked " + c);
            }
        }
    }

    /** Sends on a plain channel; false when the send failed the process (overflow). */
    private boolean send(ConcurrentRun.Port p, Object value) throws InterruptedException {
        try {
            p.channel().send(value, this, p.endpoint());
            return true;
        } catch (ChannelOverflowException overflow) {
            fail(machine.pendingPos(), overflow.getMessage());
            return false;
        }
    }

    private Object accepted(ConcurrentRun.Port p, CallRequest<Object, Object> req) {
        req.server(id);
        if (toAnswer == null) {
            toAnswer = new HashMap<>(4);
        }
        toAnswer.put(p.name(), req);
        return req.value();
    }

    /** Serves a select; false when it failed the process (overflow). */
    private boolean select(Request.Select sel) throws InterruptedException {
        List<Request.Offer> offers = sel.offers();
        List<Select.Guard> guards = new ArrayList<>(offers.size());
        int[] guardToOffer = new int[offers.size()];
        List<WaitOn> on = new ArrayList<>(offers.size());
        long timeoutNanos = -1;
        int afterIndex = -1;
        for (int i = 0; i < offers.size(); i++) {
            switch (offers.get(i)) {
                case Request.RecvOffer ro -> {
                    ConcurrentRun.Port p = ports.get(ro.port());
                    guardToOffer[guards.size()] = i;
                    guards.add(new Select.RecvGuard(p.call() != null ? p.call().requests() : p.channel(), p.endpoint()));
                    on.add(p.recvWait().getFirst());
                }
                case Request.SendOffer so -> {
                    ConcurrentRun.Port p = ports.get(so.port());
                    guardToOffer[guards.size()] = i;
                    guards.add(new Select.SendGuard(p.channel(), so.value(), p.endpoint()));
                    on.add(p.sendWait().getFirst());
                    offered(p, so.value());
                }
                case Request.AfterOffer ao -> {
                    afterIndex = i;
                    timeoutNanos = ao.millis() >= Long.MAX_VALUE / 2_000_000L ? Long.MAX_VALUE / 2
                            : ao.millis() * 1_000_000L;
                }
            }
        }
        if (guards.isEmpty()) { // only an after: a sleep
            run.watch().timedWaiting(index);
            try {
                Thread.sleep(Math.max(0, timeoutNanos / 1_000_000L));
            } finally {
                run.watch().timedWoke(index);
            }
            machine.resumeSelect(afterIndex, null);
            return true;
        }
        waits = on;
        Select.Fired fired;
        try {
            if (random == null) {
                random = new SplittableRandom(seed);
            }
            fired = Select.select(guards, timeoutNanos, random, this);
        } catch (ChannelOverflowException overflow) {
            fail(sel.pos(), overflow.getMessage());
            return false;
        }
        if (fired.index() < 0) {
            machine.resumeSelect(afterIndex, null);
            return true;
        }
        int offer = guardToOffer[fired.index()];
        Object value = fired.value();
        if (offers.get(offer) instanceof Request.RecvOffer ro) {
            ConcurrentRun.Port p = ports.get(ro.port());
            if (p.call() != null) {
                @SuppressWarnings("unchecked")
                CallRequest<Object, Object> req = (CallRequest<Object, Object>) value;
                value = accepted(p, req);
            }
            received(p, value);
        }
        machine.resumeSelect(offer, value);
        return true;
    }

    private void offered(ConcurrentRun.Port p, Object value) {
        if (sink.enabled()) {
            run.emit(new RunEvent.SendOffered(run.now(), id, p.name(), p.channelId(), value));
        }
    }

    private void received(ConcurrentRun.Port p, Object value) {
        if (sink.enabled()) {
            run.emit(new RunEvent.Received(run.now(), id, p.name(), p.channelId(), value));
        }
    }

    private void fail(Pos pos, String message) {
        if (run.decided()) {
            return; // the run already ended for another reason; this is a consequence, not the cause
        }
        machine.fail(pos, message);
        run.emit(new RunEvent.Failed(run.now(), id, pos.line(), pos.column(), message));
        run.finish(new RunOutcome.ScriptFailed(id, label, pos.line(), pos.column(), message));
    }

    /**
     * The waits as the watch saw them, with the server of a pending call filled in: the server may have
     * taken the request after this process registered its wait.
     */
    List<WaitOn> resolve(List<WaitOn> seen) {
        CallRequest<Object, Object> c = calling;
        if (c == null || c.server() == null) {
            return seen;
        }
        List<WaitOn> out = new ArrayList<>(seen.size());
        for (WaitOn w : seen) {
            out.add(w.direction() == WaitOn.Direction.REPLY && w.peer() == null
                    ? WaitOn.reply(w.channel(), w.port(), c.server().toString()) : w);
        }
        return out;
    }

    // ---- Party: what the watch needs to know ----

    @Override
    public void blocking() {
        if (sink.enabled()) {
            run.emit(new RunEvent.Blocked(run.now(), id, waits));
        }
        run.watch().blocking(index, waits);
    }

    @Override
    public void claimed() {
        run.watch().claimed(index);
    }

    @Override
    public void timedWaiting() {
        run.watch().timedWaiting(index);
    }

    @Override
    public void timedWoke() {
        run.watch().timedWoke(index);
    }
}
