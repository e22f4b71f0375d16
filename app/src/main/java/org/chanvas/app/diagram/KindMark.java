package org.chanvas.app.diagram;

import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.QuadCurve2D;
import java.awt.geom.Rectangle2D;

/** What a channel's kind adds to its arrow: buffer slots, an ∞ mark, or a call's return hook. */
public sealed interface KindMark {

    /** The box the mark covers, which labels keep clear of. */
    Box bounds();

    /**
     * A row of buffer slots centred on the arrow, along its direction. At most a handful of slots are
     * drawn; a larger capacity shows its number after the row.
     *
     * @param angle    direction of the arrow at the centre, in radians
     * @param drawn    how many slots are drawn
     * @param overflow "…n" after the row when {@code drawn < capacity}, or {@code null}
     */
    record SlotRow(Pt centre, double angle, int capacity, int drawn, double slotLength, double slotDepth,
                   TextBox overflow) implements KindMark {

        /** The i-th slot (0 at the writer's end), a rotated rectangle. */
        public Shape slot(int i) {
            return slot(i, 0);
        }

        /** The i-th slot shrunk by {@code inset} on every side: a message sitting in it. */
        public Shape slot(int i, double inset) {
            double x0 = -drawn * slotLength / 2 + i * slotLength + inset;
            Rectangle2D r = new Rectangle2D.Double(x0, -slotDepth / 2 + inset, slotLength - 2 * inset,
                    slotDepth - 2 * inset);
            AffineTransform t = AffineTransform.getTranslateInstance(centre.x(), centre.y());
            t.rotate(angle);
            return t.createTransformedShape(r);
        }

        @Override
        public Box bounds() {
            Rectangle2D r = slot(0).getBounds2D().createUnion(slot(drawn - 1).getBounds2D());
            Box b = new Box(r.getX(), r.getY(), r.getWidth(), r.getHeight());
            return overflow == null ? b : b.union(overflow.bounds());
        }
    }

    /** The ∞ of an unbounded channel, on a small disc of background colour so the line does not cross it. */
    record InfinityMark(Pt centre, double radius, TextBox glyph) implements KindMark {
        @Override
        public Box bounds() {
            return Box.centred(centre, 2 * radius, 2 * radius).union(glyph.bounds());
        }
    }

    /** A call's small return hook beside the arrow at the server's end: the implied reply going back. */
    record ReturnHook(Pt from, Pt control, Pt to, Arrowhead head) implements KindMark {
        public Shape curve() {
            return new QuadCurve2D.Double(from.x(), from.y(), control.x(), control.y(), to.x(), to.y());
        }

        @Override
        public Box bounds() {
            return Box.around(from).union(control).union(to).union(head.bounds());
        }
    }
}
