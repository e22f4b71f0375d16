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
    private final Map<String, PortBinding> ports;
    private final int stepBudget;
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
    /** Each block of the script numbered in a fixed walk, so {@link #encode} names a position by numbers. */
    private final Map<Ast.Block, Integer> blockIds;

    /**
     * @param label what {@code self} is and prints are signed with
     * @param body the script
     * @param ports the connected ports; a port missing here is a script error where it is used
     * @param seed the seed of {@code random}; give each process of a run its own
     * @param stepBudget statements per {@link #advance()} before a {@link Request.Yield}
     */
    public ProcessMachine(String label, Ast.Block body, Map<String, PortBinding> ports, long seed, int stepBudget) {
        this.label = label;
        this.ports = Map.copyOf(ports);
        this.stepBudget = Math.max(1, stepBudget);
        this.stack = new ArrayList<>(4);
        this.stack.add(Frame.once(body));
        this.vars = new HashMap<>(8);
        this.random = new SplitMix(seed);
        this.evaluator = new Evaluator(vars, label, random);
        this.phase = Phase.READY;
        this.blockIds = new java.util.IdentityHashMap<>();
        numberBlocks(body, blockIds);
    }

    public ProcessMachine(String label, Ast.Block body, Map<String, PortBinding> ports, long seed) {
        this(label, body, ports, seed, DEFAULT_STEP_BUDGET);
    }

    private ProcessMachine(ProcessMachine o) {
        this.label = o.label;
        this.ports = o.ports;
        this.stepBudget = o.stepBudget;
        this.stack = new ArrayList<>(o.stack.size());
        for (Frame f : o.stack) {
            this.stack.add(f.copy());
        }
        this.vars = new HashMap<>(o.vars);
        this.requestsToAnswer = o.requestsToAnswer == null ? null : new HashSet<>(o.requestsToAnswer);
        this.random = o.random.copy();
        this.evaluator = new Evaluator(vars, label, random);
        this.phase = o.phase;
        this.pendingStmt = o.pendingStmt;
        this.pendingRequest = o.pendingRequest;
        this.failure = o.failure;
        this.blockIds = o.blockIds;
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

    /** The names of the variables set so far, for an explorer naming what keeps growing. */
    public java.util.Set<String> variableNames() {
        return java.util.Collections.unmodifiableSet(vars.keySet());
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
                if (f.index < stmts.size()) {
                    Stmt s = stmts.get(f.index++);
                    Request r = execute(s);
                    if (r != null) {
                        return r;
                    }
                } else {
                    endOfBlock(f);
                }
            }
            return new Request.Yield();
        } catch (ScriptFault fault) {
            return fail(fault.pos, fault.getMessage());
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
        return pendingStmt == null ? Pos.START : pendingStmt.pos();
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

    /**
     * Writes this machine's state canonically for an explorer's visited set: machines of one script in equal
     * states write equal bytes. It writes the phase, each frame (block number, position, loop counter, the
     * list of a for-each), the variables sorted by name, the call ports awaiting a reply and the random
     * generator; the pending request is not written, since the position and the variables determine it.
     */
    public void encode(java.io.DataOutput out) throws java.io.IOException {
        out.writeByte(phase.ordinal());
        out.writeShort(stack.size());
        for (Frame f : stack) {
            out.writeShort(blockIds.getOrDefault(f.block, -1));
            out.writeShort(f.index);
            out.writeLong(f.counter);
            if (f.kind == Frame.Kind.RANGE) {
                out.writeLong(f.end);
            } else if (f.kind == Frame.Kind.EACH) {
                encodeValue(f.items, out);
            }
        }
        out.writeShort(vars.size());
        if (!vars.isEmpty()) {
            String[] names = vars.keySet().toArray(String[]::new);
            java.util.Arrays.sort(names);
            for (String n : names) {
                out.writeUTF(n);
                encodeValue(vars.get(n), out);
            }
        }
        if (requestsToAnswer == null || requestsToAnswer.isEmpty()) {
            out.writeShort(0);
        } else {
            String[] waiting = requestsToAnswer.toArray(String[]::new);
            java.util.Arrays.sort(waiting);
            out.writeShort(waiting.length);
            for (String w : waiting) {
                out.writeUTF(w);
            }
        }
        out.writeLong(random.state());
    }

    private static void encodeValue(Object v, java.io.DataOutput out) throws java.io.IOException {
        switch (v) {
            case Long l -> {
                out.writeByte(1);
                out.writeLong(l);
            }
            case Boolean b -> out.writeByte(b ? 3 : 2);
            case String s -> {
                out.writeByte(4);
                out.writeUTF(s);
            }
            case List<?> l -> {
                out.writeByte(5);
                out.writeInt(l.size());
                for (Object o : l) {
                    encodeValue(o, out);
                }
            }
            case null -> out.writeByte(0);
            default -> {
                out.writeByte(6);
                out.writeUTF(String.valueOf(v));
            }
        }
    }

    private static void numberBlocks(Ast.Block b, Map<Ast.Block, Integer> ids) {
        if (b == null || ids.containsKey(b)) {
            return;
        }
        ids.put(b, ids.size());
        for (Stmt s : b.stmts()) {
            switch (s) {
                case Ast.If i -> {
                    for (Ast.Branch br : i.branches()) {
                        numberBlocks(br.body(), ids);
                    }
                    numberBlocks(i.otherwise(), ids);
                }
                case Ast.While w -> numberBlocks(w.body(), ids);
                case Ast.Forever f -> numberBlocks(f.body(), ids);
                case Ast.Repeat r -> numberBlocks(r.body(), ids);
                case Ast.ForRange fr -> numberBlocks(fr.body(), ids);
                case Ast.ForEach fe -> numberBlocks(fe.body(), ids);
                case Ast.Select sel -> {
                    for (Ast.Guard g : sel.guards()) {
                        numberBlocks(g.body(), ids);
                    }
                }
                default -> {
                }
            }
        }
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
