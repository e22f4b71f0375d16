package org.chanvas.model;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * QuickTheories building blocks the model's property tests share: strings over an alphabet, any UTF-16 text,
 * optional values, distinct lists, sets and shuffles. Every generator draws from QuickTheories' randomness
 * source, so a failure is reported with its seed (rerun with {@code -DQT_SEED=<seed>}) and shrinks.
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

    /** One of the generators, each as likely (a list, so callers need no generic array). */
    public static <T> Gen<T> oneOf(List<Gen<T>> choices) {
        return Generate.frequency(choices.stream().map(g -> Pair.of(1, g)).toList());
    }

    /** One of the generators, each as likely. */
    @SafeVarargs
    public static <T> Gen<T> oneOf(Gen<T>... choices) {
        return oneOf(List.of(choices));
    }

    /** {@code gen}'s value, or null about {@code percent} times in a hundred. */
    public static <T> Gen<T> orNull(Gen<T> gen, int percent) {
        return integers().between(0, 99).zip(gen, (roll, value) -> roll < percent ? null : value);
    }

    /** A list of {@code min}..{@code max} values, the later of two with the same key dropped (so it may be shorter). */
    public static <T, K> Gen<List<T>> distinctBy(Gen<T> gen, Function<T, K> key, int min, int max) {
        return lists().of(gen).ofSizeBetween(min, max).map(items -> {
            Map<K, T> firsts = new LinkedHashMap<>();
            items.forEach(item -> firsts.putIfAbsent(key.apply(item), item));
            return List.copyOf(firsts.values());
        });
    }

    /** A set of up to {@code max} values, drawn as a list with repeats dropped (so never empty when min is 1). */
    public static <T> Gen<Set<T>> setsOf(Gen<T> gen, int min, int max) {
        return lists().of(gen).ofSizeBetween(min, max).map(items -> new LinkedHashSet<>(items));
    }

    /** The items in a random order; it shrinks towards the given order. */
    public static <T> Gen<List<T>> shuffled(List<T> items) {
        return lists().of(integers().between(0, 1_000_000)).ofSize(items.size()).map(keys -> IntStream
                .range(0, items.size()).boxed().sorted(Comparator.comparing(keys::get)).map(items::get).toList());
    }

    /** A map of up to {@code max} entries in drawing order; the later of two entries with one key is dropped. */
    public static <K, V> Gen<Map<K, V>> mapsOf(Gen<K> keys, Gen<V> values, int max) {
        return lists().of(keys.zip(values, Map::entry)).ofSizeBetween(0, max).map(entries -> {
            Map<K, V> map = new LinkedHashMap<>();
            entries.forEach(e -> map.putIfAbsent(e.getKey(), e.getValue()));
            return map;
        });
    }

    private static String join(List<Character> chars) {
        return chars.stream().map(String::valueOf).collect(Collectors.joining());
    }
}
