package org.chanvas.app.diagram;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.LineMetrics;
import java.util.EnumMap;
import java.util.Map;

/**
 * Measures text with java.awt fonts under a fixed, device-free render context (anti-aliased, fractional
 * metrics), so the numbers are the same headless, on screen and in every exported file.
 */
public final class AwtTextMeasure implements TextMeasure {

    /** No device transform: the measure must not depend on the screen or the export scale. */
    private static final FontRenderContext FRC = new FontRenderContext(null, true, true);

    private final Map<FontRole, Font> fonts = new EnumMap<>(FontRole.class);
    private final Map<FontRole, LineMetrics> metrics = new EnumMap<>(FontRole.class);

    public AwtTextMeasure(Theme theme) {
        for (FontRole role : FontRole.values()) {
            Font f = theme.font(role);
            fonts.put(role, f);
            metrics.put(role, f.getLineMetrics("Hg∞", FRC));
        }
    }

    @Override
    public double width(String text, FontRole role) {
        if (text.isEmpty()) {
            return 0;
        }
        return fonts.get(role).getStringBounds(text, FRC).getWidth();
    }

    @Override
    public double ascent(FontRole role) {
        return metrics.get(role).getAscent();
    }

    @Override
    public double descent(FontRole role) {
        return metrics.get(role).getDescent();
    }
}
