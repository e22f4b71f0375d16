package org.chanvas.app.editor.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.chanvas.app.chart.SequenceChartModel;
import org.chanvas.model.Channel;
import org.chanvas.model.ChannelKind;
import org.chanvas.model.Endpoint;
import org.chanvas.model.Network;
import org.chanvas.model.Process;
import org.chanvas.model.script.ScriptParser;
import org.chanvas.runtime.engine.RunPlan;
import org.junit.jupiter.api.Test;

/** The editor's chart of a long run: only moves up to the one shown, from any position the history keeps. */
class EditorChartTest {

    static Network pingPong() {
        return new Network("ping-pong", "", List.of(
                new Process("ping", 0, 0, "n = 0\nforever {\n  send out n\n  n = recv in\n  print \"got {n}\"\n}"),
                new Process("pong", 0, 0, "forever {\n  x = recv in\n  send out x + 1\n}")),
                List.of(new Channel("a", ChannelKind.RENDEZVOUS, 0, List.of(new Endpoint("ping", "out")),
                                List.of(new Endpoint("pong", "in"))),
                        new Channel("b", ChannelKind.RENDEZVOUS, 0, List.of(new Endpoint("pong", "out")),
                                List.of(new Endpoint("ping", "in")))), List.of(), null);
    }

    @Test
    void everyPositionOfATrimmedHistoryChartsMessagesUpToItAndNoFurther() throws Exception {
        RunSession s = new RunSession(RunPlan.compile(pingPong(), ScriptParser::parse), 5,
                new RunSession.Limits(256, 16, 500));
        for (int i = 0; i < 20_000; i++) {
            assertThat(s.advance(false)).isNotNull();
        }
        assertThat(s.start()).isPositive();
        for (long at = s.start() + 5; at <= s.end(); at += 97) {
            SequenceChartModel m = EditorChart.of(s, at);
            long shown = at;
            assertThat(m.messages()).isNotEmpty().allMatch(x -> x.ref() <= shown);
            assertThat(m.midRun()).isTrue();
            assertThat(m.rowsShown()).isLessThanOrEqualTo(EditorChart.MAX_ROWS);
        }
    }

    @Test
    void chartingWhileTheRunGoesOnLeavesTheRunAndItsHistoryAsTheyWere() throws Exception {
        RunSession s = new RunSession(RunPlan.compile(pingPong(), ScriptParser::parse), 5,
                new RunSession.Limits(256, 16, 500));
        for (int i = 0; i < 20_000; i++) {
            assertThat(s.advance(false)).isNotNull();
            if (i % 37 == 0) {
                long at = s.position() - (i * 7919L % 6000);
                SequenceChartModel m = EditorChart.of(s, at);
                assertThat(m.messages()).allMatch(x -> x.ref() <= at);
            }
        }
    }
}
