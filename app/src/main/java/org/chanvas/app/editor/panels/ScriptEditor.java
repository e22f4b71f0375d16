package org.chanvas.app.editor.panels;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.Observable;
import javafx.beans.property.StringProperty;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.TextArea;
import javafx.scene.control.skin.TextAreaSkin;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import org.chanvas.model.script.Pos;

/**
 * A script editor: a plain {@link TextArea} does the editing (keys, selection, clipboard, input methods),
 * its own glyphs are transparent, and a canvas above it repaints the text in colour, the diagnostics'
 * squiggles, the line a run is on, and the caret. The overlay reads glyph positions from the text area's
 * skin after each layout pulse, so scrolling and resizing never make the two disagree.
 */
public final class ScriptEditor extends StackPane {

    /** A character range to underline, with the message the tooltip and list show. */
    public record Mark(int start, int end, String message) {
    }

    private static final Font FONT = Font.font("Monospaced", 13);
    /** Width of the line-number gutter; the stylesheet pads the text area's content by as much. */
    private static final double GUTTER = 38;

    private final TextArea area = new TextArea();
    private final Canvas overlay = new Canvas();
    private final ScriptHighlighter highlighter = new ScriptHighlighter();
    private final double baseline;
    private List<Mark> marks = List.of();
    private java.util.Set<String> params = java.util.Set.of();
    private int runLine;
    private boolean dirty = true;
    private final Runnable pulse = this::redrawIfDirty;
    private Scene listeningScene;

    public ScriptEditor() {
        getStyleClass().add("script-editor");
        area.getStyleClass().add("script-area");
        area.setFont(FONT);
        area.setWrapText(false);
        Text probe = new Text("Mg");
        probe.setFont(FONT);
        baseline = probe.getBaselineOffset();

        Pane layer = new Pane(overlay);
        layer.setMouseTransparent(true);
        overlay.setManaged(false);
        overlay.widthProperty().bind(layer.widthProperty());
        overlay.heightProperty().bind(layer.heightProperty());
        getChildren().addAll(area, layer);

        for (Observable o : List.<Observable>of(area.textProperty(), area.scrollTopProperty(),
                area.scrollLeftProperty(), area.caretPositionProperty(), area.focusedProperty(),
                area.widthProperty(), area.heightProperty(), area.selectionProperty())) {
            o.addListener(x -> invalidate());
        }
        sceneProperty().addListener((obs, old, scene) -> listenTo(scene));
    }

    /** The text area itself, for focus and tests. */
    public TextArea area() {
        return area;
    }

    public StringProperty textProperty() {
        return area.textProperty();
    }

    /** The process's parameter names, coloured as such wherever the script uses them. */
    public void setParams(java.util.Set<String> names) {
        params = java.util.Set.copyOf(names);
        invalidate();
    }

    /** Underlines these ranges (replacing earlier marks). */
    public void setMarks(List<Mark> newMarks) {
        marks = List.copyOf(newMarks);
        invalidate();
    }

    public List<Mark> marks() {
        return marks;
    }

    /** Highlights the 1-based line a run is executing, or none with 0. */
    public void setRunLine(int line) {
        if (line != runLine) {
            runLine = line;
            invalidate();
            if (line > 0) {
                revealLine(line);
            }
        }
    }

    public int runLine() {
        return runLine;
    }

    /** Puts the caret at a line and column (1-based) and scrolls it into view. */
    public void goTo(Pos pos) {
        int index = indexOf(area.getText(), pos);
        area.requestFocus();
        area.positionCaret(index);
        revealLine(pos.line());
    }

    /** The character index of a 1-based line and column, clamped into the text. */
    public static int indexOf(String text, Pos pos) {
        int line = 1;
        int i = 0;
        while (line < pos.line() && i < text.length()) {
            if (text.charAt(i) == '\n') {
                line++;
            }
            i++;
        }
        int lineEnd = text.indexOf('\n', i);
        lineEnd = lineEnd < 0 ? text.length() : lineEnd;
        return Math.min(lineEnd, i + Math.max(0, pos.column() - 1));
    }

    private void revealLine(int line) {
        double lineHeight = FONT.getSize() * 1.35;
        double top = (line - 1) * lineHeight;
        double view = area.getHeight() - 2 * lineHeight;
        if (top < area.getScrollTop() || top > area.getScrollTop() + view) {
            area.setScrollTop(Math.max(0, top - view / 2));
        }
    }

    private void invalidate() {
        dirty = true;
        if (getScene() != null) {
            // A pulse paints the overlay once the text area has laid out its glyphs for this change.
            javafx.application.Platform.requestNextPulse();
        }
    }

    private void listenTo(Scene scene) {
        if (listeningScene != null) {
            listeningScene.removePostLayoutPulseListener(pulse);
        }
        listeningScene = scene;
        if (scene != null) {
            scene.addPostLayoutPulseListener(pulse);
        }
    }

    private void redrawIfDirty() {
        if (dirty) {
            dirty = false;
            redraw();
        }
    }

    private void redraw() {
        GraphicsContext g = overlay.getGraphicsContext2D();
        g.clearRect(0, 0, overlay.getWidth(), overlay.getHeight());
        if (!(area.getSkin() instanceof TextAreaSkin skin)) {
            return;
        }
        String text = area.getText();
        if (text == null) {
            text = "";
        }
        // Clip to the text area's viewport so glyphs scrolled out of view do not draw over its border.
        g.save();
        g.beginPath();
        g.rect(1, 1, overlay.getWidth() - 2, overlay.getHeight() - 2);
        g.clip();

        if (runLine > 0) {
            int start = indexOf(text, new Pos(runLine, 1));
            Rectangle2D b = bounds(skin, text, start);
            if (b != null) {
                g.setFill(Color.web("#fff3b0"));
                g.fillRect(0, b.getMinY(), overlay.getWidth(), b.getHeight());
                g.setFill(Color.web("#f9a825"));
                g.fillRect(0, b.getMinY(), 4, b.getHeight());
            }
        }

        ScriptHighlighter.Style[] styles = new ScriptHighlighter.Style[text.length()];
        java.util.Arrays.fill(styles, ScriptHighlighter.Style.PLAIN);
        for (ScriptHighlighter.Span s : highlighter.spans(text, params)) {
            for (int i = s.start(); i < s.end() && i < styles.length; i++) {
                styles[i] = s.style();
            }
        }
        g.setFont(FONT);
        double viewHeight = overlay.getHeight();
        int i = 0;
        int lineNumber = 0;
        while (i < text.length()) {
            lineNumber++;
            int lineEnd = text.indexOf('\n', i);
            lineEnd = lineEnd < 0 ? text.length() : lineEnd;
            Rectangle2D first = i < lineEnd ? bounds(skin, text, i) : caretBounds(skin, text, i);
            if (first != null && first.getMinY() > viewHeight) {
                break;
            }
            if (first != null && first.getMaxY() >= 0) {
                paintLineNumber(g, lineNumber, first.getMinY());
                int runStart = i;
                while (runStart < lineEnd) {
                    int runEnd = runStart + 1;
                    while (runEnd < lineEnd && styles[runEnd] == styles[runStart]) {
                        runEnd++;
                    }
                    Rectangle2D b = bounds(skin, text, runStart);
                    if (b != null) {
                        g.setFill(colour(styles[runStart]));
                        g.fillText(text.substring(runStart, runEnd).replace('\t', ' '), b.getMinX(),
                                b.getMinY() + baseline);
                    }
                    runStart = runEnd;
                }
            }
            i = lineEnd + 1;
        }

        g.setStroke(Color.web("#d32f2f"));
        g.setLineWidth(1.2);
        for (Mark m : marks) {
            squiggle(g, skin, text, m);
        }

        if (area.isFocused() && area.getSelection().getLength() == 0) {
            int caret = Math.min(area.getCaretPosition(), text.length());
            Rectangle2D b = caretBounds(skin, text, caret);
            if (b != null) {
                g.setFill(Color.web("#1a1a1a"));
                g.fillRect(b.getMinX(), b.getMinY() + 1, 1.6, b.getHeight() - 2);
            }
        }
        g.restore();
    }

    /** Line numbers in the gutter the stylesheet leaves at the left, so "line 4" is found at a glance. */
    private void paintLineNumber(GraphicsContext g, int line, double top) {
        String label = Integer.toString(line);
        g.setFill(line == runLine ? Color.web("#8d6e00") : Color.web("#a0a0a0"));
        double x = GUTTER - 8 - label.length() * FONT.getSize() * 0.6;
        g.fillText(label, x, top + baseline);
    }

    private void squiggle(GraphicsContext g, TextAreaSkin skin, String text, Mark m) {
        int start = Math.max(0, Math.min(m.start(), text.length()));
        int end = Math.max(start + 1, Math.min(m.end(), text.length()));
        List<Rectangle2D> pieces = new ArrayList<>();
        if (text.isEmpty()) {
            return;
        }
        int s = start;
        while (s < end) {
            int lineEnd = text.indexOf('\n', s);
            lineEnd = lineEnd < 0 ? text.length() : lineEnd;
            int e = Math.min(end, lineEnd);
            Rectangle2D a = caretBounds(skin, text, s);
            Rectangle2D z = caretBounds(skin, text, e);
            if (a != null && z != null) {
                double w = Math.max(z.getMinX() - a.getMinX(), 6);
                pieces.add(new Rectangle2D(a.getMinX(), a.getMinY(), w, a.getHeight()));
            }
            s = lineEnd + 1;
        }
        for (Rectangle2D r : pieces) {
            double y = r.getMaxY() - 2;
            double x = r.getMinX();
            g.beginPath();
            g.moveTo(x, y);
            boolean up = true;
            while (x < r.getMaxX()) {
                x += 2;
                g.lineTo(x, up ? y - 2 : y);
                up = !up;
            }
            g.stroke();
        }
    }

    /** Where a caret before character {@code index} stands (the end of text included). */
    private Rectangle2D caretBounds(TextAreaSkin skin, String text, int index) {
        if (index < text.length() && text.charAt(index) != '\n') {
            return bounds(skin, text, index);
        }
        if (index > 0 && text.charAt(index - 1) != '\n') {
            Rectangle2D prev = bounds(skin, text, index - 1);
            return prev == null ? null
                    : new Rectangle2D(prev.getMaxX(), prev.getMinY(), prev.getWidth(), prev.getHeight());
        }
        // An empty line: the start of the line, found from the line above or the area's padding.
        Rectangle2D any = text.isEmpty() ? null : bounds(skin, text, index > 0 ? index - 1 : 0);
        double lineHeight = any != null ? any.getHeight() : FONT.getSize() * 1.3;
        double left = area.getInsets().getLeft() + GUTTER + 2 - area.getScrollLeft();
        if (any == null) {
            return new Rectangle2D(left, area.getInsets().getTop() + 5 - area.getScrollTop(), 1, lineHeight);
        }
        int line = 1;
        for (int k = 0; k < index; k++) {
            if (text.charAt(k) == '\n') {
                line++;
            }
        }
        Rectangle2D top = bounds(skin, text, 0);
        return new Rectangle2D(left, top.getMinY() + (line - 1) * lineHeight, 1, lineHeight);
    }

    private static Rectangle2D bounds(TextAreaSkin skin, String text, int index) {
        if (index < 0 || index >= text.length()) {
            return null;
        }
        try {
            return skin.getCharacterBounds(index);
        } catch (RuntimeException e) {
            // The skin has not laid out this text yet; the next pulse repaints.
            return null;
        }
    }

    private static Color colour(ScriptHighlighter.Style style) {
        return switch (style) {
            case KEYWORD -> Color.web("#6a1b9a");
            case CHANNEL_OP -> Color.web("#0d47a1");
            case PORT -> Color.web("#00796b");
            case STRING -> Color.web("#2e7d32");
            case NUMBER, LITERAL -> Color.web("#c2185b");
            case PARAM -> Color.web("#b45309");
            case COMMENT -> Color.web("#8a8a8a");
            case PLAIN -> Color.web("#1a1a1a");
        };
    }
}
