package org.chanvas.app.editor.run;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import javafx.animation.AnimationTimer;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.paint.Color;
import org.chanvas.app.editor.CanvasPainter;
import org.chanvas.app.editor.EditorDocument;
import org.chanvas.app.editor.LiveAnalysis;
import org.chanvas.app.editor.Problem;
import org.chanvas.app.editor.ScriptCache;
import org.chanvas.app.editor.Selection;
import org.chanvas.app.editor.canvas.DiagramView;
import org.chanvas.app.editor.panels.ConsolePanel;
import org.chanvas.app.editor.panels.InspectorPanel;
import org.chanvas.app.editor.panels.MessageBar;
import org.chanvas.model.Network;
import org.chanvas.model.script.Pos;
import org.chanvas.model.script.ScriptParser;
import org.chanvas.runtime.engine.ConcurrentEngine;
import org.chanvas.runtime.engine.Pacing;
import org.chanvas.runtime.engine.Run;
import org.chanvas.runtime.engine.RunOptions;
import org.chanvas.runtime.engine.RunOutcome;
import org.chanvas.runtime.engine.RunPlan;
import org.chanvas.runtime.event.EventQueue;
import org.chanvas.runtime.event.RunEvent;
import org.chanvas.runtime.watch.Diagnosis;
import org.chanvas.runtime.watch.WaitOn;

/**
 * Runs the document and shows it: Run, Pause, Step (one message), Stop and the speed. Editing is locked while
 * a run goes. The runtime's threads only put events in a queue; an {@link AnimationTimer} drains it on the FX
 * thread once a pulse, animates the tokens and states, feeds the Console, and explains how the run ended.
 */
public final class RunController {

    /** Colours for process names in the Console, picked by process order; readable on white. */
    private static final List<Color> PROCESS_COLOURS = List.of(Color.web("#1565c0"), Color.web("#2e7d32"),
            Color.web("#6a1b9a"), Color.web("#ef6c00"), Color.web("#00838f"), Color.web("#ad1457"),
            Color.web("#4e342e"), Color.web("#283593"));

    private final EditorDocument document;
    private final DiagramView view;
    private final CanvasPainter painter;
    private final ConsolePanel console;
    private final MessageBar messages;
    private final InspectorPanel inspector;
    private final Selection selection;
    private final Supplier<LiveAnalysis.Report> analysis;
    private final ScriptCache scripts = new ScriptCache(ScriptParser::parse);
    private final DoubleProperty speed = new SimpleDoubleProperty(this, "speed", 0.6);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyBooleanWrapper paused = new ReadOnlyBooleanWrapper(this, "paused");
    private final ReadOnlyStringWrapper stateText = new ReadOnlyStringWrapper(this, "stateText", "");
    private final AnimationTimer pump = new AnimationTimer() {
        @Override
        public void handle(long now) {
            pulse(now);
        }
    };

    private Run run;
    private EventQueue queue;
    private Pacing pacing;
    private RunAnimator animator;
    private Network network;
    private Map<String, Color> colours = Map.of();
    private Optional<RunOutcome> ended = Optional.empty();
    private boolean overlayShown;

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
            if (run != null && !paused.get() && !(pacing.policy() instanceof Pacing.Step)) {
                pacing.setPolicy(policyFor(s.doubleValue()));
            }
        });
        // The run's picture belongs to the network it ran; the first edit after it clears the picture.
        document.networkProperty().addListener((o, a, n) -> {
            if (run == null && overlayShown) {
                clearOverlay();
            }
        });
    }

    /** Starts a run, or resumes a paused one. */
    public void run() {
        if (run != null) {
            paused.set(false);
            pacing.setPolicy(policyFor(speed.get()));
            stateText.set("running");
            return;
        }
        start(policyFor(speed.get()));
    }

    public void pause() {
        if (run != null) {
            paused.set(true);
            pacing.setPolicy(new Pacing.Paused());
            stateText.set("paused");
        }
    }

    /** Lets exactly one message through; starts a run in step mode if none goes. */
    public void step() {
        if (run == null) {
            if (!start(new Pacing.Step())) {
                return;
            }
        } else if (!(pacing.policy() instanceof Pacing.Step)) {
            pacing.setPolicy(new Pacing.Step());
        }
        paused.set(true);
        stateText.set("stepping");
        pacing.step();
    }

    /** Ends the run at once and returns to editing; the runtime's threads wind down on their own. */
    public void stop() {
        if (run == null) {
            clearOverlay();
            return;
        }
        Run r = run;
        finishRun(Optional.of(new RunOutcome.Stopped()));
        r.stop();
        Thread.ofVirtual().name("chanvas-run-close").start(r::close);
        console.note("Stopped.");
        clearOverlay();
    }

    private boolean start(Pacing.Policy policy) {
        inspector.flush();
        network = document.network();
        messages.hide();
        RunPlan plan;
        try {
            plan = RunPlan.compile(network, scripts);
        } catch (RunPlan.InvalidPlanException e) {
            messages.show(MessageBar.Tone.ERROR, "Cannot run: " + String.join("; ", e.problems()));
            console.error("Cannot run this network:");
            e.problems().forEach(p -> console.error("  " + p));
            return false;
        }
        console.clear();
        console.note("Run started (" + network.processes().size() + " processes).");
        colours = new HashMap<>();
        for (int i = 0; i < network.processes().size(); i++) {
            colours.put(network.processes().get(i).id(), PROCESS_COLOURS.get(i % PROCESS_COLOURS.size()));
        }
        queue = new EventQueue();
        pacing = new Pacing(policy);
        animator = new RunAnimator(network, scripts);
        ended = Optional.empty();
        document.setLocked(true);
        run = new ConcurrentEngine().prepare(plan, RunOptions.defaults().withSink(queue).withPacing(pacing));
        running.set(true);
        paused.set(policy instanceof Pacing.Paused || policy instanceof Pacing.Step);
        stateText.set(paused.get() ? "stepping" : "running");
        overlayShown = true;
        run.start();
        pump.start();
        return true;
    }

    private void pulse(long now) {
        if (animator == null) {
            pump.stop();
            return;
        }
        List<ConsolePanel.Line> printed = new ArrayList<>();
        List<RunOutcome> decided = new ArrayList<>();
        if (queue != null) {
            long flight = flightNanos();
            queue.drain(e -> {
                animator.accept(e, now, flight);
                switch (e) {
                    case RunEvent.Printed p -> printed.add(new ConsolePanel.Line(p.label(), p.text(),
                            colours.getOrDefault(p.process(), Color.BLACK), ConsolePanel.Line.Kind.PRINT));
                    // The events that end a run say so themselves; the outcome may be decided a little later.
                    case RunEvent.Deadlock d -> decided.add(new RunOutcome.Deadlocked(d.diagnosis()));
                    case RunEvent.Failed f -> decided.add(new RunOutcome.ScriptFailed(f.process(), label(f.process()),
                            f.line(), f.column(), f.message()));
                    default -> { }
                }
            });
        }
        console.addAll(printed);
        painter.setRun(animator.overlay(now));
        showRunLine();
        view.repaint();
        if (run != null && ended.isEmpty()) {
            if (!decided.isEmpty()) {
                finishRun(Optional.of(decided.getFirst()));
            } else if (run.outcome().isPresent() && queue.isEmpty()) {
                finishRun(run.outcome());
            }
        }
        if (run == null && !animator.animating()) {
            pump.stop();
        }
    }

    private void showRunLine() {
        Optional<String> p = selection.singleProcess();
        int line = p.flatMap(animator::line).orElse(0);
        inspector.processInspector().scriptEditor().setRunLine(run == null && ended.isEmpty() ? 0 : line);
    }

    private void finishRun(Optional<RunOutcome> outcome) {
        ended = outcome;
        Run r = run;
        run = null;
        running.set(false);
        paused.set(false);
        document.setLocked(false);
        if (r != null && outcome.isPresent() && !(outcome.get() instanceof RunOutcome.Stopped)) {
            // Closing joins the run's threads: never on the FX thread.
            Thread.ofVirtual().name("chanvas-run-close").start(() -> {
                r.stop();
                r.close();
            });
        }
        outcome.ifPresent(this::explain);
    }

    private void explain(RunOutcome outcome) {
        switch (outcome) {
            case RunOutcome.Finished f -> {
                stateText.set("finished");
                console.note("All processes finished.");
            }
            case RunOutcome.Stopped s -> stateText.set("stopped");
            case RunOutcome.InternalError e -> {
                stateText.set("internal error");
                console.error(e.describe());
                messages.show(MessageBar.Tone.ERROR, e.describe());
            }
            case RunOutcome.TimedOut t -> {
                stateText.set("timed out");
                console.error("The run timed out after " + t.millis() + " ms.");
            }
            case RunOutcome.ScriptFailed f -> {
                stateText.set("script error");
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
                stateText.set(d.diagnosis().stuck() ? "stuck" : "deadlock");
                String words = banner(d.diagnosis());
                messages.show(MessageBar.Tone.ERROR, words);
                for (String line : d.diagnosis().describe().split("\n")) {
                    console.error(line);
                }
            }
        }
    }

    /** The deadlock in words: who waits for whom, the cycle, and whether the analysis saw it coming. */
    String banner(Diagnosis d) {
        StringBuilder sb = new StringBuilder(d.stuck() ? "Stuck: " : "Deadlock: ");
        // The cycle's waits first, in its order: they are the explanation; the others are listed in the Console.
        List<Diagnosis.Waiting> told = new ArrayList<>();
        for (String id : d.cycle()) {
            d.waiting().stream().filter(w -> w.process().equals(id)).findFirst().ifPresent(told::add);
        }
        for (Diagnosis.Waiting w : d.waiting()) {
            if (told.size() < 3 && !told.contains(w) && d.cycle().isEmpty()) {
                told.add(w);
            }
        }
        List<String> parts = new ArrayList<>();
        for (Diagnosis.Waiting w : told) {
            String peer = w.on().stream().map(o -> peerOf(w.process(), o)).filter(s -> !s.isEmpty()).findFirst().orElse("");
            parts.add(w.label() + " waits " + w.on().stream().map(WaitOn::describe)
                    .reduce((a, b) -> a + " or " + b).orElse("") + (peer.isEmpty() ? "" : " for " + peer)
                    + (w.stuck() ? ", but every peer has ended" : ""));
        }
        sb.append(String.join("; ", parts)).append('.');

        if (!d.cycle().isEmpty()) {
            List<String> labels = d.cycle().stream().map(this::label).toList();
            sb.append(" Cycle of waits: ").append(String.join(" \u2192 ", labels)).append(" \u2192 ")
                    .append(labels.getFirst()).append('.');
            Set<String> waitSet = Set.copyOf(d.cycle());
            Optional<Problem.Cycle> predicted = analysis.get().cycles().stream()
                    .filter(c -> Set.copyOf(c.processes()).equals(waitSet)).findFirst();
            predicted.ifPresentOrElse(
                    c -> sb.append(" Static analysis had predicted this cycle")
                            .append(c.justified() ? " (marked justified: " + c.note().replaceAll("[.\\s]+$", "") + ")." : "."),
                    () -> sb.append(" Static analysis had not listed this cycle."));
        }
        List<String> others = d.waiting().stream().filter(w -> !told.contains(w)).map(Diagnosis.Waiting::label).toList();
        if (!others.isEmpty()) {
            sb.append(" Also waiting: ").append(String.join(", ", others)).append(" (see the Console).");
        }
        return sb.toString();
    }

    private String peerOf(String process, WaitOn on) {
        if (on.peer() != null) {
            return label(on.peer());
        }
        return network.channel(on.channel()).map(c -> {
            var ends = on.direction() == WaitOn.Direction.SEND ? c.readers() : c.writers();
            return ends.stream().map(e -> label(e.process())).distinct().reduce((a, b) -> a + " or " + b).orElse("");
        }).orElse("");
    }

    private String label(String id) {
        return network.process(id).map(org.chanvas.model.Process::displayLabel).orElse(id);
    }

    private void clearOverlay() {
        overlayShown = false;
        ended = Optional.empty();
        painter.setRun(null);
        inspector.processInspector().scriptEditor().setRunLine(0);
        if (animator != null && run == null) {
            animator = null;
        }
        stateText.set("");
        view.repaint();
    }

    /** Slider 0..1: one message a second at the left, sixty-four a second near the right, instant at the end. */
    static Pacing.Policy policyFor(double s) {
        if (s >= 0.999) {
            return new Pacing.Instant();
        }
        return new Pacing.Paced(Math.pow(2, s * 6), 1000);
    }

    private long flightNanos() {
        return switch (pacing.policy()) {
            case Pacing.Paced p -> (long) (1_000_000_000L / p.speed() * 0.9);
            case Pacing.Instant i -> 0;
            case Pacing.Step s -> 500_000_000L;
            case Pacing.Paused p -> 500_000_000L;
        };
    }

    public DoubleProperty speedProperty() {
        return speed;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty pausedProperty() {
        return paused.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty stateTextProperty() {
        return stateText.getReadOnlyProperty();
    }

    /** How the last run ended, once it has. */
    public Optional<RunOutcome> outcome() {
        return ended;
    }

    /** The animator of the current or last run, for tests. */
    public Optional<RunAnimator> animator() {
        return Optional.ofNullable(animator);
    }
}
