package org.chanvas.app.editor.panels;

import java.util.List;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * The Console: what processes print during a run, each line prefixed with the process's label in that
 * process's colour; and the run's own notes (started, finished, deadlock) in grey or red.
 */
public final class ConsolePanel extends BorderPane {

    /** One line of the console. */
    public record Line(String source, String text, Color colour, Kind kind) {
        /** Where a line comes from. */
        public enum Kind { PRINT, NOTE, ERROR }

        /** The line as a person would copy it: {@code label: text}, or just the note. */
        public String plain() {
            return kind == Kind.PRINT ? source + ": " + text : text;
        }
    }

    /** Lines kept; a forever-printing run must not exhaust memory. */
    private static final int LIMIT = 5000;

    private final ObservableList<Line> lines = FXCollections.observableArrayList();
    private final ListView<Line> view = new ListView<>(lines);
    private double fontPx;

    public ConsolePanel() {
        getStyleClass().add("console");
        view.setId("console");
        // One line a cell, all the same height: the list then lays out only what it shows, however long it is.
        setFontSize(NORMAL_FONT_PX);
        view.setCellFactory(lv -> new ConsoleCell());
        setCenter(view);
    }

    /**
     * One line: the process's name in its colour, then the text. A cell keeps its two text nodes and only
     * changes their words and colours: new nodes each update cost styling and layout on every scroll, which kept
     * the FX thread busy while an instant run printed.
     */
    private static final class ConsoleCell extends ListCell<Line> {
        private final Text who = new Text();
        private final Text what = new Text();
        private final TextFlow flow = new TextFlow(who, what);

        @Override
        protected void updateItem(Line line, boolean empty) {
            super.updateItem(line, empty);
            setText(null);
            if (empty || line == null) {
                setGraphic(null);
                return;
            }
            switch (line.kind()) {
                case PRINT -> {
                    who.setText(line.source() + ": ");
                    who.setFill(line.colour());
                    who.setStyle("-fx-font-weight: bold");
                    what.setText(line.text());
                    what.setFill(Color.BLACK);
                    what.setStyle("");
                }
                case NOTE -> {
                    who.setText("");
                    what.setText(line.text());
                    what.setFill(Color.web("#666666"));
                    what.setStyle("-fx-font-style: italic");
                }
                case ERROR -> {
                    who.setText("");
                    what.setText(line.text());
                    what.setFill(Color.web("#d32f2f"));
                    what.setStyle("-fx-font-weight: bold");
                }
            }
            if (getGraphic() != flow) {
                setGraphic(flow);
            }
        }
    }

    /** The Console's type at a desk: larger than the chrome's 13 px, which read small beside the diagram. */
    public static final double NORMAL_FONT_PX = 14;

    /** The Console's type size in pixels: presentation mode makes it readable from the back row. */
    public void setFontSize(double px) {
        fontPx = px;
        view.setStyle("-fx-font-size: " + px + "px;");
        view.setFixedCellSize(Math.ceil(px * 1.6));
    }

    public double fontSize() {
        return fontPx;
    }

    public void print(String source, String text, Color colour) {
        add(new Line(source, text, colour, Line.Kind.PRINT));
    }

    public void note(String text) {
        add(new Line("", text, Color.GRAY, Line.Kind.NOTE));
    }

    public void error(String text) {
        add(new Line("", text, Color.web("#d32f2f"), Line.Kind.ERROR));
    }

    /** Adds many lines at once: one list change per pulse instead of one per print. */
    public void addAll(List<Line> batch) {
        if (batch.isEmpty()) {
            return;
        }
        if (batch.size() >= LIMIT) {
            lines.setAll(batch.subList(batch.size() - LIMIT, batch.size()));
        } else if (lines.size() + batch.size() > LIMIT) {
            // one change instead of an add and a remove: the list redraws once
            List<Line> kept = new java.util.ArrayList<>(LIMIT);
            kept.addAll(lines.subList(lines.size() + batch.size() - LIMIT, lines.size()));
            kept.addAll(batch);
            lines.setAll(kept);
        } else {
            lines.addAll(batch);
        }
        view.scrollTo(lines.size() - 1);
    }

    private void add(Line line) {
        lines.add(line);
        trim();
        view.scrollTo(lines.size() - 1);
    }

    private void trim() {
        if (lines.size() > LIMIT) {
            lines.remove(0, lines.size() - LIMIT);
        }
    }

    public void clear() {
        lines.clear();
    }

    /** The lines as text, for copying and for tests. */
    public List<String> plainLines() {
        return lines.stream().map(Line::plain).toList();
    }

    public ObservableList<Line> lines() {
        return FXCollections.unmodifiableObservableList(lines);
    }
}
