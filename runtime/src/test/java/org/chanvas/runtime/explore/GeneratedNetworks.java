package org.chanvas.runtime.explore;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.chanvas.model.ChannelKind;
import org.chanvas.runtime.Nets;
import org.chanvas.runtime.engine.RunPlan;

/**
 * Seeded random networks for the explorer's properties: two to four processes, each with one outbound channel
 * to a random process (any kind; a shared channel when two pick the same reader's port), and a finite script of
 * sends, receives and selects, so every network ends, deadlocks or gets stuck, and some fail.
 */
final class GeneratedNetworks {

    private GeneratedNetworks() {
    }

    static RunPlan network(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = 2 + r.nextInt(3);
        int[] target = new int[n];
        boolean[] read = new boolean[n];
        for (int i = 0; i < n; i++) {
            target[i] = r.nextInt(n);
            read[target[i]] = true;
        }
        Nets net = Nets.net();
        for (int i = 0; i < n; i++) {
            List<String> lines = new ArrayList<>();
            int ops = 1 + r.nextInt(4);
            for (int k = 0; k < ops; k++) {
                int what = r.nextInt(read[i] ? 6 : 2);
                switch (what) {
                    case 0, 1 -> lines.add("send out " + r.nextInt(3));
                    case 2, 3 -> lines.add("x = recv in");
                    case 4 -> lines.add("select {\n recv in as y { print y }\n send out 7 { print \"sent\" }\n}");
                    default -> lines.add("repeat 2 { z = recv in\n print 6 / z }"); // fails when 0 arrives
                }
            }
            // Every connected port must be used (the plan's validator says so): each process writes to its
            // target, and a process someone writes to reads.
            if (lines.stream().noneMatch(l -> l.contains(" out "))) {
                lines.add("send out " + r.nextInt(3));
            }
            if (read[i] && lines.stream().noneMatch(l -> l.contains("recv in"))) {
                lines.add(r.nextBoolean() ? "x = recv in" : "repeat 2 { z = recv in\n print 6 / z }");
            }
            net.process("p" + i, String.join("\n", lines));
        }
        // Writers grouped by reader: one channel per reader, shared when several write to it.
        for (int reader = 0; reader < n; reader++) {
            List<String> writers = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (target[i] == reader) {
                    writers.add("p" + i + ".out");
                }
            }
            if (writers.isEmpty()) {
                continue;
            }
            ChannelKind kind = ChannelKind.values()[r.nextInt(3)]; // rendezvous, buffered, unbounded
            int capacity = kind == ChannelKind.BUFFERED ? 1 + r.nextInt(2) : 0;
            net.channel("c" + reader, kind, capacity, writers, List.of("p" + reader + ".in"));
        }
        // A process that writes to itself and is its own only reader is fine: rendezvous with itself never happens.
        return net.plan();
    }
}
