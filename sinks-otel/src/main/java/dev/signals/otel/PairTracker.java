package dev.signals.otel;

import dev.signals.Event;
import io.opentelemetry.api.trace.SpanContext;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The starts of signal pairs still waiting for their end, in bounded memory: beyond
 * {@code maxOpen}, the oldest start is evicted and counted. Thread-safe.
 */
final class PairTracker {

    /** What a signal does to a pair. */
    enum Kind { START, END, FAILURE }

    /** A signal's role: which pair, and what it does. */
    static final class Role {
        final SpanPair pair;
        final Kind kind;

        Role(SpanPair pair, Kind kind) {
            this.pair = pair;
            this.kind = kind;
        }
    }

    /** A start waiting for its end, with the context of the span it was emitted in (or null). */
    static final class Pending {
        final Event start;
        final SpanContext parent;

        Pending(Event start, SpanContext parent) {
            this.start = start;
            this.parent = parent;
        }
    }

    /** Pairs are compared by identity: two pairs never share a key space. */
    private record Key(SpanPair pair, String value) {
    }

    private final Map<String, Role> roles = new HashMap<>();
    private final int maxOpen;
    private final LinkedHashMap<Key, Pending> open = new LinkedHashMap<>();
    private long evicted;

    /**
     * @throws IllegalArgumentException when one signal has a role in two pairs
     */
    PairTracker(List<SpanPair> pairs, int maxOpen) {
        this.maxOpen = maxOpen;
        for (SpanPair p : pairs) {
            addRole(p.start(), new Role(p, Kind.START));
            for (String s : p.ends()) {
                addRole(s, new Role(p, Kind.END));
            }
            for (String s : p.failures()) {
                addRole(s, new Role(p, Kind.FAILURE));
            }
        }
    }

    private void addRole(String signal, Role role) {
        Role before = roles.putIfAbsent(signal, role);
        if (before != null) {
            throw new IllegalArgumentException("signal " + signal + " is used by span pairs '" + before.pair.name()
                    + "' and '" + role.pair.name() + "'; a signal may belong to one pair only");
        }
    }

    boolean isEmpty() {
        return roles.isEmpty();
    }

    /** The role of the event's signal, or {@code null}. */
    Role roleOf(Event e) {
        return roles.isEmpty() ? null : roles.get(e.signal().name());
    }

    /** Remembers a start; one with the same key still waiting, or the oldest beyond the cap, is evicted. */
    synchronized void started(SpanPair pair, String value, Pending pending) {
        if (open.put(new Key(pair, value), pending) != null) {
            evicted++;
        }
        if (open.size() > maxOpen) {
            Iterator<Map.Entry<Key, Pending>> oldest = open.entrySet().iterator();
            oldest.next();
            oldest.remove();
            evicted++;
        }
    }

    /** The start this end closes, taken out, or {@code null} when there is none. */
    synchronized Pending finished(SpanPair pair, String value) {
        return open.remove(new Key(pair, value));
    }

    /** Starts evicted without their end: past the cap, or replaced by a start with the same key. */
    synchronized long evicted() {
        return evicted;
    }

    synchronized int openCount() {
        return open.size();
    }
}
