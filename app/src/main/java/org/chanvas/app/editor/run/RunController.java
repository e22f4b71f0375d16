package org.chanvas.app.editor.run;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import javafx.animation.AnimationTimer;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.paint.Color;
import org.chanvas.app.diagram.RunOverlay;
import org.chanvas.app.editor.CanvasPainter;
import org.chanvas.app.editor.EditorDocument;
import org.chanvas.app.editor.LiveAnalysis;
import org.chanvas.app.editor.ScriptCache;
import org.chanvas.app.editor.Selection;
import org.chanvas.app.editor.canvas.DiagramView;
import org.chanvas.app.editor.panels.ConsolePanel;
import org.chanvas.app.editor.panels.InspectorPanel;
import org.chanvas.app.editor.panels.MessageBar;
import org.chanvas.model.Network;
import org.chanvas.model.script.Pos;
import org.chanvas.model.script.ScriptParser;
import org.chanvas.runtime.engine.RunOutcome;
import org.chanvas.runtime.engine.RunPlan;
import org.chanvas.runtime.watch.Diagnosis;

/**
 * Runs the document and shows it, move by move: Run, Pause, Step (→), Step back (←), Restart (Home), a
 * timeline to any move, Stop, the speed and the seed. The run is a {@link RunSession}: the one semantics, a
 * seeded scheduler and the history. The animation is the clock: at a paced speed the FX thread applies a
 * move, keeps drawing the state before it while its message travels, and shows the state after it (the
 * receiver's state and line, the printed line, a buffer's fill, an ending) when the message arrives. At
 * instant speed a driver thread applies moves in short batches under a fair lock and the FX thread shows the
 * latest state once a pulse, so nothing queues up: the diagram is always exactly one state of the run.
 */
public final class RunController {

    /** Colours for process names in the Console, picked by process order; readable on white. */
    private static final List<Color> PROCESS_COLOURS = List.of(Color.web("#1565c0"), Color.web("#2e7d32"),
            Color.web("#6a1b9a"), Color.web("#ef6c00"), Color.web("#00838f"), Color.web("#ad1457"),
            Color.web("#4e342e"), Color.web("#283593"));
    /** Lines the Console keeps (its own limit too). */
    private static final int CONSOLE_LINES = 5000;
    /** How long the driver holds the run before the FX thread may look: well under a frame. */
    private static final long BATCH_NANOS = 2_000_000L;
    /** Local moves a paced pulse applies at most while looking for the next message, so a computing
     * process cannot hold up the FX thread. */
    private static final int SILENT_PER_PULSE = 2_000;
    /**
     * At instant speed the screen shows the latest state at most this often, and only once the renderer has drawn
     * the last one ({@link RenderGate}): states fly by faster than anyone reads, and the FX thread must not wait.
     */
    private static final long INSTANT_FRAME_NANOS = 50_000_000L;

    private final EditorDocument document;
    private final DiagramView view;
    private final CanvasPainter painter;
    private final ConsolePanel console;
    private final MessageBar messages;
    private final InspectorPanel inspector;
    private final Selection selection;
    private final Supplier<LiveAnalysis.Report> analysis;
    private final ScriptCache scripts = new ScriptCache(ScriptParser::parse);
    private final DoubleProperty speed = new SimpleDoubleProperty(this, "speed", 0.45);
    private final ObjectProperty<Long> seedSetting = new SimpleObjectProperty<>(this, "seed");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyBooleanWrapper paused = new ReadOnlyBooleanWrapper(this, "paused");
    private final ReadOnlyBooleanWrapper hasRun = new ReadOnlyBooleanWrapper(this, "hasRun");
    private final ReadOnlyStringWrapper stateText = new ReadOnlyStringWrapper(this, "stateText", "");
    private final ReadOnlyLongWrapper position = new ReadOnlyLongWrapper(this, "position");
    private final ReadOnlyLongWrapper end = new ReadOnlyLongWrapper(this, "end");
    /** The visible moves (communications, wake-ups) to the shown state and to the run's end: what → steps. */
    private final ReadOnlyLongWrapper shownMoves = new ReadOnlyLongWrapper(this, "shownMoves");
    private final ReadOnlyLongWrapper endMoves = new ReadOnlyLongWrapper(this, "endMoves");
    private final ReadOnlyLongWrapper start = new ReadOnlyLongWrapper(this, "start");
    private final ReentrantLock lock = new ReentrantLock(true);
    private final AnimationTimer pump = new AnimationTimer() {
        @Override
        public void handle(long now) {
            pulse(now);
        }
    };

    /** Guarded by {@link #lock} while a driver exists; otherwise the FX thread's. */
    private RunSession session;
    private RunSession.Limits limits;
    private Driver driver;
    /** The latest driver made, for tests that it is gone after Stop. */
    private volatile Driver lastDriver;
    private Network network;
    private Map<String, Color> colours = Map.of();
    private boolean playing;
    private boolean endShown;
    private Long lastSeed;
    private RunSession.Picture shown;
    /** The message on its way: the state shown meanwhile is the one before its move. */
    private InFlight flight;
    /** Where the current step began, so that stepping back during a flight returns there. */
    private long stepStart;
    /** The position whose prints the Console shows. */
    private long consoleAt;
    private Runnable onFrame = () -> { };
    private SequenceChart chart;
    /** The position the chart shows, so a frame that moves nothing does not redraw it. */
    private long chartAt = -1;
    /** Printed lines of an instant run not yet in the Console (it fills in at pause, stop or end). */
    private final List<ConsolePanel.Line> pendingLines = new ArrayList<>();
    private long lastInstantFrame;
    private final RenderGate renderGate = new RenderGate();

    /** A message travelling: shown from {@code startNanos} for {@code nanos}, then {@code after} is shown. */
    private record InFlight(RunSession.Flight flight, RunSession.Picture before, RunSession.Picture after,
                            long startNanos, long nanos) {
    }

    /** What the driver last published for the screen: a state and the prints since the one before. */
    private record Snapshot(RunSession.Picture picture, long start, long end, List<RunSession.Print> prints,
                            boolean ended) {
    }

    /** {@code a} then {@code b}, at most the Console's last {@code CONSOLE_LINES}. */
    private static List<RunSession.Print> last(List<RunSession.Print> a, List<RunSession.Print> b) {
        List<RunSession.Print> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all.subList(Math.max(0, all.size() - CONSOLE_LINES), all.size()));
    }

    /**
     * The instant-speed thread: applies moves until told to stop or the run ends. It holds the session's lock
     * only for short batches, and when the screen asks for a frame it publishes one itself between two moves,
     * so the FX thread never waits for it (even when the machine is busy and the driver loses its core).
     */
    private final class Driver implements Runnable {
        private final RunSession run;
        private volatile boolean stop;
        private volatile boolean frameWanted = true;
        private final AtomicReference<Snapshot> published = new AtomicReference<>();
        private final CountDownLatch done = new CountDownLatch(1);
        private long printedUpTo;

        Driver(RunSession run, long printedUpTo) {
            this.run = run;
            this.printedUpTo = printedUpTo;
        }

        @Override
        public void run() {
            try {
                while (!stop) {
                    lock.lock();
                    try {
                        long until = System.nanoTime() + BATCH_NANOS;
                        for (int i = 1; ; i++) {
                            if (stop) {
                                return;
                            }
                            boolean ended = run.advance(false) == null;
                            if (ended || frameWanted) {
                                frameWanted = false;
                                List<RunSession.Print> ps = run.prints(printedUpTo, run.position(), CONSOLE_LINES);
                                printedUpTo = run.position();
                                // A frame the FX thread has not taken yet (it was busy) passes its lines on to
                                // this one: replaced outright, they never reached the Console.
                                published.accumulateAndGet(new Snapshot(run.picture(), run.start(), run.end(), ps,
                                        ended), (untaken, next) -> untaken == null ? next : new Snapshot(next.picture(),
                                        next.start(), next.end(), last(untaken.prints(), next.prints()),
                                        next.ended()));
                            }
                            if (ended) {
                                return;
                            }
                            if ((i & 63) == 0 && System.nanoTime() >= until) {
                                break;
                            }
                        }
                    } finally {
                        lock.unlock();
                    }
                }
            } finally {
                done.countDown();
            }
        }
    }

    public RunController(EditorDocument document, DiagramView view, CanvasPainter painter, ConsolePanel console,
                         MessageBar messages, InspectorPanel inspector, Selection selection,
                         Supplier<LiveAnalysis.Report> analysis) {
        this.document = document;
        this.view = view;
        this.painter = painter;
        this.console = console;
        this.messages = messages;
        this.inspector = inspector;
        this.selection = selection;
        this.analysis = analysis;
        speed.addListener((o, a, s) -> {
            if (session != null && playing) {
                play(); // the new speed: instant starts a driver, paced stops it
            }
        });
        // The run's picture belongs to the network it ran; the first edit after it clears the picture.
        document.networkProperty().addListener((o, a, n) -> {
            if (session != null && !running.get()) {
                clear();
            }
        });
        selection.processes().addListener((javafx.collections.SetChangeListener<String>) c -> showRunLine());
    }

    // ---- commands ----

    /** Starts a run, or plays on from where the shown run stands; a run shown at its end starts anew. */
    public void run() {
        if (session == null || session.atEnd() && !running.get()) {
            if (!start(seedSetting.get())) {
                return;
            }
        }
        play();
    }

    /**
     * Runs the network with seeds 1..{@code runs} off the FX thread and shows how often each outcome came; a
     * click on an outcome replays its seed here. Empty when the network cannot run.
     */
    public Optional<RunManyDialog> runMany(int runs) {
        inspector.flush();
        Network n = document.network();
        try {
            RunPlan plan = RunPlan.compile(n, scripts);
            RunManyDialog d = new RunManyDialog(view.getScene().getWindow(),
                    n.title().isBlank() ? "this network" : n.title(), plan, runs, seed -> {
                        if (start(seed)) {
                            play();
                        }
                    });
            d.show();
            return Optional.of(d);
        } catch (RunPlan.InvalidPlanException e) {
            messages.show(MessageBar.Tone.ERROR, "Cannot run: " + String.join("; ", e.problems()));
            return Optional.empty();
        }
    }

    /** Starts a new run with the seed of the last one. */
    public void runAgain() {
        if (lastSeed == null) {
            run();
            return;
        }
        if (start(lastSeed)) {
            play();
        }
    }

    public void pause() {
        if (session == null) {
            return;
        }
        playing = false;
        stopDriver();
        paused.set(true);
        refreshFromSession();
        status();
    }

    /** Shows the next message (→): the local moves before it, then its flight; starts a run if none goes. */
    public void step() {
        if (session != null && session.recorded() && session.atEnd()) {
            return; // a counterexample ends where it ends: no new run on top of it
        }
        if (session == null || session.atEnd() && !running.get()) {
            if (!start(seedSetting.get())) {
                return;
            }
        }
        playing = false;
        stopDriver();
        paused.set(true);
        long now = System.nanoTime();
        if (flight != null) {
            land(); // one press, one message: the one on its way arrives now
        }
        startBeat(now, stepNanos());
        status();
        pump.start();
    }

    /** Shows the state before the last message (←). */
    public void stepBack() {
        if (session == null) {
            return;
        }
        playing = false;
        stopDriver();
        paused.set(running.get());
        long target;
        lock.lock();
        try {
            target = flight != null ? stepStart : previousStop(session.position());
        } finally {
            lock.unlock();
        }
        seek(target);
    }

    /** Back to the start of the run (Home). */
    public void restart() {
        if (session != null) {
            seek(session.start());
        }
    }

    /** Shows the state after {@code target} moves (clamped to the history); pauses a playing run. */
    public void seek(long target) {
        if (session == null) {
            return;
        }
        playing = false;
        stopDriver();
        if (running.get()) {
            paused.set(true);
        }
        flight = null;
        lock.lock();
        try {
            session.seek(target);
            shown = session.picture();
        } finally {
            lock.unlock();
        }
        endShown = false;
        messages.hide();
        rebuildConsole();
        display(List.of());
        showEnd();
        status();
    }

    /** Ends the run at once and returns to editing. */
    public void stop() {
        if (session == null) {
            clear();
            return;
        }
        boolean wasRunning = running.get();
        clear();
        if (wasRunning) {
            console.note("Stopped.");
            stateText.set("stopped");
        }
    }

    // ---- running ----

    private boolean start(Long seed) {
        clear();
        inspector.flush();
        network = document.network();
        messages.hide();
        RunPlan plan;
        try {
            plan = RunPlan.compile(network, scripts);
        } catch (RunPlan.InvalidPlanException e) {
            messages.show(MessageBar.Tone.ERROR, "Cannot run: " + String.join("; ", e.problems()));
            console.clear();
            console.error("Cannot run this network:");
            e.problems().forEach(p -> console.error("  " + p));
            return false;
        }
        long s = seed != null ? seed : ThreadLocalRandom.current().nextLong(1, 1_000_000);
        lastSeed = s;
        begin(limits == null ? new RunSession(plan, s) : new RunSession(plan, s, limits));
        return true;
    }

    /**
     * Shows a run made elsewhere (a counterexample of Verify) at its first state, as a run just started: the
     * keys that walk a run walk it, and its last state shows how it ends as any run would.
     */
    public void load(RunSession recorded) {
        clear();
        inspector.flush();
        network = recorded.network();
        messages.hide();
        lastSeed = null;
        begin(recorded);
    }

    private void begin(RunSession started) {
        colours = new HashMap<>();
        for (int i = 0; i < network.processes().size(); i++) {
            colours.put(network.processes().get(i).id(), PROCESS_COLOURS.get(i % PROCESS_COLOURS.size()));
        }
        session = started;
        shown = session.picture();
        stepStart = 0;
        endShown = false;
        document.setLocked(true);
        running.set(true);
        hasRun.set(true);
        paused.set(true);
        rebuildConsole();
        display(List.of());
        status();
    }

    /** Plays at the current speed: a driver at instant speed, the pulse otherwise. */
    private void play() {
        if (session == null) {
            return;
        }
        playing = true;
        paused.set(false);
        if (instant()) {
            if (flight != null) {
                land();
            }
            if (driver == null) {
                driver = new Driver(session, consoleAt);
                lastDriver = driver;
                Thread.ofPlatform().name("chanvas-editor-run").daemon().start(driver);
            }
        } else {
            stopDriver();
        }
        status();
        pump.start();
    }

    private boolean instant() {
        return speed.get() >= 0.999;
    }

    /** Tells the driver to stop; it ends within one move, and the session's lock keeps it off our state. */
    private void stopDriver() {
        if (driver != null) {
            driver.stop = true;
            driver = null;
        }
        if (!pendingLines.isEmpty()) {
            console.addAll(pendingLines); // what the screen already counts as shown
            pendingLines.clear();
        }
    }

    private void pulse(long now) {
        if (session == null) {
            pump.stop();
            return;
        }
        if (driver != null) {
            if (now - lastInstantFrame < INSTANT_FRAME_NANOS || !renderGate.ready(view.getScene(), now)) {
                return; // the last frame is still being drawn: a new one would make this thread wait for it
            }
            lastInstantFrame = now;
            renderGate.frameHanded(now);
            Snapshot snap = driver.published.getAndSet(null);
            driver.frameWanted = true;
            if (snap != null) {
                shown = snap.picture();
                pendingLines.addAll(lines(snap.prints()));
                if (pendingLines.size() > 2 * CONSOLE_LINES) {
                    pendingLines.subList(0, pendingLines.size() - CONSOLE_LINES).clear();
                }
                // Lines at instant speed scroll by faster than anyone reads, and each catch-up of the Console's list
                // kept the FX thread waiting 100-300 ms for the renderer on a busy machine (its list lays out over
                // several pulses): the Console fills in when the run pauses, stops or ends (stopDriver).
                if (snap.ended()) {
                    console.addAll(pendingLines);
                    pendingLines.clear();
                }
                consoleAt = snap.picture().position();
                display(List.of());
                start.set(snap.start());
                end.set(snap.end());
                // The driver publishes the newest state, so the shown state is the end of what it has made.
                endMoves.set(snap.picture().visibleMoves());
                if (snap.ended()) {
                    stopDriver();
                    playing = false;
                    refreshFromSession(); // the driver is gone: the lock is free, and the end is shown
                    pump.stop();
                }
                onFrame.run();
            }
            return;
        }
        int beats = 0;
        while (true) {
            if (flight != null) {
                long arrive = flight.startNanos() + flight.nanos();
                if (now < arrive) {
                    break;
                }
                land();
                if (!playing || ++beats > 500) {
                    break;
                }
                // A fast speed lands several messages a frame; each next one starts when the last arrived.
                startBeat(Math.max(arrive, now - 100_000_000L), paceNanos());
            } else if (playing) {
                if (!startBeat(now, paceNanos())) {
                    break;
                }
            } else {
                break;
            }
        }
        display(flight == null || flight.flight() == null ? List.of() : List.of(flight.flight().at(
                (now - flight.startNanos()) / (double) flight.nanos())));
        onFrame.run();
        if (flight == null && (!playing || session.atEnd())) {
            playing = false;
            pump.stop();
        }
    }

    /**
     * Applies local moves up to the next visible one and sends that one on its way; false when none came
     * (the run ended, or the pulse's budget of local moves ran out).
     */
    private boolean startBeat(long now, long nanos) {
        lock.lock();
        try {
            if (flight == null) {
                stepStart = session.position();
            }
            for (int i = 0; i < SILENT_PER_PULSE; i++) {
                // The state just before the visible move, after the local moves that led to it.
                RunSession.Picture before = session.position() == shown.position() ? shown : session.picture();
                RunSession.Beat beat = session.advance(true);
                if (beat == null) {
                    shown = session.picture();
                    afterLanding();
                    return false;
                }
                if (!beat.visible()) {
                    continue;
                }
                flight = new InFlight(session.flightOf(beat).orElse(null), before, session.picture(), now, nanos);
                return true;
            }
            shown = session.picture();
            afterLanding();
            return false;
        } finally {
            lock.unlock();
        }
    }

    /** The message on its way arrives: the state after its move is shown, and what it printed. */
    private void land() {
        if (flight == null) {
            return;
        }
        shown = flight.after();
        flight = null;
        afterLanding();
    }

    private void afterLanding() {
        appendPrints(shown.position());
        showEnd();
    }

    /** The latest state of the session (instant speed, pause, seek): no message is drawn on its way. */
    private void refreshFromSession() {
        lock.lock();
        try {
            flight = null;
            shown = session.picture();
        } finally {
            lock.unlock();
        }
        appendPrints(shown.position());
        display(List.of());
        showEnd();
    }

    private void display(List<RunOverlay.Token> tokens) {
        if (session == null) {
            return;
        }
        RunSession.Picture p = flight != null ? flight.before() : shown;
        painter.setRun(p.overlay(tokens));
        if (driver == null) {
            end.set(session.end());
            start.set(session.start());
            endMoves.set(session.visibleMoves(session.end()));
        }
        position.set(p.position());
        shownMoves.set(p.visibleMoves());
        refreshChart(p.position());
        showRunLine();
        view.repaint();
    }

    private void showRunLine() {
        if (session == null || shown == null) {
            return;
        }
        RunSession.Picture p = flight != null ? flight.before() : shown;
        int line = selection.singleProcess().map(id -> p.lines().getOrDefault(id, 0)).orElse(0);
        inspector.processInspector().scriptEditor().setRunLine(line);
    }

    /** The Console up to the shown position: the prints since the last shown one. */
    private void appendPrints(long upTo) {
        if (upTo < consoleAt) {
            rebuildConsole();
            return;
        }
        List<RunSession.Print> ps;
        lock.lock();
        try {
            ps = session.prints(consoleAt, upTo, CONSOLE_LINES);
        } finally {
            lock.unlock();
        }
        console.addAll(lines(ps));
        consoleAt = upTo;
    }

    /** The Console as it stood at the shown position. */
    private void rebuildConsole() {
        console.clear();
        console.note("Run started (" + network.processes().size() + " processes, " + session.origin() + ").");
        long at = shown == null ? 0 : (flight != null ? flight.before() : shown).position();
        List<RunSession.Print> ps;
        lock.lock();
        try {
            ps = session.prints(-1, at, CONSOLE_LINES);
        } finally {
            lock.unlock();
        }
        console.addAll(lines(ps));
        consoleAt = at;
    }

    private List<ConsolePanel.Line> lines(List<RunSession.Print> ps) {
        List<ConsolePanel.Line> out = new ArrayList<>(ps.size());
        for (RunSession.Print p : ps) {
            String id = session.semantics().processId(p.process());
            out.add(new ConsolePanel.Line(p.label(), p.text(), colours.getOrDefault(id, Color.BLACK),
                    ConsolePanel.Line.Kind.PRINT));
        }
        return out;
    }

    /** At the run's last state: say how it ended (once per arrival there); elsewhere the banner goes. */
    private void showEnd() {
        boolean atEnd = session.atEnd() && shown.position() == session.end() && flight == null;
        if (atEnd && !endShown) {
            endShown = true;
            RunOutcome o = session.outcome().orElseThrow();
            if (running.get()) {
                running.set(false);
                paused.set(false);
                playing = false;
                document.setLocked(false);
            }
            explain(o);
        } else if (!atEnd && endShown) {
            endShown = false;
            messages.hide();
        }
        if (!atEnd && messages.isShowing() && running.get()) {
            messages.hide();
        }
    }

    private void status() {
        if (session == null) {
            return;
        }
        if (session.atEnd() && endShown) {
            return;
        }
        String seed = " \u00b7 " + session.origin();
        if (!running.get()) {
            stateText.set("move " + shown.visibleMoves() + " of " + session.visibleMoves(session.end()) + seed);
        } else if (playing) {
            stateText.set((driver != null ? "running instantly (Console at pause)" : "running") + seed);
        } else {
            stateText.set((flight != null || shown.position() > 0 ? "stepping" : "ready") + seed);
        }
    }

    private void explain(RunOutcome outcome) {
        String seed = " \u00b7 " + session.origin();
        switch (outcome) {
            case RunOutcome.Finished f -> {
                stateText.set("finished" + seed);
                console.note("All processes finished.");
            }
            case RunOutcome.Stopped s -> stateText.set("stopped" + seed);
            case RunOutcome.InternalError e -> {
                stateText.set("internal error" + seed);
                console.error(e.describe());
                messages.show(MessageBar.Tone.ERROR, e.describe());
            }
            case RunOutcome.TimedOut t -> {
                stateText.set("timed out" + seed);
                console.error("The run timed out after " + t.millis() + " ms.");
            }
            case RunOutcome.ScriptFailed f -> {
                stateText.set("script error" + seed);
                String where = f.label() + " line " + f.line() + ":" + f.column();
                console.error("Script error in " + where + ": " + f.message());
                messages.show(MessageBar.Tone.ERROR, "Script error in " + where + ": " + f.message());
                if (network.process(f.process()).isPresent()) {
                    selection.selectProcess(f.process());
                    inspector.refresh();
                    inspector.processInspector().scriptEditor().goTo(new Pos(Math.max(1, f.line()), Math.max(1, f.column())));
                }
            }
            case RunOutcome.Deadlocked d -> {
                stateText.set((d.diagnosis().stuck() ? "stuck" : "deadlock") + seed);
                DeadlockWords words = new DeadlockWords(network, analysis.get().cycles());
                messages.show(MessageBar.Tone.ERROR, words.oneLine(d.diagnosis()), words.details(d.diagnosis()));
                for (String line : d.diagnosis().describe().split("\n")) {
                    console.error(line);
                }
            }
        }
    }

    /** Where a step back lands: the position after the last visible move before {@code from}, or the start. */
    private long previousStop(long from) {
        long p = from - 1;
        while (p > session.start() && !session.visibleMoveLeadsTo(p)) {
            p--;
        }
        return Math.max(session.start(), p);
    }

    private long paceNanos() {
        return secondsPerMessage(speed.get());
    }

    /**
     * A step's message travels at the chosen pace, but never so fast that one cannot see it go; at the slow end
     * as slowly as a lecturer narrates.
     */
    private long stepNanos() {
        return Math.max(350_000_000L, secondsPerMessage(Math.min(speed.get(), 0.99)));
    }

    /** Slider 0..1: two and a half seconds a message at the left (time to narrate it), about 30 a second near
     * the right; nanoseconds per message. */
    public static long secondsPerMessage(double s) {
        return (long) (2.5e9 * Math.pow(2, -7 * Math.max(0, Math.min(1, s))));
    }

    /** The sequence chart to keep in step with the run; a click on one of its arrows shows that move. */
    public void setChart(SequenceChart c) {
        chart = c;
        c.setOnPick(this::seek);
        c.setOnReport(document::say);
    }

    private void refreshChart(long at) {
        if (chart == null || driver != null || (at == chartAt && !endShown)) {
            return;
        }
        chartAt = at;
        org.chanvas.app.chart.SequenceChartModel model;
        lock.lock();
        try {
            model = EditorChart.of(session, at);
        } finally {
            lock.unlock();
        }
        chart.show(model, at);
    }

    /** Back to editing: the run's driver told to stop, its picture gone. */
    private void clear() {
        stopDriver();
        playing = false;
        flight = null;
        session = null;
        shown = null;
        endShown = false;
        painter.setRun(null);
        inspector.processInspector().scriptEditor().setRunLine(0);
        if (running.get()) {
            document.setLocked(false);
        }
        running.set(false);
        paused.set(false);
        hasRun.set(false);
        position.set(0);
        end.set(0);
        start.set(0);
        shownMoves.set(0);
        endMoves.set(0);
        stateText.set("");
        pump.stop();
        chartAt = -1;
        if (chart != null) {
            chart.clear();
        }
        view.repaint();
    }

    /** Forgets the last run's output: a new or opened document starts with an empty Console. */
    public void forget() {
        clear();
        console.clear();
        messages.hide();
    }

    public DoubleProperty speedProperty() {
        return speed;
    }

    /** The seed of the next run, or null for a random one. */
    public ObjectProperty<Long> seedProperty() {
        return seedSetting;
    }

    /** The seed of the last run started, if any. */
    public Optional<Long> lastSeed() {
        return Optional.ofNullable(lastSeed);
    }

    /** Whether a run is going (not yet at its end, not stopped): editing is locked meanwhile. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty pausedProperty() {
        return paused.getReadOnlyProperty();
    }

    /** Whether a run (going or ended) is shown, so its history can be walked. */
    public ReadOnlyBooleanProperty hasRunProperty() {
        return hasRun.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty stateTextProperty() {
        return stateText.getReadOnlyProperty();
    }

    /** The move the diagram shows (moves applied to reach it). */
    public ReadOnlyLongProperty positionProperty() {
        return position.getReadOnlyProperty();
    }

    /** Moves the run has made so far. */
    public ReadOnlyLongProperty endProperty() {
        return end.getReadOnlyProperty();
    }

    /** Visible moves (communications and wake-ups, not local steps) up to the state the diagram shows. */
    public ReadOnlyLongProperty shownMovesProperty() {
        return shownMoves.getReadOnlyProperty();
    }

    /** Visible moves the run has made so far. */
    public ReadOnlyLongProperty endMovesProperty() {
        return endMoves.getReadOnlyProperty();
    }

    /** The earliest move the history still keeps. */
    public ReadOnlyLongProperty startProperty() {
        return start.getReadOnlyProperty();
    }

    /** How the shown run ended, once the diagram shows its end. */
    public Optional<RunOutcome> outcome() {
        return session != null && endShown ? session.outcome() : Optional.empty();
    }

    /** What the diagram shows of the run now, or null when editing. */
    public RunOverlay overlay() {
        return painter.run();
    }

    /** Whether a message is drawn on its way now. */
    public boolean inFlight() {
        return flight != null;
    }

    /** The line the diagram shows a process on (0 for none). */
    public int lineOf(String process) {
        RunSession.Picture p = flight != null ? flight.before() : shown;
        return p == null ? 0 : p.lines().getOrDefault(process, 0);
    }

    /** Called on the FX thread after every frame the run draws; tests record what the screen showed. */
    public void setOnFrame(Runnable r) {
        onFrame = r == null ? () -> { } : r;
    }

    /** History limits of the next runs (tests use small ones); null for the default. */
    public void setHistoryLimits(RunSession.Limits l) {
        limits = l;
    }

    /**
     * Reads the session under its lock (tests and benchmarks: moves made, memory kept).
     */
    public <T> Optional<T> inspect(java.util.function.Function<RunSession, T> f) {
        lock.lock();
        try {
            return session == null ? Optional.empty() : Optional.ofNullable(f.apply(session));
        } finally {
            lock.unlock();
        }
    }

    /** Whether no driver thread is applying moves (at most one move after Stop or Pause). */
    public boolean driverIdle(long millis) throws InterruptedException {
        Driver d = lastDriver;
        return d == null || d.done.await(millis, TimeUnit.MILLISECONDS);
    }
}
