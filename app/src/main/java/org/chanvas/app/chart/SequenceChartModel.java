package org.chanvas.app.chart;

import java.util.List;
import org.chanvas.runtime.watch.Diagnosis;

/**
 * What a message sequence chart shows of a run, with no coordinates yet: a lifeline per process, a message per
 * transfer with its value, the intervals in which a process waited, and how the run ended. Positions are in
 * <em>rows</em>: step {@code i} of the run (a transfer, or a put into a buffer) is drawn at {@code i + 0.5}, and
 * the whole numbers are the boundaries between steps. Only the latest rows are kept (see
 * {@link ChartBuilder#MAX_ROWS}); {@code firstRow} is the first one drawn.
 *
 * @param lifelines one per process, in the network's order
 * @param messages  transfers in the order they happened
 * @param pending   messages put into a buffer and not yet taken out when the chart ends
 * @param waits     intervals in which a process waited, in the order they closed (open ones last)
 * @param firstRow  the first row drawn; the rows before it were left out to bound the chart
 * @param rows      how many rows (steps) the run had up to the end of the chart
 * @param end       how the run ended, or {@link End.Open} when it has not (yet)
 * @param refName   what a message's {@code ref} counts: {@code "move"} in the editor, {@code "line"} for a trace
 * @param maxRows   the most rows the chart keeps
 * @param midRun    whether the events began after the run's start (the editor charts its latest moves only)
 */
public record SequenceChartModel(List<Lifeline> lifelines, List<Message> messages, List<Message> pending,
                                 List<Wait> waits, long firstRow, long rows, End end, String refName, int maxRows,
                                 boolean midRun) {

    public SequenceChartModel {
        lifelines = List.copyOf(lifelines);
        messages = List.copyOf(messages);
        pending = List.copyOf(pending);
        waits = List.copyOf(waits);
    }

    /** A chart with lifelines and nothing else, e.g. before a run's first move. */
    public static SequenceChartModel empty(List<Lifeline> lifelines, String refName) {
        return new SequenceChartModel(lifelines, List.of(), List.of(), List.of(), 0, 0, new End.Open(), refName, 1, false);
    }

    /** Rows drawn: the steps from {@code firstRow} up to {@code rows}. */
    public long rowsShown() {
        return rows - firstRow;
    }

    /** Steps before the first row drawn: the ones the chart leaves out (more when {@link #midRun}). */
    public long omitted() {
        return firstRow;
    }

    /** Whether some of the run is not drawn. */
    public boolean partial() {
        return firstRow > 0 || midRun;
    }

    /**
     * A process's lifeline.
     *
     * @param endedAt the row boundary at which the process ended or failed, or -1 while it lives
     * @param failed  whether it ended with a script error
     */
    public record Lifeline(String process, String label, double endedAt, boolean failed) {
        public boolean ended() {
            return endedAt >= 0;
        }
    }

    /**
     * One message: a transfer from a writer to a reader (for a call's reply, server to client).
     *
     * @param ref     the move (editor) or trace line (command line) that delivered it, for a click to jump to
     * @param from    the sending process (null for a reply whose client has left)
     * @param to      the receiving process (null for a message still in a buffer)
     * @param sentAt  where the arrow starts: the row of the put into a buffer, else the same as {@code receivedAt}
     * @param receivedAt where the arrow ends: the row of the transfer
     */
    public record Message(long ref, String channel, String from, String to, String value, double sentAt,
                          double receivedAt) {
    }

    /**
     * An interval in which {@code process} waited, from the row boundary where it blocked to where its next
     * move happened ({@code to}); {@code open} when it still waits at the end of the chart.
     *
     * @param sending whether it waited to send (a full buffer, a reader to come) rather than to receive or reply
     */
    public record Wait(String process, double from, double to, boolean open, boolean sending) {
    }

    /** How the run ended. */
    public sealed interface End {

        /** Not ended (a run still going, or a trace that stops before its end). */
        record Open() implements End {
        }

        /** Every process finished. */
        record Finished() implements End {
        }

        /** Deadlock or stuck, with who waits for what and the cycle of waits (numbered on the chart). */
        record Deadlocked(Diagnosis diagnosis) implements End {
        }

        /** A script error stopped a process and the run. */
        record Failed(String process, String label, int line, int column, String message) implements End {
        }

        /** The run's time limit passed. */
        record TimedOut() implements End {
        }
    }
}
