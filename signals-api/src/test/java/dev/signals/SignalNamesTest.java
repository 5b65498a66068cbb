package dev.signals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** The name registry with a small limit: names kept for good, then names kept while referenced. */
class SignalNamesTest {

    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    @Test
    void namesUpToTheLimitGetDenseIdsAndLaterOnesTheUncachedId() {
        SignalNames names = new SignalNames(3, err);
        Signal a = names.declare("A", Severity.INFO);
        Signal b = names.declare("B", Severity.INFO);
        Signal c = names.declare("C", Severity.INFO);
        Signal d = names.declare("D", Severity.WARN);
        assertEquals(List.of(0, 1, 2), List.of(a.id(), b.id(), c.id()));
        assertEquals(Signal.UNCACHED_ID, d.id());
        assertEquals(Severity.WARN, d.severity());
        assertSame(a, names.declare("A", Severity.INFO));
        assertSame(d, names.declare("D", Severity.INFO), "a name beyond the limit is the same object while held");
        assertSame(d, names.find("D"));
        assertEquals(1, names.declaredBeyond());
    }

    @Test
    void theFirstNameBeyondTheLimitIsAnnouncedOnceOnStderr() {
        SignalNames names = new SignalNames(1, err);
        names.declare("KEPT", Severity.INFO);
        assertEquals("", errBytes.toString(StandardCharsets.UTF_8));
        List<Signal> held = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            held.add(names.declare("BEYOND_" + i, Severity.INFO));
        }
        String out = errBytes.toString(StandardCharsets.UTF_8);
        assertEquals(1, out.lines().count(), out);
        assertTrue(out.contains("more than 1 signal names"), out);
        assertEquals(100, names.declaredBeyond());
        assertEquals(100, held.size());
    }

    @Test
    void aNameBeyondTheLimitNoOneReferencesIsForgottenAndDeclaredAfresh() {
        SignalNames names = new SignalNames(0, err);
        names.declare("GONE", Severity.WARN);
        awaitCollected(() -> names.find("GONE") == null);
        Signal again = names.declare("GONE", Severity.DEBUG);
        assertEquals(Severity.DEBUG, again.severity(), "a forgotten name takes the severity of its new declaration");
        assertSame(again, names.find("GONE"));
        assertEquals(2, names.declaredBeyond());
    }

    @Test
    void namesWithinTheLimitAreKeptEvenWhenNoOneReferencesThem() {
        SignalNames names = new SignalNames(1, err);
        names.declare("KEPT", Severity.WARN);
        names.declare("GONE", Severity.WARN);
        awaitCollected(() -> names.find("GONE") == null);
        Signal kept = names.find("KEPT");
        assertNotNull(kept);
        assertEquals(Severity.WARN, kept.severity());
        assertEquals(0, kept.id());
    }

    @Test
    void racingDeclarationsOfOneNameGetOneSignalOnBothSidesOfTheLimit() throws Exception {
        SignalNames names = new SignalNames(500, err);
        int threads = 4;
        int perThread = 2_000;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Signal[]>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    start.await();
                    Signal[] got = new Signal[perThread];
                    for (int i = 0; i < perThread; i++) {
                        got[i] = names.declare("RACE_" + i, Severity.INFO);
                    }
                    return got;
                }));
            }
            start.countDown();
            Signal[] first = results.get(0).get();
            for (Future<Signal[]> f : results) {
                Signal[] got = f.get();
                for (int i = 0; i < perThread; i++) {
                    assertSame(first[i], got[i], "RACE_" + i);
                }
            }
            long dense = 0;
            boolean[] seen = new boolean[500];
            for (Signal s : first) {
                if (s.id() != Signal.UNCACHED_ID) {
                    assertTrue(!seen[s.id()], "id " + s.id() + " given twice");
                    seen[s.id()] = true;
                    dense++;
                }
            }
            assertEquals(500, dense, "every id below the limit is used, none twice");
            assertEquals(perThread - 500, names.declaredBeyond());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Asks for collections until {@code gone} holds; a weak reference is cleared by a full GC. */
    static void awaitCollected(BooleanSupplier gone) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!gone.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not collected within 10 s");
            }
            System.gc();
            Thread.onSpinWait();
        }
    }
}
