package org.chanvas.app.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.chanvas.app.editor.panels.ScriptHighlighter;
import org.chanvas.app.editor.panels.ScriptHighlighter.Span;
import org.chanvas.app.editor.panels.ScriptHighlighter.Style;
import org.junit.jupiter.api.Test;

/** The script editor's colours. */
class ScriptHighlighterTest {

    private final ScriptHighlighter h = new ScriptHighlighter();

    @Test
    void aWordAfterAChannelOperationIsAPortEvenWhenItIsAKeyword() {
        String text = "m = recv in # wait\nif m == \"kill\" { stop }\nsend out 42";
        List<Span> spans = h.spans(text);
        assertThat(spans).containsExactly(
                new Span(0, 1, Style.PLAIN), new Span(4, 8, Style.CHANNEL_OP), new Span(9, 11, Style.PORT),
                new Span(12, 18, Style.COMMENT), new Span(19, 21, Style.KEYWORD), new Span(22, 23, Style.PLAIN),
                new Span(27, 33, Style.STRING), new Span(36, 40, Style.KEYWORD), new Span(43, 47, Style.CHANNEL_OP),
                new Span(48, 51, Style.PORT), new Span(52, 54, Style.NUMBER));
    }

    @Test
    void anUnclosedStringEndsAtTheLineSoTheNextLineStillColours() {
        List<Span> spans = h.spans("print \"oops\nstop");
        assertThat(spans).containsExactly(new Span(0, 5, Style.KEYWORD), new Span(6, 11, Style.STRING),
                new Span(12, 16, Style.KEYWORD));
    }

    @Test
    void theWordsOfLanguageVersionTwoAreKeywords() {
        List<Span> spans = h.spans("forever { break }\nx = int(s)");
        assertThat(spans).containsExactly(new Span(0, 7, Style.KEYWORD), new Span(10, 15, Style.KEYWORD),
                new Span(18, 19, Style.PLAIN), new Span(22, 25, Style.KEYWORD), new Span(26, 27, Style.PLAIN));
    }

    @Test
    void parametersAreColouredAsSuchInCodeAndInsideInterpolationsAndNowhereElse() {
        String text = "for i in 0..count {\n  send out \"{name}: {i} \\{name\\}\"\n}\nint = count";
        List<Span> spans = h.spans(text, java.util.Set.of("count", "name", "int"));
        assertThat(spans).containsExactly(new Span(0, 3, Style.KEYWORD), new Span(4, 5, Style.PLAIN),
                new Span(6, 8, Style.KEYWORD), new Span(9, 10, Style.NUMBER), new Span(12, 17, Style.PARAM),
                new Span(22, 26, Style.CHANNEL_OP), new Span(27, 30, Style.PORT), new Span(31, 33, Style.STRING),
                new Span(33, 37, Style.PARAM), new Span(37, 53, Style.STRING), new Span(56, 59, Style.PARAM),
                new Span(62, 67, Style.PARAM));
        // Without parameters the same words are plain and the string is one span.
        assertThat(h.spans(text)).contains(new Span(12, 17, Style.PLAIN), new Span(31, 53, Style.STRING));
    }
}
