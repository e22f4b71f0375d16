package org.chanvas.app.diagram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The grid may answer a few items too many but never too few, in ascending order without repeats: the
 * layout weighs what it answers in list order and relies on that to place labels exactly as a full scan.
 */
class SpatialGridTest {

    /** A line between two points, for the grid's lines. */
    record Line(Pt a, Pt b) {
    }

    private static Gen<Box> boxes() {
        Gen<Double> at = doubles().between(-600, 600);
        Gen<Double> size = doubles().between(0.5, 300);
        return at.zip(at, size, size, Box::new);
    }

    private static Gen<Pt> points() {
        Gen<Double> at = doubles().between(-3000, 3000);
        return at.zip(at, Pt::new);
    }

    private static Gen<List<Box>> boxList() {
        return lists().of(boxes()).ofSizeBetween(0, 60);
    }

    private static Gen<List<Line>> lineList() {
        return lists().of(points().zip(points(), Line::new)).ofSizeBetween(0, 40);
    }

    @Test
    void everyBoxMeetingTheQueryIsAnswered() {
        qt().withExamples(200).forAll(boxList(), boxes()).checkAssert((items, query) -> {
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
        });
    }

    @Test
    void everyLineCrossingTheQueryIsAnswered() {
        qt().withExamples(200).forAll(lineList(), boxes()).checkAssert((lines, query) -> {
            SpatialGrid grid = new SpatialGrid(96);
            for (int i = 0; i < lines.size(); i++) {
                grid.addLine(i, lines.get(i).a(), lines.get(i).b());
            }
            int[] found = grid.near(query);
            assertThat(found).isSorted().doesNotHaveDuplicates();
            for (int i = 0; i < lines.size(); i++) {
                if (query.crossedBy(lines.get(i).a(), lines.get(i).b())) {
                    assertThat(found).as("line %d %s for query %s", i, lines.get(i), query).contains(i);
                }
            }
        });
    }

    @Test
    void everyBoxALineCrossesIsAnswered() {
        qt().withExamples(200).forAll(boxList(), points(), points(), points()).checkAssert((items, a, b, c) -> {
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
        });
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
