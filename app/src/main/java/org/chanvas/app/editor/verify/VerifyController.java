package org.chanvas.app.editor.verify;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.chanvas.app.editor.EditorDocument;
import org.chanvas.app.editor.panels.MessageBar;
import org.chanvas.app.editor.run.RunController;
import org.chanvas.app.editor.run.RunSession;
import org.chanvas.model.Network;
import org.chanvas.model.script.ScriptParser;
import org.chanvas.runtime.engine.RunPlan;
import org.chanvas.runtime.explore.BreadthFirstExplorer;
import org.chanvas.runtime.explore.Counterexample;
import org.chanvas.runtime.explore.CycleVerdicts;
import org.chanvas.runtime.explore.ExploreListener;
import org.chanvas.runtime.explore.ExploreResult;
import org.chanvas.runtime.explore.Explorer;
import org.chanvas.runtime.explore.Verdict;

/**
 * Run → Verify (F8): explores the network's every interleaving on a thread of its own, with progress and
 * Cancel, and shows what it found: a proof as a green badge with the cycles proven safe, a counterexample as
 * a run at its first move that the lecturer steps through to the deadlock, an inconclusive search with the
 * reason. A result belongs to the network it explored: the first edit cancels or forgets it.
 */
public final class VerifyController {

    /** What the editor shows of the last verify. */
    public enum Outcome { NONE, EXPLORING, PROVEN, COUNTEREXAMPLE, INCONCLUSIVE, CANCELLED, FAILED }

    private final EditorDocument document;
    private final RunController runs;
    private final MessageBar messages;
    private final Runnable flush;
    private final Consumer<Map<SortedSet<String>, CycleVerdicts.Kind>> cycleMarks;
    private final ReadOnlyObjectWrapper<Outcome> outcome = new ReadOnlyObjectWrapper<>(this, "outcome", Outcome.NONE);
    private final ReadOnlyBooleanWrapper exploring = new ReadOnlyBooleanWrapper(this, "exploring");
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
    private final ReadOnlyObjectWrapper<Found> found = new ReadOnlyObjectWrapper<>(this, "found");
    private long maxStates = Explorer.DEFAULT_MAX_STATES;
    private Runnable onCounterexample = () -> { };
    /** The exploration whose result the editor waits for; any other's result is dropped. */
    private Job current;

    /**
     * What a finished verify found, for the panel.
     *
     * @param counterexample the moves of a bad verdict's path, when it could be followed
     * @param cycles         the verdict on each static cycle, in {@code verify}'s words
     */
    public record Found(Network network, ExploreResult result, Optional<Counterexample> counterexample,
                        List<CycleVerdicts.CycleVerdict> cycles) {
        public Found {
            cycles = List.copyOf(cycles);
        }
    }

    /** One exploration: its own thread, its cancel flag, its progress. */
    private final class Job implements ExploreListener, Runnable {
        final Network network;
        final RunPlan plan;
        volatile boolean cancelled;

        Job(Network network, RunPlan plan) {
            this.network = network;
            this.plan = plan;
        }

        @Override
        public boolean cancelled() {
            return cancelled;
        }

        @Override
        public void progress(long states, long transitions, double seconds) {
            // About once a second: one small task for the FX thread each time, never a queue that grows.
            String line = progressText(states, seconds);
            Platform.runLater(() -> {
                if (current == this && !cancelled) {
                    text.set(line);
                }
            });
        }

        @Override
        public void run() {
            Found f;
            RunSession replay;
            try {
                ExploreResult r = new BreadthFirstExplorer().explore(plan, maxStates, this);
                Optional<Counterexample> c = Counterexample.of(plan, r);
                f = new Found(network, r, c, CycleVerdicts.of(network, r));
                // Built here, not on the FX thread: a long counterexample is many moves to apply.
                replay = c.map(x -> RunSession.recorded(plan, x.semantics(), x.moves())).orElse(null);
            } catch (RuntimeException bug) {
                String why = String.valueOf(bug);
                Platform.runLater(() -> failed(this, why));
                return;
            }
            Platform.runLater(() -> finish(this, f, replay));
        }
    }

    /**
     * @param flush      commits the script being typed, so the network explored is the one on screen
     * @param cycleMarks told the verdict on each static cycle (empty when there is none to show)
     */
    public VerifyController(EditorDocument document, RunController runs, MessageBar messages, Runnable flush,
                            Consumer<Map<SortedSet<String>, CycleVerdicts.Kind>> cycleMarks) {
        this.document = document;
        this.runs = runs;
        this.messages = messages;
        this.flush = flush;
        this.cycleMarks = cycleMarks;
        // A verdict is about the network explored: the first edit stops the search or takes the verdict down.
        document.networkProperty().addListener((o, a, n) -> {
            if (current != null || found.get() != null && found.get().network() != n) {
                forget();
            }
        });
    }

    /** Starts exploring the network as it stands now; a search already going is cancelled first. */
    public void verify() {
        flush.run();
        forget();
        Network n = document.network();
        RunPlan plan;
        try {
            plan = RunPlan.compile(n, ScriptParser::parse);
        } catch (RunPlan.InvalidPlanException e) {
            String why = "Cannot verify: " + String.join("; ", e.problems());
            messages.show(MessageBar.Tone.ERROR, why);
            text.set(why);
            outcome.set(Outcome.FAILED);
            return;
        }
        Job job = new Job(n, plan);
        current = job;
        exploring.set(true);
        outcome.set(Outcome.EXPLORING);
        text.set("Verifying\u2026 exploring every interleaving");
        Thread.ofPlatform().name("chanvas-verify").daemon().start(job);
    }

    /** Stops the search going (its partial result is shown as cancelled); nothing when none goes. */
    public void cancel() {
        if (current != null) {
            current.cancelled = true;
            text.set("Cancelling\u2026");
        }
    }

    /** Stops any search and takes down what the last one showed (a loaded counterexample stays a run). */
    private void forget() {
        if (current != null) {
            current.cancelled = true;
            current = null;
        }
        exploring.set(false);
        if (found.get() != null || outcome.get() != Outcome.NONE) {
            found.set(null);
            outcome.set(Outcome.NONE);
            text.set("");
            cycleMarks.accept(Map.of());
        }
    }

    private void failed(Job job, String why) {
        if (job != current) {
            return;
        }
        current = null;
        exploring.set(false);
        outcome.set(Outcome.FAILED);
        text.set("Verify failed (a bug in Chanvas): " + why);
        messages.show(MessageBar.Tone.ERROR, text.get());
    }

    private void finish(Job job, Found f, RunSession replay) {
        if (job != current) {
            return; // cancelled by an edit: the network it explored is gone
        }
        current = null;
        exploring.set(false);
        ExploreResult r = f.result();
        Map<SortedSet<String>, CycleVerdicts.Kind> marks = new HashMap<>();
        f.cycles().forEach(c -> marks.put(c.key(), c.kind()));
        if (job.cancelled && r.verdict() == Verdict.INCONCLUSIVE) {
            found.set(f);
            text.set(String.format(Locale.ROOT, "Verify cancelled after %,d states: no verdict", r.states()));
            outcome.set(Outcome.CANCELLED);
            cycleMarks.accept(Map.of());
            return;
        }
        found.set(f);
        cycleMarks.accept(marks);
        switch (r.verdict()) {
            case DEADLOCK_FREE -> {
                text.set(proofText(r));
                outcome.set(Outcome.PROVEN);
            }
            case INCONCLUSIVE -> {
                text.set(String.format(Locale.ROOT, "Inconclusive after %,d states: %s", r.states(),
                        String.join("; ", r.growing())));
                outcome.set(Outcome.INCONCLUSIVE);
            }
            case DEADLOCK, STUCK, ERROR -> {
                String what = switch (r.verdict()) {
                    case DEADLOCK -> "Deadlock";
                    case STUCK -> "Stuck state";
                    default -> "Script error";
                };
                int n = r.steps().size();
                text.set(what + " reachable in " + n + (n == 1 ? " move" : " moves") + " (shortest of "
                        + String.format(Locale.ROOT, "%,d", r.states()) + " states)"
                        + (replay != null ? ": press \u2192 to step through it" : ""));
                outcome.set(Outcome.COUNTEREXAMPLE);
                if (replay != null) {
                    runs.load(replay);
                }
                onCounterexample.run();
            }
        }
    }

    /** The badge of a proof: the same number of states {@code chanvas verify} prints. */
    static String proofText(ExploreResult r) {
        return String.format(Locale.ROOT, "deadlock-free \u2014 every one of %,d states explored", r.states());
    }

    static String progressText(long states, double seconds) {
        return String.format(Locale.ROOT, "Verifying\u2026 %,d states, %,.0f states/s", states,
                states / Math.max(1e-9, seconds));
    }

    /** Called after a counterexample was loaded as a run (the window shows its steps). */
    public void setOnCounterexample(Runnable r) {
        onCounterexample = r == null ? () -> { } : r;
    }

    /** The state bound of the next searches (tests use small ones); {@code verify}'s default otherwise. */
    public void setMaxStates(long n) {
        maxStates = n;
    }

    public ReadOnlyObjectProperty<Outcome> outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    /** Whether a search is going. */
    public ReadOnlyBooleanProperty exploringProperty() {
        return exploring.getReadOnlyProperty();
    }

    /** The line the bar shows: progress while exploring, then the verdict in words. */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** What the last finished search found, or null (none, or forgotten after an edit). */
    public ReadOnlyObjectProperty<Found> foundProperty() {
        return found.getReadOnlyProperty();
    }
}
