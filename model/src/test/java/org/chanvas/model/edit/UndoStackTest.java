package org.chanvas.model.edit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.chanvas.model.Network;
import org.chanvas.model.Process;
import org.junit.jupiter.api.Test;

class UndoStackTest {

    private final Network start = Fixtures.workers();

    @Test
    void undoAndRedoGiveBackExactlyTheEarlierNetworks() {
        UndoStack stack = new UndoStack(start);
        assertThat(stack.execute(MoveProcesses.of("producer", 1, 1))).isInstanceOf(EditResult.Applied.class);
        Network moved = stack.current();
        assertThat(stack.execute(RemoveProcesses.of("worker1"))).isInstanceOf(EditResult.Applied.class);
        Network deleted = stack.current();

        assertThat(stack.undo()).isTrue();
        assertThat(stack.current()).isEqualTo(moved);
        assertThat(stack.undo()).isTrue();
        assertThat(stack.current()).isEqualTo(start);
        assertThat(stack.undo()).isFalse();
        assertThat(stack.redo()).isTrue();
        assertThat(stack.redo()).isTrue();
        assertThat(stack.current()).isEqualTo(deleted);
        assertThat(stack.redo()).isFalse();
    }

    @Test
    void menuTextsNameTheCommand() {
        UndoStack stack = new UndoStack(start);
        assertThat(stack.undoMenuText()).isEqualTo("Undo");
        stack.execute(new MoveProcesses(java.util.Map.of("producer", new Position(0, 0), "worker1", new Position(1, 1),
                "worker2", new Position(2, 2))));
        assertThat(stack.undoMenuText()).isEqualTo("Undo Move 3 processes");
        assertThat(stack.redoMenuText()).isEqualTo("Redo");
        stack.undo();
        assertThat(stack.redoMenuText()).isEqualTo("Redo Move 3 processes");
        assertThat(stack.canUndo()).isFalse();
        assertThat(stack.canRedo()).isTrue();
    }

    @Test
    void aNewEditDropsTheRedoSteps() {
        UndoStack stack = new UndoStack(start);
        stack.execute(MoveProcesses.of("producer", 1, 1));
        stack.undo();
        stack.execute(MoveProcesses.of("producer", 2, 2));
        assertThat(stack.canRedo()).isFalse();
        assertThat(stack.undoDescription()).contains("Move producer");
    }

    @Test
    void rejectedAndEmptyEditsLeaveNoStepAndTellNoOne() {
        UndoStack stack = new UndoStack(start);
        List<DocumentChange> told = new ArrayList<>();
        stack.addListener(told::add);
        EditResult r = stack.execute(RemoveProcesses.of("ghost"));
        assertThat(r).isEqualTo(new EditResult.Rejected("no process named ghost"));
        Process p = start.process("producer").orElseThrow();
        // An edit that changes nothing is applied (to the same network) but leaves no step.
        assertThat(stack.execute(MoveProcesses.of("producer", p.x(), p.y()))).isEqualTo(new EditResult.Applied(start));
        assertThat(stack.canUndo()).isFalse();
        assertThat(told).isEmpty();
        assertThat(stack.isDirty()).isFalse();
    }

    @Test
    void listenersHearEditsUndosRedosAndResets() {
        UndoStack stack = new UndoStack(start);
        List<DocumentChange> told = new ArrayList<>();
        stack.addListener(told::add);
        stack.execute(new SetTitle("T", ""));
        Network titled = stack.current();
        stack.undo();
        stack.redo();
        stack.reset(Network.empty());
        assertThat(told).containsExactly(
                new DocumentChange(DocumentChange.Kind.EDIT, start, titled, "Edit title and description"),
                new DocumentChange(DocumentChange.Kind.UNDO, titled, start, "Edit title and description"),
                new DocumentChange(DocumentChange.Kind.REDO, start, titled, "Edit title and description"),
                new DocumentChange(DocumentChange.Kind.RESET, titled, Network.empty(), ""));
        assertThat(stack.canUndo()).isFalse();
    }

    @Test
    void aListenerMayRemoveItselfWhileBeingTold() {
        UndoStack stack = new UndoStack(start);
        List<DocumentChange> told = new ArrayList<>();
        UndoStack.Listener once = new UndoStack.Listener() {
            @Override
            public void documentChanged(DocumentChange change) {
                told.add(change);
                stack.removeListener(this);
            }
        };
        stack.addListener(once);
        stack.execute(new SetTitle("A", ""));
        stack.execute(new SetTitle("B", ""));
        assertThat(told).hasSize(1);
    }

    @Test
    void theSavedMarkerFollowsUndoAndRedo() {
        UndoStack stack = new UndoStack(start);
        assertThat(stack.isDirty()).isFalse();
        stack.execute(new SetTitle("A", ""));
        assertThat(stack.isDirty()).isTrue();
        stack.markSaved();
        assertThat(stack.isDirty()).isFalse();
        stack.undo();
        assertThat(stack.isDirty()).isTrue();
        stack.redo();
        assertThat(stack.isDirty()).isFalse();
        stack.undo();
        // The saved state was in the redo steps this edit drops: no undo or redo reaches it now.
        stack.execute(new SetTitle("B", ""));
        stack.undo();
        assertThat(stack.isDirty()).isTrue();
        assertThat(stack.current()).isEqualTo(start);
    }

    @Test
    void markSavedTellsListenersOnlyWhenTheDirtyStateChanges() {
        UndoStack stack = new UndoStack(start);
        List<DocumentChange.Kind> kinds = new ArrayList<>();
        stack.addListener(c -> kinds.add(c.kind()));
        stack.markSaved();
        stack.execute(new SetTitle("A", ""));
        stack.markSaved();
        assertThat(kinds).containsExactly(DocumentChange.Kind.EDIT, DocumentChange.Kind.SAVED_STATE);
    }

    @Test
    void theOldestStepsAreForgottenBeyondTheLimit() {
        UndoStack stack = new UndoStack(start, 2);
        stack.markSaved();
        stack.execute(new SetTitle("A", ""));
        Network a = stack.current();
        stack.execute(new SetTitle("B", ""));
        stack.execute(new SetTitle("C", ""));
        assertThat(stack.undo()).isTrue();
        assertThat(stack.undo()).isTrue();
        assertThat(stack.undo()).isFalse();
        assertThat(stack.current()).isEqualTo(a);
        // The saved state (start) fell off the history, so nothing reachable is clean.
        assertThat(stack.isDirty()).isTrue();
    }

    @Test
    void freshIds() {
        Network net = Fixtures.workers();
        assertThat(Ids.freshProcessId(net, "logger")).isEqualTo("logger");
        assertThat(Ids.freshProcessId(net, "producer")).isEqualTo("producer2");
        assertThat(Ids.freshProcessId(net, "worker1")).isEqualTo("worker3");
        assertThat(Ids.freshProcessId(net, "Word count")).isEqualTo("Word_count");
        assertThat(Ids.freshProcessId(net, "9lives")).isEqualTo("_9lives");
        assertThat(Ids.freshProcessId(net, "q")).isEqualTo("q2");
        assertThat(Ids.freshChannelId(net)).isEqualTo("c1");
        Network withC1 = ((EditResult.Applied) new AddProcess(new Process("c1", 0, 0, "")).apply(net)).after();
        assertThat(Ids.freshChannelId(withC1)).isEqualTo("c2");
    }
}
