package org.chanvas.runtime.interp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.chanvas.model.ChannelKind;
import org.chanvas.model.script.Ast;
import org.chanvas.model.script.Ast.Stmt;
import org.chanvas.model.script.PortDirection;
import org.chanvas.model.script.Pos;
import org.chanvas.runtime.value.Values;

/**
 * Runs one process's script as a resumable step machine. Its whole state (frame stack, variables, pending
 * operation, random generator, requests awaiting a reply) is data, so {@link #copy()} snapshots it and any
 * engine drives it: {@link #advance()} computes locally until the process needs the outside world and says
 * what with a {@link Request}; the engine satisfies it and calls the matching {@code resume}.
 * Not thread-safe: one engine thread drives a machine at a time.
 */
public final class ProcessMachine {

    /** Statements one {@link #advance()} runs at most before it returns {@link Request.Yield}. */
    public static final int DEFAULT_STEP_BUDGET = 10_000;

    private enum Phase { READY, WAITING, DONE, FAILED }

    private final String label;
    private final MachineScript script;
    private final Map<String, PortBinding> ports;
    private final int stepBudget;
    private final RandomMode randomMode;
    /** ASK mode: the values chosen for the statement being run; null in DRAW mode. */
    private final ChoiceLog choices;
    private final ArrayList<Frame> stack;
    private final HashMap<String, Object> vars;
    /** Call ports with a request received and not yet answered; null until the first (most processes never serve). */
    private HashSet<String> requestsToAnswer;
    private final SplitMix random;
    private final Evaluator evaluator;
    private Phase phase;
    /** The statement whose request is outstanding (WAITING), for resume to finish it. */
    private Stmt pendingStmt;
    private Request pendingRequest;
    private Request.Failed failure;

    /**
     * @param label what {@code self} is and prints are signed with
     * @param script the script, its blocks numbered; share one between the machines of a process
     * @param ports the connected ports; a port missing here is a script error where it is used
     * @param seed the seed of {@code random} in {@link RandomMode#DRAW}; give each process of a run its own
     * @param options the step budget and how {@code random} is answered
     */
    public ProcessMachine(String label, MachineScript script, Map<String, PortBinding> ports, long seed,
                          MachineOptions options) {
        this.label = label;
        this.script = script;
        this.ports = Map.copyOf(ports);
        this.stepBudget = options.stepBudget();
        this.randomMode = options.randomMode();
        this.stack = new ArrayList<>(4);
        this.stack.add(Frame.once(script.body()));
        this.vars = new HashMap<>(8);
        this.random = new SplitMix(seed);
        this.choices = randomMode == RandomMode.ASK ? new ChoiceLog() : null;
        this.evaluator = new Evaluator(vars, label, random, choices);
        this.phase = Phase.READY;
    }

    /**
     * A machine drawing {@code random} from {@code seed}.
     *
     * @param stepBudget statements per {@link #advance()} before a {@link Request.Yield}
     */
    public ProcessMachine(String label, Ast.Block body, Map<String, PortBinding> ports, long seed, int stepBudget) {
        this(label, MachineScript.of(body), ports, seed, MachineOptions.defaults().withStepBudget(stepBudget));
    }

    public ProcessMachine(String label, Ast.Block body, Map<String, PortBinding> ports, long seed) {
        this(label, body, ports, seed, DEFAULT_STEP_BUDGET);
    }

    private ProcessMachine(ProcessMachine o) {
        this.label = o.label;
        this.script = o.script;
        this.ports = o.ports;
        this.stepBudget = o.stepBudget;
        this.randomMode = o.randomMode;
        this.stack = new ArrayList<>(o.stack.size());
        for (Frame f : o.stack) {
            this.stack.add(f.copy());
        }
        this.vars = new HashMap<>(o.vars);
        this.requestsToAnswer = o.requestsToAnswer == null ? null : new HashSet<>(o.requestsToAnswer);
        this.random = o.random.copy();
        this.choices = o.choices == null ? null : o.choices.copy();
        this.evaluator = new Evaluator(vars, label, random, choices);
        this.phase = o.phase;
        this.pendingStmt = o.pendingStmt;
        this.pendingRequest = o.pendingRequest;
        this.failure = o.failure;
    }

    /** An independent machine in the same state: an explorer can run both on. */
    public ProcessMachine copy() {
        return new ProcessMachine(this);
    }

    public String label() {
        return label;
    }

    /** The request awaiting its resume, or null when the machine is ready to advance or finished. */
    public Request pending() {
        return phase == Phase.WAITING ? pendingRequest : null;
    }

    public boolean finished() {
        return phase == Phase.DONE || phase == Phase.FAILED;
    }

    /** The current value of a variable, or null; for tests and inspectors. */
    public Object variable(String name) {
        return vars.get(name);
    }

    /**
     * Runs local computation until the process needs the outside world, ends, fails, or has run its step
     * budget. Must not be called while a request awaits its resume.
     */
    public Request advance() {
        switch (phase) {
            case WAITING -> throw new IllegalStateException(label + " still waits for " + pendingRequest);
            case DONE -> {
                return new Request.Done();
            }
            case FAILED -> {
                return failure;
            }
            case READY -> {
                // run below
            }
        }
        try {
            for (int steps = 0; steps < stepBudget; steps++) {
                if (stack.isEmpty()) {
                    phase = Phase.DONE;
                    return new Request.Done();
                }
                Frame f = stack.getLast();
                List<Stmt> stmts = f.block.stmts();
                if (choices != null) {
                    choices.rewind();
                }
                if (f.index < stmts.size()) {
                    Stmt s = stmts.get(f.index++);
                    Request r;
                    try {
                        r = execute(s);
                    } catch (ChoiceLog.Missing missing) {
                        f.index--; // run the statement again once the value is chosen
                        return await(s, new Request.Choose(missing.lo, missing.hi, missing.pos));
                    }
                    if (choices != null) {
                        choices.clear();
                    }
                    if (r != null) {
                        return r;
                    }
                } else {
                    try {
                        endOfBlock(f);
                    } catch (ChoiceLog.Missing missing) {
                        // a while condition: endOfBlock changes nothing before it is decided
                        return await(null, new Request.Choose(missing.lo, missing.hi, missing.pos));
                    }
                    if (choices != null) {
                        choices.clear();
                    }
                }
            }
            return new Request.Yield();
        } catch (ScriptFault fault) {
            return fail(fault.pos, fault.getMessage());
        }
    }

    /**
     * Answers a {@link Request.Choose}: {@code value} is what {@code random(lo, hi)} gives. The statement
     * then runs again from its start on the next {@link #advance()}, with this and earlier values replayed.
     */
    public void resumeChoice(long value) {
        Request r = expectWaiting();
        if (!(r instanceof Request.Choose c)) {
            throw new IllegalStateException(label + ": resumeChoice does not answer " + r);
        }
        if (value < c.lo() || value > c.hi()) {
            throw new IllegalArgumentException(label + ": " + value + " is outside random(" + c.lo() + ", " + c.hi()
                    + ")");
        }
        choices.add(value);
        phase = Phase.READY;
    }

    public RandomMode randomMode() {
        return randomMode;
    }

    /**
     * Writes the machine's whole behaviour-relevant state canonically: phase, the frame stack (block id,
     * position, loop counters), variables sorted by name, requests awaiting a reply, the pending request,
     * the random generator (DRAW) or the values chosen for the current statement (ASK). Two machines of the
     * same process (same label, script and ports) behave alike iff their encodings are equal.
     */
    public void encode(ByteSink out) {
        out.writeByte(phase.ordinal());
        switch (phase) {
            case DONE -> {
                return; // nothing it holds can matter any more
            }
            case FAILED -> {
                out.writeLong(failure.pos().line());
                out.writeLong(failure.pos().column());
                out.writeString(failure.message());
                return;
            }
            default -> {
            }
        }
        out.writeVarLong(stack.size());
        for (Frame f : stack) {
            out.writeVarLong(script.id(f.block));
            out.writeVarLong(f.index);
            switch (f.kind) {
                case REPEAT, RANGE, EACH -> out.writeLong(f.counter);
                default -> {
                }
            }
            if (f.kind == Frame.Kind.RANGE) {
                out.writeLong(f.end);
            } else if (f.kind == Frame.Kind.EACH) {
                out.writeValue(f.items);
            }
        }
        String[] names = vars.keySet().toArray(new String[0]);
        java.util.Arrays.sort(names);
        out.writeVarLong(names.length);
        for (String name : names) {
            out.writeString(name);
            out.writeValue(vars.get(name));
        }
        String[] serving = requestsToAnswer == null ? new String[0] : requestsToAnswer.toArray(new String[0]);
        java.util.Arrays.sort(serving);
        out.writeVarLong(serving.length);
        for (String port : serving) {
            out.writeString(port);
        }
        if (choices != null) {
            choices.encode(out);
        } else {
            out.writeLong(random.state());
        }
        if (phase == Phase.WAITING) {
            encodeRequest(pendingRequest, out);
        }
    }

    /** The encoding of {@link #encode(ByteSink)} as bytes. */
    public byte[] encode() {
        ByteSink out = new ByteSink();
        encode(out);
        return out.toByteArray();
    }

    private static void encodeRequest(Request r, ByteSink out) {
        switch (r) {
            case Request.Send s -> {
                out.writeByte(1);
                out.writeString(s.port());
                out.writeValue(s.value());
            }
            case Request.Recv s -> {
                out.writeByte(2);
                out.writeString(s.port());
            }
            case Request.Call s -> {
                out.writeByte(3);
                out.writeString(s.port());
                out.writeValue(s.value());
            }
            case Request.Reply s -> {
                out.writeByte(4);
                out.writeString(s.port());
                out.writeValue(s.value());
            }
            case Request.Select s -> {
                out.writeByte(5);
                out.writeVarLong(s.offers().size());
                for (Request.Offer o : s.offers()) {
                    switch (o) {
                        case Request.RecvOffer ro -> {
                            out.writeByte(1);
                            out.writeString(ro.port());
                        }
                        case Request.SendOffer so -> {
                            out.writeByte(2);
                            out.writeString(so.port());
                            out.writeValue(so.value());
                        }
                        case Request.AfterOffer ao -> {
                            out.writeByte(3);
                            out.writeLong(ao.millis());
                        }
                    }
                }
            }
            case Request.Sleep s -> {
                out.writeByte(6);
                out.writeLong(s.millis());
            }
            case Request.Print s -> {
                out.writeByte(7);
                out.writeString(s.text());
            }
            case Request.Choose s -> {
                out.writeByte(8);
                out.writeLong(s.lo());
                out.writeLong(s.hi());
            }
            // never pending: these end advance() without waiting
            case Request.Yield s -> out.writeByte(9);
            case Request.Done s -> out.writeByte(10);
            case Request.Failed s -> out.writeByte(11);
        }
    }

    /** Ends the process with a script error the engine found at the pending statement (e.g. a full channel). */
    public Request.Failed fail(Pos pos, String message) {
        phase = Phase.FAILED;
        stack.clear();
        failure = new Request.Failed(pos, message);
        return failure;
    }

    /** The position of the pending statement, for errors an engine finds while serving it. */
    public Pos pendingPos() {
        if (pendingStmt == null) {
            return pendingRequest instanceof Request.Choose c ? c.pos() : Pos.START;
        }
        return pendingStmt.pos();
    }

    /** Finishes a Send, Reply, Sleep, Print or Yield. */
    public void resume() {
        if (phase == Phase.READY) {
            return; // after a Yield nothing is pending
        }
        Request r = expectWaiting();
        switch (r) {
            case Request.Send s -> {
            }
            case Request.Reply s -> {
            }
            case Request.Sleep s -> {
            }
            case Request.Print s -> {
            }
            default -> throw new IllegalStateException(label + ": resume() does not answer " + r);
        }
        phase = Phase.READY;
    }

    /** Finishes a Recv (the message) or a Call (the reply). */
    public void resume(Object value) {
        Request r = expectWaiting();
        switch (r) {
            case Request.Recv recv -> {
                Ast.Recv stmt = (Ast.Recv) pendingStmt;
                received(recv.port(), stmt.target(), value);
            }
            case Request.Call call -> {
                Ast.Call stmt = (Ast.Call) pendingStmt;
                if (stmt.target() != null) {
                    vars.put(stmt.target(), value);
                }
            }
            default -> throw new IllegalStateException(label + ": resume(value) does not answer " + r);
        }
        phase = Phase.READY;
    }

    /** Finishes a Select: the guard that fired and, for a recv guard, the message. */
    public void resumeSelect(int guard, Object value) {
        Request r = expectWaiting();
        if (!(r instanceof Request.Select sel) || !(pendingStmt instanceof Ast.Select stmt)) {
            throw new IllegalStateException(label + ": resumeSelect does not answer " + r);
        }
        Ast.Guard g = stmt.guards().get(guard);
        if (sel.offers().get(guard) instanceof Request.RecvOffer offer) {
            received(offer.port(), ((Ast.RecvGuard) g).as(), value);
        }
        stack.add(Frame.once(g.body()));
        phase = Phase.READY;
    }

    private void received(String port, String target, Object value) {
        if (target != null) {
            vars.put(target, value);
        }
        PortBinding b = ports.get(port);
        if (b != null && b.kind() == ChannelKind.CALL) {
            if (requestsToAnswer == null) {
                requestsToAnswer = new HashSet<>(4);
            }
            requestsToAnswer.add(port);
        }
    }

    private Request expectWaiting() {
        if (phase != Phase.WAITING) {
            throw new IllegalStateException(label + " has no pending request (" + phase + ")");
        }
        return pendingRequest;
    }

    private Request await(Stmt s, Request r) {
        phase = Phase.WAITING;
        pendingStmt = s;
        pendingRequest = r;
        return r;
    }

    /** Runs one statement; returns the request it needs, or null when it completed locally. */
    private Request execute(Stmt s) {
        switch (s) {
            case Ast.Assign a -> vars.put(a.name(), evaluator.eval(a.value()));
            case Ast.Send send -> {
                port(send.port(), PortDirection.OUTBOUND, "send");
                return await(s, new Request.Send(send.port().name(), evaluator.eval(send.value()), s.pos()));
            }
            case Ast.Recv recv -> {
                port(recv.port(), PortDirection.INBOUND, "recv");
                return await(s, new Request.Recv(recv.port().name(), s.pos()));
            }
            case Ast.Call call -> {
                PortBinding b = port(call.port(), PortDirection.OUTBOUND, "call");
                if (b.kind() != ChannelKind.CALL) {
                    throw new ScriptFault(call.port().pos(), "call on port '" + call.port().name() + "', but channel '"
                            + b.channel() + "' is " + b.kind().word() + ", not call: use send");
                }
                return await(s, new Request.Call(call.port().name(), evaluator.eval(call.value()), s.pos()));
            }
            case Ast.Reply reply -> {
                port(reply.port(), PortDirection.INBOUND, "reply");
                Object v = evaluator.eval(reply.value());
                if (requestsToAnswer == null || !requestsToAnswer.remove(reply.port().name())) {
                    throw new ScriptFault(s.pos(), "reply on '" + reply.port().name()
                            + "' with no request received there to answer");
                }
                return await(s, new Request.Reply(reply.port().name(), v, s.pos()));
            }
            case Ast.Select select -> {
                return await(s, select(select));
            }
            case Ast.If iff -> {
                for (Ast.Branch b : iff.branches()) {
                    if (evaluator.condition(b.condition(), "if")) {
                        stack.add(Frame.once(b.body()));
                        return null;
                    }
                }
                if (iff.otherwise() != null) {
                    stack.add(Frame.once(iff.otherwise()));
                }
            }
            case Ast.While w -> {
                if (evaluator.condition(w.condition(), "while")) {
                    stack.add(new Frame(Frame.Kind.WHILE, w.body(), w.condition(), null, 0, 0, null));
                }
            }
            case Ast.Forever f -> stack.add(new Frame(Frame.Kind.FOREVER, f.body(), null, null, 0, 0, null));
            case Ast.Repeat r -> {
                long n = evaluator.integer(r.count(), "repeat");
                if (n > 0) {
                    stack.add(new Frame(Frame.Kind.REPEAT, r.body(), null, null, n - 1, 0, null));
                }
            }
            case Ast.ForRange fr -> {
                long from = evaluator.integer(fr.from(), "for");
                long to = evaluator.integer(fr.to(), "for");
                if (from < to) {
                    vars.put(fr.variable(), from);
                    stack.add(new Frame(Frame.Kind.RANGE, fr.body(), null, fr.variable(), from, to, null));
                }
            }
            case Ast.ForEach fe -> {
                Object v = evaluator.eval(fe.list());
                List<?> items = switch (v) {
                    case List<?> l -> l;
                    case String str -> str.chars().mapToObj(c -> String.valueOf((char) c)).toList();
                    default -> throw new ScriptFault(fe.list().pos(), "for ... in needs a list, got "
                            + Values.typeName(v) + " " + Values.literal(v));
                };
                if (!items.isEmpty()) {
                    vars.put(fe.variable(), items.getFirst());
                    stack.add(new Frame(Frame.Kind.EACH, fe.body(), null, fe.variable(), 0, 0, items));
                }
            }
            case Ast.Sleep sl -> {
                long ms = evaluator.integer(sl.millis(), "sleep");
                if (ms < 0) {
                    throw new ScriptFault(sl.millis().pos(), "sleep needs a non-negative number of ms, got " + ms);
                }
                return await(s, new Request.Sleep(ms, s.pos()));
            }
            case Ast.Print p -> {
                return await(s, new Request.Print(Values.display(evaluator.eval(p.value())), s.pos()));
            }
            case Ast.Stop st -> {
                stack.clear();
                phase = Phase.DONE;
                return new Request.Done();
            }
        }
        return null;
    }

    private Request.Select select(Ast.Select select) {
        List<Request.Offer> offers = new ArrayList<>(select.guards().size());
        for (Ast.Guard g : select.guards()) {
            offers.add(switch (g) {
                case Ast.RecvGuard rg -> {
                    port(rg.port(), PortDirection.INBOUND, "recv");
                    yield new Request.RecvOffer(rg.port().name());
                }
                case Ast.SendGuard sg -> {
                    port(sg.port(), PortDirection.OUTBOUND, "send");
                    yield new Request.SendOffer(sg.port().name(), evaluator.eval(sg.value()));
                }
                case Ast.AfterGuard ag -> {
                    long ms = evaluator.integer(ag.millis(), "after");
                    yield new Request.AfterOffer(Math.max(0, ms));
                }
            });
        }
        return new Request.Select(offers, select.pos());
    }

    private PortBinding port(Ast.PortRef ref, PortDirection direction, String op) {
        PortBinding b = ports.get(ref.name());
        if (b == null) {
            throw new ScriptFault(ref.pos(), "unknown port '" + ref.name() + "': no channel is connected to "
                    + label + "." + ref.name());
        }
        if (b.direction() != direction) {
            throw new ScriptFault(ref.pos(), op + " on port '" + ref.name() + "', but it is "
                    + (b.direction() == PortDirection.OUTBOUND ? "a writer" : "a reader") + " of channel '"
                    + b.channel() + "'");
        }
        if (op.equals("send") && b.kind() == ChannelKind.CALL) {
            throw new ScriptFault(ref.pos(), "send on port '" + ref.name() + "', but channel '" + b.channel()
                    + "' is a call channel: use call");
        }
        return b;
    }

    private void endOfBlock(Frame f) {
        switch (f.kind) {
            case ONCE -> stack.removeLast();
            case FOREVER -> f.index = 0;
            case WHILE -> {
                if (evaluator.condition(f.condition, "while")) {
                    f.index = 0;
                } else {
                    stack.removeLast();
                }
            }
            case REPEAT -> {
                if (f.counter > 0) {
                    f.counter--;
                    f.index = 0;
                } else {
                    stack.removeLast();
                }
            }
            case RANGE -> {
                long next = f.counter + 1;
                if (next < f.end) {
                    f.counter = next;
                    vars.put(f.variable, next);
                    f.index = 0;
                } else {
                    stack.removeLast();
                }
            }
            case EACH -> {
                int next = (int) f.counter + 1;
                if (next < f.items.size()) {
                    f.counter = next;
                    vars.put(f.variable, f.items.get(next));
                    f.index = 0;
                } else {
                    stack.removeLast();
                }
            }
        }
    }
}
