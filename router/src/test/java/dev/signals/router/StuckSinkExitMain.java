package dev.signals.router;

import dev.signals.Event;
import dev.signals.Severity;
import dev.signals.Signal;
import dev.signals.Signals;
import dev.signals.Sink;
import dev.signals.router.delivery.DeliveryPolicy;
import dev.signals.router.delivery.Overflow;
import java.util.concurrent.CountDownLatch;

/**
 * Run in a child JVM by {@link StuckSinkExitTest}: a synchronous sink and an asynchronous sink
 * whose {@code close()} never returns, an asynchronous sink stuck in {@code accept} with events
 * queued behind it, and a synchronous sink stuck in {@code accept} holding the lock its
 * {@code close()} needs; then {@code System.exit(0)}. Only the shutdown deadline can end it.
 */
public final class StuckSinkExitMain {

    private static final CountDownLatch NEVER = new CountDownLatch(1);

    public static void main(String[] args) throws Exception {
        Router global = Router.global();
        global.configure("{\"shutdownTimeoutMs\": " + args[0] + "}", "test");
        global.route("STUCK_*", Severity.TRACE, null, null, new NeverCloses(), DeliveryPolicy.DIRECT, "sync-never-closes");
        global.route("STUCK_*", Severity.TRACE, null, null, new NeverCloses(),
                DeliveryPolicy.builder().async(16, Overflow.BLOCK).build(), "async-never-closes");
        global.route("STUCK_*", Severity.TRACE, null, null, event -> NEVER.await(),
                DeliveryPolicy.builder().async(16, Overflow.DROP_NEWEST).build(), "async-stuck-in-accept");
        CountDownLatch holding = new CountDownLatch(1);
        global.route("HELD_*", Severity.TRACE, null, null, new HoldsItsLock(holding), DeliveryPolicy.DIRECT,
                "sync-stuck-in-accept");
        Thread holder = new Thread(() -> Signals.emit(Signal.of("HELD_EVENT"), "blocks inside accept"), "holder");
        holder.setDaemon(true);
        holder.start();
        holding.await();
        Signal stuck = Signal.of("STUCK_EVENT");
        for (int i = 0; i < 10; i++) {
            Signals.emit(stuck, "event " + i);
        }
        System.out.println("EXITING");
        System.out.flush();
        System.exit(0);
    }

    /** Takes events, never finishes closing. */
    private static final class NeverCloses implements Sink {
        @Override
        public void accept(Event event) {
        }

        @Override
        public void close() throws InterruptedException {
            NEVER.await();
        }
    }

    /** A synchronous sink stuck in {@code accept} while holding the lock its {@code close()} needs. */
    private static final class HoldsItsLock implements Sink {
        private final CountDownLatch holding;

        HoldsItsLock(CountDownLatch holding) {
            this.holding = holding;
        }

        @Override
        public synchronized void accept(Event event) throws InterruptedException {
            holding.countDown();
            NEVER.await();
        }

        @Override
        public synchronized void close() {
        }
    }

    private StuckSinkExitMain() {
    }
}
