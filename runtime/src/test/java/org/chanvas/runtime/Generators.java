package org.chanvas.runtime;

import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * QuickTheories building blocks the runtime's property tests share: strings over an alphabet, any UTF-16 text,
 * optional values, permutations and script values. A failure is reported with its seed; rerun it with
 * {@code -DQT_SEED=<seed>}.
 */
public final class Generators {

    private Generators() {
    }

    /** Strings of {@code min}..{@code max} chars, each one of {@code alphabet}'s chars. */
    public static Gen<String> stringsOf(String alphabet, int min, int max) {
        List<Character> chars = alphabet.chars().mapToObj(c -> (char) c).toList();
        return lists().of(Generate.pick(chars)).ofSizeBetween(min, max).map(Generators::join);
    }

    /** Any UTF-16 text up to {@code max} chars: control characters, lone surrogates and NUL included. */
    public static Gen<String> anyText(int max) {
        return lists().of(Generate.characters(0, Character.MAX_VALUE)).ofSizeBetween(0, max).map(Generators::join);
    }

    /** One of the generators, each as likely. */
    @SafeVarargs
    public static <T> Gen<T> oneOf(Gen<T>... choices) {
        return Generate.frequency(List.of(choices).stream().map(g -> Pair.of(1, g)).toList());
    }

    /** {@code gen}'s value, or null about {@code percent} times in a hundred. */
    public static <T> Gen<T> orNull(Gen<T> gen, int percent) {
        return integers().between(0, 99).zip(gen, (roll, value) -> roll < percent ? null : value);
    }

    /** The numbers 0..n-1 in a random order; it shrinks towards ascending order. */
    public static Gen<List<Integer>> permutations(int n) {
        return lists().of(integers().between(0, 1_000_000)).ofSize(n)
                .map(keys -> IntStream.range(0, n).boxed().sorted(Comparator.comparing(keys::get)).toList());
    }

    /** Script values as the runtime holds them: Long, String, Boolean, and lists of them nested up to two deep. */
    public static Gen<Object> values() {
        return values(2);
    }

    private static Gen<Object> values(int depth) {
        Gen<Object> leaf = oneOf(longs().all().map(l -> (Object) l), anyText(6).map(s -> (Object) s),
                booleans().all().map(b -> (Object) b));
        if (depth == 0) {
            return leaf;
        }
        Gen<Object> list = lists().of(values(depth - 1)).ofSizeBetween(0, 3).map(l -> (Object) List.copyOf(l));
        return oneOf(leaf, list);
    }

    private static String join(List<Character> chars) {
        return chars.stream().map(String::valueOf).collect(Collectors.joining());
    }
}
