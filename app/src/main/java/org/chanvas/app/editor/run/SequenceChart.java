package org.chanvas.app.editor.run;

import java.util.List;
import java.util.function.LongConsumer;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * The message sequence chart of the run up to the move shown: a lifeline per process, an arrow per message
 * with its value (the latest ones, newest at the bottom, the one just delivered in bold), and how the run
 * ended once the diagram shows its end. A click on an arrow shows the diagram at that move.
 */
public final class SequenceChart extends Pane {

    private static final double HEADER = 30;
    private static final double ROW = 26;
    private static final double LEFT = 56;

    private final Canvas canvas = new Canvas();
    private List<String> processes = List.of();
    private List<RunSession.Message> messages = List.of();
    private String ending = "";
    private long position;
    private LongConsumer onPick = m -> { };

    public SequenceChart() {
        setId("sequence-chart");
        getChildren().add(canvas);
        canvas.widthProperty().bind(widthProperty());
        canvas.heightProperty().bind(heightProperty());
        canvas.widthProperty().addListener(o -> paint());
        canvas.heightProperty().addListener(o -> paint());
        canvas.setOnMouseClicked(e -> {
            int row = rowAt(e.getY());
            if (row >= 0 && row < shownFrom() + visibleRows() && row < messages.size()) {
                onPick.accept(messages.get(row).move());
            }
        });
        setMinHeight(0);
    }

    /** What to chart: the processes (lifelines, in order), the messages, the move shown, the ending ("" for none). */
    public void show(List<String> processIds, List<RunSession.Message> delivered, long at, String end) {
        processes = List.copyOf(processIds);
        messages = List.copyOf(delivered);
        position = at;
        ending = end == null ? "" : end;
        paint();
    }

    /** Called with the move of an arrow the user clicked. */
    public void setOnPick(LongConsumer pick) {
        onPick = pick == null ? m -> { } : pick;
    }

    public List<RunSession.Message> messages() {
        return messages;
    }

    private int visibleRows() {
        return Math.max(1, (int) ((getHeight() - HEADER - ROW) / ROW));
    }

    /** The first message drawn: the latest ones fit, newest at the bottom. */
    private int shownFrom() {
        return Math.max(0, messages.size() - visibleRows());
    }

    private int rowAt(double y) {
        int r = (int) Math.floor((y - HEADER) / ROW);
        return r < 0 ? -1 : shownFrom() + r;
    }

    private double column(String process) {
        int i = processes.indexOf(process);
        double span = Math.max(1, getWidth() - LEFT - 20);
        return LEFT + span * (i + 0.5) / Math.max(1, processes.size());
    }

    private void paint() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = getWidth();
        double h = getHeight();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, h);
        if (processes.isEmpty()) {
            return;
        }
        Font name = Font.font("System", FontWeight.BOLD, 13);
        Font small = Font.font("System", 12);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.CENTER);
        g.setFont(name);
        for (String p : processes) {
            double x = column(p);
            g.setFill(Color.web("#263238"));
            g.fillText(p, x, HEADER / 2);
            g.setStroke(Color.web("#b0bec5"));
            g.setLineWidth(1.5);
            g.setLineDashes(4, 4);
            g.strokeLine(x, HEADER, x, h);
            g.setLineDashes();
        }
        int from = shownFrom();
        int rows = Math.min(messages.size() - from, visibleRows());
        for (int r = 0; r < rows; r++) {
            RunSession.Message m = messages.get(from + r);
            double y = HEADER + ROW * r + ROW / 2;
            boolean latest = m.move() == position;
            Color c = latest ? Color.web("#1565c0") : Color.web("#37474f");
            double x1 = column(m.from());
            double x2 = column(m.to());
            g.setStroke(c);
            g.setFill(c);
            g.setLineWidth(latest ? 2.5 : 1.5);
            g.strokeLine(x1, y, x2, y);
            double dir = Math.signum(x2 - x1);
            g.fillPolygon(new double[] {x2, x2 - 9 * dir, x2 - 9 * dir}, new double[] {y, y - 5, y + 5}, 3);
            g.setFont(latest ? name : small);
            g.fillText(m.value(), (x1 + x2) / 2, y - 8);
            g.setFont(small);
            g.setTextAlign(TextAlignment.LEFT);
            g.setFill(Color.web("#78909c"));
            g.fillText("#" + m.move(), 6, y);
            g.setTextAlign(TextAlignment.CENTER);
        }
        if (!ending.isEmpty()) {
            double y = HEADER + ROW * rows + ROW / 2;
            g.setTextAlign(TextAlignment.LEFT);
            g.setFont(name);
            g.setFill(ending.startsWith("finished") ? Color.web("#2e7d32") : Color.web("#d32f2f"));
            g.fillText(ending, LEFT, y);
        }
    }
}
