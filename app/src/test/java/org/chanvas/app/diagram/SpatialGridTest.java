package org.chanvas.app.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The grid may answer a few items too many but never too few, in ascending order without repeats: the
 * layout weighs what it answers in list order and relies on that to place labels exactly as a full scan.
 */
class SpatialGridTest {

    @Provide
    Arbitrary<Box> boxes() {
        Arbitrary<Double> at = Arbitraries.doubles().between(-600, 600);
        Arbitrary<Double> size = Arbitraries.doubles().between(0.5, 300);
        return Combinators.combine(at, at, size, size).as(Box::new);
    }

    @Provide
    Arbitrary<Pt> points() {
        Arbitrary<Double> at = Arbitraries.doubles().between(-3000, 3000);
        return Combinators.combine(at, at).as(Pt::new);
    }

    @Property(tries = 200)
    void everyBoxMeetingTheQueryIsAnswered(@ForAll("boxList") List<Box> items, @ForAll("boxes") Box query) {
        SpatialGrid grid = new SpatialGrid(96);
        for (int i = 0; i < items.size(); i++) {
            grid.add(i, items.get(i));
        }
        int[] found = grid.near(query);
        assertThat(found).isSorted().doesNotHaveDuplicates();
        for (int i = 0; i < items.size(); i++) {
            Box b = items.get(i);
            boolean meets = b.x() <= query.maxX() && query.x() <= b.maxX()
                    && b.y() <= query.maxY() && query.y() <= b.maxY();
            if (meets) {
                assertThat(found).as("box %d %s for query %s", i, b, query).contains(i);
            }
        }
    }

    @Property(tries = 200)
    void everyLineCrossingTheQueryIsAnswered(@ForAll("lineList") List<Pt[]> lines, @ForAll("boxes") Box query) {
        SpatialGrid grid = new SpatialGrid(96);
        for (int i = 0; i < lines.size(); i++) {
            grid.addLine(i, lines.get(i)[0], lines.get(i)[1]);
        }
        int[] found = grid.near(query);
        assertThat(found).isSorted().doesNotHaveDuplicates();
        for (int i = 0; i < lines.size(); i++) {
            if (query.crossedBy(lines.get(i)[0], lines.get(i)[1])) {
                assertThat(found).as("line %d for query %s", i, query).contains(i);
            }
        }
    }

    @Property(tries = 200)
    void everyBoxALineCrossesIsAnswered(@ForAll("boxList") List<Box> items, @ForAll("points") Pt a,
                                        @ForAll("points") Pt b, @ForAll("points") Pt c) {
        SpatialGrid grid = new SpatialGrid(128);
        for (int i = 0; i < items.size(); i++) {
            grid.add(i, items.get(i));
        }
        int[] found = grid.alongLines(a, b, c);
        assertThat(found).isSorted().doesNotHaveDuplicates();
        for (int i = 0; i < items.size(); i++) {
            Box box = items.get(i);
            if (box.crossedBy(a, b) || box.crossedBy(b, c)) {
                assertThat(found).as("box %d %s on %s-%s-%s", i, box, a, b, c).contains(i);
            }
        }
    }

    @Provide
    Arbitrary<List<Box>> boxList() {
        return boxes().list().ofMaxSize(60);
    }

    @Provide
    Arbitrary<List<Pt[]>> lineList() {
        return Combinators.combine(points(), points()).as((p, q) -> new Pt[]{p, q}).list().ofMaxSize(40);
    }

    @Test
    void farAwayItemsAreLeftOutAndNearOnesKept() {
        SpatialGrid grid = new SpatialGrid(100);
        grid.add(0, new Box(0, 0, 50, 20));
        grid.add(1, new Box(5000, 5000, 50, 20));
        grid.addLine(2, new Pt(-10_000, 10), new Pt(10_000, 10));

        assertThat(grid.near(new Box(10, 5, 30, 10))).containsExactly(0, 2);
        assertThat(grid.near(new Box(5010, 5005, 10, 10))).containsExactly(1);
        assertThat(grid.at(new Pt(-9_000, 10))).containsExactly(2);
    }

    @Test
    void itemsTooLargeOrNotFiniteAreAnsweredEverywhere() {
        SpatialGrid grid = new SpatialGrid(10);
        grid.add(0, new Box(Double.NaN, 0, 10, 10));
        grid.add(1, new Box(-1e9, -1e9, 2e9, 2e9));
        grid.add(2, new Box(0, 0, 5, 5));

        assertThat(grid.near(new Box(500, 500, 1, 1))).containsExactly(0, 1);
        assertThat(grid.near(new Box(1, 1, 1, 1))).containsExactly(0, 1, 2);
        // A query too large to walk answers everything rather than miss something.
        assertThat(grid.near(new Box(-1e7, -1e7, 2e7, 2e7))).containsExactly(0, 1, 2);
    }
}
