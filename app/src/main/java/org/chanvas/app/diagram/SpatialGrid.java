package org.chanvas.app.diagram;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A uniform grid (spatial hash) of numbered items, so the layout asks "what lies near here?" instead of
 * testing every box, stroke and label against every other: that made laying out a large network quadratic.
 *
 * <p>Answers are conservative (every item that can meet the query, perhaps a few more) and come back as
 * distinct item numbers in ascending order, so callers run their exact test over them in the same order as
 * a scan of the whole list would and get bit-for-bit the same sums, maxima and first matches.
 * Items too large or too far out to file cell by cell (or with non-finite coordinates) are kept on a
 * list answered with every query, so nothing is ever missed.
 */
final class SpatialGrid {

    /** Beyond this many cells an item is cheaper to check with every query than to file everywhere. */
    private static final long MAX_CELLS_PER_ITEM = 4096;
    /** Slack around every filed and queried extent, so points on an edge are found from both sides. */
    private static final double SLACK = 1;

    private final double cell;
    private final Map<Long, int[]> cells = new HashMap<>();
    private int[] everywhere = new int[0];
    private int everywhereCount;
    /** Per item, the query that last reported it: de-duplicates without a set. */
    private int[] seenIn = new int[64];
    private int query;
    private int[] found = new int[64];
    private int foundCount;

    SpatialGrid(double cellSize) {
        this.cell = cellSize;
    }

    /** Files an item under every cell its box (edges included) touches. */
    void add(int item, Box b) {
        if (!fileRange(item, b.x(), b.y(), b.maxX(), b.maxY())) {
            addEverywhere(item);
        }
    }

    /** Files an item under every cell the straight line a–b passes through. */
    void addLine(int item, Pt a, Pt b) {
        if (!lineCells(a, b, item, true)) {
            addEverywhere(item);
        }
    }

    /** Items that may meet the box (edges included), ascending and distinct. */
    int[] near(Box b) {
        begin();
        if (!fileRange(-1, b.x(), b.y(), b.maxX(), b.maxY())) {
            return all();
        }
        return finish();
    }

    /** Items that may hold the point. */
    int[] at(Pt p) {
        return near(Box.around(p));
    }

    /** Items that may meet the straight line a–b, ascending and distinct. */
    int[] alongLine(Pt a, Pt b) {
        begin();
        if (!lineCells(a, b, -1, false)) {
            return all();
        }
        return finish();
    }

    /** Items that may meet either of two straight lines a–b and b–c, ascending and distinct. */
    int[] alongLines(Pt a, Pt b, Pt c) {
        begin();
        if (!lineCells(a, b, -1, false) || !lineCells(b, c, -1, false)) {
            return all();
        }
        return finish();
    }

    // ---- internals ----------------------------------------------------------------------------------------

    /**
     * Visits the cells of a box: files {@code item} there, or (item -1) collects what they hold. False when
     * the box is not finite or too large to walk cell by cell.
     */
    private boolean fileRange(int item, double x0, double y0, double x1, double y1) {
        if (!(Double.isFinite(x0) && Double.isFinite(y0) && Double.isFinite(x1) && Double.isFinite(y1))) {
            return false;
        }
        long cx0 = index(Math.min(x0, x1) - SLACK);
        long cx1 = index(Math.max(x0, x1) + SLACK);
        long cy0 = index(Math.min(y0, y1) - SLACK);
        long cy1 = index(Math.max(y0, y1) + SLACK);
        if ((cx1 - cx0 + 1) * (cy1 - cy0 + 1) > MAX_CELLS_PER_ITEM) {
            return false;
        }
        for (long cy = cy0; cy <= cy1; cy++) {
            for (long cx = cx0; cx <= cx1; cx++) {
                visit(item, cx, cy);
            }
        }
        return true;
    }

    /**
     * Visits the cells of a line row by row: in each row of cells, only the columns the line crosses while
     * inside that row (widened by the slack). Long lines thus cost their length, not their bounding box.
     */
    private boolean lineCells(Pt a, Pt b, int item, boolean filing) {
        double ax = a.x();
        double ay = a.y();
        double bx = b.x();
        double by = b.y();
        if (!(Double.isFinite(ax) && Double.isFinite(ay) && Double.isFinite(bx) && Double.isFinite(by))) {
            return false;
        }
        long cy0 = index(Math.min(ay, by) - SLACK);
        long cy1 = index(Math.max(ay, by) + SLACK);
        long rows = cy1 - cy0 + 1;
        long cols = index(Math.max(ax, bx) + SLACK) - index(Math.min(ax, bx) - SLACK) + 1;
        if (rows + cols > MAX_CELLS_PER_ITEM) {
            return false;
        }
        double dy = by - ay;
        for (long cy = cy0; cy <= cy1; cy++) {
            double top = cy * cell - SLACK;
            double bottom = (cy + 1) * cell + SLACK;
            double xa;
            double xb;
            if (Math.abs(dy) < 1e-12) {
                xa = ax;
                xb = bx;
            } else {
                // The part of the line inside this row's band, by its parameter along a–b.
                double t0 = (top - ay) / dy;
                double t1 = (bottom - ay) / dy;
                double lo = Math.max(0, Math.min(t0, t1));
                double hi = Math.min(1, Math.max(t0, t1));
                if (lo > hi) {
                    continue;
                }
                xa = ax + (bx - ax) * lo;
                xb = ax + (bx - ax) * hi;
            }
            long cx0 = index(Math.min(xa, xb) - SLACK);
            long cx1 = index(Math.max(xa, xb) + SLACK);
            for (long cx = cx0; cx <= cx1; cx++) {
                visit(filing ? item : -1, cx, cy);
            }
        }
        return true;
    }

    private long index(double v) {
        return (long) Math.floor(v / cell);
    }

    /**
     * The cell's key, scrambled (a bijection, so cells never share a key) because {@link Long#hashCode}
     * of the plain packing is cx ^ cy: whole diagonals of cells would land in one bucket.
     */
    private static long key(long cx, long cy) {
        long k = (cx << 32) ^ (cy & 0xffffffffL);
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }

    private void visit(int item, long cx, long cy) {
        long k = key(cx, cy);
        if (item >= 0) {
            track(item);
            // A cell's list holds its count first, then the items.
            int[] list = cells.get(k);
            if (list == null) {
                cells.put(k, new int[]{1, item, 0, 0});
            } else if (list[list[0]] != item) {
                if (list[0] + 1 == list.length) {
                    list = Arrays.copyOf(list, list.length * 2);
                    cells.put(k, list);
                }
                list[++list[0]] = item;
            }
        } else {
            int[] list = cells.get(k);
            if (list != null) {
                for (int i = 1; i <= list[0]; i++) {
                    collect(list[i]);
                }
            }
        }
    }

    private void addEverywhere(int item) {
        track(item);
        if (everywhereCount == everywhere.length) {
            everywhere = Arrays.copyOf(everywhere, Math.max(8, everywhere.length * 2));
        }
        everywhere[everywhereCount++] = item;
    }

    private void track(int item) {
        if (item >= seenIn.length) {
            seenIn = Arrays.copyOf(seenIn, Math.max(item + 1, seenIn.length * 2));
        }
    }

    private void begin() {
        query++;
        foundCount = 0;
        for (int i = 0; i < everywhereCount; i++) {
            collect(everywhere[i]);
        }
    }

    private void collect(int item) {
        if (seenIn[item] == query) {
            return;
        }
        seenIn[item] = query;
        if (foundCount == found.length) {
            found = Arrays.copyOf(found, found.length * 2);
        }
        found[foundCount++] = item;
    }

    private int[] finish() {
        int[] out = Arrays.copyOf(found, foundCount);
        Arrays.sort(out);
        return out;
    }

    /** Every item ever filed: the answer when a query is too large to walk. */
    private int[] all() {
        begin();
        for (int[] list : cells.values()) {
            for (int i = 1; i <= list[0]; i++) {
                collect(list[i]);
            }
        }
        return finish();
    }
}
