package org.chanvas.app.editor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chanvas.app.editor.EditorHarness.await;

import java.net.URL;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.chanvas.app.diagram.DiagramPainter.TextRun;
import org.chanvas.app.diagram.FontRole;
import org.chanvas.app.diagram.Theme;
import org.chanvas.app.editor.files.ExampleLibrary;
import org.chanvas.app.editor.run.RunController;
import org.chanvas.app.editor.run.RunSession;
import org.chanvas.model.Network;
import org.chanvas.runtime.engine.RunOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Presentation mode on a 1920×1080 screen, measured on what is drawn: the sizes of the texts the painter paints
 * (font size times the view's scale), a fit that keeps type readable, the one-line deadlock banner, the keys of
 * a slide deck, the Console and chart on demand, and the slowest speed.
 */
@ExtendWith(ApplicationExtension.class)
class PresentationTest {

    private EditorWindow w;

    @Start
    void start(Stage stage) {
        w = EditorHarness.open(stage);
    }

    /**
     * The editor on a 1920×1080 scene. The Headless platform's screen is 1000×1000 and cannot show a window that
     * large, so the scene is laid out and painted without being shown: the sizes measured are the same.
     */
    private void onA1920x1080Screen(FxRobot robot) throws Exception {
        w = WaitForAsyncUtils.asyncFx(() -> {
            Stage stage = new Stage();
            EditorWindow big = new EditorWindow(stage);
            Scene scene = new Scene(big.root(), 1920, 1080);
            URL css = EditorApp.class.getResource("/chanvas-assets/css/chanvas-light.css");
            if (css != null) {
                scene.getStylesheets().add(css.toExternalForm());
            }
            stage.setScene(scene);
            layOut(big);
            return big;
        }).get(10, TimeUnit.SECONDS);
    }

    private static void layOut(EditorWindow e) {
        e.root().applyCss();
        e.root().layout();
    }

    private void open(FxRobot robot, String stem) {
        robot.interact(() -> w.files().openFile(ExampleLibrary.locate().find(stem).orElseThrow()));
    }

    /** The texts of a frame painted now, with their height on the screen. */
    private List<TextRun> frame() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            layOut(w);
            w.painter().recordTextRuns(true);
            w.view().paintNow();
            List<TextRun> runs = w.painter().textRuns();
            w.painter().recordTextRuns(false);
            return runs;
        }).get(10, TimeUnit.SECONDS);
    }

    private static double smallest(List<TextRun> runs, FontRole... roles) {
        return runs.stream().filter(r -> List.of(roles).contains(r.role())).mapToDouble(TextRun::pixels).min()
                .orElseThrow(() -> new AssertionError("no text of roles " + List.of(roles) + " drawn"));
    }

    private void stepAndLand(FxRobot robot) throws Exception {
        robot.interact(() -> w.runs().step());
        await(() -> !w.runs().inFlight());
    }

    @Test
    void atFitNamesAreAtLeast24PxAndPortsChannelsAndValuesAtLeast18PxMidRun(FxRobot robot) throws Exception {
        onA1920x1080Screen(robot);
        open(robot, "prod-cons-kill");
        robot.interact(() -> w.setPresentation(true, false));
        assertThat(w.painter().theme().name()).isEqualTo("presentation");
        for (int i = 0; i < 3; i++) {
            stepAndLand(robot);
        }
        robot.interact(() -> w.runs().step());
        await(() -> w.runs().overlay().tokens().stream().anyMatch(t -> t.t() > 0.05 && t.t() < 0.95));
        List<TextRun> runs = frame();
        assertThat(runs).extracting(TextRun::text).contains("producer", "consumer", "out", "in");
        assertThat(runs).as("a value on its way, in its pill").anyMatch(r -> r.role() == FontRole.MARK
                && r.text().startsWith("Message"));
        assertThat(smallest(runs, FontRole.PROCESS)).isGreaterThanOrEqualTo(24);
        assertThat(smallest(runs, FontRole.PORT, FontRole.CHANNEL, FontRole.MARK)).isGreaterThanOrEqualTo(18);

        // The dining philosophers, six boxes and their shared channels, fit whole at that size too.
        robot.interact(() -> w.setPresentation(false));
        open(robot, "dining-philosophers.");
        robot.interact(() -> w.setPresentation(true, false));
        runs = frame();
        assertThat(smallest(runs, FontRole.PROCESS)).isGreaterThanOrEqualTo(24);
        assertThat(smallest(runs, FontRole.PORT, FontRole.CHANNEL, FontRole.MARK)).isGreaterThanOrEqualTo(18);
        assertThat(w.document().messageProperty().get()).doesNotContain("larger than the screen");
    }

    @Test
    void aNetworkTooLargeToFitIsShownAtReadableTypeAndTheStatusLineSaysSo(FxRobot robot,
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        onA1920x1080Screen(robot);
        java.nio.file.Path file = dir.resolve("ring-60.chanvas.json");
        org.chanvas.model.io.ChanvasFormat.save(ring(60), file);
        robot.interact(() -> w.files().openFile(file));
        robot.interact(() -> w.setPresentation(true, false));
        double least = Theme.presentation().readableScale(Theme.PRESENTATION_NAME_PX, Theme.PRESENTATION_TEXT_PX);
        assertThat(w.view().viewport().scale()).isCloseTo(least, org.assertj.core.data.Offset.offset(1e-9));
        List<TextRun> runs = frame();
        assertThat(smallest(runs, FontRole.PROCESS)).isGreaterThanOrEqualTo(24);
        assertThat(smallest(runs, FontRole.PORT, FontRole.CHANNEL)).isGreaterThanOrEqualTo(18);
        assertThat(w.document().messageProperty().get()).contains("larger than the screen at readable type");
        // Leaving, the editor fits it whole again, in its own theme.
        robot.interact(() -> w.setPresentation(false));
        assertThat(w.painter().theme().name()).isEqualTo("light");
        assertThat(w.view().viewport().scale()).isLessThan(least);
    }

    /** A ring of {@code n} processes passing a token, laid out in a long row. */
    static Network ring(int n) {
        List<org.chanvas.model.Process> ps = new java.util.ArrayList<>();
        List<org.chanvas.model.Channel> cs = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            ps.add(new org.chanvas.model.Process("p" + i, 220.0 * i, (i % 2) * 160.0,
                    i == 0 ? "send right 1\nforever {\n  v = recv left\n  send right v + 1\n}"
                            : "forever {\n  v = recv left\n  send right v\n}"));
            cs.add(new org.chanvas.model.Channel("c" + i, org.chanvas.model.ChannelKind.RENDEZVOUS, 0,
                    List.of(new org.chanvas.model.Endpoint("p" + i, "right")),
                    List.of(new org.chanvas.model.Endpoint("p" + ((i + 1) % n), "left"))));
        }
        return new Network("", "", ps, cs, List.of(), java.util.Map.of());
    }

    /** A seed with which the philosophers deadlock, found by running the same session without a window. */
    private long deadlockingSeed() throws Exception {
        Network n = w.document().network();
        for (long seed = 1; seed < 200; seed++) {
            RunSession s = new RunSession(RunSessionTest.plan(n), seed);
            while (s.advance(false) != null) {
                // to the end
            }
            if (s.outcome().orElseThrow() instanceof RunOutcome.Deadlocked) {
                return seed;
            }
        }
        throw new AssertionError("no seed under 200 deadlocks the philosophers");
    }

    @Test
    void theDeadlockBannerIsOneLineWithItsDetailsOnClickInBothModes(FxRobot robot) throws Exception {
        open(robot, "dining-philosophers.");
        long seed = deadlockingSeed();
        for (boolean presenting : new boolean[] {false, true}) {
            boolean p = presenting;
            robot.interact(() -> {
                w.setPresentation(p, false);
                w.runs().seedProperty().set(seed);
                robot.lookup("#speed").queryAs(Slider.class).setValue(1.0);
            });
            double scaleBefore = w.view().viewport().scale();
            robot.interact(() -> w.runs().run());
            await(() -> w.runs().outcome().isPresent() && w.messages().isShowing());
            assertThat(w.runs().outcome().get()).isInstanceOf(RunOutcome.Deadlocked.class);
            String line = w.messages().summary();
            assertThat(line).matches("Deadlock: .+ \u2192 .+ \\(\\d+ processes waiting\\)");
            assertThat(line).doesNotContain("\n");
            assertThat(w.messages().isOneLine()).isTrue();
            var text = robot.lookup("#message-text").queryAs(javafx.scene.control.Label.class);
            double lineHeight = text.getFont().getSize() * 1.6;
            assertThat(text.getHeight()).as("the banner's words take one line").isLessThan(lineHeight);
            assertThat(w.messages().detailsShowing()).isFalse();
            assertThat(w.view().viewport().scale()).as("the banner does not shrink the diagram below readable")
                    .isGreaterThanOrEqualTo(Math.min(scaleBefore,
                            w.painter().theme().readableScale(12, 10)) - 1e-9);

            robot.clickOn("#message-more");
            assertThat(w.messages().detailsShowing()).isTrue();
            assertThat(robot.lookup("#message-details").queryAs(javafx.scene.control.Label.class).getText())
                    .contains("Cycle of waits").contains("Static analysis had predicted this cycle");
            robot.clickOn("#message-more");
            assertThat(w.messages().detailsShowing()).isFalse();
            robot.interact(() -> w.runs().stop());
        }
    }

    @Test
    void spaceArrowsHomeCAndSAndEscDoWhatALecturerExpectsWhereverTheFocusIs(FxRobot robot) throws Exception {
        open(robot, "prod-cons-kill");
        robot.interact(() -> {
            w.runs().seedProperty().set(7L);
            robot.lookup("#speed").queryAs(Slider.class).setValue(1.0);
            w.setPresentation(true, false);
        });
        // Focus on the seed field, not the canvas: the keys still drive the run.
        robot.interact(() -> robot.lookup("#seed").query().requestFocus());
        robot.type(KeyCode.RIGHT);
        await(() -> !w.runs().inFlight() && w.runs().positionProperty().get() > 0);
        robot.type(KeyCode.RIGHT);
        await(() -> !w.runs().inFlight());
        long two = w.runs().positionProperty().get();
        robot.type(KeyCode.LEFT);
        await(() -> w.runs().positionProperty().get() < two);
        robot.type(KeyCode.HOME);
        await(() -> w.runs().positionProperty().get() == 0);
        robot.type(KeyCode.SPACE);
        await(() -> w.runs().outcome().isPresent());
        assertThat(w.runs().outcome().get()).isInstanceOf(RunOutcome.Finished.class);

        assertThat(w.presentationShowsConsole()).isFalse();
        robot.type(KeyCode.C);
        assertThat(w.presentationShowsConsole()).isTrue();
        assertThat(robot.lookup("#console").tryQuery()).isPresent();
        assertThat(w.console().fontSize()).isGreaterThanOrEqualTo(18);
        robot.type(KeyCode.S);
        assertThat(w.presentationShowsChart()).isTrue();
        assertThat(robot.lookup("#sequence-chart").tryQuery()).isPresent();
        robot.type(KeyCode.C);
        assertThat(w.presentationShowsConsole()).isFalse();

        robot.type(KeyCode.DOWN);
        assertThat(w.runs().speedProperty().get()).isCloseTo(0.9, org.assertj.core.data.Offset.offset(1e-9));

        robot.type(KeyCode.ESCAPE);
        await(() -> !w.presentingProperty().get());
        assertThat(w.painter().theme().name()).isEqualTo("light");
        assertThat(w.console().fontSize()).isEqualTo(org.chanvas.app.editor.panels.ConsolePanel.NORMAL_FONT_PX);
        assertThat(robot.lookup("#palette").tryQuery()).isPresent();
        // the editor's bottom comes back whole: Verify's strip above the run bar
        javafx.scene.Node verifyBar = robot.lookup("#verify-bar").query();
        assertThat(verifyBar.getParent().getChildrenUnmodifiable()).hasSize(2).last()
                .isInstanceOf(org.chanvas.app.editor.run.RunBar.class);
        robot.clickOn("#console-tab .tab-label");
        assertThat(robot.lookup("#console").tryQuery()).isPresent();
    }

    @Test
    void theSlowestSpeedGivesALecturerAtLeastTwoSecondsAMessage(FxRobot robot) {
        assertThat(RunController.secondsPerMessage(0)).isGreaterThanOrEqualTo(2_000_000_000L);
        assertThat(Presentation.describePace(0)).isEqualTo("2.5 s per message");
        assertThat(Presentation.describePace(1)).isEqualTo("instant");
        for (double s = 0; s < 0.95; s += 0.05) {
            assertThat(RunController.secondsPerMessage(s + 0.05)).isLessThan(RunController.secondsPerMessage(s));
        }
    }

    @Test
    void portsReadAt13PxAt100PercentInTheEditor(FxRobot robot) throws Exception {
        onA1920x1080Screen(robot);
        open(robot, "prod-cons-kill");
        robot.interact(() -> w.view().viewport().reset());
        List<TextRun> runs = frame();
        assertThat(smallest(runs, FontRole.PORT)).isGreaterThanOrEqualTo(13);
        assertThat(smallest(runs, FontRole.PROCESS)).isGreaterThanOrEqualTo(16);
    }
}
