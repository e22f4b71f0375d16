package org.chanvas.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import org.chanvas.runtime.channel.ParkingChannel;
import org.chanvas.runtime.channel.Select;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The channel layer against the JDK in the same run: a rendezvous ping-pong between two virtual threads on
 * {@link ParkingChannel} and on {@link SynchronousQueue} (the baseline), and a fair select over 4 producers.
 * Times are per round trip / per message.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class RuntimeChannelBenchmark extends OnCarriers {

    static final int ROUNDS = 20_000;

    @Benchmark
    @OperationsPerInvocation(ROUNDS)
    public void pingPongParkingChannel() throws InterruptedException {
        ParkingChannel<Integer> ping = new ParkingChannel<>("ping", 0, false, null);
        ParkingChannel<Integer> pong = new ParkingChannel<>("pong", 0, false, null);
        Thread echo = Thread.ofVirtual().start(() -> {
            try {
                for (int i = 0; i < ROUNDS; i++) {
                    pong.send(ping.recv());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Thread main = Thread.ofVirtual().start(() -> {
            try {
                for (int i = 0; i < ROUNDS; i++) {
                    ping.send(i);
                    pong.recv();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        main.join();
        echo.join();
    }

    @Benchmark
    @OperationsPerInvocation(ROUNDS)
    public void pingPongSynchronousQueue() throws InterruptedException {
        SynchronousQueue<Integer> ping = new SynchronousQueue<>();
        SynchronousQueue<Integer> pong = new SynchronousQueue<>();
        Thread echo = Thread.ofVirtual().start(() -> {
            try {
                for (int i = 0; i < ROUNDS; i++) {
                    pong.put(ping.take());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Thread main = Thread.ofVirtual().start(() -> {
            try {
                for (int i = 0; i < ROUNDS; i++) {
                    ping.put(i);
                    pong.take();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        main.join();
        echo.join();
    }

    @Benchmark
    @OperationsPerInvocation(ROUNDS)
    public void fairSelectOverFourProducers() throws InterruptedException {
        List<ParkingChannel<Integer>> chans = new ArrayList<>();
        List<Thread> producers = new ArrayList<>();
        for (int p = 0; p < 4; p++) {
            ParkingChannel<Integer> c = new ParkingChannel<>("p" + p, 0, false, null);
            chans.add(c);
            producers.add(Thread.ofVirtual().start(() -> {
                try {
                    while (true) {
                        c.send(1);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        List<Select.Guard> guards = new ArrayList<>();
        for (ParkingChannel<Integer> c : chans) {
            guards.add(new Select.RecvGuard(c, null));
        }
        Thread consumer = Thread.ofVirtual().start(() -> {
            SplittableRandom rng = new SplittableRandom(1);
            try {
                for (int i = 0; i < ROUNDS; i++) {
                    Select.select(guards, -1, rng, null);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        consumer.join();
        for (Thread t : producers) {
            t.interrupt();
        }
        for (Thread t : producers) {
            t.join();
        }
    }
}
