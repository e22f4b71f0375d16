package org.chanvas.model.edit;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.chanvas.model.Channel;
import org.chanvas.model.Network;
import org.chanvas.model.Process;

/** The id syntax of SPEC §2 and fresh ids for new processes ("producer", "producer2", ...) and channels ("c1", ...). */
public final class Ids {

    private static final Pattern ID = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

    private Ids() {
    }

    /** Whether {@code id} matches {@code [A-Za-z_][A-Za-z0-9_-]*}. */
    public static boolean isValid(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /**
     * A process id based on {@code base} that no process or channel of {@code network} uses: the base itself,
     * else base2, base3, ... A base with trailing digits counts on from its stem ("worker2" → "worker3").
     * A base that is not a valid id is made one ("Word count" → "Word_count").
     */
    public static String freshProcessId(Network network, String base) {
        Set<String> taken = taken(network);
        String id = sanitize(base);
        if (!taken.contains(id)) {
            return id;
        }
        String stem = stripTrailingDigits(id);
        return firstFree(stem, 2, taken::contains);
    }

    /** The first of c1, c2, ... that no process or channel of {@code network} uses. */
    public static String freshChannelId(Network network) {
        return firstFree("c", 1, taken(network)::contains);
    }

    /** {@code text} turned into a valid id: other characters become '_', a leading digit gets a '_' before it. */
    public static String sanitize(String text) {
        if (text == null || text.isBlank()) {
            return "p";
        }
        StringBuilder sb = new StringBuilder();
        for (char ch : text.strip().toCharArray()) {
            boolean ok = ch < 128 && (Character.isLetterOrDigit(ch) || ch == '_' || ch == '-');
            sb.append(ok ? ch : '_');
        }
        if (!Character.isLetter(sb.charAt(0)) && sb.charAt(0) != '_') {
            sb.insert(0, '_');
        }
        return sb.toString();
    }

    private static String firstFree(String stem, int from, Predicate<String> taken) {
        for (long n = from; ; n++) {
            String candidate = stem + n;
            if (!taken.test(candidate)) {
                return candidate;
            }
        }
    }

    private static String stripTrailingDigits(String id) {
        int end = id.length();
        while (end > 1 && Character.isDigit(id.charAt(end - 1))) {
            end--;
        }
        return id.substring(0, end);
    }

    // Fresh ids avoid both name spaces, so a new id never reads as the other kind of thing.
    private static Set<String> taken(Network network) {
        Set<String> taken = new HashSet<>();
        for (Process p : network.processes()) {
            taken.add(p.id());
        }
        for (Channel c : network.channels()) {
            taken.add(c.id());
        }
        return taken;
    }
}
