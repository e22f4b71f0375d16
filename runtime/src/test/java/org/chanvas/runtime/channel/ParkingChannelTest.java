package org.chanvas.runtime.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The channel layer as a plain Java API, without the interpreter. */
class ParkingChannelTest {

    @Test
    void rendezvousPingPong() throws Exception {
        ParkingChannel<Integer> ping = new ParkingChannel<>("ping", 0, false, null);
        ParkingChannel<Integer> pong = new ParkingChannel<>("pong", 0, false, null);
        Thread echo = Thread.ofVirtual().start(() -> {
            try {
                for (int i = 0; i < 10_000; i++) {
                    pong.send(ping.recv() + 1);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        for (int i = 0; i < 10_000; i++) {
            ping.send(i);
            assertThat(pong.recv()).isEqualTo(i + 1);
        }
        echo.join();
    }

    @Test
    void aBufferedSendWaitsOnlyWhileTheBufferIsFull() throws Exception {
        ParkingChannel<String> c = new ParkingChannel<>("b", 2, false, null);
        c.send("a");
        c.send("b");
        assertThat(c.held()).isEqualTo(2);
        CountDownLatch sent = new CountDownLatch(1);
        Thread t = Thread.ofVirtual().start(() -> {
            try {
                c.send("c");
                sent.countDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(sent.await(50, TimeUnit.MILLISECONDS)).isFalse();
        assertThat(c.recv()).isEqualTo("a");
        assertThat(sent.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(c.recv()).isEqualTo("b");
        assertThat(c.recv()).isEqualTo("c");
        t.join();
    }

    @Test
    void anUnboundedChannelPastItsLimitIsAClearError() throws Exception {
        ParkingChannel<Integer> c = new ParkingChannel<>("q", 3, true, null);
        for (int i = 0; i < 3; i++) {
            c.send(i);
        }
        assertThatThrownBy(() -> c.send(3)).isInstanceOf(ChannelOverflowException.class)
                .hasMessageContaining("'q'").hasMessageContaining("3");
    }

    @Test
    void blockedOperationsAreInterruptible() throws Exception {
        ParkingChannel<Integer> c = new ParkingChannel<>("c", 0, false, null);
        AtomicInteger interrupted = new AtomicInteger();
        Thread r = Thread.ofVirtual().start(() -> {
            try {
                c.recv();
            } catch (InterruptedException e) {
                interrupted.incrementAndGet();
            }
        });
        Thread s = Thread.ofVirtual().start(() -> {
            try {
                Select.select(List.of(new Select.RecvGuard(c, null), new Select.SendGuard(
                        new ParkingChannel<>("d", 0, false, null), 1, null)), -1, new SplittableRandom(1), null);
            } catch (InterruptedException e) {
                interrupted.incrementAndGet();
            }
        });
        r.interrupt();
        s.interrupt();
        r.join();
        s.join();
        assertThat(interrupted).hasValue(2);
    }

    @Test
    void callRepliesToTheVeryClient() throws Exception {
        CallChannel<Integer, Integer> c = new CallChannel<>("sq", null);
        Thread server = Thread.ofVirtual().start(() -> {
            try {
                for (int i = 0; i < 300; i++) {
                    CallRequest<Integer, Integer> req = c.accept();
                    req.reply(req.value() * req.value());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        List<Thread> clients = new ArrayList<>();
        ConcurrentHashMap<Integer, Integer> answers = new ConcurrentHashMap<>();
        for (int k = 0; k < 3; k++) {
            int base = k * 100;
            clients.add(Thread.ofVirtual().start(() -> {
                try {
                    for (int i = base; i < base + 100; i++) {
                        answers.put(i, c.call(i));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        for (Thread t : clients) {
            t.join();
        }
        server.join();
        assertThat(answers).hasSize(300);
        answers.forEach((q, a) -> assertThat(a).isEqualTo(q * q));
    }

    @Test
    void hundredThousandMessagesFourWritersFourReadersEachExactlyOnce() throws Exception {
        for (int capacity : new int[] {0, 8}) {
            ParkingChannel<Integer> c = new ParkingChannel<>("shared", capacity, false, null);
            int perWriter = 25_000;
            boolean[] seen = new boolean[4 * perWriter];
            AtomicInteger duplicates = new AtomicInteger();
            List<Thread> ts = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                int base = w * perWriter;
                ts.add(Thread.ofVirtual().start(() -> {
                    try {
                        for (int i = 0; i < perWriter; i++) {
                            c.send(base + i);
                        }
                        c.send(-1);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
            }
            for (int r = 0; r < 4; r++) {
                ts.add(Thread.ofVirtual().start(() -> {
                    try {
                        for (int m = c.recv(); m >= 0; m = c.recv()) {
                            synchronized (seen) {
                                if (seen[m]) {
                                    duplicates.incrementAndGet();
                                }
                                seen[m] = true;
                            }
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
            }
            for (Thread t : ts) {
                t.join();
            }
            assertThat(duplicates).hasValue(0);
            for (boolean b : seen) {
                assertThat(b).isTrue();
            }
        }
    }

    @Test
    void selectTimesOutWhenNothingBecomesReady() throws Exception {
        ParkingChannel<Integer> c = new ParkingChannel<>("c", 0, false, null);
        Select.Fired f = Select.select(List.of(new Select.RecvGuard(c, null)), 1_000_000, new SplittableRandom(1), null);
        assertThat(f.index()).isEqualTo(-1);
        Select.Fired now = Select.select(List.of(new Select.RecvGuard(c, null)), 0, new SplittableRandom(1), null);
        assertThat(now.index()).isEqualTo(-1);
    }

    @Test
    void selectIsFairOverTenThousandRounds() throws Exception {
        ParkingChannel<Integer> a = new ParkingChannel<>("a", 0, false, null);
        ParkingChannel<Integer> b = new ParkingChannel<>("b", 0, false, null);
        List<Thread> producers = new ArrayList<>();
        for (ParkingChannel<Integer> ch : List.of(a, b)) {
            producers.add(Thread.ofVirtual().start(() -> {
                try {
                    while (true) {
                        ch.send(1);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        int[] fired = new int[2];
        SplittableRandom rng = new SplittableRandom(42);
        List<Select.Guard> guards = List.of(new Select.RecvGuard(a, null), new Select.RecvGuard(b, null));
        for (int i = 0; i < 10_000; i++) {
            fired[Select.select(guards, -1, rng, null).index()]++;
        }
        for (Thread t : producers) {
            t.interrupt();
            t.join();
        }
        assertThat(fired[0] + fired[1]).isEqualTo(10_000);
        assertThat(fired[0]).isBetween(4_000, 6_000);
    }
}
