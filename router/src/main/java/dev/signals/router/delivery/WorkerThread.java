package dev.signals.router.delivery;

/**
 * The thread an asynchronous sink delivers on. Recognisable, so that an event emitted while
 * delivering (a sink whose own code logs) never waits on a full queue: a worker waiting on a
 * queue that only workers drain is how logging frameworks deadlock.
 */
final class WorkerThread extends Thread {

    WorkerThread(Runnable body, String name) {
        super(body, name);
        setDaemon(true);
    }

    static boolean isCurrent() {
        return Thread.currentThread() instanceof WorkerThread;
    }
}
