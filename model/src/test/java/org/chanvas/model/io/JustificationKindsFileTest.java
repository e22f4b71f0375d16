package org.chanvas.model.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.chanvas.model.ChannelKind;
import org.chanvas.model.Justification;
import org.chanvas.model.Network;
import org.junit.jupiter.api.Test;

/**
 * The {@code "kinds"} record of a justified cycle (SPEC §2 addition): written in the channels' own words, read
 * back the same, optional for files from before it existed, and refused with a clear fault when it is wrong.
 */
class JustificationKindsFileTest {

    /** A ring of two channels, one buffered, justified with the kinds both had then. */
    private static final String RING = """
            {
              "format": "chanvas/1",
              "processes": [
                {
                  "id": "a",
                  "x": 100,
                  "y": 100,
                  "script": "send ab 1\\nprint recv ba"
                },
                {
                  "id": "b",
                  "x": 300,
                  "y": 100,
                  "script": "send ba 1\\nprint recv ab"
                }
              ],
              "channels": [
                {
                  "id": "ab",
                  "kind": "buffered",
                  "capacity": 2,
                  "writers": ["a.ab"],
                  "readers": ["b.ab"]
                },
                {
                  "id": "ba",
                  "kind": "rendezvous",
                  "writers": ["b.ba"],
                  "readers": ["a.ba"]
                }
              ],
              "justified": [
                {
                  "channels": ["ab", "ba"],
                  "kinds": {
                    "ab": "buffered 2",
                    "ba": "rendezvous"
                  },
                  "note": "ab holds what a sends first",
                  "zeta": [1]
                }
              ]
            }
            """;

    private static Network load(String text) {
        LoadResult r = ChanvasFormat.read(text, "ring.json");
        assertThat(r).isInstanceOf(LoadResult.Loaded.class);
        return ((LoadResult.Loaded) r).network();
    }

    private static String fault(String text) {
        LoadResult r = ChanvasFormat.read(text, "ring.json");
        assertThat(r).isInstanceOf(LoadResult.Failed.class);
        return ((LoadResult.Failed) r).error().describe();
    }

    @Test
    void theKindsAreReadInTheChannelsOwnWordsAndWrittenBackByteForByte() {
        Network n = load(RING);
        Justification j = n.justified().getFirst();
        assertThat(j.kinds()).isEqualTo(new TreeMap<>(Map.of(
                "ab", new Justification.Kind(ChannelKind.BUFFERED, 2),
                "ba", new Justification.Kind(ChannelKind.RENDEZVOUS, 0))));
        assertThat(j.recorded()).isTrue();
        assertThat(j.extra()).containsOnlyKeys("zeta");
        assertThat(ChanvasFormat.write(n)).isEqualTo(RING);
    }

    @Test
    void aFileFromBeforeKindsWereKeptLoadsWithNoRecordAndIsWrittenWithoutOne() {
        String old = RING.replace("""
                      "kinds": {
                        "ab": "buffered 2",
                        "ba": "rendezvous"
                      },
                """, "");
        Network n = load(old);
        assertThat(n.justified().getFirst().recorded()).isFalse();
        assertThat(n.justified().getFirst().kinds()).isEmpty();
        assertThat(ChanvasFormat.write(n)).isEqualTo(old);
        assertThat(load(RING.replace("\"kinds\": {", "\"kinds\": null, \"was\": {")).justified().getFirst()
                .recorded()).isFalse();
    }

    @Test
    void everyKindHasAWordThatReadsBackAsItself() {
        for (Justification.Kind k : List.of(new Justification.Kind(ChannelKind.RENDEZVOUS, 0),
                new Justification.Kind(ChannelKind.UNBOUNDED, 0), new Justification.Kind(ChannelKind.CALL, 0),
                new Justification.Kind(ChannelKind.BUFFERED, 1),
                new Justification.Kind(ChannelKind.BUFFERED, Integer.MAX_VALUE))) {
            assertThat(Justification.Kind.fromWord(k.word())).contains(k);
        }
        assertThat(new Justification.Kind(ChannelKind.BUFFERED, 2).word()).isEqualTo("buffered 2");
        assertThat(Justification.Kind.fromWord("buffered")).isEmpty();
        assertThat(Justification.Kind.fromWord("buffered 0")).isEmpty();
        assertThat(Justification.Kind.fromWord("buffered 2147483648")).isEmpty();
        assertThat(Justification.Kind.fromWord("rendezvous 2")).isEmpty();
    }

    @Test
    void aWrongRecordIsRefusedNamingWhereAndWhat() {
        assertThat(fault(RING.replace("\"buffered 2\"", "\"buffered\"")))
                .isEqualTo("ring.json:36:15: justified[0].kinds.ab: unknown kind \"buffered\"; expected rendezvous,"
                        + " unbounded, call or buffered N (N at least 1)");
        assertThat(fault(RING.replace("\"buffered 2\"", "2")))
                .isEqualTo("ring.json:36:15: justified[0].kinds.ab: expected a kind such as \"rendezvous\" or"
                        + " \"buffered 2\", found a number");
        assertThat(fault(RING.replace("\"ab\": \"buffered 2\"", "\"zz\": \"buffered 2\"")))
                .isEqualTo("ring.json:35:16: justified[0].kinds: no kind recorded for ab; record every channel of"
                        + " the cycle, or leave \"kinds\" out");
        assertThat(((LoadResult.Failed) ChanvasFormat.read(RING.replace("\"ab\": \"buffered 2\"",
                "\"zz\": \"buffered 2\""), "ring.json")).errors()).extracting(LoadError::describe).contains(
                "ring.json:36:15: justified[0].kinds.zz: \"zz\" is not one of this cycle's channels ab, ba");
        assertThat(fault(RING.replace("\"kinds\": {", "\"kinds\": [1], \"was\": {")))
                .isEqualTo("ring.json:35:16: justified[0].kinds: expected the channels' kinds as an object"
                        + " {\"a\": \"rendezvous\", \"b\": \"buffered 2\"}, found a list");
    }
}
