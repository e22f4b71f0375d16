package org.chanvas.app.diagram;

import java.awt.Color;
import java.awt.Font;
import java.util.Locale;
import java.util.Optional;

/**
 * Colours, fonts and line weights of the diagram. Each colour means one thing (DESIGN.md, visual language),
 * and every state colour comes with a shape cue in the painter so colour is never the only signal.
 *
 * @param name         the word used on the command line ({@code light}, {@code dark})
 * @param fontFamily   family of every font; DejaVu Sans ships with the system and has ∞ and …
 * @param fontSizes    sizes for {@link FontRole#PROCESS}, {@code CHANNEL}, {@code PORT}, {@code MARK}
 * @param lineWidth    width of a plain channel arrow; boxes and highlights scale from it
 */
public record Theme(String name, Palette palette, String fontFamily, FontSizes fontSizes, double lineWidth) {

    /** The colours of a theme. */
    public record Palette(Color background, Color grid, Color boxFill, Color boxStroke, Color text,
                          Color channel, Color channelText, Color node, Color cycle, Color justified,
                          Color selection, Color running, Color waitingSend, Color waitingReceive,
                          Color sleeping, Color finished, Color failed, Color pillFill, Color pillText) {
    }

    /** Font sizes in diagram units, one per {@link FontRole}. */
    public record FontSizes(double process, double channel, double port, double mark) {
    }

    /** Deadlock-prone cycle red, the same in every theme so it means the same thing everywhere. */
    public static final Color CYCLE_RED = new Color(0xd32f2f);
    /** Justified cycle amber. */
    public static final Color JUSTIFIED_AMBER = new Color(0xf9a825);

    /** White paper, dark ink: the editor's default and what exports use unless asked otherwise. */
    public static Theme light() {
        return new Theme("light", new Palette(
                Color.WHITE, new Color(0xd5dbe0), new Color(0xf7f9fb), new Color(0x37474f), new Color(0x1c2529),
                new Color(0x455a64), new Color(0x37474f), new Color(0x455a64), CYCLE_RED, JUSTIFIED_AMBER,
                new Color(0x1e88e5), new Color(0x2e7d32), new Color(0xef6c00), new Color(0x1565c0),
                new Color(0x7b1fa2), new Color(0x9e9e9e), new Color(0xc62828), new Color(0xfffde7),
                new Color(0x212121)),
                // Ports and marks at 13: 13 px at 100 %, where 11 read as about 10 px (issue 11).
                "DejaVu Sans", new FontSizes(16, 13, 13, 13), 2.2);
    }

    /** Dark, large-type presentation theme for a projector in a lecture hall (exports: {@code --theme dark}). */
    public static Theme dark() {
        return new Theme("dark", new Palette(
                new Color(0x1b1f24), new Color(0x313840), new Color(0x262c33), new Color(0xcfd8dc), new Color(0xf1f4f6),
                new Color(0xb0bec5), new Color(0xcfd8dc), new Color(0xb0bec5), new Color(0xff5252), new Color(0xffca28),
                new Color(0x64b5f6), new Color(0x66bb6a), new Color(0xffa726), new Color(0x42a5f5),
                new Color(0xce93d8), new Color(0x78909c), new Color(0xff5252), new Color(0x37474f),
                new Color(0xffffff)),
                "DejaVu Sans", new FontSizes(20, 16, 13, 15), 2.8);
    }

    /**
     * The editor's presentation mode: the dark theme's high-contrast colours with the editor's own type sizes,
     * so the diagram keeps the layout the file was drawn for (boxes grown by larger fonts would crowd the
     * channels between them); its type is made large by the view's scale, never below
     * {@link #PRESENTATION_NAME_PX} and {@link #PRESENTATION_TEXT_PX} ({@link #readableScale}).
     */
    public static Theme presentation() {
        Theme light = light();
        return new Theme("presentation", dark().palette(), light.fontFamily(), light.fontSizes(), light.lineWidth());
    }

    /** The smallest process name presentation mode draws, in screen pixels (issue 11: from the back row). */
    public static final double PRESENTATION_NAME_PX = 24;
    /** The smallest port name, channel name or value presentation mode draws, in screen pixels. */
    public static final double PRESENTATION_TEXT_PX = 18;

    /**
     * The smallest view scale at which this theme's process names are {@code namePx} and its other text
     * {@code textPx} screen pixels high: below it the type is too small to read from where it is meant to be read.
     */
    public double readableScale(double namePx, double textPx) {
        double smallest = Math.min(Math.min(fontSizes.channel(), fontSizes.port()), fontSizes.mark());
        return Math.max(namePx / fontSizes.process(), textPx / smallest);
    }

    /**
     * How a process in a run state is drawn: its fill, its border, its name and its port names. Every text colour
     * keeps a contrast of at least 4.5:1 (WCAG) with the fill, finished processes too: they are faded by a grey
     * fill and border and a tick badge, never by washing their names out.
     */
    public Look look(ProcessState state) {
        Color stateColour = switch (state) {
            case IDLE -> null;
            case RUNNING -> palette.running();
            case WAITING_TO_SEND -> palette.waitingSend();
            case WAITING_TO_RECEIVE -> palette.waitingReceive();
            case SLEEPING -> palette.sleeping();
            case FINISHED -> palette.finished();
            case FAILED -> palette.failed();
        };
        // Port names a little quieter than the process's name, but never below 4.5:1 on a tinted fill.
        Color portText = mix(palette.text(), palette.boxFill(), 0.2);
        if (stateColour == null) {
            return new Look(palette.boxFill(), palette.boxStroke(), palette.text(), portText, null);
        }
        if (state == ProcessState.FINISHED) {
            // Quieter than a live process (a neutral fill between box and background, a grey border, muted
            // ink) but still well above 4.5:1: the lecture reads the name of a process that has ended.
            Color fill = mix(palette.boxFill(), palette.finished(), 0.12);
            Color ink = mix(palette.text(), fill, 0.22);
            return new Look(fill, palette.finished(), ink, ink, palette.finished());
        }
        return new Look(mix(palette.boxFill(), stateColour, 0.14), stateColour, palette.text(), portText, stateColour);
    }

    /**
     * The colours of a process box in one run state.
     *
     * @param badge the state badge's colour, or {@code null} at rest (no badge)
     */
    public record Look(Color fill, Color stroke, Color text, Color portText, Color badge) {
    }

    /** A colour {@code t} of the way from {@code a} to {@code b}, keeping {@code a}'s alpha. */
    public static Color mix(Color a, Color b, double t) {
        return new Color(
                (int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * t),
                (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * t),
                (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * t),
                a.getAlpha());
    }

    /** The theme named on the command line, if it is one. */
    public static Optional<Theme> named(String word) {
        return switch (word == null ? "" : word.toLowerCase(Locale.ROOT)) {
            case "light" -> Optional.of(light());
            case "dark" -> Optional.of(dark());
            default -> Optional.empty();
        };
    }

    /** The font of a role. Bold for process names so they read from the back of the hall. */
    public Font font(FontRole role) {
        return switch (role) {
            case PROCESS -> new Font(fontFamily, Font.BOLD, 1).deriveFont((float) fontSizes.process());
            case CHANNEL -> new Font(fontFamily, Font.PLAIN, 1).deriveFont((float) fontSizes.channel());
            case PORT -> new Font(fontFamily, Font.PLAIN, 1).deriveFont((float) fontSizes.port());
            case MARK -> new Font(fontFamily, Font.BOLD, 1).deriveFont((float) fontSizes.mark());
            // DejaVu's ∞ is small for its size; half again as large matches the line weight.
            case SYMBOL -> new Font(fontFamily, Font.BOLD, 1).deriveFont((float) (fontSizes.mark() * 1.5));
        };
    }

    /** A measure that agrees with {@link #font(FontRole)}. */
    public TextMeasure measure() {
        return new AwtTextMeasure(this);
    }
}
