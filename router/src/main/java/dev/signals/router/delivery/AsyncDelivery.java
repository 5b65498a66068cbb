package dev.signals.router.delivery;

import dev.signals.Event;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.jctools.queues.MessagePassingQueue;
import org.jctools.queues.MpmcArrayQueue;
import org.jctools.queues.MpscArrayQueue;
import org.jctools.queues.QueueProgressIndicators;

/**
 * A bounded queue in front of one sink and the worker thread that empties it.
 *
 * <p>Producers (application threads) only offer; the worker alone takes events, except that
 * {@link Overflow#DROP_OLDEST} producers take the oldest event to make room, which is why that
 * policy uses a multi-consumer queue. The worker hands events to the sink one by one and
 * flushes the sink when the queue runs dry or after a batch, so a file is written in large
 * writes under load and promptly when idle.
 *
 * <p>Thread ownership: the sink is called only from the worker thread while it runs; after
 * {@link #close} it is called only by the closing thread.
 */
final class AsyncDelivery {

    private static final int RUNNING = 0;
    private static final int CLOSING = 1;
    private static final int CLOSED = 2;
    private static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    /** What the worker does with events; implemented by the channel. */
    interface Target {
        void process(Event event);

        void flush();

        /** How long a partial batch may wait for more events once the queue is dry; 0 flushes at once. */
        long lingerNanos();
    }

    private final String name;
    private final MessagePassingQueue<Event> queue;
    private final QueueProgressIndicators progress;
    private final Overflow overflow;
    private final long blockTimeoutNanos;
    private final int batchSize;
    /** How many events the worker takes from a full queue before blocked producers try again. */
    private final int resumeSlack;
    private final SinkCounters counters;
    private final Target target;
    private final long lingerNanos;
    private final WorkerThread worker;

    private volatile int state = RUNNING;
    private volatile boolean sleeping;
    private volatile long completedIndex;
    private volatile long closeDeadline;
    private final AtomicLong flushRequests = new AtomicLong();
    private volatile long flushesDone;

    /** @param owner the channel this queue feeds: events its worker's sink emits never route back to it */
    AsyncDelivery(String name, DeliveryPolicy policy, SinkCounters counters, Target target, SinkChannel owner) {
        this.name = name;
        int capacity = Math.max(2, policy.queueCapacity());
        if (policy.overflow() == Overflow.DROP_OLDEST) {
            MpmcArrayQueue<Event> q = new MpmcArrayQueue<>(capacity);
            this.queue = q;
            this.progress = q;
        } else {
            MpscArrayQueue<Event> q = new MpscArrayQueue<>(capacity);
            this.queue = q;
            this.progress = q;
        }
        this.resumeSlack = Math.max(1, capacity / 8);
        this.overflow = policy.overflow();
        this.blockTimeoutNanos = policy.blockTimeout() == null ? -1 : policy.blockTimeout().toNanos();
        this.batchSize = policy.batchSize();
        this.counters = counters;
        this.target = target;
        this.lingerNanos = target.lingerNanos();
        this.worker = new WorkerThread(() -> {
            DeliveryStack.ownThread(owner.id());
            work();
        }, "signals-async-" + name);
        this.worker.start();
    }

    /**
     * Queues an event, or counts it dropped under the overflow policy. Never throws.
     *
     * @return false when the queue was already closing (the event is counted, {@code SHUTDOWN})
     */
    boolean offer(Event event) {
        if (state != RUNNING) {
            counters.dropped(DropReason.SHUTDOWN, 1);
            return false;
        }
        if (queue.relaxedOffer(event)) {
            wake();
            return true;
        }
        switch (overflow) {
            case DROP_NEWEST:
                counters.dropped(DropReason.OVERFLOW, 1);
                break;
            case DROP_OLDEST:
                offerDroppingOldest(event);
                break;
            default:
                offerBlocking(event);
        }
        return true;
    }

    private void offerDroppingOldest(Event event) {
        do {
            if (queue.poll() != null) {
                counters.dropped(DropReason.OVERFLOW, 1);
            }
        } while (!queue.relaxedOffer(event));
        wake();
    }

    private void offerBlocking(Event event) {
        if (WorkerThread.isCurrent()) {
            // Emitted from inside a delivery: waiting here could wait on ourselves.
            counters.dropped(DropReason.OVERFLOW, 1);
            return;
        }
        long start = blockTimeoutNanos >= 0 ? System.nanoTime() : 0;
        // Full. While the worker drains quickly (the spinning and yielding rounds), wait until it
        // has taken a slice of the queue rather than retry slot by slot: that keeps producers off
        // the queue's indexes and, with few cores, off the CPU the worker needs. Once waiting has
        // come to parking (a slow sink), try at every round, so space is taken as soon as it frees.
        long resumeAt = progress.currentConsumerIndex() + resumeSlack;
        boolean interrupted = false;
        try {
            for (int round = 0; ; round++) {
                if (round >= Waits.PARKING_ROUND || progress.currentConsumerIndex() >= resumeAt) {
                    if (queue.relaxedOffer(event)) {
                        break;
                    }
                    resumeAt = progress.currentConsumerIndex() + resumeSlack;
                }
                if (state != RUNNING) {
                    counters.dropped(DropReason.SHUTDOWN, 1);
                    return;
                }
                if (blockTimeoutNanos >= 0 && System.nanoTime() - start >= blockTimeoutNanos) {
                    counters.dropped(DropReason.OVERFLOW, 1);
                    return;
                }
                wake();
                interrupted |= Waits.backoff(round);
            }
        } finally {
            Waits.restoreInterrupt(interrupted);
        }
        wake();
    }

    /**
     * The channel settles every failure of its sink itself; this guard is for the rest (an
     * {@code OutOfMemoryError} while reporting, say): a worker that died would leave its queue
     * full and producers under {@code overflow: block} waiting for ever.
     */
    private void processGuarded(Event e) {
        try {
            target.process(e);
        } catch (Throwable t) {
            counters.failed();
            counters.dropped(DropReason.FAILURE, 1);
        }
    }

    private void wake() {
        if (sleeping) {
            LockSupport.unpark(worker);
        }
    }

    /** True once {@link #close} has begun: retries stop waiting. */
    boolean closing() {
        return state != RUNNING;
    }

    /** Events waiting in the queue. */
    int depth() {
        return queue.size();
    }

    private void work() {
        int sinceFlush = 0;
        long firstUnflushed = 0;
        while (true) {
            int s = state;
            if (s == CLOSED || (s == CLOSING && System.nanoTime() - closeDeadline >= 0)) {
                break;
            }
            Event e = queue.poll();
            if (e != null) {
                if (sinceFlush == 0) {
                    firstUnflushed = System.nanoTime();
                }
                processGuarded(e);
                completedIndex = progress.currentConsumerIndex();
                if (++sinceFlush >= batchSize) {
                    target.flush();
                    sinceFlush = 0;
                }
                if (flushRequests.get() != flushesDone) {
                    serveFlushRequest();
                }
                continue;
            }
            completedIndex = progress.currentConsumerIndex();
            if (sinceFlush > 0 && s == RUNNING && flushRequests.get() == flushesDone && lingerFor(firstUnflushed)) {
                continue;
            }
            if (sinceFlush > 0) {
                target.flush();
                sinceFlush = 0;
            }
            if (flushRequests.get() != flushesDone) {
                serveFlushRequest();
                continue;
            }
            if (s == CLOSING) {
                break;
            }
            sleeping = true;
            if (queue.isEmpty() && state == RUNNING && flushRequests.get() == flushesDone) {
                LockSupport.parkNanos(this, IDLE_PARK_NANOS);
            }
            sleeping = false;
        }
    }

    /**
     * Waits, while the queue is dry, until the partial batch begun at {@code since} has waited
     * its linger time.
     *
     * @return true when it waited (the caller looks at the queue again), false when the batch is due
     */
    private boolean lingerFor(long since) {
        long left = since + lingerNanos - System.nanoTime();
        if (lingerNanos <= 0 || left <= 0) {
            return false;
        }
        sleeping = true;
        if (queue.isEmpty() && state == RUNNING && flushRequests.get() == flushesDone) {
            LockSupport.parkNanos(this, left);
        }
        sleeping = false;
        return true;
    }

    private void serveFlushRequest() {
        long requested = flushRequests.get();
        target.flush();
        flushesDone = requested;
    }

    /**
     * Waits until every event queued before the call has been handed to the sink and the sink
     * has been flushed, or until the timeout.
     *
     * @return whether it finished in time
     */
    boolean flush(Duration timeout) {
        if (!worker.isAlive()) {
            return queue.isEmpty();
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        long target = progress.currentProducerIndex();
        if (!Waits.until(() -> completedIndex >= target || !worker.isAlive(), deadline)) {
            return false;
        }
        long request = flushRequests.incrementAndGet();
        LockSupport.unpark(worker);
        return Waits.until(() -> flushesDone >= request || !worker.isAlive(), deadline);
    }

    /**
     * Stops taking events, lets the worker deliver what is queued until the deadline, and
     * counts what is left as dropped at shutdown.
     *
     * @return how many events were left undelivered
     */
    long close(Duration deadline) {
        long deadlineNanos = System.nanoTime() + deadline.toNanos();
        closeDeadline = deadlineNanos;
        state = CLOSING;
        LockSupport.unpark(worker);
        joinUntil(deadlineNanos);
        state = CLOSED;
        LockSupport.unpark(worker);
        joinUntil(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100));
        long left = 0;
        if (worker.isAlive()) {
            // The sink is stuck inside a call: count what waits behind it without taking it.
            left = queue.size();
        } else {
            while (queue.poll() != null) {
                left++;
            }
        }
        if (left > 0) {
            counters.dropped(DropReason.SHUTDOWN, left);
        }
        return left;
    }

    /** Whether the worker has stopped (after close, or never stuck). */
    boolean stopped() {
        return !worker.isAlive();
    }

    private void joinUntil(long deadlineNanos) {
        long wait = deadlineNanos - System.nanoTime();
        if (wait <= 0) {
            return;
        }
        try {
            worker.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(wait)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "async(" + name + ")";
    }
}
