package org.chanvas.app.editor;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;
import org.chanvas.model.Network;

/**
 * What the person has selected: processes and channels by id, and at most one deadlock-prone cycle (named,
 * as in files, by its channel ids) that the canvas highlights while dimming the rest.
 */
public final class Selection {

    private final ObservableSet<String> processes = FXCollections.observableSet(new TreeSet<>());
    private final ObservableSet<String> channels = FXCollections.observableSet(new TreeSet<>());
    private final ObjectProperty<SortedSet<String>> cycle = new SimpleObjectProperty<>(this, "cycle");

    public ObservableSet<String> processes() {
        return processes;
    }

    public ObservableSet<String> channels() {
        return channels;
    }

    /** The selected cycle's channel ids, or null. */
    public ObjectProperty<SortedSet<String>> cycleProperty() {
        return cycle;
    }

    public boolean isEmpty() {
        return processes.isEmpty() && channels.isEmpty();
    }

    public void clear() {
        processes.clear();
        channels.clear();
    }

    /** Selects exactly these. */
    public void set(Collection<String> processIds, Collection<String> channelIds) {
        if (!processes.equals(Set.copyOf(processIds))) {
            processes.retainAll(processIds);
            processes.addAll(processIds);
        }
        if (!channels.equals(Set.copyOf(channelIds))) {
            channels.retainAll(channelIds);
            channels.addAll(channelIds);
        }
    }

    public void selectProcess(String id) {
        set(List.of(id), List.of());
    }

    public void selectChannel(String id) {
        set(List.of(), List.of(id));
    }

    /** Shift-click: adds or removes one process. */
    public void toggleProcess(String id) {
        if (!processes.remove(id)) {
            processes.add(id);
        }
    }

    public void toggleChannel(String id) {
        if (!channels.remove(id)) {
            channels.add(id);
        }
    }

    /**
     * Keeps the selection on the same things across an edit: a selected process that was renamed (same place,
     * same script, a new id) stays selected under its new id; ids that are gone are forgotten.
     */
    public void follow(Network before, Network after) {
        for (String id : List.copyOf(processes)) {
            if (after.process(id).isPresent()) {
                continue;
            }
            before.process(id).flatMap(old -> after.processes().stream()
                    .filter(p -> before.process(p.id()).isEmpty())
                    .filter(p -> p.x() == old.x() && p.y() == old.y() && p.script().equals(old.script()))
                    .findFirst()).ifPresent(renamed -> {
                        processes.remove(id);
                        processes.add(renamed.id());
                    });
        }
        retainExisting(after);
    }

    /** Forgets ids the network no longer has (after undo, delete or open). */
    public void retainExisting(Network network) {
        processes.removeIf(id -> network.process(id).isEmpty());
        channels.removeIf(id -> network.channel(id).isEmpty());
        SortedSet<String> c = cycle.get();
        if (c != null && c.stream().anyMatch(id -> network.channel(id).isEmpty())) {
            cycle.set(null);
        }
    }

    /** The only selected process, if exactly one thing is selected and it is a process. */
    public java.util.Optional<String> singleProcess() {
        return processes.size() == 1 && channels.isEmpty()
                ? java.util.Optional.of(processes.iterator().next()) : java.util.Optional.empty();
    }

    public java.util.Optional<String> singleChannel() {
        return channels.size() == 1 && processes.isEmpty()
                ? java.util.Optional.of(channels.iterator().next()) : java.util.Optional.empty();
    }
}
