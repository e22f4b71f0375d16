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
        CountDownLatch parking = new CountDownLatch(1);
        Party party = new Party() {
            @Override
            public void blocking() {
                parking.countDown(); // the send queued its offer and is about to park: it did not complete
            }

            @Override
            public void claimed() {
            }
        };
        Thread t = Thread.ofVirtual().start(() -> {
            try {
                c.send("c", party, null);
                sent.countDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(parking.await(20, TimeUnit.SECONDS)).as("the third send blocks").isTrue();
        assertThat(sent.getCount()).isEqualTo(1);
        assertThat(c.held()).isEqualTo(2);
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

    /**
     * Both guards ready at every round (buffers refilled by this very thread, no other thread involved), so
     * the guard that fires is the select's seeded random start: the count is exact, and fair for this seed.
     */
    @Test
    void selectOverReadyGuardsFiresItsSeededStartEveryRound() throws Exception {
        ParkingChannel<Integer> a = new ParkingChannel<>("a", 1, false, null);
        ParkingChannel<Integer> b = new ParkingChannel<>("b", 1, false, null);
        int[] fired = new int[2];
        SplittableRandom rng = new SplittableRandom(42);
        SplittableRandom expected = new SplittableRandom(42);
        List<Select.Guard> guards = List.of(new Select.RecvGuard(a, null), new Select.RecvGuard(b, null));
        for (int i = 0; i < 10_000; i++) {
            if (a.held() == 0) {
                a.send(0);
            }
            if (b.held() == 0) {
                b.send(1);
            }
            Select.Fired f = Select.select(guards, -1, rng, null);
            assertThat(f.index()).isEqualTo(expected.nextInt(2));
            assertThat(f.value()).isEqualTo(f.index());
            fired[f.index()]++;
        }
        assertThat(fired[0] + fired[1]).isEqualTo(10_000);
        assertThat(fired[0]).isBetween(4_800, 5_200);
    }
}
