package org.chanvas.bench;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import jdk.management.VirtualThreadSchedulerMXBean;

/**
 * Issue 14's figures, before and after the one-carrier fix, in one JVM: CommsTime (ns per cycle) and the
 * wake-up delay of a sleeper beside an endless exchange, for one carrier and for two. Each version's model and
 * runtime classes come from a checkout's {@code target/classes} through their own class loader, with
 * {@link ProgressProbe} loaded into each; rounds alternate between the versions so that the machine's load
 * touches both alike.
 *
 * <pre>
 *   git worktree add --detach /tmp/before main
 *   (cd /tmp/before &amp;&amp; mvn -q -o -pl runtime -am compile)
 *   mvn -q -pl bench -am package -DskipTests
 *   java -cp 'bench/target/classes:bench/target/lib/*' org.chanvas.bench.BeforeAfterProgress /tmp/before .
 * </pre>
 */
public final class BeforeAfterProgress {

    private BeforeAfterProgress() {
    }

    /** Loads org.chanvas.model/runtime classes and the probe (and its nested classes) itself, the rest as usual. */
    static final class Version extends URLClassLoader {
        private final String name;

        Version(String name, Path checkout, ClassLoader parent) throws IOException {
            super(new URL[] {checkout.resolve("model/target/classes").toUri().toURL(),
                    checkout.resolve("runtime/target/classes").toUri().toURL()}, parent);
            this.name = name;
        }

        @Override
        protected Class<?> loadClass(String cn, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(cn)) {
                Class<?> c = findLoadedClass(cn);
                String probe = ProgressProbe.class.getName();
                if (c == null && (cn.equals(probe) || cn.startsWith(probe + "$"))) {
                    try (InputStream in = getParent().getResourceAsStream(cn.replace('.', '/') + ".class")) {
                        byte[] b = in.readAllBytes();
                        c = defineClass(cn, b, 0, b.length);
                    } catch (IOException e) {
                        throw new ClassNotFoundException(cn, e);
                    }
                } else if (c == null
                        && (cn.startsWith("org.chanvas.model.") || cn.startsWith("org.chanvas.runtime."))) {
                    c = findClass(cn);
                }
                if (c == null) {
                    return super.loadClass(cn, resolve);
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }

        double call(String method, int a, int b) throws Exception {
            Class<?> probe = loadClass(ProgressProbe.class.getName());
            Method m = method.equals("commsTime") ? probe.getMethod(method, int.class)
                    : probe.getMethod(method, int.class, int.class);
            Object r = method.equals("commsTime") ? m.invoke(null, a) : m.invoke(null, a, b);
            return (Double) r;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: BeforeAfterProgress BEFORE_CHECKOUT AFTER_CHECKOUT [ROUNDS]");
            System.exit(2);
        }
        ClassLoader parent = BeforeAfterProgress.class.getClassLoader();
        Version[] versions = {new Version("before", Path.of(args[0]), parent),
                new Version("after", Path.of(args[1]), parent)};
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 7;
        int cycles = 50_000;
        int sleep = 10;
        int cap = 2_000;
        int[] carriers = {1, 2};
        VirtualThreadSchedulerMXBean scheduler =
                ManagementFactory.getPlatformMXBean(VirtualThreadSchedulerMXBean.class);
        int before = scheduler.getParallelism();
        double[][][] comms = new double[carriers.length][2][rounds];
        double[][][] late = new double[carriers.length][2][rounds];
        try {
            for (int round = -2; round < rounds; round++) { // two warm-up rounds
                for (int c = 0; c < carriers.length; c++) {
                    scheduler.setParallelism(carriers[c]);
                    for (int v = 0; v < versions.length; v++) {
                        double ct = versions[v].call("commsTime", cycles, 0);
                        double d = versions[v].call("sleeperDelay", sleep, cap);
                        if (round >= 0) {
                            comms[c][v][round] = ct;
                            late[c][v][round] = d;
                        }
                    }
                }
            }
        } finally {
            scheduler.setParallelism(before);
        }
        System.out.printf(Locale.ROOT, "medians of %d alternating rounds; CommsTime %,d cycles; sleeper: sleep %d ms "
                + "beside an endless a <-> b ping-pong, lateness from the run's start (capped at %d ms)%n",
                rounds, cycles, sleep, cap);
        for (int c = 0; c < carriers.length; c++) {
            for (int v = 0; v < versions.length; v++) {
                long never = Arrays.stream(late[c][v]).filter(x -> x < 0).count();
                double[] woke = Arrays.stream(late[c][v]).filter(x -> x >= 0).toArray();
                String lateness = woke.length == 0 ? "never woke (>" + cap + " ms) in " + never + "/" + rounds
                        : String.format(Locale.ROOT, "%.2f ms median, %.2f ms max%s", median(woke),
                                Arrays.stream(woke).max().orElseThrow(),
                                never > 0 ? ", never woke in " + never + "/" + rounds : "");
                System.out.printf(Locale.ROOT, "%d carrier(s) %-6s CommsTime %7.0f ns/cycle; sleeper late by %s%n",
                        carriers[c], versions[v], median(comms[c][v]), lateness);
            }
        }
    }

    static double median(double[] t) {
        double[] s = t.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
