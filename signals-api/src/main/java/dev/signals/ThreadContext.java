package dev.signals;

import dev.signals.spi.BridgeScope;
import dev.signals.spi.BridgedSpan;
import dev.signals.spi.CapturedContext;
import dev.signals.spi.Failures;
import dev.signals.spi.Providers;
import dev.signals.spi.TraceBridge;
import dev.signals.spi.TraceBridgeProvider;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * What the current thread carries into every event it emits: scoped fields and the current
 * trace context. Immutable; a thread's state is replaced, never changed, so a state captured
 * on one thread can be handed to another (see {@link Signals#wrap(Runnable)}).
 *
 * <p>Where the trace comes from decides whether a {@link TraceBridge} is asked about it:
 * <ul>
 *   <li>{@link #OWN}: Signals' own span (no bridge) or a trace continued from a header. Final.</li>
 *   <li>{@link #MIRROR}: a bridged span. The tracing system has it current too, and may have
 *       opened spans inside it through its own API: the bridge's current span wins, this one
 *       is the fallback.</li>
 *   <li>{@link #NONE}: no trace of Signals' own; the bridge is asked when there is one.</li>
 *   <li>{@link #AMBIENT}: a <em>view</em> made by {@link #current()} with the bridge's span.
 *       A view is never stored: {@link #set} stores the context it was made from, so a span
 *       that ended in the tracing system is never carried on by Signals.</li>
 * </ul>
 */
final class ThreadContext {

    static final byte NONE = 0;
    static final byte OWN = 1;
    static final byte MIRROR = 2;
    static final byte AMBIENT = 3;

    static final Field[] NO_FIELDS = new Field[0];
    static final ThreadContext EMPTY = new ThreadContext(NO_FIELDS, null, null, NONE);

    /**
     * The stored context, {@code null} for {@link #EMPTY}: a thread with nothing scoped holds no
     * object of Signals' classes, so a pooled thread of a web container does not keep an
     * undeployed application's class loader alive (a plain ThreadLocal, no initial-value lambda).
     */
    private static final ThreadLocal<ThreadContext> CURRENT = new ThreadLocal<>();
    private static final BridgeScope NO_SCOPE = () -> { };
    private static volatile boolean bridgeFailureReported;

    final Field[] scoped;
    final TraceContext trace;
    /** The span whose context this is (it installed it, or a scope extends it), or {@code null}. */
    final Span span;
    final byte source;
    /** For a view, the stored context it shows; else {@code null}. */
    private final ThreadContext base;

    private ThreadContext(Field[] scoped, TraceContext trace, Span span, byte source, ThreadContext base) {
        this.scoped = scoped;
        this.trace = trace;
        this.span = span;
        this.source = source;
        this.base = base;
    }

    ThreadContext(Field[] scoped, TraceContext trace, Span span, byte source) {
        this(scoped, trace, span, source, null);
    }

    ThreadContext(Field[] scoped, TraceContext trace) {
        this(scoped, trace, null, trace == null ? NONE : OWN, null);
    }

    /**
     * The context events on this thread carry now: the stored one, with the trace the bridge
     * has current when Signals' own trace defers to it.
     */
    static ThreadContext current() {
        ThreadContext c = raw();
        if (c.span != null) {
            c = c.span.afterEndElsewhere(c);
        }
        if (c.source == OWN) {
            return c;
        }
        TraceBridge bridge = Bridge.INSTANCE;
        return bridge == null ? c : withAmbient(c, bridge);
    }

    /** The stored context, as set; for saving and restoring. */
    static ThreadContext raw() {
        ThreadContext c = CURRENT.get();
        return c == null ? EMPTY : c;
    }

    /** Makes {@code context} this thread's; a view is stored as the context it was made from. */
    static void set(ThreadContext context) {
        ThreadContext stored = context.base != null ? context.base : context;
        CURRENT.set(stored == EMPTY ? null : stored);
    }

    /**
     * This context with more scoped fields; the trace stays where it comes from. A field whose
     * key is already scoped replaces its value (as Log4j's {@code ThreadContext.put} does), so
     * scopes left open with the same key cost nothing more; past {@link #MAX_SCOPED_FIELDS}
     * distinct keys, new keys are left out and this is reported once on stderr.
     */
    ThreadContext withScoped(Field[] more) {
        ThreadContext b = base != null ? base : this;
        return new ThreadContext(merge(b.scoped, more), b.trace, b.span, b.source);
    }

    /** Distinct scoped keys a thread carries at most; more almost always means leaked scopes. */
    static final int MAX_SCOPED_FIELDS = 128;
    private static final java.util.concurrent.atomic.AtomicBoolean SCOPE_LIMIT_REPORTED =
            new java.util.concurrent.atomic.AtomicBoolean();

    private static Field[] merge(Field[] outer, Field[] more) {
        Field[] all = java.util.Arrays.copyOf(outer, Math.min(outer.length + more.length,
                Math.max(outer.length, MAX_SCOPED_FIELDS)));
        int n = outer.length;
        for (Field f : more) {
            int at = indexOfKey(all, n, f.key());
            if (at >= 0) {
                all[at] = f;
            } else if (n < all.length) {
                all[n++] = f;
            } else if (SCOPE_LIMIT_REPORTED.compareAndSet(false, true)) {
                System.err.println("Signals: a thread carries " + MAX_SCOPED_FIELDS
                        + " scoped fields; further keys are left out (scopes not closed?)");
            }
        }
        return n == all.length ? all : java.util.Arrays.copyOf(all, n);
    }

    private static int indexOfKey(Field[] fields, int length, String key) {
        for (int i = 0; i < length; i++) {
            if (fields[i].key().equals(key)) {
                return i;
            }
        }
        return -1;
    }

    /** This context with a trace that is final, such as one continued from a header. */
    ThreadContext withTrace(TraceContext newTrace) {
        return new ThreadContext(scoped, newTrace);
    }

    static Field[] concat(Field[] a, Field[] b) {
        if (a.length == 0) {
            return b;
        }
        if (b.length == 0) {
            return a;
        }
        Field[] all = new Field[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    // ---------------------------------------------------------------- the trace bridge

    private static ThreadContext withAmbient(ThreadContext c, TraceBridge bridge) {
        TraceContext ambient;
        try {
            ambient = bridge.currentContext();
        } catch (Throwable t) {
            reportBridgeFailure(t);
            ambient = null;
        }
        if (ambient == null || ambient == c.trace || ambient.equals(c.trace)) {
            return c; // a mirrored span with no context in the tracing system falls back to itself
        }
        return new ThreadContext(c.scoped, ambient, null, AMBIENT, c);
    }

    /** True when a trace bridge is installed. */
    static boolean bridged() {
        return Bridge.INSTANCE != null;
    }

    /** Starts a span through the bridge, or answers {@code null} (no bridge, inactive, or failing). */
    static BridgedSpan startBridged(String name, SpanKind kind, TraceContext parent, Field[] fields) {
        TraceBridge bridge = Bridge.INSTANCE;
        if (bridge == null) {
            return null;
        }
        try {
            BridgedSpan span = bridge.startSpan(name, kind, parent, readOnly(fields));
            if (span != null && span.context() == null) {
                span.end(null, null);
                return null;
            }
            return span;
        } catch (Throwable t) {
            reportBridgeFailure(t);
            return null;
        }
    }

    static BridgeScope makeCurrent(BridgedSpan span) {
        try {
            BridgeScope scope = span.makeCurrent();
            return scope == null ? NO_SCOPE : scope;
        } catch (Throwable t) {
            reportBridgeFailure(t);
            return NO_SCOPE;
        }
    }

    static void endBridged(BridgedSpan span, String failure, Throwable error) {
        try {
            span.end(failure, error);
        } catch (Throwable t) {
            reportBridgeFailure(t);
        }
    }

    static void close(BridgeScope scope) {
        try {
            scope.close();
        } catch (Throwable t) {
            reportBridgeFailure(t);
        }
    }

    /** The bridge's context on this thread, or {@code null}. */
    static CapturedContext captureBridge() {
        TraceBridge bridge = Bridge.INSTANCE;
        if (bridge == null) {
            return null;
        }
        try {
            return bridge.captureContext();
        } catch (Throwable t) {
            reportBridgeFailure(t);
            return null;
        }
    }

    /**
     * Makes a remote parent current in the bridged tracing system too, so that its own
     * instrumentation inside {@link Signals#continueTraceFrom} (or
     * {@link Signals#continueTrace}) is a child of the remote span.
     *
     * @return the bridge's scope to close, or {@code null} without a bridge
     */
    static BridgeScope continueRemote(TraceContext remote) {
        TraceBridge bridge = Bridge.INSTANCE;
        if (bridge == null) {
            return null;
        }
        try {
            return bridge.continueRemote(remote);
        } catch (Throwable t) {
            reportBridgeFailure(t);
            return null;
        }
    }

    /** Attaches a captured bridge context on this thread; a no-op scope for {@code null}. */
    static BridgeScope attach(CapturedContext captured) {
        if (captured == null) {
            return NO_SCOPE;
        }
        try {
            BridgeScope scope = captured.attach();
            return scope == null ? NO_SCOPE : scope;
        } catch (Throwable t) {
            reportBridgeFailure(t);
            return NO_SCOPE;
        }
    }

    private static List<Field> readOnly(Field[] fields) {
        int nulls = 0;
        for (Field f : fields) {
            if (f == null) {
                nulls++;
            }
        }
        if (nulls == 0) {
            return Collections.unmodifiableList(Arrays.asList(fields));
        }
        List<Field> kept = new ArrayList<>(fields.length - nulls);
        for (Field f : fields) {
            if (f != null) {
                kept.add(f);
            }
        }
        return Collections.unmodifiableList(kept);
    }

    private static void reportBridgeFailure(Throwable t) {
        if (!bridgeFailureReported) {
            bridgeFailureReported = true;
            System.err.println("Signals: the trace bridge failed (" + Failures.describe(t) + "); spans go on with Signals' own ids");
        }
    }

    /** Holder idiom: the bridge is looked up on first use, then a constant the JIT can fold. */
    static final class Bridge {
        static final TraceBridge INSTANCE = load(ThreadContext.class.getClassLoader(), System.err);

        private Bridge() {
        }
    }

    /**
     * The bridge of the highest-priority provider visible to {@code loader}, or {@code null}
     * when there is none (the usual case without a tracing system: nothing is reported).
     */
    static TraceBridge load(ClassLoader loader, PrintStream err) {
        TraceBridgeProvider provider = Providers.highest(TraceBridgeProvider.class, loader, err, "trace bridge",
                TraceBridgeProvider::priority, System.getProperty("signals.traceBridge"));
        if (provider == null) {
            return null;
        }
        try {
            return provider.bridge();
        } catch (RuntimeException | LinkageError e) {
            err.println("Signals: trace bridge provider " + provider.getClass().getName()
                    + " failed (" + Failures.describe(e) + "); spans use Signals' own ids");
            return null;
        }
    }
}
