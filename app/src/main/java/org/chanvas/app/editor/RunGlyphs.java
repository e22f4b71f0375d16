package org.chanvas.app.editor;

import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.paint.Color;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;

/** The run buttons' icons, drawn as shapes so they never depend on a font having the media glyphs. */
final class RunGlyphs {

    private static final Color INK = Color.web("#37474f");

    private RunGlyphs() {
    }

    static Node play() {
        Polygon p = new Polygon(0, 0, 11, 6, 0, 12);
        p.setFill(Color.web("#2e7d32"));
        return p;
    }

    static Node pause() {
        return new Group(bar(0, 0, 4, 12), bar(7, 0, 4, 12));
    }

    static Node step() {
        Polygon p = new Polygon(0, 0, 8, 6, 0, 12);
        p.setFill(INK);
        return new Group(p, bar(9, 0, 3, 12));
    }

    static Node stop() {
        Rectangle r = bar(0, 0, 11, 11);
        r.setFill(Color.web("#c62828"));
        return r;
    }

    private static Rectangle bar(double x, double y, double w, double h) {
        Rectangle r = new Rectangle(x, y, w, h);
        r.setFill(INK);
        return r;
    }
}
