package org.chanvas.app.diagram;

/**
 * A line of text placed on the diagram.
 *
 * @param x      left end of the baseline
 * @param y      the baseline
 * @param bounds the box the text covers (ascent to descent, advance width)
 */
public record TextBox(String text, FontRole role, double x, double y, Box bounds) {

    /** Text centred on a point, measured with the given measure. */
    public static TextBox centredAt(String text, FontRole role, Pt c, TextMeasure m) {
        return centredAt(text, role, c, m.width(text, role), m.ascent(role), m.descent(role));
    }

    /** Text of a known width, ascent and descent centred on a point: saves measuring the same text again. */
    static TextBox centredAt(String text, FontRole role, Pt c, double w, double a, double d) {
        double left = c.x() - w / 2;
        double top = c.y() - (a + d) / 2;
        return new TextBox(text, role, left, top + a, new Box(left, top, w, a + d));
    }

    /** Text whose left baseline end sits at (x, top + ascent). */
    public static TextBox topLeft(String text, FontRole role, double x, double top, TextMeasure m) {
        double w = m.width(text, role);
        double a = m.ascent(role);
        double d = m.descent(role);
        return new TextBox(text, role, x, top + a, new Box(x, top, w, a + d));
    }
}
