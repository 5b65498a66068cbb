package dev.signals.router;

import dev.signals.Event;
import dev.signals.Field;
import dev.signals.Severity;
import dev.signals.Signal;
import dev.signals.Sink;
import dev.signals.router.config.ConfigException;
import dev.signals.router.config.ConfigNode;
import dev.signals.router.config.ConfigParser;
import dev.signals.router.delivery.DeliveryPolicy;
import dev.signals.router.delivery.DeliveryStack;
import dev.signals.router.delivery.DropReason;
import dev.signals.router.delivery.SinkChannel;
import dev.signals.router.delivery.SinkStats;
import dev.signals.router.spi.BeforeCapture;
import dev.signals.router.spi.SnapshotTrigger;
import dev.signals.spi.Dispatcher;
import dev.signals.spi.Failures;
import dev.signals.spi.LoggerLevels;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;

/**
 * Fans each event out to the sinks routed to its signal.
 *
 * <p>Routes come from code ({@link #route}) and from a config file ({@link #configure}); the
 * two sets live side by side, and a new config replaces only the routes of the previous one.
 * Every change builds a new immutable route table and swaps it in whole, so an event is
 * delivered wholly by the old routes or wholly by the new ones.
 *
 * <p>The router owns the sinks routed to it: a sink left with no route, and every sink on
 * {@link #close()}, is drained, flushed and closed.
 */
public final class Router implements Dispatcher {

    private final Object lock = new Object();
    private final AtomicInteger sinkNumbers = new AtomicInteger();
    private final PrintStream err;
    private final LongSupplier nanoTime;
    private final RouterTimers timers;
    private volatile RouteTable table = RouteTable.EMPTY;
    private volatile boolean closed;
    /** Set under the lock when closing begins: no more configuration, a second closer waits. */
    private boolean closing;
    private final List<Route> codeRoutes = new ArrayList<>();
    private final Map<Sink, SinkChannel> codeSinks = new IdentityHashMap<>();
    private ConfigState config = ConfigState.EMPTY;
    private SinkFactories factories;
    /**
     * Every channel the router holds, routed, fallback or being retired: an immutable list
     * replaced under the lock, so figures, flushes and snapshots read it without the lock.
     * After close, the channels held at closing, so that their final figures stay readable.
     */
    private volatile List<SinkChannel> channels = List.of();
    /** Channels a change left without routes, until they are closed; guarded by the lock. */
    private final Set<SinkChannel> retiring = new LinkedHashSet<>();
    private final RetiredSinks retired = new RetiredSinks();
    private final AfterClose afterClose;
    private final CountDownLatch closeFinished = new CountDownLatch(1);
    /** While the global router is being configured: holds every event; {@code null} after. Guarded by the lock. */
    private StartupBuffer startup;
    private SinkChannel startupChannel;
    /** The JVM shutdown hook that closes this router, removed again by an explicit close. */
    private volatile Thread shutdownHook;
    /** The config's {@code "loggers"}, read by the logging bridges on every level check. */
    private volatile LoggerLevels loggerLevels = LoggerLevels.NONE;

    /** A router with no routes, independent of {@link #global()}. */
    public Router() {
        this(System.err, System::nanoTime);
    }

    Router(PrintStream err, LongSupplier nanoTime) {
        this.err = err;
        this.nanoTime = nanoTime;
        this.timers = new RouterTimers(this);
        this.afterClose = new AfterClose(err);
    }

    /** The router behind {@link dev.signals.Signals}, configured on first use (see {@link GlobalRouter}). */
    public static Router global() {
        return GlobalRouter.configured();
    }

    // ---------------------------------------------------------------- routing in code

    /**
     * Starts a route with filters, sampling and delivery settings; {@link RouteBuilder#to}
     * finishes it.
     *
     * @throws IllegalArgumentException for a malformed pattern
     */
    public RouteBuilder route(String pattern) {
        return new RouteBuilder(this, pattern);
    }

    /** Routes signals matching {@code pattern} ({@code ORDER_CREATED}, {@code ORDER_*}, {@code *}) to {@code sink}. */
    public Route route(String pattern, Sink sink) {
        return route(pattern, Severity.TRACE, null, null, sink, DeliveryPolicy.DIRECT);
    }

    /**
     * Routes signals matching {@code pattern} at or above {@code minSeverity} to {@code sink}.
     *
     * @throws IllegalArgumentException for a malformed pattern
     */
    public Route route(String pattern, Severity minSeverity, Sink sink) {
        return route(pattern, minSeverity, null, null, sink, DeliveryPolicy.DIRECT);
    }

    /** Routes to {@code sink} delivered under {@code policy} (asynchronous, retried, with a breaker…). */
    public Route route(String pattern, Severity minSeverity, Sink sink, DeliveryPolicy policy) {
        return route(pattern, minSeverity, null, null, sink, policy);
    }

    /**
     * The general form: signals matching {@code pattern}, at or above {@code minSeverity},
     * passing {@code filter} and {@code sampler} (each {@code null} for none), go to
     * {@code sink} under {@code policy}. A sink routed several times keeps the policy it was
     * first routed with.
     *
     * @throws IllegalArgumentException for a malformed pattern, or a sink already routed with another policy
     */
    public Route route(String pattern, Severity minSeverity, RouteFilter filter, Sampler sampler, Sink sink,
                       DeliveryPolicy policy) {
        return route(pattern, minSeverity, filter, sampler, null, sink, policy, null);
    }

    /** The general form with a name for the sink in {@link #stats()}; {@code null} names it after its class. */
    Route route(String pattern, Severity minSeverity, RouteFilter filter, Sampler sampler, Sink sink,
                DeliveryPolicy policy, String name) {
        return route(pattern, minSeverity, filter, sampler, null, sink, policy, name);
    }

    /** The general form with a rate limit ({@code null} for none) and a name for the sink in {@link #stats()}. */
    Route route(String pattern, Severity minSeverity, RouteFilter filter, Sampler sampler, RateLimit rateLimit, Sink sink,
                DeliveryPolicy policy, String name) {
        RoutePattern parsed = RoutePattern.parse(pattern);
        if (sink == null || minSeverity == null || policy == null) {
            throw new NullPointerException(sink == null ? "sink" : minSeverity == null ? "minSeverity" : "policy");
        }
        synchronized (lock) {
            ensureOpen();
            SinkChannel channel = codeChannel(sink, policy, name);
            Route route = new Route(List.of(parsed), minSeverity, filter, sampler, rateLimit, List.of(channel), this);
            codeRoutes.add(route);
            swapTable();
            publishChannels();
            return route;
        }
    }

    private SinkChannel codeChannel(Sink sink, DeliveryPolicy policy, String name) {
        SinkChannel existing = codeSinks.get(sink);
        if (existing != null) {
            if (existing.policy() != policy && policy != DeliveryPolicy.DIRECT) {
                throw new IllegalArgumentException("sink " + existing.name() + " is already routed with another delivery policy");
            }
            return existing;
        }
        SinkChannel fallback = policy.fallback() == null ? null : codeChannel(policy.fallback(), DeliveryPolicy.DIRECT, null);
        SinkChannel channel = newChannel(name != null ? name : nameOf(sink), Severity.TRACE, sink, policy, fallback);
        codeSinks.put(sink, channel);
        return channel;
    }

    /**
     * Removes a route. A sink left with no route (and no sink's fallback) is drained, flushed and closed.
     *
     * @return false when the route is not (or no longer) in this router
     */
    public boolean remove(Route route) {
        List<SinkChannel> orphans = new ArrayList<>();
        RouteTable before;
        synchronized (lock) {
            if (!codeRoutes.remove(route)) {
                return false;
            }
            before = table;
            swapTable();
            Set<SinkChannel> inUse = new LinkedHashSet<>(table.sinks());
            for (SinkChannel c : table.sinks()) {
                if (c.fallbackChannel() != null) {
                    inUse.add(c.fallbackChannel());
                }
            }
            codeSinks.values().removeIf(c -> {
                boolean orphan = !inUse.contains(c);
                if (orphan) {
                    orphans.add(c);
                }
                return orphan;
            });
            retiring.addAll(orphans);
            publishChannels();
        }
        retire(before, orphans, config.options.shutdownTimeout());
        return true;
    }

    /** The routes in force, code routes first. */
    public List<Route> routes() {
        return closed ? List.of() : table.routes();
    }

    // ---------------------------------------------------------------- routing by config

    /**
     * Applies a config file: its sinks and routes replace those of the previous config (code
     * routes stay). A sink whose definition did not change keeps running untouched; sinks the
     * new config no longer has are drained, flushed and closed. With {@code reloadIntervalMs}
     * above zero (the default is 5000), the file is watched and applied again when it changes;
     * a rejected edit is reported as {@link RouterSignals#CONFIG_REJECTED} and on stderr, and
     * the routes in force stay.
     *
     * @throws ConfigException naming the file, line, column and key when the file is wrong in
     *     any way; the routes in force are then left as they were
     */
    public void configure(Path configFile) {
        ConfigFile file = ConfigFile.read(configFile);
        apply(file.text(), file.source());
        timers.watch(configFile, file.fingerprint(), config.options.reloadInterval());
    }

    /**
     * Applies a config document given as text (no reload).
     *
     * @param source how error messages name it
     */
    public void configure(String json, String source) {
        apply(json, source);
        timers.unwatch();
    }

    private void apply(String json, String source) {
        ConfigNode root = ConfigParser.parse(json, source);
        List<SinkChannel> replaced = new ArrayList<>();
        RouterOptions options;
        RouteTable before;
        synchronized (lock) {
            ensureOpen();
            if (factories == null) {
                factories = SinkFactories.load(Router.class.getClassLoader(), err);
            }
            ConfigState next = new ConfigApplier(this, factories).build(root, config);
            Set<SinkChannel> kept = new LinkedHashSet<>();
            for (ConfigState.ConfiguredSink s : next.sinks.values()) {
                kept.add(s.handle);
            }
            for (ConfigState.ConfiguredSink s : config.sinks.values()) {
                if (!kept.contains(s.handle)) {
                    replaced.add(s.handle);
                }
            }
            config = next;
            loggerLevels = next.options.loggers();
            before = table;
            swapTable();
            retiring.addAll(replaced);
            publishChannels();
            options = next.options;
        }
        timers.emitStatsEvery(options.statsInterval());
        retire(before, replaced, options.shutdownTimeout());
        emitInternal(Event.builder(RouterSignals.CONFIG_APPLIED).message("Config applied from " + source)
                .fields(Field.of("source", source), Field.of("sinks", (long) config.sinks.size()),
                        Field.of("routes", (long) config.routes.size()))
                .build());
    }

    /**
     * Closes sinks that the table {@code before} could reach and its successor cannot: once
     * every dispatch still delivering through {@code before} has finished (or the timeout has
     * passed), so that no event is handed to a closed sink. Their final figures stay in
     * {@link #stats()}.
     */
    private void retire(RouteTable before, List<SinkChannel> leaving, Duration timeout) {
        if (leaving.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        if (!DeliveryStack.awaitLeft(before.id, deadline)) {
            err.println("Signals: dispatches through the replaced routes were still running after " + timeout.toMillis()
                    + " ms; closing the retired sinks anyway (later events to them are counted as dropped, SHUTDOWN)");
        }
        closeAll(leaving, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        synchronized (lock) {
            for (SinkChannel c : leaving) {
                if (retiring.remove(c)) {
                    retired.add(c.stats());
                }
            }
            if (!closed) {
                publishChannels();
            }
        }
    }

    /** Checks the watched config file for changes now, instead of at the next interval. */
    void checkConfigNow() {
        timers.checkNow();
    }

    /** Reports a refused config, as a signal and on stderr. */
    void reportRejected(String source, ConfigException error) {
        err.println("Signals: config " + source + " refused; the routes in force stay: " + error.getMessage());
        emitInternal(Event.builder(RouterSignals.CONFIG_REJECTED).message("Config refused: " + error.getMessage())
                .fields(Field.of("source", source), Field.of("problem", error.getMessage()))
                .build());
    }

    // ---------------------------------------------------------------- dispatch

    @Override
    public boolean isRouted(Signal signal) {
        return !table.targets(signal).isEmpty();
    }

    /**
     * Makes the event of {@code signal} on this thread and delivers it, as {@code Signals.emit}
     * does: the synchronous sinks routed to the signal that ask for it act first, before the
     * event is stamped and numbered (see {@link BeforeCapture}).
     */
    @Override
    public void emit(Signal signal, String message, Field[] bound, Field[] fields) {
        RouteTable t = table;
        Targets targets = t.targets(signal);
        if (targets.isEmpty()) {
            return;
        }
        targets.beforeCapture(signal);
        deliver(t, targets, Event.capture(signal, message, bound, fields), null);
    }

    @Override
    public void dispatch(Event event) {
        RouteTable t = table;
        Targets targets = t.targets(event.signal());
        if (targets.isEmpty()) {
            return;
        }
        deliver(t, targets, event, null);
    }

    /** The config's {@code "loggers"} levels ({@link LoggerLevels#NONE} before a config and without the section). */
    @Override
    public LoggerLevels loggerLevels() {
        return loggerLevels;
    }

    /** Replaces the fields the config redacts, for span attributes and other paths that are not events. */
    @Override
    public Field[] redact(Field[] fields) {
        UnaryOperator<Field> redactor = table.redactor();
        if (redactor == null || fields == null) {
            return fields;
        }
        Field[] out = fields;
        for (int i = 0; i < fields.length; i++) {
            Field f = fields[i];
            Field r = f == null ? null : redactor.apply(f);
            if (r != f) {
                if (out == fields) {
                    out = fields.clone();
                }
                out[i] = r;
            }
        }
        return out;
    }

    /** Delivers to every target but {@code except}; how reports about a sink avoid that sink. */
    void dispatchExcept(Event event, SinkChannel except) {
        RouteTable t = table;
        Targets targets = t.targets(event.signal());
        if (!targets.isEmpty()) {
            deliver(t, targets, event, except);
        }
    }

    /** Dispatches an event the router itself made. */
    void emitInternal(Event event) {
        dispatchExcept(event, null);
    }

    /**
     * Delivers to {@code targets} of {@code t}, or through the table that replaced it: the
     * dispatch marks the table it uses in its thread's {@link DeliveryStack}, so that the sinks a reload retires
     * outlive it.
     */
    private void deliver(RouteTable t, Targets targets, Event event, SinkChannel except) {
        long[] stack = DeliveryStack.current();
        int level = DeliveryStack.depth(stack);
        while (true) {
            DeliveryStack.enterTable(stack, level, t.id);
            try {
                if (table == t) {
                    if (level >= DeliveryStack.MAX_DEPTH) {
                        targets.drop(DropReason.NESTED, except);
                        return;
                    }
                    UnaryOperator<Field> redactor = t.redactor();
                    targets.deliver(redactor == null ? event : event.mapFields(redactor), except, stack, level);
                    return;
                }
            } finally {
                DeliveryStack.leaveTable(stack, level);
            }
            t = table; // swapped meanwhile: deliver wholly by the new table
            targets = t.targets(event.signal());
        }
    }

    @Override
    public int snapshot(String reason) {
        int started = 0;
        for (SinkChannel c : channels) {
            if (c.sink() instanceof SnapshotTrigger) {
                try {
                    if (((SnapshotTrigger) c.sink()).snapshot(reason)) {
                        started++;
                    }
                } catch (Throwable t) {
                    err.println("Signals: snapshot by sink '" + c.name() + "' failed: " + Failures.describe(t));
                }
            }
        }
        return started;
    }

    // ---------------------------------------------------------------- figures and lifecycle

    /**
     * The figures of every sink: delivered, dropped by reason, failures, queue depth, breaker
     * state. After {@link #close}, the final figures of the sinks held at closing.
     */
    public RouterStats stats() {
        Map<String, SinkStats> out = new LinkedHashMap<>();
        for (SinkChannel c : channels) {
            out.merge(c.name(), c.stats(), SinkStats::plus);
        }
        return new RouterStats(retired.addTo(out), afterClose.count());
    }

    /**
     * Delivers what every sink has queued and flushes every sink, waiting at most the
     * shutdown timeout (5 s unless the config sets {@code shutdownTimeoutMs}).
     *
     * @return whether every sink was flushed in time
     */
    public boolean flush() {
        return flush(config.options.shutdownTimeout());
    }

    /** Like {@link #flush()}, waiting at most {@code timeout} in all. */
    public boolean flush(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean all = true;
        for (SinkChannel c : channels) {
            all &= c.flush(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        }
        return all;
    }

    /** Closes the router with the configured shutdown timeout (5 s by default). */
    public void close() {
        close(config.options.shutdownTimeout());
    }

    /**
     * Closes the router: no more deliveries; every queue is drained and every sink flushed and
     * closed within {@code deadline}. What could not be delivered by then is counted as dropped
     * at shutdown and reported on stderr. Idempotent.
     */
    public void close(Duration deadline) {
        List<SinkChannel> all;
        boolean second;
        synchronized (lock) {
            second = closing;
            closing = true;
            all = channels;
        }
        if (second) {
            awaitClosed(deadline); // outside the lock: the first closer needs it to finish
            return;
        }
        removeShutdownHook();
        timers.close();
        try {
            // The routes stay in force while the sinks drain: what other shutdown hooks log
            // meanwhile is still delivered; a sink closed already counts it (SHUTDOWN).
            closeAll(all, deadline);
        } finally {
            synchronized (lock) {
                closed = true;
                table = everythingTo(newChannel("after-close", Severity.TRACE, afterClose, DeliveryPolicy.DIRECT, null));
                codeRoutes.clear();
                codeSinks.clear();
                config = ConfigState.EMPTY;
            }
            closeFinished.countDown();
        }
    }

    /** Set by {@link GlobalRouter}: the hook that closes this router when the JVM exits. */
    void shutdownHook(Thread hook) {
        shutdownHook = hook;
    }

    /** An explicit close releases the hook, so the hook thread no longer holds the router and its class loader. */
    private void removeShutdownHook() {
        Thread hook = shutdownHook;
        if (hook == null || Thread.currentThread() == hook) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // The JVM is exiting: the hook runs, finds the router closed, and returns.
        }
        shutdownHook = null;
    }

    /** A second closer waits for the first to finish, so that figures read afterwards are final. */
    private void awaitClosed(Duration deadline) {
        try {
            closeFinished.await(deadline.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean isClosed() {
        return closed;
    }

    // ---------------------------------------------------------------- internals

    SinkChannel newChannel(String name, Severity minSeverity, Sink sink, DeliveryPolicy policy, SinkChannel fallback) {
        return new SinkChannel(name, minSeverity, sink, policy, fallback, this::dispatchExcept, err, nanoTime);
    }

    Route newRoute(List<RoutePattern> patterns, Severity minSeverity, RouteFilter filter, Sampler sampler,
                   RateLimit rateLimit, List<SinkChannel> sinks) {
        return new Route(patterns, minSeverity, filter, sampler, rateLimit, sinks, this);
    }

    LongSupplier nanoTime() {
        return nanoTime;
    }

    PrintStream err() {
        return err;
    }

    /** Publishes the channels in force, then those being retired, as one immutable list. Under the lock. */
    private void publishChannels() {
        Set<SinkChannel> all = new LinkedHashSet<>(table.sinks());
        all.addAll(codeSinks.values());
        for (ConfigState.ConfiguredSink s : config.sinks.values()) {
            all.add(s.handle);
        }
        all.addAll(retiring);
        channels = List.copyOf(all);
    }

    private void swapTable() {
        if (startupChannel != null) {
            table = everythingTo(startupChannel);
            return;
        }
        List<Route> all = new ArrayList<>(codeRoutes);
        all.addAll(config.routes);
        table = new RouteTable(all, config.options.redact());
    }

    /** A table that sends every signal, whatever its severity, to {@code channel} alone. */
    private RouteTable everythingTo(SinkChannel channel) {
        return RouteTable.allTo(newRoute(List.of(RoutePattern.parse("*")), Severity.TRACE, null, null, null, List.of(channel)));
    }

    /** Holds every event in {@code buffer} until {@link #endStartup()}: the global router while it is configured. */
    void startBuffering(StartupBuffer buffer) {
        synchronized (lock) {
            startup = buffer;
            startupChannel = newChannel("startup", Severity.TRACE, buffer, DeliveryPolicy.DIRECT, null);
            swapTable();
        }
    }

    /** Puts the configured routes in force and delivers what was held meanwhile through them. */
    void endStartup() {
        StartupBuffer held;
        synchronized (lock) {
            held = startup;
            startup = null;
            startupChannel = null;
            swapTable();
            publishChannels();
        }
        if (held != null) {
            held.release(this);
        }
    }

    private void ensureOpen() {
        if (closing) {
            throw new IllegalStateException("the router is closed");
        }
    }

    private String nameOf(Sink sink) {
        String cls = sink.getClass().getSimpleName();
        int lambda = cls.indexOf("$$Lambda");
        String base = lambda >= 0 ? "lambda" : cls.isEmpty() ? "sink" : cls;
        return base + "#" + sinkNumbers.incrementAndGet();
    }

    private void closeAll(List<SinkChannel> channels, Duration deadline) {
        ChannelClosing.closeAll(channels, deadline, err);
    }
}
