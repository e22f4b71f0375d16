package org.chanvas.runtime.event;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * A lock-free queue of events: processes add without ever waiting; a consumer (the editor once per frame,
 * the command line's printer) drains it.
 */
public final class EventQueue implements EventSink {

    private final ConcurrentLinkedQueue<RunEvent> queue = new ConcurrentLinkedQueue<>();

    @Override
    public void accept(RunEvent event) {
        queue.add(event);
    }

    /** Hands every queued event to {@code consumer}, in order; returns how many. */
    public int drain(Consumer<? super RunEvent> consumer) {
        int n = 0;
        RunEvent e;
        while ((e = queue.poll()) != null) {
            consumer.accept(e);
            n++;
        }
        return n;
    }

    /** Drains into a list. */
    public List<RunEvent> drain() {
        List<RunEvent> out = new ArrayList<>();
        drain(out::add);
        return out;
    }

    public boolean isEmpty() {
        return queue.isEmpty();
    }
}
