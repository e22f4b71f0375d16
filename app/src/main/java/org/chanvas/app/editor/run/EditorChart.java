package org.chanvas.app.editor.run;

import org.chanvas.app.chart.ChartBuilder;
import org.chanvas.app.chart.SequenceChartModel;
import org.chanvas.app.chart.SequenceChartModel.End;
import org.chanvas.runtime.engine.RunOutcome;

/**
 * The sequence chart of the editor's run up to the move the diagram shows, never beyond it: the latest moves
 * of the history replayed through the same {@link ChartBuilder} that charts a trace for {@code chanvas export}.
 */
final class EditorChart {

    /** Moves replayed for one chart: enough for its rows, few enough to redraw within a frame. */
    static final int WINDOW_MOVES = 3_000;
    /** Steps the panel keeps: the latest ones, as a person scrolls back through a run. */
    static final int MAX_ROWS = 400;

    private EditorChart() {
    }

    /** The chart of the run shown at move {@code at}; the end appears only when {@code at} is the run's end. */
    static SequenceChartModel of(RunSession session, long at) {
        ChartBuilder b = new ChartBuilder(session.network(), "move", MAX_ROWS);
        long from = Math.max(session.start(), at - WINDOW_MOVES);
        if (from > 0) {
            b.startsMidRun();
        }
        session.replayEvents(from, at, (e, move) -> b.accept(move, e));
        if (session.atEnd() && at == session.end()) {
            b.end(switch (session.outcome().orElseThrow()) {
                case RunOutcome.Finished f -> new End.Finished();
                case RunOutcome.Deadlocked d -> new End.Deadlocked(d.diagnosis());
                case RunOutcome.ScriptFailed f -> new End.Failed(f.process(), f.label(), f.line(), f.column(), f.message());
                case RunOutcome.TimedOut t -> new End.TimedOut();
                default -> new End.Open();
            });
        }
        return b.build();
    }
}
