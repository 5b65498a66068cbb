package dev.signals.router;

import dev.signals.Field;
import dev.signals.Signal;
import dev.signals.router.delivery.DeliveryStack;
import dev.signals.router.delivery.SinkChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * An immutable set of routes, with the keys to redact, and a per-signal cache of where each
 * signal goes. The router swaps whole tables, so an event sees one table from start to end.
 * The cache is filled on first use of each signal; racing fills compute the same answer, so a
 * lost write only costs a recomputation. Signals have dense ids below {@link Signal#NAME_LIMIT},
 * which bounds the cache; signals declared beyond the limit have no id of their own and use a
 * fixed-size cache keyed by identity instead.
 */
final class RouteTable {

    static final RouteTable EMPTY = new RouteTable(List.of(), Set.of());

    private final List<Route> routes;
    private final UnaryOperator<Field> redactor;
    private final Set<SinkChannel> sinks;
    private volatile Targets[] cache = new Targets[64];
    /** How dispatches delivering through this table mark their threads' {@link DeliveryStack}s. */
    final long id = DeliveryStack.newId();
    /** Made on the first signal beyond the name limit; a lost race only costs recomputations. */
    private volatile WeakTargetsCache beyondLimit;

    RouteTable(List<Route> routes, Set<String> redact) {
        this.routes = List.copyOf(routes);
        Set<String> keys = Set.copyOf(redact);
        this.redactor = keys.isEmpty() ? null : f -> keys.contains(f.key()) && f.type() != Field.Type.SECRET
                ? Field.secret(f.key(), "***") : f;
        Set<SinkChannel> all = new LinkedHashSet<>();
        for (Route r : routes) {
            all.addAll(r.sinks());
        }
        this.sinks = Collections.unmodifiableSet(all);
    }

    /** A table that sends every signal down {@code route}, redacting nothing. */
    static RouteTable allTo(Route route) {
        return new RouteTable(List.of(route), Set.of());
    }

    List<Route> routes() {
        return routes;
    }

    /** Replaces redacted fields by secrets (written as {@code ***}); {@code null} when nothing is redacted. */
    UnaryOperator<Field> redactor() {
        return redactor;
    }

    /** Every sink any route of this table feeds, each once. */
    Set<SinkChannel> sinks() {
        return sinks;
    }

    Targets targets(Signal signal) {
        Targets[] c = cache;
        int id = signal.id();
        // UNCACHED_ID is never below the length, so this path is the same for every signal.
        if (id < c.length) {
            Targets t = c[id];
            if (t != null) {
                return t;
            }
        }
        return id == Signal.UNCACHED_ID ? targetsBeyondLimit(signal) : resolveAndStore(signal);
    }

    private Targets targetsBeyondLimit(Signal signal) {
        WeakTargetsCache weak = beyondLimit;
        if (weak == null) {
            weak = new WeakTargetsCache();
            beyondLimit = weak;
        }
        Targets t = weak.get(signal);
        if (t == null) {
            t = resolve(signal);
            weak.put(signal, t);
        }
        return t;
    }

    private Targets resolve(Signal signal) {
        List<Route> matching = new ArrayList<>();
        for (Route r : routes) {
            if (r.takes(signal)) {
                matching.add(r);
            }
        }
        return Targets.of(signal, matching);
    }

    private Targets resolveAndStore(Signal signal) {
        Targets t = resolve(signal);
        // Stored in place, the array growing geometrically: a copy per new name made a million
        // names quadratic. A reader racing the store sees null and resolves again (same answer);
        // Targets has only final fields, so a reader that sees it sees it whole.
        synchronized (this) {
            Targets[] c = cache;
            if (signal.id() >= c.length) {
                // Ids are below NAME_LIMIT, so the doubling stops there.
                c = Arrays.copyOf(c, Math.max(c.length * 2, signal.id() + 1));
                cache = c;
            }
            c[signal.id()] = t;
        }
        return t;
    }
}
