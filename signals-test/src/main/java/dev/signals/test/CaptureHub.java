package dev.signals.test;

import dev.signals.Event;
import dev.signals.Field;
import dev.signals.Sink;
import dev.signals.router.Route;
import dev.signals.router.Router;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one capturing sink on a router, shared by every test that captures. Each test gets an id,
 * carried by its events as the scoped field {@value #MARKER}; an event goes to the capture of
 * the test whose id it carries, without that field, and to no other. The patterns tests ask
 * for are routed to this sink while at least one running test needs them (counted per
 * pattern), so tests that start and end in any order, on any threads, never remove each
 * other's routes.
 */
final class CaptureHub implements Sink {

    /** The scoped field that tells which test an event belongs to. */
    static final String MARKER = "signals.test.id";

    private final Router router;
    private final ConcurrentHashMap<String, CapturedSignals> active = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final Object lock = new Object();
    /** Guarded by {@link #lock}. */
    private final Map<String, Lease> leases = new HashMap<>();

    CaptureHub(Router router) {
        this.router = router;
    }

    /** The hub on {@link Router#global()}, made on first use. */
    static CaptureHub global() {
        return Global.HUB;
    }

    /** One test's capture, open until {@link #close}. */
    record Registration(String id, Field marker, CapturedSignals captured, List<String> patterns) {
    }

    /**
     * Opens a capture for the signals matching {@code patterns}.
     *
     * @throws IllegalArgumentException for a malformed pattern (nothing is left open then)
     */
    Registration open(List<String> patterns) {
        CapturedSignals captured;
        try {
            captured = new CapturedSignals(patterns);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("@CaptureSignals: cannot capture " + patterns + ": " + e.getMessage(), e);
        }
        String id = "t" + ids.incrementAndGet();
        active.put(id, captured);
        List<String> acquired = new ArrayList<>();
        try {
            synchronized (lock) {
                for (String p : patterns) {
                    Lease lease = leases.get(p);
                    if (lease == null) {
                        lease = new Lease(router.route(p, this));
                        leases.put(p, lease);
                    }
                    lease.users++;
                    acquired.add(p);
                }
            }
        } catch (RuntimeException e) {
            release(acquired);
            active.remove(id);
            throw new IllegalArgumentException("@CaptureSignals: cannot capture " + patterns + ": " + e.getMessage(), e);
        }
        return new Registration(id, Field.of(MARKER, id), captured, List.copyOf(patterns));
    }

    /** Ends a capture; later events of the test are ignored. */
    void close(Registration registration) {
        active.remove(registration.id());
        release(registration.patterns());
    }

    private void release(List<String> patterns) {
        synchronized (lock) {
            for (String p : patterns) {
                Lease lease = leases.get(p);
                if (lease != null && --lease.users == 0) {
                    leases.remove(p);
                    lease.route.remove();
                }
            }
        }
    }

    @Override
    public void accept(Event event) {
        Field marker = event.field(MARKER);
        if (marker == null) {
            return;
        }
        String id = marker.stringValue();
        CapturedSignals captured = id == null ? null : active.get(id);
        if (captured != null) {
            captured.add(withoutMarker(event));
        }
    }

    /** The event as the test emitted it: the same in every respect but the marker field. */
    static Event withoutMarker(Event event) {
        List<Field> kept = new ArrayList<>(event.fieldCount());
        for (int i = 0; i < event.fieldCount(); i++) {
            Field f = event.field(i);
            if (!MARKER.equals(f.key())) {
                kept.add(f);
            }
        }
        return Event.builder(event.signal()).message(event.message()).epochMicros(event.epochMicros())
                .sequence(event.sequence()).thread(event.thread()).trace(event.traceId(), event.spanId())
                .fields(kept).build();
    }

    /** Closing a route's last use closes the sink; the hub holds nothing to release. */
    @Override
    public void close() {
    }

    private static final class Lease {
        final Route route;
        int users;

        Lease(Route route) {
            this.route = route;
        }
    }

    /** Holder idiom: the global router is touched only when a test first captures. */
    private static final class Global {
        static final CaptureHub HUB = new CaptureHub(Router.global());
    }
}
