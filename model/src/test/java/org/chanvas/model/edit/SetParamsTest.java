package org.chanvas.model.edit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chanvas.model.Network;
import org.chanvas.model.Process;
import org.junit.jupiter.api.Test;

/** The inspector's parameter edits: one command each, refused (nothing changed) for a bad name or value. */
class SetParamsTest {

    private final Network net = Fixtures.workers();

    @Test
    void setsTheParametersInTheirOrderAndUndoGivesTheOldOnesBack() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("name", "A");
        params.put("count", 3L);
        params.put("jobs", List.of(List.of("A", "2")));
        UndoStack stack = new UndoStack(net);
        assertThat(stack.execute(new SetParams("producer", params, "Add parameter jobs")))
                .isInstanceOf(EditResult.Applied.class);
        Process p = stack.current().process("producer").orElseThrow();
        assertThat(p.params().keySet()).containsExactly("name", "count", "jobs");
        assertThat(p.params()).isEqualTo(params);
        assertThat(stack.undoDescription()).contains("Add parameter jobs of producer");
        stack.undo();
        assertThat(stack.current()).isEqualTo(net);
        stack.redo();
        assertThat(stack.current().process("producer").orElseThrow().params()).isEqualTo(params);
    }

    @Test
    void refusesANameThatIsNotAVariableOrAValueTheFileCannotHoldAndChangesNothing() {
        assertThat(((EditResult.Rejected) new SetParams("producer", Map.of("2x", 1L), "Add").apply(net)).reason())
                .isEqualTo("\"2x\" is not a variable name (a letter or _, then letters, digits or _)");
        assertThat(((EditResult.Rejected) new SetParams("producer", Map.of("while", 1L), "Add").apply(net)).reason())
                .isEqualTo("\"while\" is a keyword of the script language, not a variable name");
        assertThat(((EditResult.Rejected) new SetParams("producer", Map.of("x", 1.5), "Add").apply(net)).reason())
                .startsWith("parameter x: a Double is not a value");
        assertThat(((EditResult.Rejected) new SetParams("ghost", Map.of("x", 1L), "Add").apply(net)).reason())
                .isEqualTo("no process named ghost");
    }
}
