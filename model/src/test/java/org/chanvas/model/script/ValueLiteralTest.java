package org.chanvas.model.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Parameter values typed as script literals: what each text reads as, and why a bad one is refused. */
class ValueLiteralTest {

    static Stream<Arguments> good() {
        return Stream.of(
                Arguments.of("3", 3L),
                Arguments.of("  -42 ", -42L),
                Arguments.of("9223372036854775807", Long.MAX_VALUE),
                Arguments.of("-9223372036854775808", Long.MIN_VALUE),
                Arguments.of("\"A\"", "A"),
                Arguments.of("\"say \\\"hi\\\" \\{x\\} \\\\ \\n\"", "say \"hi\" {x} \\ \n"),
                Arguments.of("true", true),
                Arguments.of("false", false),
                Arguments.of("[]", List.of()),
                Arguments.of("[1, 2]", List.of(1L, 2L)),
                Arguments.of("[\"A\", \"2\"]", List.of("A", "2")),
                Arguments.of("[[true], [], \"x\", -1]", List.of(List.of(true), List.of(), "x", -1L)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("good")
    void readsTheScriptsLiterals(String text, Object value) {
        ValueLiteral.Reading r = ValueLiteral.parse(text);
        assertThat(r.error()).isNull();
        assertThat(r.value()).isEqualTo(value);
    }

    static Stream<Arguments> bad() {
        return Stream.of(
                Arguments.of("", "a value is needed"),
                Arguments.of("A", "'A' is not a value: write text in quotes, \"A\""),
                Arguments.of("\"A", "the text has no closing quote"),
                Arguments.of("\"{i}\"", "a value cannot interpolate: write \\{ for a brace in the text"),
                Arguments.of("\"\\q\"", "unknown escape '\\q'"),
                Arguments.of("9223372036854775808", "9223372036854775808 does not fit in 64 bits"),
                Arguments.of("1.5", "'1.' is not a whole number"),
                Arguments.of("3 4", "unexpected '4' after the value"),
                Arguments.of("[1, 2", "the list has no closing ]"),
                Arguments.of("[1; 2]", "expected , or ] in the list, not ';'"),
                Arguments.of("-", "a '-' must be followed by digits"),
                Arguments.of("null", "'null' is not a value"),
                Arguments.of("[".repeat(300) + "]".repeat(300), "a value nests at most 200 lists deep"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("bad")
    void refusesWithAReason(String text, String reason) {
        ValueLiteral.Reading r = ValueLiteral.parse(text);
        assertThat(r.ok()).isFalse();
        assertThat(r.value()).isNull();
        assertThat(r.error()).startsWith(reason);
    }

    @Test
    void aFormattedValueReadsBackEqual() {
        SplittableRandom rnd = new SplittableRandom(12);
        for (int n = 0; n < 500; n++) {
            Object v = value(rnd, 0);
            String text = ValueLiteral.format(v);
            assertThat(ValueLiteral.parse(text).value()).as(text).isEqualTo(v);
        }
        assertThat(ValueLiteral.format(List.of("A", 2L, true))).isEqualTo("[\"A\", 2, true]");
        assertThat(ValueLiteral.format("{x}\n")).isEqualTo("\"\\{x\\}\\n\"");
    }

    private static Object value(SplittableRandom rnd, int depth) {
        return switch (rnd.nextInt(depth > 3 ? 3 : 4)) {
            case 0 -> rnd.nextLong();
            case 1 -> rnd.nextBoolean();
            case 2 -> {
                StringBuilder s = new StringBuilder();
                String alphabet = "ab \"\\{}\n\t\u00e9\ud83d\ude00";
                for (int k = rnd.nextInt(6); k > 0; k--) {
                    s.append(alphabet.charAt(rnd.nextInt(alphabet.length() - 2)));
                }
                if (rnd.nextInt(4) == 0) {
                    s.append("\ud83d\ude00");
                }
                yield s.toString();
            }
            default -> {
                List<Object> items = new java.util.ArrayList<>();
                for (int k = rnd.nextInt(4); k > 0; k--) {
                    items.add(value(rnd, depth + 1));
                }
                yield items;
            }
        };
    }
}
