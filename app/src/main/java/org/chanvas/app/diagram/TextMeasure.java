package org.chanvas.app.diagram;

/**
 * Measures text for the layout. Every backend must paint with the same fonts the layout measured, so
 * one measure serves the screen and every file format.
 */
public interface TextMeasure {

    /** The advance width of {@code text} in the font of {@code role}. */
    double width(String text, FontRole role);

    /** Distance from the baseline up to the top of tall glyphs. */
    double ascent(FontRole role);

    /** Distance from the baseline down to the bottom of descenders. */
    double descent(FontRole role);

    default double height(FontRole role) {
        return ascent(role) + descent(role);
    }
}
